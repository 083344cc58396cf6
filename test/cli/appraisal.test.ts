/**
 * `chiso request-explanation` and `chiso read-replies` on real files: a template with
 * appraisal columns, self-scores and appraised scores typed in, written with exceljs; the
 * request the CLI writes is filled in as a unit would and read back.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/answers';
import type { CriteriaSet } from '../../src/core/criteria';
import { checkCriteriaSet } from '../../src/core/criteriaSet';
import { REQUEST_HEADERS, REQUEST_SHEET } from '../../src/workbook/appraisal';
import type { WriteValue } from '../../src/workbook/grid';
import { readUnitWorkbook } from '../../src/workbook/read';
import { buildTemplate } from '../../src/workbook/template';
import { writeSpecToBuffer } from '../../src/xlsx/write';
import { sha256 } from '../xlsx/helpers';
import { runChiso, type ChisoRun as Run } from './chiso';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'data/samples/so-tu-phap-2024.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'chiso-appraisal-'));
const set = checkCriteriaSet(JSON.parse(readFileSync(join(ROOT, 'data/criteria/so-2024.json'), 'utf8'))).set as CriteriaSet;

const chiso = runChiso;

type Entry = { self?: CellValue; appraised?: CellValue; reason?: string };

/** Sở Tư pháp's template with appraisal columns, the given rows typed in at the columns the reader finds. */
async function appraisedWorkbook(name: string, rows: Record<string, Entry>): Promise<string> {
  const spec = buildTemplate(set, { name: 'Sở Tư pháp', level: 'so' }, { withAppraisal: true, issuer: 'UBND TỈNH BẮC KẠN' });
  const sheet = spec.sheets[0];
  const plain = { sheets: spec.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => r.map((v: WriteValue) => (v !== null && typeof v === 'object' ? null : v))) })) };
  const reading = readUnitWorkbook(plain);
  if (!reading.ok) throw new Error('template not read');
  const col = reading.layout.columns;
  for (const [code, e] of Object.entries(rows)) {
    const row = sheet.values[(reading.rowOf.get(code) as number) - 1];
    if (e.self !== undefined) row[col.selfScore as number] = e.self as WriteValue;
    if (e.appraised !== undefined) row[col.appraisedScore as number] = e.appraised as WriteValue;
    if (e.reason !== undefined) row[col.appraisalReason as number] = e.reason;
  }
  const path = join(tmp, name);
  writeFileSync(path, await writeSpecToBuffer(spec));
  return path;
}

const DIFFERENT: Record<string, Entry> = {
  '1.1.1': { self: 1, appraised: 0.5, reason: 'Kế hoạch ban hành sau thời hạn (Kế hoạch 15/KH-STP ngày 20/02/2024)' },
  '1.1.2': { self: 1, appraised: 1 },
  '1.2': { appraised: 0.5, reason: '=Đơn vị không tự chấm, Sở Nội vụ chấm theo báo cáo' },
  '1.4': { self: 1, appraised: 0, reason: 'Không có tài liệu kiểm chứng' },
};

