/**
 * The browser app, for units whose Excel cannot run the add-in: a workbook made by hand
 * (not by `template`) opened from disk, three criteria filled through the real pane, "Lưu
 * tệp" downloading it written back by the surgical writer, and the CLI's `validate` on the
 * download showing the three answers and nothing else changed (the zips compared part by
 * part). Also: no request ever leaves the page's origin, leaving with unsaved edits asks
 * first, the autosave is offered back when the same file is opened again, and the app
 * opens and works offline after the first visit (service worker).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { formatNumber } from '../../src/core/format';
import { PREVIEW_PAGE, REPO_ROOT } from '../../scripts/demo';
import { download, previewOf, SERVED_SAMPLE, SHOTS_DIR, startSession, type Preview, type Session, eventually } from './harness';
import { handmadeWorkbook } from './handmade';
import { sampleFacts, type FillableCriterion, type SampleFacts } from './sample';

const FILE_NAME = 'ubnd-huyen-cho-moi-2024.xlsx';
const TODAY = '2025-01-10';

let session: Session;
let source: string;
let facts: SampleFacts;
let filled: FillableCriterion[];
const scores = new Map<string, number>();
/** Every request any page, frame or worker of the context made. */
const requests: string[] = [];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  source = path.join(SHOTS_DIR, FILE_NAME);
  writeFileSync(source, await handmadeWorkbook());
  facts = await sampleFacts(source);
  filled = facts.fillable.slice(0, 3);
  if (filled.length < 3) throw new Error('the hand-made workbook needs three blank criteria with a list of scores');
  session = await startSession();
  session.context.on('request', (request) => requests.push(request.url()));
});

afterAll(async () => {
  await session?.close();
});


async function openApp(): Promise<Preview> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.server.url}/${PREVIEW_PAGE}`);
  await page.getByRole('heading', { name: /Chấm điểm trên trình duyệt, không cần Excel/ }).waitFor();
  return previewOf(page, errors);
}

async function paneReady(page: Page): Promise<FrameLocator> {
  await page.locator('table.grid td[data-address]').first().waitFor();
  const pane = page.frameLocator('#pane');
  await pane.getByRole('tree', { name: 'Lĩnh vực và tiêu chí' }).waitFor();
  return pane;
}

async function openCriterion(pane: FrameLocator, code: string): Promise<Locator> {
  await pane.getByRole('tab', { name: 'Tiêu chí' }).click();
  await pane.getByRole('searchbox', { name: 'Tìm theo mã hoặc nội dung' }).fill(code);
  await pane.getByRole('treeitem', { name: new RegExp(`^${escape(code)} `) }).click();
  const card = pane.getByRole('region', { name: new RegExp(`^${escape(code)}\\. `) });
  await card.waitFor();
  return card;
}

async function fillScore(pane: FrameLocator, page: Page, c: FillableCriterion, value: number): Promise<void> {
  const card = await openCriterion(pane, c.code);
  await card.getByLabel('Điểm tự đánh giá', { exact: true }).fill(formatNumber(value, 'vi'));
  await eventually(async () => expect(await page.locator(`table.grid td[data-address="${c.cells.selfScore}"]`).textContent()).toBe(String(value)), 15_000);
}

function validateJson(file: string): { totals: { self: number }; findings: { code: string; criterion: string | null; cell: string | null }[] } {
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'src/cli/main.ts', 'validate', file, '--json', '--today', TODAY], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.stdout.trim() === '') throw new Error(`validate printed nothing (exit ${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout).files[0];
}

/** `<c r="D12" ...>...</c>` elements of a sheet part by address, and the part with them taken out. */
function cellsOf(xml: string): { cells: Map<string, string>; rest: string } {
  const cells = new Map<string, string>();
  const rest = xml.replace(/<c r="([A-Z]+\d+)"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/c>)/g, (whole, address: string) => {
    cells.set(address, whole);
    return '';
  });
  return { cells, rest };
}

