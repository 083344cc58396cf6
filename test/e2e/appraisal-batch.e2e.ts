/**
 * "Tải tất cả" in the preview, on the built bundle, as the Sở Nội vụ officer in the
 * consolidation mode: four appraised unit workbooks picked (two of one unit, one without a
 * difference), the explanation requests made, and every request fetched in one .zip from
 * the keyboard: one entry per request, names unique, each entry the bytes of the unit's
 * single download, the delivery announced, nothing wider than the 320 px pane, axe clean.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { readWorkbookBuffer } from '../../src/xlsx/buffer';
import { appraisedBytes, type AppraisedRow } from '../workbook/appraisalFixture';
import { describeViolations, eventually, openPreview, seriousViolations, shoot, startSession, type Preview, type Session } from './harness';

const DIFFERS = { '1': { self: 1, appraised: 0, reason: 'Kế hoạch ban hành sau thời hạn' }, '2': { self: 2, appraised: 1.5 } };
const FILES: [string, string, Record<string, AppraisedRow>][] = [
  ['01-so-tu-phap.xlsx', 'Sở Tư pháp', DIFFERS],
  ['02-so-y-te.xlsx', 'Sở Y tế', DIFFERS],
  ['03-so-tu-phap-gui-lai.xlsx', 'Sở Tư pháp', { '1': { self: 1, appraised: 0.5 } }],
  ['04-so-noi-vu.xlsx', 'Sở Nội vụ', { '1': { self: 1, appraised: 1 } }],
];
let session: Session;
let preview: Preview;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chiso-e2e-appr-zip-'));
  for (const [file, unit, rows] of FILES) writeFileSync(path.join(dir, file), await appraisedBytes(rows, undefined, unit));
  session = await startSession();
  preview = await openPreview(session);
}, 300_000);

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The day the page's clock (Asia/Ho_Chi_Minh, see the harness) names the zip by. */
const pageDay = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()).replace(/\//g, '-');

test('the requests of the picked unit files downloaded in one zip, from the keyboard', async () => {
  const pane = preview.pane;
  await pane.locator('[data-action="open-consolidate"]').click();
  await pane.locator('[data-mode="consolidate"]').waitFor();
  await pane.locator('input[type="file"][multiple]').first().setInputFiles(FILES.map(([f]) => path.join(dir, f)));
  await pane.locator('[data-action="request-files"]').click();
  await pane.locator('[data-made]').nth(2).waitFor({ timeout: 60_000 });
  expect(await pane.locator('[data-made]').evaluateAll((li) => li.map((l) => l.getAttribute('data-made')))).toEqual([
    'yeu-cau-giai-trinh-so-tu-phap.xlsx',
    'yeu-cau-giai-trinh-so-y-te.xlsx',
    'yeu-cau-giai-trinh-so-tu-phap.xlsx',
  ]);

  // Its accessible name says what it does and how many files; Tab from "make the requests" reaches it.
  const all = pane.getByRole('button', { name: 'Tải tất cả (3 tệp, .zip)' });
  await expect(all.count()).resolves.toBe(1);
  await pane.locator('[data-action="request-files"]').focus();
  await preview.page.keyboard.press('Tab');
  await expect(all.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  const [zipped] = await Promise.all([preview.page.waitForEvent('download'), preview.page.keyboard.press('Enter')]);
  const name = `yeu-cau-giai-trinh-${pageDay()}.zip`;
  expect(zipped.suggestedFilename()).toBe(name);
  const zipPath = path.join(dir, name);
  await zipped.saveAs(zipPath);
  const entries = unzipSync(readFileSync(zipPath));
  expect(Object.keys(entries)).toEqual(['yeu-cau-giai-trinh-so-tu-phap.xlsx', 'yeu-cau-giai-trinh-so-y-te.xlsx', 'yeu-cau-giai-trinh-so-tu-phap-2.xlsx']);
  // Each entry is its unit's request: the two of Sở Tư pháp differ in what they ask (2 criteria, then 1).
  const asked = async (entry: string) => {
    const grid = await readWorkbookBuffer(entries[entry], entry);
    return grid.sheets[0].values.flat().join(' ');
  };
  expect(await asked('yeu-cau-giai-trinh-so-y-te.xlsx')).toContain('Sở Y tế');
  expect(await asked('yeu-cau-giai-trinh-so-tu-phap.xlsx')).toContain('Mức độ thực hiện kế hoạch CCHC');
  expect(await asked('yeu-cau-giai-trinh-so-tu-phap-2.xlsx')).not.toContain('Mức độ thực hiện kế hoạch CCHC');
  await eventually(async () => expect(await pane.locator('[data-appraisal-files] > [role="status"]').innerText()).toBe(`Đã tải xuống ${name} gồm 3 tệp yêu cầu giải trình: giải nén rồi gửi mỗi tệp cho đơn vị có tên trong tệp.`));

  // The zip's entry is byte for byte the unit's single download.
  const [single] = await Promise.all([preview.page.waitForEvent('download'), pane.locator('[data-made="yeu-cau-giai-trinh-so-y-te.xlsx"] button').click()]);
  expect(single.suggestedFilename()).toBe('yeu-cau-giai-trinh-so-y-te.xlsx');
  const singlePath = path.join(dir, 'single.xlsx');
  await single.saveAs(singlePath);
  expect(Buffer.from(entries['yeu-cau-giai-trinh-so-y-te.xlsx']).equals(readFileSync(singlePath))).toBe(true);

  // At 320 px: the button inside the pane, the pane not scrolled sideways.
  await all.scrollIntoViewIfNeeded();
  const fit = await all.evaluate((el) => ({ right: el.getBoundingClientRect().right, page: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(fit.right).toBeLessThanOrEqual(fit.inner);
  expect(fit.page).toBeLessThanOrEqual(fit.inner);
  await shoot(preview, 'appraisal-batch-zip');
  expect(describeViolations(await seriousViolations(preview.paneFrame()))).toBe('');
  expect(preview.errors).toEqual([]);
}, 240_000);
