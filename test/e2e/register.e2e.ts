/**
 * Issue 16 in the built pane (preview, 320 px): the officer picks the unit's register of
 * outgoing documents, made here in code in the Decree 30/2020 layout (Phụ lục IV) from the
 * sample's own citations, with planted faults: a cited document absent, a date typo, a row
 * whose date is no date, and a plan that fits a criterion without evidence. The .xlsx is
 * read by the pane's register worker. The summary and findings show; a finding leads to
 * its cell; "Trích dẫn" writes the citation into the criterion's evidence cell and
 * "Hoàn tác" takes it back. Nothing widens the pane, axe finds no serious or critical
 * violation (light and dark). Screenshots to test-results/e2e/ and, with
 * UPDATE_DOC_IMAGES=1, docs/images/register-*.png for the user guide.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cellText } from '../../src/core/answers';
import { flattenSet } from '../../src/core/criteria';
import { parseEvidence } from '../../src/core/evidence';
import { splitPastedCitation } from '../../src/taskpane/evidenceEntries';
import { a1 } from '../../src/workbook/grid';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import type { WriteValue } from '../../src/workbook/grid';
import { readWorkbookFile } from '../../src/xlsx/read';
import { writeSpecToBuffer } from '../../src/xlsx/write';
import type { Locator } from 'playwright-core';
import { describeViolations, eventually, openPreview, seriousViolations, SERVED_SAMPLE, shoot, startSession, type Preview, type Session, toDocs } from './harness';

let session: Session;
let preview: Preview;
let dir: string;
let registerFile: string;
let reading: UnitReading;
let planted: Planted;

/** What the register leaves out or gets wrong, by criterion and evidence cell. */
interface Planted {
  absent: { code: string; symbol: string; cell: string };
  typo: { codes: string[]; symbol: string; cited: string; register: string };
  suggested: { code: string; symbol: string; cell: string };
  brokenDate: string;
  /** Citations of the unit's own documents in the sample (one per criterion and document). */
  cited: number;
}

const ISSUER = 'STP';
const dmy = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const evidenceCell = (code: string) => a1((reading.rowOf.get(code) as number) - 1, reading.layout.columns.evidence as number);

/**
 * The sample's own documents (symbol ending in -STP) as register rows, in the Decree 30
 * layout: title, header, the (1)..(10) numbering row, then one row per document, with the
 * first document left out, the second one's date a day later, a row with 31/02/2024, and a
 * plan fitting the first criterion without evidence whose requirement is a plan.
 */
