/**
 * The start screen on the built bundle (browser app, 320 px), tester's F14: a workbook
 * with no score table opens on what to do next in plain words, with the English/Tiếng
 * Việt switch; nothing is wider than the pane and axe finds no serious violation in
 * either language; "Tạo biểu mẫu" puts the official form of the chosen level into the
 * workbook and the pane shows it; on that form a rate (Tỷ lệ %) of 120 is refused beside
 * its field and not written, 12,5 is written (F18).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FrameLocator, Page } from 'playwright-core';
import { PREVIEW_PAGE, REPO_ROOT } from '../../scripts/demo';
import { checkCriteriaSet, lookupCriteria } from '../../src/core/criteriaSet';
import { describeViolations, eventually, previewOf, seriousViolations, shoot, SHOTS_DIR, startSession, type Preview, type Session } from './harness';

let session: Session;
let app: Preview;
let pane: FrameLocator;

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, 'empty-2024.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  session = await startSession();
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.server.url}/${PREVIEW_PAGE}?width=320`);
  await page.locator('#file-input').setInputFiles(file);
  app = previewOf(page, errors);
  pane = app.pane;
  await pane.locator('[data-start]').waitFor();
});

afterAll(async () => {
  await session?.close();
});

/** How wide the pane's document is against its window. */
const widths = (page: Preview) => page.paneFrame().evaluate(() => ({ inner: window.innerWidth, scroll: document.documentElement.scrollWidth }));

async function fits(): Promise<void> {
  const w = await widths(app);
  expect(w.inner).toBe(320);
  expect(w.scroll).toBeLessThanOrEqual(320);
  expect(describeViolations(await seriousViolations(app.paneFrame()))).toBe('');
}

test('an empty workbook opens on three ways on and the language switch, in both languages, within 320 px', async () => {
  await expect(pane.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sổ làm việc chưa có bảng tự chấm điểm');
  for (const name of ['Tạo biểu mẫu tự chấm điểm', 'Xem bảng mẫu', 'Bảng tự lập: chọn cột']) await expect(pane.getByRole('heading', { name }).isVisible()).resolves.toBe(true);
  const english = pane.getByRole('button', { name: 'English' });
  await expect(english.isVisible()).resolves.toBe(true);
  await fits();
  await shoot(app, 'start');
  await english.click();
  await expect(pane.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This workbook has no self-scoring table yet');
  await fits();
  await pane.getByRole('button', { name: 'Tiếng Việt' }).click();
});

test('"Tạo biểu mẫu" puts the form of the chosen level into the workbook and the pane shows it', async () => {
  await pane.getByLabel('Cấp').selectOption('xa');
  await pane.getByLabel('Tên đơn vị').fill('UBND xã Quảng Khê');
  await pane.getByRole('button', { name: 'Tạo biểu mẫu' }).click();
  await pane.getByRole('tree', { name: 'Lĩnh vực và tiêu chí' }).waitFor();
  await expect(pane.locator('header h1').textContent()).resolves.toBe('UBND xã Quảng Khê');
  await expect(pane.locator('header').textContent()).resolves.toContain('UBND cấp xã');
  await expect(gridHas(app.page, 'UBND xã Quảng Khê')).resolves.toBe(true);
  expect(app.errors).toEqual([]);
});

/** The first self-scored criterion of the bundled commune set whose method goes by a percentage. */
function rateCriterion(): string {
  const set = checkCriteriaSet(JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'criteria', 'xa-2024.json'), 'utf8'))).set;
  if (!set) throw new Error('the bundled commune set does not load');
  const found = [...lookupCriteria(set).byCode.values()].find((n) => n.isLeaf && n.scoredBy === 'self' && n.method.options.some((o) => o.condition.kind === 'percent'));
  if (!found) throw new Error('the bundled commune set has no criterion scored by a percentage');
  return found.code;
}

test('a rate of 120 is refused beside its field and not written; 12,5 is written', async () => {
  const code = rateCriterion();
  await pane.getByRole('searchbox', { name: 'Tìm theo mã hoặc nội dung' }).fill(code);
  await pane.getByRole('treeitem', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) }).click();
  const card = pane.getByRole('region', { name: new RegExp(`^${code.replace(/\./g, '\\.')}\\. `) });
  const rate = card.getByLabel('Tỷ lệ (%)');
  await rate.fill('120');
  await card.getByText(`Tỷ lệ 120% của tiêu chí ${code} nằm ngoài khoảng từ 0 đến 100`, { exact: false }).waitFor();
  await expect(rate.getAttribute('aria-invalid')).resolves.toBe('true');
  // Longer than the pane's write debounce: a write, had there been one, would show by now.
  await new Promise((r) => setTimeout(r, 1500));
  await expect(gridHas(app.page, /^120$/)).resolves.toBe(false);
  await fits();
  await rate.fill('12,5');
  await eventually(async () => expect(await gridHas(app.page, /^12,5$/)).toBe(true), 15_000);
  await expect(rate.getAttribute('aria-invalid')).resolves.not.toBe('true');
});

/** Whether a cell of the browser app's grid shows `text`. */
async function gridHas(page: Page, text: string | RegExp): Promise<boolean> {
  return (await page.locator('table.grid td[data-address]').filter({ hasText: text }).count()) > 0;
}
