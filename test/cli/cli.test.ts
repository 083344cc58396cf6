import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readUnitWorkbook } from '../../src/workbook/read';
import { readWorkbookFile } from '../../src/xlsx/read';
import { REAL_WORLD_DIR, bufferOf, cfbFile, sha256 } from '../xlsx/helpers';
import { runChiso, type ChisoRun as Run } from './chiso';

const ROOT = resolve(__dirname, '../..');
const SET = join(ROOT, 'data/criteria/so-2024.json');
const SAMPLE = join(ROOT, 'data/samples/so-tu-phap-2024.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'chiso-cli-'));

const chiso = runChiso;

interface JsonReport {
  files: {
    file: string;
    status: string;
    unit: string | null;
    year: number | null;
    criteriaSet: { id: string; version: string } | null;
    totals: { self: number; max: number; applicableMax: number; index: number } | null;
    findings: { severity: string; code: string; criterion: string | null; sheet: string | null; cell: string | null; message: string }[];
  }[];
}

describe('chiso validate on the sample workbook', () => {
  let report: JsonReport;
  let run: Run;

  beforeAll(async () => {
    run = await chiso('validate', SAMPLE, '--criteria', SET, '--json', '--today', '2025-01-15');
    report = JSON.parse(run.stdout) as JsonReport;
  });

  it('exits 1 (errors) and prints one JSON document', () => {
    expect(run.code).toBe(1);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ file: 'so-tu-phap-2024.xlsx', status: 'errors', unit: 'Sở Tư pháp', year: 2024 });
    expect(report.files[0].criteriaSet?.id).toBe('bac-kan-so-2024-mau');
    expect(report.files[0].totals?.max).toBe(100);
  });

  it.each([
    ['SCORE_ABOVE_MAX', '1.1.2'],
    ['EVIDENCE_DATE_OUT_OF_PERIOD', '1.4'],
    ['LINK_INVALID', '1.6'],
    ['EVIDENCE_MISSING', '2.2.1'],
    ['MAX_POINTS_CHANGED', '2.4'],
  ])('reports the planted %s at %s with its cell', (code, criterion) => {
    const f = report.files[0].findings.find((x) => x.code === code && x.criterion === criterion);
    expect(f).toMatchObject({ severity: 'error', sheet: 'Tự chấm điểm' });
    expect(f?.cell).toMatch(/^[A-Z]+\d+$/);
    expect(f?.message).toContain(criterion);
  });

  it('issue 10 §3: the SUM formula of 1.1 adds exactly its rows, so it is right by construction; the text "0,5" it skips is the warning on 1.1.1', () => {
    expect(report.files[0].findings.filter((x) => x.code === 'TOTAL_MISMATCH')).toEqual([]);
  });

  it('warns that the score "0,5" of 1.1.1 is stored as text, the cause of the short total of 1.1', () => {
    const f = report.files[0].findings.filter((x) => x.code === 'SCORE_TYPED_AS_TEXT');
    expect(f.map((x) => [x.severity, x.criterion, x.sheet])).toEqual([['warning', '1.1.1', 'Tự chấm điểm']]);
    expect(f[0].cell).toMatch(/^[A-Z]+\d+$/);
    expect(f[0].message).toContain('"0,5"');
    expect(f[0].message).toContain('văn bản');
  });

  it('the text report is Vietnamese by default, English with --lang en, grouped by criterion', async () => {
    const vi = await chiso('validate', SAMPLE, '--criteria', SET, '--today', '2025-01-15');
    expect(vi.code).toBe(1);
    expect(vi.stdout).toMatch(/Tiêu chí 1\.1\.2:\n {4}\[Lỗi\] Tự chấm điểm!G12 /);
    expect(vi.stdout).toMatch(/=> \d+ lỗi, \d+ cảnh báo/);
    const en = await chiso('validate', SAMPLE, '--criteria', SET, '--today', '2025-01-15', '--lang', 'en');
    expect(en.stdout).toMatch(/Criterion 1\.1\.2:\n {4}\[Error\] /);
    expect(en.stdout).toContain('file(s) checked');
  });

  it('a template .xlsx can be the reference set', async () => {
    const template = join(tmp, 'mau.xlsx');
    const made = await chiso('template', '--criteria', SET, '--unit', 'Sở Tư pháp', '--out', template);
    expect(made.code).toBe(0);
    const r = await chiso('validate', SAMPLE, '--criteria', template, '--json', '--today', '2025-01-15');
    const codes = (JSON.parse(r.stdout) as JsonReport).files[0].findings.map((f) => `${f.code} ${f.criterion}`);
    expect(codes).toContain('MAX_POINTS_CHANGED 2.4');
  });
});

