/**
 * The appraisal round trip in the preview, on the built bundle, as the Sở Nội vụ officer:
 * an appraised unit workbook (made in code) opened in the browser app; two criteria
 * appraised in their cards; "Yêu cầu giải trình" downloads the request named by unit; a
 * reply file (the request filled in code) read back; the final appraisal (thẩm định lần 2)
 * recorded from the reply's criterion; the log sheet holds a dated row per change. axe at
 * 320 px; screenshots to docs/images/appraisal-*.png when UPDATE_DOC_IMAGES=1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { REQUEST_SHEET } from '../../src/workbook/appraisal';
import { LOG_SHEET, readAppraisalLog } from '../../src/workbook/appraisalLog';
import { readWorkbookBuffer } from '../../src/xlsx/buffer';
import { appraisedBytes } from '../workbook/appraisalFixture';
import { describeViolations, eventually, openPreview, seriousViolations, shoot, SHOTS_DIR, startSession, type Preview, type Session, toDocs } from './harness';

const FILE = 'so-tu-phap-tham-dinh.xlsx';
let session: Session;
let preview: Preview;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chiso-e2e-appr-'));
  writeFileSync(path.join(dir, FILE), await appraisedBytes({ '1': { self: 1 }, '2': { self: 2 }, '5': { self: 2 } }));
  session = await startSession();
  preview = await openPreview(session);
  await preview.page.locator('#file-input').setInputFiles(path.join(dir, FILE));
  await preview.page.locator('#file-name', { hasText: FILE }).waitFor();
  await preview.pane.locator('[role="tree"]').waitFor({ timeout: 60_000 });
}, 300_000);

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openCard(code: string): Promise<void> {
  const pane = preview.pane;
  await pane.getByRole('tab', { name: /Tiêu chí/ }).click();
  await pane.locator('input[type="search"]').fill(code);
  await pane.locator(`[role="treeitem"][data-code="${code}"]`).click();
  await pane.locator(`[data-card="${code}"]`).waitFor();
}

async function appraise(code: string, score: string, reason: string): Promise<void> {
  await openCard(code);
  await preview.pane.locator('[data-field="appraisedScore"]').fill(score);
  await preview.pane.locator('[data-field="appraisalReason"]').fill(reason);
}

test('appraise, request an explanation, read the reply, record the final appraisal, see the log', async () => {
  const pane = preview.pane;
  await appraise('1', '0', 'Kế hoạch ban hành sau thời hạn');
  await appraise('2', '1,5', 'Báo cáo chưa nêu tỷ lệ hoàn thành kế hoạch');
  toDocs(await shoot(preview, 'appraisal-card'), 'appraisal-card.png');

  await pane.getByRole('tab', { name: 'Thẩm định' }).click();
  await pane.locator('[data-view="appraisal"]').waitFor();
  await eventually(async () => expect(await pane.locator('[data-request="open"]').innerText()).toContain('2 tiêu chí có điểm thẩm định khác điểm tự đánh giá.'));
  const [download] = await Promise.all([preview.page.waitForEvent('download'), pane.locator('[data-action="request-explanation"]').click()]);
  expect(download.suggestedFilename()).toBe('yeu-cau-giai-trinh-so-tu-phap.xlsx');
  const requestPath = path.join(dir, 'request.xlsx');
  await download.saveAs(requestPath);
  const request = await readWorkbookBuffer(readFileSync(requestPath), 'request.xlsx');
  const sheet = request.sheets.find((s) => s.name === REQUEST_SHEET);
  expect(sheet?.values.slice(7, 9).map((r) => r.slice(1, 6))).toEqual([
    ['1', 'Ban hành kế hoạch cải cách hành chính năm', 1, 1, 0],
    ['2', 'Mức độ thực hiện kế hoạch CCHC', 2, 2, 1.5],
  ]);
  toDocs(await shoot(preview, 'appraisal-request'), 'appraisal-request.png');

  // The unit replies to criterion 2 and leaves criterion 1 blank.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(requestPath);
  wb.getWorksheet(REQUEST_SHEET)!.getCell('I9').value = 'Báo cáo số 12/BC-STP ngày 15/12/2024 đã nêu tỷ lệ hoàn thành 100%';
  wb.getWorksheet(REQUEST_SHEET)!.getCell('J9').value = 'https://stp.backan.gov.vn/bao-cao-12';
  const replyPath = path.join(dir, 'tra-loi-so-tu-phap.xlsx');
  await wb.xlsx.writeFile(replyPath);
  await pane.locator('[data-input="replies"]').setInputFiles(replyPath);
  await pane.locator('[data-reply="2"]').waitFor({ timeout: 30_000 });
  expect(await pane.locator('[data-reply="2"]').innerText()).toContain('đã nêu tỷ lệ hoàn thành 100%');
  expect(await pane.locator('[data-unanswered]').innerText()).toBe('Chưa giải trình: 1');
  await pane.locator('[data-action="log-replies"]').click();
  await pane.locator('[data-reply="2"]').scrollIntoViewIfNeeded();
  toDocs(await shoot(preview, 'appraisal-replies'), 'appraisal-replies.png');
  expect(describeViolations(await seriousViolations(preview.paneFrame()))).toBe('');

  // From the reply to the card: the final appraisal.
  await pane.getByRole('button', { name: 'Tiêu chí 2: mở để thẩm định lần 2' }).click();
  await pane.locator('[data-card="2"] [data-final]').waitFor();
  await pane.locator('[data-field="finalScore"]').fill('2');
  await pane.locator('[data-field="finalReason"]').fill('Đơn vị đã giải trình, bổ sung báo cáo');
  expect(describeViolations(await seriousViolations(preview.paneFrame()))).toBe('');

  // The log sheet the pane added counts as unsaved, and "Lưu tệp" writes it into the file.
  await eventually(async () => expect(await preview.page.locator('#save-status').textContent()).toMatch(/và 1 trang mới chưa lưu/), 15_000);
  await eventually(async () => {
    const [all] = await Promise.all([preview.page.waitForEvent('download'), preview.page.locator('#save').click()]);
    expect(all.suggestedFilename()).toBe(FILE);
    const saved = path.join(dir, 'saved.xlsx');
    await all.saveAs(saved);
    const log = readAppraisalLog(await readWorkbookBuffer(readFileSync(saved), FILE));
    expect(log.map((e) => [e.code, e.stage, e.what, e.new, e.evidence])).toEqual([
      ['1', 'thẩm định lần 1', 'Điểm thẩm định', 0, ''],
      ['1', 'thẩm định lần 1', 'Lý do thẩm định', 'Kế hoạch ban hành sau thời hạn', ''],
      ['2', 'thẩm định lần 1', 'Điểm thẩm định', 1.5, ''],
      ['2', 'thẩm định lần 1', 'Lý do thẩm định', 'Báo cáo chưa nêu tỷ lệ hoàn thành kế hoạch', ''],
      ['2', 'giải trình', 'Giải trình của đơn vị', 'Báo cáo số 12/BC-STP ngày 15/12/2024 đã nêu tỷ lệ hoàn thành 100%', 'https://stp.backan.gov.vn/bao-cao-12'],
      ['2', 'thẩm định lần 2', 'Điểm thẩm định lần 2', 2, ''],
      ['2', 'thẩm định lần 2', 'Lý do thẩm định lần 2', 'Đơn vị đã giải trình, bổ sung báo cáo', ''],
    ]);
    // The time column holds date cells shown dd/mm/yyyy hh:mm, not ISO text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet(LOG_SHEET) as ExcelJS.Worksheet;
    for (let r = 2; r <= log.length + 1; r++) {
      expect(ws.getCell(r, 1).numFmt).toBe('dd/mm/yyyy hh:mm');
      expect(ws.getCell(r, 1).value).toBeInstanceOf(Date);
    }
  }, 20_000);
  await eventually(async () => expect(await preview.page.locator('#save-status').getAttribute('data-dirty')).toBe('false'), 15_000);
  // The grid's tabs already show the log sheet the pane added, the score sheet still shown.
  await eventually(async () => expect(await preview.page.locator('#sheet-tabs [role="tab"]').allInnerTexts()).toContain(LOG_SHEET));
  expect(await preview.page.locator('#sheet-tabs [aria-selected="true"]').innerText()).not.toBe(LOG_SHEET);
  // The card after the writes settled, its final appraisal in view.
  await openCard('2');
  await pane.locator('[data-final]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  toDocs(await shoot(preview, 'appraisal-final'), 'appraisal-final.png');
  // The log sheet shown in the grid from the pane.
  await pane.getByRole('tab', { name: 'Thẩm định' }).click();
  await pane.locator('[data-action="show-log"]').click();
  await eventually(async () => expect(await preview.page.locator('#sheet-tabs [aria-selected="true"]').innerText()).toBe(LOG_SHEET));
  await shoot(preview, 'appraisal-log');
  toDocs(path.join(SHOTS_DIR, 'appraisal-log-320.png'), 'appraisal-log.png');
  expect(preview.errors).toEqual([]);
}, 240_000);
