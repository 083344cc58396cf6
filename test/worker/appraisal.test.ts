/**
 * The pane's appraisal jobs (src/worker/appraisal.ts, run by its worker) on real .xlsx bytes:
 * the request the pane makes for a picked unit file equals the one `chiso
 * request-explanation` writes for the same file, cell for cell; files without a difference
 * are named with the reason; replies are read back per file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRepliesCommand, requestExplanationCommand } from '../../src/cli/appraisal';
import type { Io } from '../../src/cli/io';
import { explanationRequest, REQUEST_SHEET } from '../../src/workbook/appraisal';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { readWorkbookBuffer } from '../../src/xlsx/buffer';
import { runAppraisalJob } from '../../src/worker/appraisal';
import { appraisedBytes } from '../workbook/appraisalFixture';

const tmp = mkdtempSync(join(tmpdir(), 'chiso-appraisal-worker-'));
const io = (): Io & { text: string } => {
  const o = { text: '', out: (t: string) => void (o.text += t), err: (t: string) => void (o.text += t) };
  return o;
};
const blob = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>]);

const ROWS = {
  '1': { self: 1, appraised: 0, reason: 'Kế hoạch ban hành sau thời hạn' },
  '2': { self: 2, appraised: 1.5, reason: 'Báo cáo chưa nêu tỷ lệ hoàn thành' },
  '5': { self: 2, appraised: 2 },
};

describe('the pane\'s explanation requests', () => {
  it('equal the CLI\'s on the same file: the same spec, the same cells read back', async () => {
    const bytes = await appraisedBytes(ROWS);
    const src = join(tmp, 'so-tu-phap.xlsx');
    writeFileSync(src, bytes);
    const out = join(tmp, 'cli-request.xlsx');
    const cli = io();
    expect(await requestExplanationCommand([src, '--out', out], cli)).toBe(0);

    const pane = await runAppraisalJob({ type: 'requests', files: [{ name: 'so-tu-phap.xlsx', data: blob(bytes) }], options: {} });
    expect(pane.type).toBe('requests');
    if (pane.type !== 'requests') return;
    expect(pane.skipped).toEqual([]);
    expect(pane.made.map((m) => [m.source, m.unit, m.name, m.count])).toEqual([['so-tu-phap.xlsx', 'Sở Tư pháp', 'yeu-cau-giai-trinh-so-tu-phap.xlsx', 2]]);

    const fromPane = await readWorkbookBuffer(pane.made[0].bytes, 'pane.xlsx');
    const fromCli = await readWorkbookBuffer(readFileSync(out), 'cli.xlsx');
    const values = (g: typeof fromPane) => g.sheets.map((s) => ({ name: s.name, values: s.values }));
    expect(values(fromPane)).toEqual(values(fromCli));
    expect(fromPane.sheets[0].name).toBe(REQUEST_SHEET);

    // The open workbook's request (built in the pane from its reading) is the same spec, made bytes by the worker.
    const reading = readUnitWorkbook(await readWorkbookBuffer(bytes, 'so-tu-phap.xlsx'), { file: 'so-tu-phap.xlsx' }) as UnitReading;
    const open = await runAppraisalJob({ type: 'bytes', spec: explanationRequest(reading) });
    expect(open.type === 'bytes' && values(await readWorkbookBuffer(open.bytes, 'open.xlsx'))).toEqual(values(fromCli));
  });

  it('names each file that gets no request, and why', async () => {
    const same = await appraisedBytes({ '1': { self: 1, appraised: 1 } });
    const none = await appraisedBytes({ '1': { self: 1 } });
    const out = await runAppraisalJob({
      type: 'requests',
      files: [
        { name: 'bang-nhau.xlsx', data: blob(same) },
        { name: 'chua-tham-dinh.xlsx', data: blob(none) },
        { name: 'hong.xlsx', data: new Blob(['không phải xlsx']) },
      ],
      options: {},
    });
    expect(out.type === 'requests' && out.made).toEqual([]);
    const skipped = out.type === 'requests' ? out.skipped : [];
    expect(skipped.map((s) => s.source)).toEqual(['bang-nhau.xlsx', 'chua-tham-dinh.xlsx', 'hong.xlsx']);
    expect(skipped[0].vi).toContain('mọi điểm thẩm định bằng điểm tự đánh giá');
    expect(skipped[1].vi).toContain('chưa có điểm thẩm định');
    expect(skipped[2].vi).toContain('hong.xlsx');
  });

  it('reads the replies of a filled request as read-replies does', async () => {
    const pane = await runAppraisalJob({ type: 'requests', files: [{ name: 'so-tu-phap.xlsx', data: blob(await appraisedBytes(ROWS)) }], options: {} });
    if (pane.type !== 'requests') throw new Error(pane.type);
    // The unit fills in one reply (column I of the request's first row).
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(pane.made[0].bytes as unknown as ArrayBuffer);
    wb.getWorksheet(REQUEST_SHEET)!.getCell('I8').value = 'Kế hoạch ban hành ngày 05/01, đúng hạn';
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const got = await runAppraisalJob({ type: 'replies', files: [{ name: 'tra-loi.xlsx', data: blob(filled) }] });
    expect(got).toEqual({
      type: 'replies',
      files: [{ source: 'tra-loi.xlsx', ok: true, unit: 'Sở Tư pháp', sheet: REQUEST_SHEET, replies: [{ code: '1', row: 8, reply: 'Kế hoạch ban hành ngày 05/01, đúng hạn', evidence: '' }], unanswered: ['2'] }],
    });
  });
});

describe('CLI text through terminalSafe', () => {
  it('read-replies and request-explanation print workbook text with control characters escaped', async () => {
    // XML keeps no C0 control but a C1 one (CSI) and bidi overrides: what a hostile cell can carry.
    const bytes = await appraisedBytes({ '1': { self: 1, appraised: 0, reason: 'Sai\u009b31m đỏ' } }, undefined, 'Sở\u202e Tư pháp');
    const src = join(tmp, 'hostile.xlsx');
    writeFileSync(src, bytes);
    const out = join(tmp, 'hostile-request.xlsx');
    const made = io();
    expect(await requestExplanationCommand([src, '--out', out], made)).toBe(0);
    expect(made.text).not.toMatch(/[\u009b\u202e]/);
    expect(made.text).toContain('Sai\\x9B31m đỏ');
    expect(made.text).toContain('Sở\\u202E Tư pháp');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet(REQUEST_SHEET)!.getCell('I8').value = 'Đã sửa\u009b2J\nxong';
    const filled = join(tmp, 'hostile-filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const read = io();
    expect(await readRepliesCommand([filled], read)).toBe(0);
    expect(read.text).not.toMatch(/[\u009b\u202e]/);
    expect(read.text).toContain('Đã sửa\\x9B2J\\nxong');
    expect(read.text).toContain('(Sở\\u202E Tư pháp)');
  });
});