describe('chiso validate on files that are not self-scoring workbooks', () => {
  it('every real-world file: exit 2, a message naming file and sheet, one JSON document, source unchanged', async () => {
    const files = readdirSync(REAL_WORLD_DIR).filter((f) => f.endsWith('.xlsx'));
    const paths = files.map((f) => join(REAL_WORLD_DIR, f));
    const before = paths.map(sha256);
    const r = await chiso('validate', ...paths, '--json');
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files.map((f) => f.file)).toEqual(files);
    for (const f of report.files) {
      expect(f.status).toBe('unreadable');
      expect(f.findings.length).toBeGreaterThan(0);
      for (const x of f.findings) {
        expect(['LAYOUT_NOT_FOUND', 'FILE_UNREADABLE']).toContain(x.code);
        if (x.code === 'LAYOUT_NOT_FOUND') expect(x.message).toContain(`"${x.sheet}"`);
        else expect(x.message).toContain(f.file);
      }
    }
    expect(paths.map(sha256)).toEqual(before);
  }, 120_000);

  it.each([
    ['a CSV renamed .xlsx', 'bang-diem.xlsx', () => Buffer.from('STT,Tiêu chí,Điểm\n1,Kế hoạch,2\n'), 'không phải sổ làm việc Excel'],
    ['a password-protected file', 'mat-khau.xlsx', () => cfbFile(['EncryptionInfo', 'EncryptedPackage']), 'tệp được đặt mật khẩu, hãy bỏ mật khẩu rồi gửi lại'],
  ])('%s', async (_label, name, bytes, text) => {
    const path = join(tmp, name);
    writeFileSync(path, bytes());
    const r = await chiso('validate', path);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(name);
    expect(r.stdout).toContain(text);
  });

  it('a workbook without a score table names its sheet (English)', async () => {
    const path = join(tmp, 'ghi-chu.xlsx');
    writeFileSync(path, await bufferOf((wb) => (wb.addWorksheet('Ghi chú').getCell('A1').value = 'Danh sách cán bộ')));
    const r = await chiso('validate', path, '--json', '--lang', 'en');
    const [f] = (JSON.parse(r.stdout) as JsonReport).files;
    expect(f.findings[0]).toMatchObject({ code: 'LAYOUT_NOT_FOUND', sheet: 'Ghi chú' });
    expect(f.findings[0].message).toMatch(/^No score table found in sheet "Ghi chú"/);
  });
});

describe('arguments', () => {
  it.each([
    [['validate'], /Thiếu tệp \.xlsx/],
    [['validate', 'a.xlsx', '--bogus'], /Tùy chọn không hợp lệ: --bogus/],
    [['validate', 'a.xlsx', '--today', '2025-02-30'], /YYYY-MM-DD/],
    [['validate', 'a.xlsx', '--lang', 'fr'], /--lang/],
    [['template', '--unit', 'Sở Tư pháp', '--out', 'x.xlsx'], /Thiếu tùy chọn bắt buộc --criteria/],
    [['template', '--criteria', 'data/criteria/so-2024.json', '--unit', 'UBND xã Bằng Vân', '--out', 'x.xlsx'], /không dùng cho cấp xa/],
    [['frobnicate'], /Lệnh không hợp lệ: frobnicate/],
    [[], /Cách dùng/],
  ])('%j exits 2 with a clear message on stderr', async (args, text) => {
    const r = await chiso(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(text);
    expect(r.stdout).toBe('');
  });

  it.each([['--help'], ['validate', '--help'], ['template', '-h']])('%j prints help in Vietnamese and English', async (...args) => {
    const r = await chiso(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng / Usage');
  });

  it('a criteria file that is not a set: exit 2, reason on stderr', async () => {
    const bad = join(tmp, 'bo-tieu-chi.json');
    writeFileSync(bad, JSON.stringify({ id: 'x', fields: 'none' }));
    const r = await chiso('validate', SAMPLE, '--criteria', bad, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Không dùng được bộ tiêu chí');
  });
});

describe('chiso template', () => {
  it('writes a workbook that reads back as Sở Tư pháp 2024 with no error', async () => {
    const out = join(tmp, 'so-tu-phap.xlsx');
    const r = await chiso('template', '--criteria', SET, '--unit', 'Sở Tư pháp', '--out', out, '--with-appraisal', '--with-previous');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const reading = readUnitWorkbook(await readWorkbookFile(out));
    expect(reading.ok && reading.meta).toMatchObject({ unit: 'Sở Tư pháp', level: 'so', year: 2024, setId: 'bac-kan-so-2024-mau' });
    expect(reading.ok && Object.keys(reading.layout.columns)).toEqual(expect.arrayContaining(['appraisedScore', 'previousScore']));
    const v = await chiso('validate', out, '--criteria', SET, '--json', '--today', '2025-01-15');
    expect(v.code).toBe(0);
    expect((JSON.parse(v.stdout) as JsonReport).files[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('never overwrites a file without --force', async () => {
    const out = join(tmp, 'co-san.xlsx');
    copyFileSync(SAMPLE, out);
    const before = sha256(out);
    const r = await chiso('template', '--criteria', SET, '--unit', 'Sở Tư pháp', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(sha256(out)).toBe(before);
    expect(existsSync(out)).toBe(true);
  });

  it('bin/chiso.js runs the same CLI', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/chiso.js'), '--help']);
    expect(stdout).toContain('chiso validate');
  });
});
