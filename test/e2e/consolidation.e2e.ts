/**
 * The Sở Nội vụ officer in the preview, on the built bundle: ten generated unit workbooks
 * (accepted ones, one tampered, one duplicate, one of the wrong level, one unreadable)
 * consolidated with the pane's default options (the bundled sets, routed by level, and the
 * bundled unit list), which used to stop with RichApi InvalidArgument. The ranking,
 * rejected, duplicates and missing lists show in the pane; a unit goes to its row of the
 * summary sheet; the report is printed as a sheet. Screenshots at 320 px (copied to
 * docs/images for the guides when UPDATE_DOC_IMAGES=1) and axe at 320 px.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTemplate } from '../../src/workbook/template';
import { writeSpecToBuffer } from '../../src/xlsx/write';
import { generateProvince, type Province } from '../consolidate/province';
import { describeViolations, eventually, fullRowWidths, openPreview, SHOTS_DIR, seriousViolations, shoot, startSession, type Preview, type Session, toDocs } from './harness';

let session: Session;
let preview: Preview;
let dir: string;
let province: Province;
const WRONG_LEVEL = '050-sai-cap.xlsx';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chiso-e2e-cons-'));
  // 8 units: 7 with a file (one missing), one of them twice, a tampered maximum, an old version, a corrupt file.
  province = await generateProvince(dir, 9);
  // The missing unit sent a district's workbook: its own file, of the wrong level.
  const missing = province.units.find((u) => u.name === province.faults.missing);
  if (!missing || missing.level !== 'so') throw new Error('the planted missing unit should be a department');
  writeFileSync(path.join(dir, WRONG_LEVEL), await writeSpecToBuffer(buildTemplate(province.sets.huyen, { name: missing.name, level: 'huyen' })));
  session = await startSession();
  preview = await openPreview(session);
}, 300_000);

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('ten unit workbooks consolidated with the default options: ranking, rejected, duplicates, missing', async () => {
  const pane = preview.pane;
  const files = readdirSync(dir).sort();
  expect(files).toHaveLength(10);
  await pane.locator('[data-action="open-consolidate"]').click();
  await pane.locator('[data-mode="consolidate"]').waitFor();
  await expect(pane.getByRole('radio', { name: /Bộ tiêu chí kèm theo phần bổ trợ, cả ba cấp/ }).isChecked()).resolves.toBe(true);
  await pane.locator('input[type="file"][multiple]').first().setInputFiles(files.map((f) => path.join(dir, f)));
  toDocs(await shoot(preview, 'consolidation-form'), 'pane-320-consolidation-form.png');
  await pane.locator('[data-action="consolidate"]').click();
  await pane.locator('[data-results]').waitFor({ timeout: 90_000 });

  const f = province.faults;
  const ranking = pane.locator('[data-ranking="so"]');
  const rankedUnits = province.units.filter((u) => u.name !== f.missing && u.name !== f.duplicate.unit && u.name !== f.editedMax.unit && u.name !== f.oldVersion.unit);
  for (const u of rankedUnits) await expect(ranking.locator(`tr[data-unit="${u.name}"]`).count()).resolves.toBe(1);
  const rejected = await pane.locator('[data-rejected]').innerText();
  for (const file of [f.corrupt, f.editedMax.file, f.oldVersion.file, WRONG_LEVEL]) expect(rejected).toContain(file);
  expect(rejected).toContain('Tệp của UBND cấp huyện, không phải sở, ban, ngành.');
  expect(await pane.locator('[data-duplicates]').innerText()).toContain(f.duplicate.unit);
  expect(await pane.locator('[data-missing]').innerText()).toContain(f.missing);
  expect(preview.errors).toEqual([]);

  // The ranking reads at 320 px: no column cut, nothing wider than the pane (F5).
  const fit = await ranking.evaluate((el) => ({
    table: el.querySelector('table')?.scrollWidth ?? 0,
    section: el.clientWidth,
    unit: el.querySelector('tbody td:nth-child(2)')?.clientWidth ?? 0,
    page: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(fit.table).toBeLessThanOrEqual(fit.section);
  // The unit's name and details get most of the width, not a sixth of it.
  expect(fit.unit).toBeGreaterThanOrEqual(180);
  expect(fit.page).toBeLessThanOrEqual(fit.inner);
  await ranking.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  toDocs(await shoot(preview, 'consolidation-ranking'), 'pane-320-consolidation-ranking.png');
  const violations = await seriousViolations(preview.paneFrame());
  expect(describeViolations(violations)).toBe('');
});

test('a unit goes to its row of the summary sheet', async () => {
  const unit = province.units.find((u) => u.name !== province.faults.missing && u.name !== province.faults.duplicate.unit && u.name !== province.faults.editedMax.unit && u.name !== province.faults.oldVersion.unit);
  if (!unit) throw new Error('no ranked unit');
  await preview.pane.getByRole('button', { name: `Đến dòng của ${unit.name} trong trang Tổng hợp` }).click();
  const selected = preview.page.locator('table.grid td[aria-selected="true"]');
  await selected.waitFor();
  expect(await selected.textContent()).toBe(unit.name);
});

test('the consolidation report is printed as a sheet, File > Print', async () => {
  await preview.pane.locator('[data-action="print-report"]').click();
  await expect(preview.pane.locator('[data-printed]').innerText()).resolves.toContain('Tệp > In');
  await preview.page.locator('table.grid td[data-address]').filter({ hasText: /BÁO CÁO KẾT QUẢ TỔNG HỢP, XẾP HẠNG CHỈ SỐ CCHC/ }).first().waitFor();
  toDocs(await shoot(preview, 'consolidation-report'), 'pane-320-consolidation-report.png');

  // The page's "In": the report keeps its columns' widths (scaled to the page if wider) and takes few pages.
  const { page } = preview;
  const screen = await fullRowWidths(page);
  await page.emulateMedia({ media: 'print' });
  await eventually(async () => expect(await page.locator('table.grid th').count()).toBe(0));
  const zoom = Number((await page.locator('table.grid').first().evaluate((t) => (t as HTMLElement).style.zoom)) || 1);
  const printed = await fullRowWidths(page);
  expect(printed.row).toBe(screen.row);
  for (const [column, width] of Object.entries(screen.widths)) expect([column, Math.abs(printed.widths[column] - width * zoom) <= 3]).toEqual([column, true]);
  const pdf = path.join(SHOTS_DIR, 'print-grid-report.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  // 7 pages, most of them the 127 units of the province without a valid file, one a line; the ranking's header on each.
  expect(pages.length).toBeLessThanOrEqual(8);
  for (const [i, text] of pages.entries()) expect([i + 1, /Xếp\s+Đơn vị\s+Điểm tự/.test(text)]).toEqual([i + 1, true]);
  await page.emulateMedia({ media: 'screen' });
  await eventually(async () => expect(await page.locator('table.grid th').count()).toBeGreaterThan(0));
});