describe('the browser app on a workbook made by hand', () => {
  let app: Preview;
  let pane: FrameLocator;

  beforeAll(async () => {
    app = await openApp();
  });

  test('the page says that nothing leaves the machine, and the sample is labelled as one', async () => {
    await expect(app.page.locator('#privacy').textContent()).resolves.toMatch(/không gửi đi đâu.*nothing is sent anywhere/s);
    await expect(app.page.getByRole('button', { name: 'Mở bảng mẫu / Open the sample', exact: true }).isVisible()).resolves.toBe(true);
    await expect(app.page.locator('#sample-banner').isHidden()).resolves.toBe(true);
  });

  test('opens the officer\'s file from the file picker: grid and pane', async () => {
    await app.page.locator('#file-input').setInputFiles(source);
    pane = await paneReady(app.page);
    await expect(app.page.locator('#file-name').textContent()).resolves.toBe(FILE_NAME);
    await expect(app.page.locator('#sample-banner').isHidden()).resolves.toBe(true);
    await expect(app.page.locator(`table.grid td[data-address="A5"]`).textContent()).resolves.toBe('Đơn vị: UBND huyện Chợ Mới');
  });

  test('three criteria filled through the pane land in their cells and count as unsaved', async () => {
    for (const c of filled) {
      const value = c.allowed.find((v) => v > 0 && v < c.maxPoints) ?? c.maxPoints;
      await fillScore(pane, app.page, c, value);
      scores.set(c.code, value);
    }
    await eventually(async () => expect(await app.page.locator('#save-status').textContent()).toContain(`Có ${filled.length} ô đã sửa`), 15_000);
    await expect(app.page.locator('#save-status').getAttribute('data-dirty')).resolves.toBe('true');
  });

  test('leaving with unsaved edits asks first, and staying keeps the page', async () => {
    const dialog = app.page.waitForEvent('dialog');
    await app.page.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss();
    await new Promise((r) => setTimeout(r, 300));
    expect(app.page.isClosed()).toBe(false);
    await expect(app.page.locator('#file-name').textContent()).resolves.toBe(FILE_NAME);
  });

  test('"Lưu tệp" downloads the file with only the three cells changed; validate shows the three answers and nothing else', async () => {
    const saved = await download(app, FILE_NAME);
    await eventually(async () => expect(await app.page.locator('#save-status').getAttribute('data-dirty')).toBe('false'), 15_000);

    // The CLI on the download: the three answers, every other finding as before.
    const before = validateJson(source);
    const after = validateJson(saved);
    const sum = [...scores.values()].reduce((a, b) => a + b, 0);
    expect(after.totals.self).toBeCloseTo(before.totals.self + sum, 9);
    const key = (f: { code: string; criterion: string | null; cell: string | null }) => `${f.code} ${f.criterion} ${f.cell}`;
    const codes = new Set(filled.map((c) => c.code));
    expect(before.findings.filter((f) => !codes.has(f.criterion ?? '')).map(key)).toEqual(after.findings.filter((f) => !codes.has(f.criterion ?? '')).map(key));
    for (const c of filled) {
      expect(before.findings.map(key)).toContain(`SCORE_MISSING ${c.code} ${c.cells.selfScore}`);
      expect(after.findings.filter((f) => f.criterion === c.code && f.code === 'SCORE_MISSING')).toEqual([]);
    }

    // The zips: every part byte-identical but the score sheet (and workbook.xml, which
    // asks Excel to recalculate on open); in the sheet only the three cells and the
    // cached results of the SUMs over them differ.
    const [a, b] = await Promise.all([JSZip.loadAsync(readFileSync(source)), JSZip.loadAsync(readFileSync(saved))]);
    expect(Object.keys(b.files).sort()).toEqual(Object.keys(a.files).sort());
    const differing: string[] = [];
    for (const name of Object.keys(a.files).filter((n) => !a.files[n].dir)) {
      const [x, y] = await Promise.all([a.file(name)?.async('uint8array'), b.file(name)?.async('uint8array')]);
      if (!x || !y || Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0) differing.push(name);
    }
    expect(differing.sort()).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const [wa, wb] = await Promise.all([a.file('xl/workbook.xml')!.async('string'), b.file('xl/workbook.xml')!.async('string')]);
    expect(wb.replace(/<calcPr[^>]*\/>/, '')).toBe(wa.replace(/<calcPr[^>]*\/>/, ''));
    const [sa, sb] = await Promise.all([a.file('xl/worksheets/sheet1.xml')!.async('string'), b.file('xl/worksheets/sheet1.xml')!.async('string')]);
    const [ca, cb] = [cellsOf(sa), cellsOf(sb)];
    expect(cb.rest).toBe(ca.rest);
    const changed = [...new Set([...ca.cells.keys(), ...cb.cells.keys()])].filter((address) => ca.cells.get(address) !== cb.cells.get(address));
    const answers = filled.map((c) => c.cells.selfScore);
    expect(changed).toEqual(expect.arrayContaining(answers));
    for (const address of changed.filter((x) => !answers.includes(x))) {
      const formula = (xml: string | undefined) => /<f>([^<]*)<\/f>/.exec(xml ?? '')?.[1];
      expect([address, formula(cb.cells.get(address))]).toEqual([address, formula(ca.cells.get(address))]);
      expect(formula(ca.cells.get(address))).toMatch(/^SUM\(/);
    }
  });

  test('with everything saved, leaving does not ask', async () => {
    let asked = false;
    app.page.on('dialog', (dialog) => {
      asked = true;
      void dialog.dismiss();
    });
    await app.page.close({ runBeforeUnload: true });
    await eventually(async () => expect(app.page.isClosed()).toBe(true), 15_000);
    expect(asked).toBe(false);
    expect(app.errors).toEqual([]);
  });
});

describe('autosave', () => {
  test('edits not saved to a file are offered back when the same file is opened again', async () => {
    const first = await openApp();
    await first.page.locator('#file-input').setInputFiles(source);
    const pane = await paneReady(first.page);
    const c = facts.fillable[3];
    const value = c.allowed.find((v) => v > 0) ?? c.maxPoints;
    await fillScore(pane, first.page, c, value);
    // The autosave follows the status line.
    await eventually(async () => expect(await first.page.locator('#save-status').textContent()).toContain('Có 1 ô đã sửa'), 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    first.page.on('dialog', (dialog) => void dialog.accept());
    await first.page.close({ runBeforeUnload: true });
    await eventually(async () => expect(first.page.isClosed()).toBe(true), 15_000);

    const second = await openApp();
    await second.page.locator('#file-input').setInputFiles(source);
    const offer = second.page.getByRole('region', { name: /Có bản lưu tự động của tệp này/ });
    await offer.waitFor();
    await expect(offer.textContent()).resolves.toContain('1 ô đã sửa');
    await offer.getByRole('button', { name: /^Khôi phục/ }).click();
    await paneReady(second.page);
    await expect(second.page.locator(`table.grid td[data-address="${c.cells.selfScore}"]`).textContent()).resolves.toBe(String(value));
    await expect(second.page.locator('#save-status').getAttribute('data-dirty')).resolves.toBe('true');
    second.page.on('dialog', (dialog) => void dialog.accept());
    await second.page.close({ runBeforeUnload: true });
  });
});

describe('drop and print', () => {
  test('a file dropped on the page opens; printing gives the sheet alone on A4 landscape', async () => {
    const app = await openApp();
    const bytes = readFileSync(source).toString('base64');
    await app.page.evaluate(
      ([data, name]) => {
        const binary = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([binary], name));
        for (const type of ['dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      [bytes, FILE_NAME] as const,
    );
    // The autosave test above leaves an autosave of this file: discarded here.
    await app.page.locator('table.grid td[data-address], section.restore').first().waitFor();
    const offer = app.page.getByRole('region', { name: /Có bản lưu tự động của tệp này/ });
    if ((await offer.count()) > 0) await offer.getByRole('button', { name: /^Bỏ qua/ }).click();
    await paneReady(app.page);
    await expect(app.page.locator('#file-name').textContent()).resolves.toBe(FILE_NAME);

    await app.page.emulateMedia({ media: 'print' });
    for (const hidden of ['header', '.pane', '#sheet-tabs', 'table.grid thead']) expect([hidden, await app.page.locator(hidden).first().isVisible()]).toEqual([hidden, false]);
    await expect(app.page.locator('table.grid td[data-address="A5"]').isVisible()).resolves.toBe(true);
    const pdf = (await app.page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    // A4 landscape in points: 842 x 595.
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([842, 595]);
    await app.page.emulateMedia({ media: 'screen' });
    expect(app.errors).toEqual([]);
    await app.page.close();
  });
});

describe('consolidation from the page', () => {
  test('the pane\'s Tổng hợp mode over units\' files; "Lưu tệp" saves its new sheets into the file', async () => {
    // Two units' copies of the sample, told apart by their "Đơn vị:" line.
    const units = ['Sở Xây dựng', 'Sở Y tế'];
    const files: string[] = [];
    for (const unit of units) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(SERVED_SAMPLE);
      let renamed = 0;
      wb.worksheets[0].eachRow((row) => row.eachCell((cell) => {
        if (cell.master === cell && typeof cell.value === 'string' && /^Đơn vị:/.test(cell.value)) {
          cell.value = `Đơn vị: ${unit}`;
          renamed++;
        }
      }));
      if (renamed !== 1) throw new Error(`the sample has ${renamed} "Đơn vị:" lines`);
      const file = path.join(SHOTS_DIR, `don-vi-${files.length + 1}.xlsx`);
      await wb.xlsx.writeFile(file);
      files.push(file);
    }
    const app = await openApp();
    await app.page.getByRole('button', { name: 'Mở bảng mẫu / Open the sample', exact: true }).click();
    const pane = await paneReady(app.page);
    const tabsBefore = await app.page.getByRole('tablist', { name: /Trang tính/ }).getByRole('tab').count();
    await pane.locator('[data-action="open-consolidate"]').click();
    await pane.locator('section[data-mode="consolidate"] input[type="file"]').first().setInputFiles(files);
    await pane.locator('[data-action="consolidate"]').click();
    await eventually(async () => expect(await app.page.getByRole('tablist', { name: /Trang tính/ }).getByRole('tab').count()).toBeGreaterThan(tabsBefore), 60_000);
    await eventually(async () => expect(await app.page.locator('#save-status').textContent()).toMatch(/trang mới chưa lưu vào tệp/), 15_000);
    const savedPath = await download(app, 'so-tu-phap-2024.xlsx');
    await eventually(async () => expect(await app.page.locator('#save-status').getAttribute('data-dirty')).toBe('false'), 15_000);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(readFileSync(savedPath) as unknown as ExcelJS.Buffer);
    const sample = new ExcelJS.Workbook();
    await sample.xlsx.readFile(SERVED_SAMPLE);
    const added = saved.worksheets.slice(sample.worksheets.length);
    expect(added.length).toBeGreaterThan(0);
    expect(added.some((ws) => ws.actualRowCount > 2)).toBe(true);
    // Only the workbook's lists and styles change besides the new sheets: the sample's sheets keep their bytes.
    const [before, after] = [await JSZip.loadAsync(readFileSync(SERVED_SAMPLE)), await JSZip.loadAsync(readFileSync(savedPath))];
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/theme/theme1.xml']) {
      expect([part, await after.file(part)?.async('string')]).toEqual([part, await before.file(part)?.async('string')]);
    }
    expect(app.errors).toEqual([]);
    // Saved: leaving asks nothing.
    await app.page.close({ runBeforeUnload: true });
    await eventually(async () => expect(app.page.isClosed()).toBe(true));
  });

  test('a new workbook for consolidation is named with the officer\'s date and saved whole', async () => {
    const app = await openApp();
    // 03:30 on 7 June in Việt Nam is still 6 June in UTC.
    await app.page.clock.setFixedTime(new Date('2024-06-06T20:30:00Z'));
    await app.page.locator('#open-blank').click();
    await expect(app.page.locator('#file-name', { hasText: 'tong-hop-' }).textContent()).resolves.toBe('tong-hop-2024-06-07.xlsx');
    await app.page.locator('table.grid td[data-address]').first().waitFor();
    const savedPath = await download(app, 'tong-hop-2024-06-07.xlsx');
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(readFileSync(savedPath) as unknown as ExcelJS.Buffer);
    expect(saved.worksheets.map((ws) => ws.name)).toContain('Sheet1');
    // Written by exceljs with its formulas to recompute, not the opened bytes handed back.
    const book = await (await JSZip.loadAsync(readFileSync(savedPath))).file('xl/workbook.xml')?.async('string');
    expect(book).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });
});

describe('offline', () => {
  test('after the first visit the app reloads and opens the sample with no network', async () => {
    const app = await openApp();
    // The service worker has cached the whole app once it is active and controls the page.
    await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await session.context.setOffline(true);
    try {
      await app.page.reload();
      await app.page.getByRole('button', { name: 'Mở bảng mẫu / Open the sample', exact: true }).click();
      const pane = await paneReady(app.page);
      await expect(app.page.locator('#sample-banner').isVisible()).resolves.toBe(true);
      await expect(pane.getByRole('tree', { name: 'Lĩnh vực và tiêu chí' }).isVisible()).resolves.toBe(true);
      // A view loaded on first use (its own chunk) comes from the cache too.
      await pane.getByRole('tab', { name: 'Mục tiêu' }).click();
      await pane.getByRole('heading', { name: 'Kết quả năm trước' }).waitFor();
      expect(app.errors).toEqual([]);
    } finally {
      await session.context.setOffline(false);
      await app.page.close();
    }
  });
});

test('no request ever left the page\'s origin', () => {
  const origin = new URL(session.server.url).origin;
  expect(requests.length).toBeGreaterThan(10);
  const outside = requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin);
  expect(outside).toEqual([]);
});