describe('chiso request-explanation', () => {
  let source: string;
  let before: string;
  let run: Run;
  const out = join(tmp, 'yeu-cau.xlsx');

  beforeAll(async () => {
    source = await appraisedWorkbook('so-tu-phap-tham-dinh.xlsx', DIFFERENT);
    before = sha256(source);
    run = await chiso('request-explanation', source, '--out', out, '--issuer', 'SỞ NỘI VỤ TỈNH BẮC KẠN', '--deadline', '2025-01-20');
  }, 60_000);

  it('exits 0, lists the rows whose scores differ and leaves the source untouched', () => {
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Sở Tư pháp: 3 tiêu chí cần giải trình');
    expect(run.stdout).toMatch(/^ {2}1\.1\.1 .*: tự đánh giá 1, thẩm định 0,5 \(Kế hoạch ban hành sau thời hạn/m);
    expect(run.stdout).toMatch(/^ {2}1\.2 .*: tự đánh giá trống, thẩm định 0,5/m);
    expect(run.stdout).not.toMatch(/^ {2}1\.1\.2 /m);
    expect(sha256(source)).toBe(before);
  });

  it('writes the request: one row per difference, reasons as text, the deadline and the appraising body', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(REQUEST_SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('SỞ NỘI VỤ TỈNH BẮC KẠN');
    expect(String(ws.getCell('A2').value)).toContain('NĂM 2024');
    expect(String(ws.getCell('A4').value)).toContain('gửi lại trước ngày 20/1/2025');
    const header = (ws.getRow(7).values as unknown[]).slice(1);
    expect(header).toEqual(Object.values(REQUEST_HEADERS));
    const codes = [8, 9, 10].map((r) => ws.getCell(`B${r}`).value);
    expect(codes).toEqual(['1.1.1', '1.2', '1.4']);
    expect(ws.getCell('H9').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('H9').value).toBe('=Đơn vị không tự chấm, Sở Nội vụ chấm theo báo cáo');
  });

  it('never overwrites the request without --force', async () => {
    const r = await chiso('request-explanation', source, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
  });

  it.each<[string, Record<string, Entry>, RegExp, RegExp]>([
    ['every appraised score equals the self-score', { '1.1.1': { self: 1, appraised: 1 } }, /mọi điểm thẩm định bằng điểm tự đánh giá/, /every appraised score equals the self-score/],
    ['nothing appraised yet', { '1.1.1': { self: 1 } }, /chưa có điểm thẩm định nào/, /no appraised score has been entered yet/],
  ])('%s: exit 1, a clear message, no file', async (label, rows, vi, en) => {
    const path = await appraisedWorkbook(`${label.length}.xlsx`, rows);
    const target = join(tmp, `none-${label.length}.xlsx`);
    const r = await chiso('request-explanation', path, '--out', target);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(vi);
    expect(existsSync(target)).toBe(false);
    expect((await chiso('request-explanation', path, '--out', target, '--lang', 'en')).stderr).toMatch(en);
  }, 30_000);

  it('a workbook without the appraised score column: exit 2, says how to get one', async () => {
    const r = await chiso('request-explanation', SAMPLE, '--out', join(tmp, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không có cột "Điểm thẩm định"');
    expect(r.stderr).toContain('--with-appraisal');
  });
});

describe('chiso read-replies', () => {
  let request: string;

  beforeAll(async () => {
    const source = await appraisedWorkbook('nguon.xlsx', DIFFERENT);
    request = join(tmp, 'yeu-cau-tra-loi.xlsx');
    const made = await chiso('request-explanation', source, '--out', request);
    if (made.code !== 0) throw new Error(made.stderr);
  }, 60_000);

  /** The request as the unit sends it back: replies typed in the two last columns. */
  async function answered(name: string, replies: Record<string, [string | null, string | null]>): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(request);
    const ws = wb.getWorksheet(REQUEST_SHEET) as ExcelJS.Worksheet;
    for (let r = 8; r <= ws.rowCount; r++) {
      const reply = replies[String(ws.getCell(`B${r}`).value)];
      if (!reply) continue;
      ws.getCell(`I${r}`).value = reply[0];
      ws.getCell(`J${r}`).value = reply[1];
    }
    const path = join(tmp, name);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('prints the replies and the rows left unanswered (JSON), exit 1 while some are missing', async () => {
    const path = await answered('tra-loi-mot-phan.xlsx', {
      '1.1.1': ['Kế hoạch ban hành đúng hạn, xem văn bản kèm theo', 'Kế hoạch số 15/KH-STP ngày 10/01/2024'],
      '1.4': [null, 'https://sotuphap.backan.gov.vn/bao-cao-cchc-2024.pdf'],
    });
    const before = sha256(path);
    const r = await chiso('read-replies', path, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      file: 'tra-loi-mot-phan.xlsx',
      unit: 'Sở Tư pháp',
      sheet: REQUEST_SHEET,
      replies: [
        { code: '1.1.1', row: 8, reply: 'Kế hoạch ban hành đúng hạn, xem văn bản kèm theo', evidence: 'Kế hoạch số 15/KH-STP ngày 10/01/2024' },
        { code: '1.4', row: 10, reply: '', evidence: 'https://sotuphap.backan.gov.vn/bao-cao-cchc-2024.pdf' },
      ],
      unanswered: ['1.2'],
    });
    expect(sha256(path)).toBe(before);
  }, 30_000);

  it('the text report names each reply and, when all are answered, exits 0', async () => {
    const path = await answered('tra-loi-du.xlsx', {
      '1.1.1': ['Đã bổ sung kế hoạch', null],
      '1.2': ['Đơn vị đã tự chấm bổ sung 0,5 điểm', null],
      '1.4': ['Báo cáo đã gửi Sở Nội vụ ngày 05/12/2024', null],
    });
    const r = await chiso('read-replies', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tra-loi-du.xlsx (Sở Tư pháp): 3 tiêu chí đã giải trình, 0 chưa giải trình');
    expect(r.stdout).toContain('Tiêu chí 1.2 (dòng 9):\n  Giải trình: Đơn vị đã tự chấm bổ sung 0,5 điểm');
    const en = await chiso('read-replies', path, '--lang', 'en');
    expect(en.stdout).toContain('3 answered, 0 unanswered');
  }, 30_000);

  it.each([
    ['a workbook without the request table', SAMPLE, /Không tìm thấy bảng "Yêu cầu giải trình"/],
    ['a file that is not a workbook', 'package.json', /không phải sổ làm việc Excel|Không đọc được/],
  ])('%s: exit 2 with the reason', async (_label, path, text) => {
    const r = await chiso('read-replies', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(text);
    expect(r.stdout).toBe('');
  });
});
