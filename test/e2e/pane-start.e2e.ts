/**
 * The start screen on the built bundle (browser app, 320 px), tester's F14: a workbook
 * with no score table opens on what to do next in plain words, with the English/Tiếng
 * Việt switch; nothing is wider than the pane and axe finds no serious violation in
 * either language; "Tạo biểu mẫu" puts the official form of the chosen level into the
 * workbook and the pane shows it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FrameLocator, Page } from 'playwright-core';
import { PREVIEW_PAGE } from '../../scripts/demo';
import { describeViolations, previewOf, seriousViolations, shoot, SHOTS_DIR, startSession, type Preview, type Session } from './harness';

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

/** Whether a cell of the browser app's grid shows `text`. */
async function gridHas(page: Page, text: string): Promise<boolean> {
  return (await page.locator('table.grid td[data-address]').filter({ hasText: text }).count()) > 0;
}