function decree30Register(r: UnitReading): { rows: WriteValue[][]; planted: Planted } {
  const own = new Map<string, { date: string; codes: string[]; subject: string }>();
  let cited = 0;
  for (const a of r.answers) {
    const seen = new Set<string>();
    for (const ref of parseEvidence(cellText(a.evidence)).refs) {
      if (!ref.symbol || !ref.date || !ref.issuer?.split('-').includes(ISSUER) || seen.has(ref.symbol)) continue;
      seen.add(ref.symbol);
      cited++;
      // The register's summary: the kind, then what the citation says the document is about (else the criterion's name).
      const name = flattenSet(r.set).find((n) => n.code === a.code)?.name ?? '';
      const said = (splitPastedCitation(ref.raw)?.subject ?? '').replace(/^về\s+/u, '').replace(/\s*\(.*$/u, '');
      const about = /^\p{L}/u.test(said) ? said : name.charAt(0).toLowerCase() + name.slice(1);
      const kind = ref.kind?.vi ?? 'văn bản';
      const doc = own.get(ref.symbol) ?? { date: ref.date, codes: [], subject: `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${about}` };
      doc.codes.push(a.code);
      own.set(ref.symbol, doc);
    }
  }
  const docs = [...own.entries()];
  // The absent one is cited once; the typo is on a document cited by the most criteria.
  const absent = docs.find(([, d]) => d.codes.length === 1);
  const typo = [...docs].sort((x, y) => y[1].codes.length - x[1].codes.length).find((d) => d !== absent);
  if (!absent || !typo) throw new Error('the sample cites too few of its own documents');
  const blank = flattenSet(r.set).find((n) => !n.children?.length && n.scoredBy !== 'survey' && /^Kế hoạch\s/u.test(n.evidence ?? '') && r.rowOf.has(n.code) && cellText(r.answers.find((a) => a.code === n.code)?.evidence) === '');
  if (!blank?.evidence) throw new Error('the sample has no criterion without evidence asking for a plan');
  const plan = { symbol: `35/KH-${ISSUER}`, date: '01/03/2024', summary: blank.evidence.split(';')[0].trim() };

  const rows: WriteValue[][] = [
    ['SỞ TƯ PHÁP'],
    ['SỔ ĐĂNG KÝ VĂN BẢN ĐI'],
    ['Năm: 2024'],
    [],
    ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú'],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)'],
  ];
  const row = (symbol: string, date: string, summary: string): WriteValue[] => [symbol, date, summary, 'Nguyễn Văn An', 'Sở Nội vụ', 'Văn phòng', 2, date, '', ''];
  for (const [symbol, d] of docs) {
    if (symbol === absent[0]) continue;
    rows.push(row(symbol, dmy(symbol === typo[0] ? nextDay(d.date) : d.date), d.subject));
  }
  rows.push(row(plan.symbol, plan.date, plan.summary));
  const brokenDate = '31/02/2024';
  rows.push(row(`50/${ISSUER}-VP`, brokenDate, 'Công văn về việc cử công chức dự hội nghị'));
  return {
    rows,
    planted: {
      absent: { code: absent[1].codes[0], symbol: absent[0], cell: evidenceCell(absent[1].codes[0]) },
      typo: { codes: typo[1].codes, symbol: typo[0], cited: dmy(typo[1].date), register: dmy(nextDay(typo[1].date)) },
      suggested: { code: blank.code, symbol: plan.symbol, cell: evidenceCell(blank.code) },
      brokenDate,
      cited,
    },
  };
}

beforeAll(async () => {
  const read = readUnitWorkbook(await readWorkbookFile(SERVED_SAMPLE));
  if (!read.ok) throw new Error('the sample has no score table');
  reading = read;
  if (reading.layout.columns.evidence === undefined) throw new Error('the sample has no evidence column');
  const made = decree30Register(reading);
  planted = made.planted;
  dir = mkdtempSync(path.join(os.tmpdir(), 'chiso-e2e-register-'));
  registerFile = path.join(dir, 'so-dang-ky-van-ban-di-2024.xlsx');
  writeFileSync(registerFile, await writeSpecToBuffer({ sheets: [{ name: 'Sổ văn bản đi 2024', values: made.rows }] }));
  session = await startSession();
  preview = await openPreview(session);
}, 300_000);

afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The count in the "Phát hiện" tab's label. */
const findingsTab = async () => Number(/\((\d+)\)$/.exec((await preview.pane.getByRole('tab', { name: /^Phát hiện/ }).textContent()) ?? '')?.[1]);
/** The tab's count before any register was chosen. */
let findingsBefore = Number.NaN;

const gridText = (address: string) => preview.page.locator(`table.grid td[data-address="${address}"]`).textContent();
const count = (name: string) => preview.pane.locator(`[data-count="${name}"]`).textContent();

/** Nothing in the pane is wider than the pane. */
async function paneWidth(): Promise<{ inner: number; scroll: number }> {
  return preview.paneFrame().evaluate(() => ({ inner: window.innerWidth, scroll: document.documentElement.scrollWidth }));
}

const problems: string[] = [];
async function checkView(name: string): Promise<void> {
  const w = await paneWidth();
  if (w.scroll > w.inner || w.inner !== 320) problems.push(`${name}: ${w.scroll} px wide in a ${w.inner} px pane`);
  const violations = await seriousViolations(preview.paneFrame());
  if (violations.length > 0) problems.push(`${name}:\n${describeViolations(violations)}`);
}

