/**
 * Issue 12's walk of a unit officer on the built bundle (preview, 320 px): open the
 * sample, choose last year's results, fill three criteria (a level chosen, one "Không
 * áp dụng", one with a pasted citation), undo one, see the totals and the target gap
 * change, print the sheet. On every view nothing widens the pane past 320 px and axe
 * finds no serious or critical violation, light and dark. Screenshots go to
 * test-results/e2e/ and, with UPDATE_DOC_IMAGES=1, to docs/images/ for the user guide.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkCriteriaSet } from '../../src/core/criteriaSet';
import { flattenSet } from '../../src/core/criteria';
import { formatNumber } from '../../src/core/format';
import { REPO_ROOT } from '../../scripts/demo';
import { describeViolations, openPreview, seriousViolations, SERVED_SAMPLE, shoot, startSession, type Preview, type Session, eventually, toDocs } from './harness';
import { sampleFacts, type SampleFacts } from './sample';
import { readUnitWorkbook } from '../../src/workbook/read';
import { readWorkbookFile } from '../../src/xlsx/read';
import { a1 } from '../../src/workbook/grid';
import type { FrameLocator, Locator } from 'playwright-core';

const BASELINE_CSV = path.join(REPO_ROOT, 'data', 'samples', 'ket-qua-2023-so-tu-phap.csv');
const SET = path.join(REPO_ROOT, 'data', 'criteria', 'so-2024.json');

let session: Session;
let preview: Preview;
let pane: FrameLocator;
let facts: SampleFacts;
/** A blank row of the sample where the bundled set allows "Không áp dụng", with its cells. */
let na: { code: string; maxPoints: number; declared: string; selfScore: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const vi = (n: number) => formatNumber(n, 'vi');

beforeAll(async () => {
  facts = await sampleFacts(SERVED_SAMPLE);
  const reading = readUnitWorkbook(await readWorkbookFile(SERVED_SAMPLE));
  if (!reading.ok) throw new Error('the sample has no score table');
  const set = checkCriteriaSet(JSON.parse(readFileSync(SET, 'utf8'))).set;
  if (!set) throw new Error('the bundled set does not load');
  const blank = (code: string) => {
    const a = reading.answers.find((x) => x.code === code);
    return a !== undefined && (a.selfScore === null || a.selfScore === undefined || a.selfScore === '') && (a.declared === null || a.declared === undefined || a.declared === '');
  };
  const node = flattenSet(set).find((n) => n.notApplicableAllowed && blank(n.code) && reading.rowOf.has(n.code));
  const { declared, selfScore } = reading.layout.columns;
  if (!node || declared === undefined || selfScore === undefined) throw new Error('the sample has no blank row allowing "Không áp dụng"');
  const row = (reading.rowOf.get(node.code) as number) - 1;
  na = { code: node.code, maxPoints: node.maxPoints, declared: a1(row, declared), selfScore: a1(row, selfScore) };
  session = await startSession();
  preview = await openPreview(session);
  pane = preview.pane;
});

afterAll(async () => {
  await session?.close();
});


const gridText = (address: string) => preview.page.locator(`table.grid td[data-address="${address}"]`).textContent();
const card = (code: string) => pane.getByRole('region', { name: new RegExp(`^${escape(code)}\\. `) });
const header = () => pane.locator('[data-progress]').textContent();
const gap = () => pane.locator('[data-target-gap]').textContent();

async function openCriterion(code: string): Promise<Locator> {
  await pane.getByRole('tab', { name: 'Tiêu chí' }).click();
  await pane.getByRole('searchbox', { name: 'Tìm theo mã hoặc nội dung' }).fill(code);
  await pane.getByRole('treeitem', { name: new RegExp(`^${escape(code)} `) }).click();
  await card(code).waitFor();
  return card(code);
}

/** Nothing in the pane is wider than the pane. */
async function paneWidth(): Promise<{ inner: number; scroll: number; culprit: string }> {
  return preview.paneFrame().evaluate(() => {
    // The innermost element reaching past the pane's right edge, to say what widened it.
    const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5);
    const inner = wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)));
    const culprit = inner.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('role') ? `[role=${e.getAttribute('role')}]` : ''} "${(e.textContent ?? '').slice(0, 30)}"`).join(', ');
    return { inner: window.innerWidth, scroll: document.documentElement.scrollWidth, culprit };
  });
}

const report: string[] = [];
const widths: string[] = [];
async function checkView(name: string): Promise<void> {
  const w = await paneWidth();
  if (w.scroll > 320 || w.inner !== 320) widths.push(`${name}: ${w.scroll} px wide in a ${w.inner} px pane (${w.culprit})`);
  const violations = await seriousViolations(preview.paneFrame());
  if (violations.length > 0) report.push(`${name}:\n${describeViolations(violations)}`);
}

async function docImage(state: string): Promise<void> {
  toDocs(await shoot(preview, state));
}

test('last year\'s results put the gap to the 2024 target in the header', async () => {
  await pane.getByRole('tab', { name: 'Mục tiêu' }).click();
  const input = pane.getByLabel('Chọn tệp kết quả năm trước (CSV/JSON)');
  await input.waitFor({ state: 'attached' });
  await input.setInputFiles(BASELINE_CSV);
  await pane.getByRole('status').filter({ hasText: 'Đang dùng tệp' }).waitFor();
  await eventually(async () => expect(await gap()).toMatch(/mục tiêu 2024/));
  await checkView('targets');
});

test('a level chosen: the cell, the score and the target gap change', async () => {
  const c = facts.fillable[0];
  const [beforeHeader, beforeGap] = [await header(), await gap()];
  const form = await openCriterion(c.code);
  await form.getByRole('radiogroup', { name: 'Chọn mức đạt được' }).getByRole('radio', { name: new RegExp(`: ${escape(vi(c.maxPoints))} điểm$`) }).first().check();
  await eventually(async () => expect(await gridText(c.cells.selfScore)).toBe(String(c.maxPoints)));
  await eventually(async () => expect(await pane.locator('[data-save="saved"]').textContent()).toMatch(new RegExp(`^Đã ghi vào bảng tính lúc \\d\\d:\\d\\d \\(${c.cells.selfScore}\\)`)));
  expect(await header()).not.toBe(beforeHeader);
  expect(await gap()).not.toBe(beforeGap);
  await checkView('level');
  await docImage('level');
});

test('"Không áp dụng" where the set allows it: the row leaves the maximum, with its reason', async () => {
  const max = async () => Number((/Điểm: [\d,]+\/([\d,]+)/.exec((await header()) ?? '')?.[1] ?? '').replace(',', '.'));
  const before = await max();
  const form = await openCriterion(na.code);
  await form.getByRole('checkbox', { name: 'Không áp dụng' }).check();
  const reason = form.getByLabel(/Lý do không áp dụng/);
  await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
  await reason.fill('Năm 2024 đơn vị không được giao nhiệm vụ này');
  await eventually(async () => expect(await gridText(na.declared)).toBe('Không áp dụng'));
  await eventually(async () => expect(await max()).toBeCloseTo(before - na.maxPoints, 6));
  await expect(pane.getByText('không cho phép', { exact: false }).count()).resolves.toBe(0);
  await checkView('not-applicable');
  await docImage('not-applicable');
});

test('a pasted citation fills the evidence fields; "Hoàn tác" takes it back', async () => {
  const c = facts.fillable[1];
  const form = await openCriterion(c.code);
  await form.getByRole('button', { name: 'Thêm tài liệu' }).click();
  const doc = form.getByRole('group', { name: 'Tài liệu 1' });
  await doc.getByLabel('Số, ký hiệu').fill('Kế hoạch số 15/KH-STP ngày 2024-01-20 của Sở Tư pháp về tuyên truyền CCHC');
  await expect(doc.getByLabel('Số, ký hiệu').inputValue()).resolves.toBe('15/KH-STP');
  await expect(doc.getByLabel('Ngày ban hành').inputValue()).resolves.toBe('20/1/2024');
  const text = 'Kế hoạch số 15/KH-STP ngày 20/1/2024 của Sở Tư pháp về tuyên truyền CCHC';
  await eventually(async () => expect(await gridText(c.cells.evidence)).toBe(text));
  await checkView('evidence');
  await docImage('evidence');
  await pane.getByRole('button', { name: /^Hoàn tác/ }).click();
  await eventually(async () => expect(await gridText(c.cells.evidence)).toBe(''));
  await pane.locator('[data-save="undone"]').waitFor();
});

test('help: the key steps and the open criterion\'s method, copyable', async () => {
  await pane.getByRole('tab', { name: 'Hướng dẫn' }).click();
  await pane.getByRole('heading', { name: 'Hướng dẫn chấm điểm' }).waitFor();
  await expect(pane.getByRole('button', { name: /^Sao chép/ }).count()).resolves.toBeGreaterThan(0);
  await checkView('help');
  await docImage('help');
  await pane.getByRole('tab', { name: /^Phát hiện/ }).click();
  await checkView('findings');
});

test('"In phiếu" prints with the letterhead\'s parent authority; its message stays inside the pane', async () => {
  await pane.getByRole('button', { name: /^In phiếu/ }).click();
  await pane.locator('[data-print-result]').waitFor();
  await preview.page.getByRole('tab', { name: /Phiếu chấm điểm/ }).waitFor();
  await expect(preview.page.locator('table.grid').textContent()).resolves.toContain('UBND TỈNH BẮC KẠN');
  await expect(preview.page.locator('table.grid').textContent()).resolves.not.toContain('TÊN CƠ QUAN, TỔ CHỨC CHỦ QUẢN');
  await checkView('printed');
  await docImage('printed');
});

test('dark: every view again', async () => {
  const before = await preview.paneFrame().evaluate(() => performance.timeOrigin);
  await preview.page.getByRole('combobox', { name: /Giao diện/ }).selectOption('dark');
  await eventually(async () => expect(await preview.paneFrame().evaluate(() => performance.timeOrigin)).toBeGreaterThan(before));
  await pane.getByRole('tree', { name: 'Lĩnh vực và tiêu chí' }).waitFor();
  await openCriterion(na.code);
  await checkView('dark-card');
  for (const [tab, name] of [['Mục tiêu', 'dark-targets'], ['Hướng dẫn', 'dark-help'], [/^Phát hiện/, 'dark-findings']] as const) {
    await pane.getByRole('tab', { name: tab }).click();
    await new Promise((r) => setTimeout(r, 300));
    await checkView(name);
  }
});

test('nothing widened the pane and axe found no serious or critical violation', () => {
  expect(widths).toEqual([]);
  expect(report.join('\n')).toBe('');
});