/** The pane scrolled to `top`, shot; copied to docs/images/register-320-<state>.png with UPDATE_DOC_IMAGES=1. */
async function docImage(state: string, top: Locator): Promise<void> {
  await top.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  toDocs(await shoot(preview, `register-${state}`), `register-320-${state}.png`);
}

test('the register (.xlsx, Decree 30 layout) is read in the pane: the counts, the findings, the unreadable row', async () => {
  const pane = preview.pane;
  await pane.getByRole('tab', { name: 'Sổ văn bản' }).click();
  await pane.getByRole('heading', { name: 'Đối chiếu sổ văn bản' }).waitFor();
  await checkView('register-empty');
  findingsBefore = await findingsTab();
  expect(findingsBefore).toBeGreaterThan(0);
  await pane.getByLabel('Chọn tệp sổ đăng ký văn bản đi (.xlsx, .csv)').setInputFiles(registerFile);
  await pane.locator('[data-register-status]').filter({ hasText: 'Đã đọc sổ "so-dang-ky-van-ban-di-2024.xlsx"' }).waitFor({ timeout: 60_000 });

  expect(await count('cited')).toBe(String(planted.cited));
  expect(await count('notFound')).toBe('1');
  expect(await count('dateDiffers')).toBe(String(planted.typo.codes.length));
  expect(await count('found')).toBe(String(planted.cited - 1 - planted.typo.codes.length));

  const absent = pane.locator(`[data-register-findings] li[data-finding="EVIDENCE_NOT_IN_REGISTER"][data-criterion="${planted.absent.code}"]`);
  await expect(absent.textContent()).resolves.toContain(planted.absent.symbol);
  for (const code of planted.typo.codes) {
    const typo = await pane.locator(`[data-register-findings] li[data-finding="EVIDENCE_DATE_DIFFERS"][data-criterion="${code}"]`).textContent();
    expect(typo).toContain(planted.typo.symbol);
    expect(typo).toContain(planted.typo.register);
  }
  await expect(pane.locator('[data-register-problems]').textContent()).resolves.toContain(planted.brokenDate);
  expect(preview.errors).toEqual([]);
  await checkView('register-read');
  await docImage('findings', pane.getByRole('heading', { name: 'Kết quả đối chiếu' }));
});

test('a finding leads to its evidence cell, and the view stays', async () => {
  const pane = preview.pane;
  await pane.getByRole('button', { name: `Đến ô ${planted.absent.cell} của tiêu chí ${planted.absent.code}` }).click();
  const selected = preview.page.locator('table.grid td[aria-selected="true"]');
  await eventually(async () => expect(await selected.first().getAttribute('data-address')).toBe(planted.absent.cell));
  await pane.locator('[data-register-summary]').waitFor();
});

test('the register\'s findings are counted in the "Phát hiện" tab, listed there, and lead to their cells', async () => {
  const pane = preview.pane;
  const fromRegister = await pane.locator('[data-register-findings] li').count();
  expect(fromRegister).toBeGreaterThanOrEqual(1 + planted.typo.codes.length);
  expect(await findingsTab()).toBe(findingsBefore + fromRegister);
  await pane.getByRole('tab', { name: /^Phát hiện/ }).click();
  const note = pane.locator('[data-findings-register]');
  await expect(note.textContent()).resolves.toContain(`Gồm ${fromRegister} phát hiện khi đối chiếu với sổ "so-dang-ky-van-ban-di-2024.xlsx"`);
  const region = pane.getByRole('region', { name: /Phát hiện/ });
  await region.waitFor();
  expect(await region.locator('li[data-finding]').count()).toBe(findingsBefore + fromRegister);
  expect(await region.locator('li[data-finding="EVIDENCE_DATE_DIFFERS"]').count()).toBe(planted.typo.codes.length);
  const absent = region.locator('li[data-finding="EVIDENCE_NOT_IN_REGISTER"]');
  expect(await absent.count()).toBe(1);
  await expect(absent.textContent()).resolves.toContain(planted.absent.symbol);
  await checkView('register-in-findings');
  await docImage('in-findings', note);
  await absent.getByRole('button', { name: `Đến ô ${planted.absent.cell}` }).click();
  const selected = preview.page.locator('table.grid td[aria-selected="true"]');
  await eventually(async () => expect(await selected.first().getAttribute('data-address')).toBe(planted.absent.cell));
  // Like every finding, it opens its criterion.
  await pane.getByRole('tab', { name: 'Tiêu chí', selected: true }).waitFor();
  await pane.getByRole('tab', { name: 'Sổ văn bản' }).click();
  await pane.locator('[data-register-summary]').waitFor();
});

test('"Trích dẫn" writes the suggested citation into the evidence cell; "Hoàn tác" takes it back', async () => {
  const pane = preview.pane;
  const item = pane.locator(`[data-suggest="${planted.suggested.code}"]`);
  await item.scrollIntoViewIfNeeded();
  await expect(item.textContent()).resolves.toContain(`Có thể dùng: Kế hoạch số ${planted.suggested.symbol} ngày 01/03/2024`);
  // Why it is offered: words of its summary, as written there.
  const matched = ((await item.locator('[data-matched]').first().textContent()) ?? '').match(/^khớp: (.+)$/)?.[1].split(', ') ?? [];
  expect(matched.length).toBeGreaterThan(0);
  const citation = ((await item.getByText(/^Có thể dùng:/).first().textContent()) ?? '').toLowerCase();
  for (const word of matched) expect(citation).toContain(word.toLowerCase());
  await checkView('register-suggestions');
  await docImage('suggestions', pane.getByRole('heading', { name: /^Gợi ý cho tiêu chí chưa có tài liệu/ }));
  await item.getByRole('button', { name: `Trích dẫn ${planted.suggested.symbol} vào ô tài liệu kiểm chứng của tiêu chí ${planted.suggested.code}` }).click();
  await eventually(async () => expect(await gridText(planted.suggested.cell)).toMatch(new RegExp(`^Kế hoạch số ${planted.suggested.symbol} ngày 01/03/2024`)));
  await eventually(async () => expect(await pane.locator('[data-save="saved"]').textContent()).toContain(planted.suggested.cell));
  await expect(pane.locator('[data-register-status]').textContent()).resolves.toContain(`vào ô ${planted.suggested.cell} của tiêu chí ${planted.suggested.code}`);
  // Now cited and found in the register: one more found, no longer suggested.
  await eventually(async () => expect(await count('found')).toBe(String(planted.cited - planted.typo.codes.length)));
  await expect(item.count()).resolves.toBe(0);
  await checkView('register-cited');
  await docImage('cited', pane.locator('[data-save]'));
  await pane.getByRole('button', { name: /^Hoàn tác/ }).click();
  await eventually(async () => expect(await gridText(planted.suggested.cell)).toBe(''));
  await pane.locator('[data-save="undone"]').waitFor();
  await eventually(async () => expect(await pane.locator(`[data-suggest="${planted.suggested.code}"]`).count()).toBe(1));
});

test('dark: the view again', async () => {
  const before = await preview.paneFrame().evaluate(() => performance.timeOrigin);
  await preview.page.getByRole('combobox', { name: /Giao diện/ }).selectOption('dark');
  await eventually(async () => expect(await preview.paneFrame().evaluate(() => performance.timeOrigin)).toBeGreaterThan(before));
  await preview.pane.getByRole('tab', { name: 'Sổ văn bản' }).click();
  await preview.pane.getByLabel('Chọn tệp sổ đăng ký văn bản đi (.xlsx, .csv)').setInputFiles(registerFile);
  await preview.pane.locator('[data-register-summary]').waitFor({ timeout: 60_000 });
  await checkView('register-dark');
});

test('nothing widened the pane and axe found no serious or critical violation', () => {
  expect(problems.join('\n')).toBe('');
});
