/** `chiso validate --register/--evidence-dir` and `chiso consolidate --registers`, through the bundled CLI. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChiso as chiso } from '../cli/chiso';
import { SET, csvRegister, decree30Register, dmsRegister, unitWorkbook } from './registers';

interface JsonFinding {
  severity: string;
  code: string;
  criterion: string | null;
  sheet: string | null;
  cell: string | null;
  message: string;
}

const tmp = mkdtempSync(join(tmpdir(), 'chiso-register-'));
const UNIT = join(tmp, 'so-tu-phap.xlsx');
const D30 = join(tmp, 'so-dang-ky.xlsx');
const DMS = join(tmp, 'dms.xlsx');
const CSV = join(tmp, 'so-dang-ky.csv');

beforeAll(async () => {
  writeFileSync(UNIT, await unitWorkbook());
  writeFileSync(D30, await decree30Register());
  writeFileSync(DMS, await dmsRegister());
  writeFileSync(CSV, csvRegister());
});

describe('chiso validate --register', () => {
  it.each([
    ['Nghị định 30', () => D30],
    ['DMS export', () => DMS],
    ['CSV', () => CSV],
  ])('joins the register findings to the JSON report, with cells, and adds the per-unit summary (%s)', async (name, path) => {
    const run = await chiso('validate', UNIT, '--criteria', SET, '--register', path(), '--json', '--today', '2025-01-15');
    expect(run.code).toBe(1);
    const file = (JSON.parse(run.stdout) as { files: { status: string; findings: JsonFinding[]; register: { summary: Record<string, number>; issuer: string; citations: { doc: string; registerRow: string | null }[]; suggestions: { criterion: string; cell: string; citation: string }[] } }[] }).files[0];
    const pick = (code: string) => file.findings.filter((f) => f.code === code).map((f) => [f.criterion, f.cell, f.severity]);
    expect(pick('EVIDENCE_NOT_IN_REGISTER')).toEqual([['1.2', 'H13', 'warning']]);
    expect(pick('EVIDENCE_DATE_DIFFERS')).toEqual([['1.1.2', 'H12', 'error']]);
    expect(pick('EVIDENCE_KIND_MISMATCH')).toEqual([['2.2.1', 'H29', 'warning']]);
    expect(pick('EVIDENCE_SUMMARY_UNRELATED')).toEqual([['1.6', 'H20', 'info']]);
    expect(file.findings.filter((f) => f.code === 'REGISTER_ROW_UNREADABLE')).toHaveLength(1);
    expect(file.register.summary).toMatchObject({ cited: 13, found: 11, dateDiffers: 1, notFound: 1 });
    expect(file.register.issuer).toBe('STP');
    // The register row of the date that differs: a CSV's line, a workbook's sheet and row.
    const row = file.register.citations.find((c) => c.doc === '312/BC-STP')?.registerRow;
    expect(row).toBe(name === 'CSV' ? 'so-dang-ky.csv:13' : name === 'Nghị định 30' ? 'Năm 2024!17' : 'Danh sách văn bản đi!16');
    expect(file.register.suggestions.filter((s) => s.criterion === '2.3.2')).toEqual([
      {
        criterion: '2.3.2',
        cell: 'H33',
        citation: 'Báo cáo số 318/BC-STP ngày 15/12/2024 về kết quả rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2024',
        terms: expect.any(Array),
        matched: ['rà soát', 'hệ thống hóa', 'quy phạm pháp luật'],
      },
    ]);
  });

  it('prints the summary under the text report, in English with --lang en', async () => {
    const vi = await chiso('validate', UNIT, '--criteria', SET, '--register', CSV, '--today', '2025-01-15');
    expect(vi.stdout).toContain('Đối chiếu sổ đăng ký văn bản đi so-dang-ky.csv: 13 văn bản của đơn vị được dẫn, 11 có trong sổ, 1 khác ngày, 1 không có trong sổ');
    expect(vi.stdout).toMatch(/Tự chấm điểm!H12 Văn bản 312\/BC-STP ở tiêu chí 1\.1\.2 ghi ngày 10\/12\/2024/);
    const en = await chiso('validate', UNIT, '--criteria', SET, '--register', CSV, '--today', '2025-01-15', '--lang', 'en');
    expect(en.stdout).toContain('Register of outgoing documents so-dang-ky.csv: 13 of the unit\'s documents cited, 11 found, 1 with another date, 1 not found');
  });

  it('without --register the report has none of it', async () => {
    const run = await chiso('validate', UNIT, '--criteria', SET, '--json', '--today', '2025-01-15');
    const file = (JSON.parse(run.stdout) as { files: { findings: JsonFinding[]; register?: unknown }[] }).files[0];
    expect(file.register).toBeUndefined();
    expect(file.findings.filter((f) => /REGISTER/.test(f.code))).toEqual([]);
  });

  it('a file without a register table: exit 2 and the reason in both languages', async () => {
    const run = await chiso('validate', UNIT, '--register', UNIT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Không dùng được sổ đăng ký ${UNIT}`);
    expect(run.stderr).toContain('Không tìm thấy bảng sổ đăng ký văn bản đi trong tệp so-tu-phap.xlsx');
  });

  it('--unit-symbol names the unit\'s issuer part instead of inferring it', async () => {
    const run = await chiso('validate', UNIT, '--criteria', SET, '--register', D30, '--unit-symbol', 'UBND', '--json', '--today', '2025-01-15');
    const file = (JSON.parse(run.stdout) as { files: { findings: JsonFinding[]; register: { issuer: string; summary: Record<string, number> } }[] }).files[0];
    expect(file.register.issuer).toBe('UBND');
    expect(file.findings.filter((f) => f.code === 'EVIDENCE_NOT_IN_REGISTER').map((f) => f.message)).toEqual([expect.stringContaining('12/QĐ-UBND')]);
  });

  it('has bilingual help for the new options', async () => {
    const run = await chiso('validate', '--help');
    for (const text of ['--register <tệp>', 'sổ đăng ký văn bản đi', "the unit's register of outgoing documents", '--evidence-dir', 'never opened', '--unit-symbol']) expect(run.stdout).toContain(text);
  });
});

describe('chiso validate --evidence-dir', () => {
  it('lists, hashes and matches the folder; documents without a file and files unmatched are reported', async () => {
    const dir = join(tmp, 'ho-so');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '27-KH-STP.pdf'), 'plan');
    writeFileSync(join(dir, '1.1.1 Ke hoach CCHC.pdf'), 'plan 2024');
    writeFileSync(join(dir, 'anh.jpg'), 'photo');
    const run = await chiso('validate', UNIT, '--criteria', SET, '--evidence-dir', dir, '--json', '--today', '2025-01-15');
    const file = (JSON.parse(run.stdout) as { files: { findings: JsonFinding[]; evidenceDir: { files: { path: string; sha256: string; citations: string[] }[]; unmatchedFiles: string[]; unmatchedCitations: { criterion: string; doc: string }[] } }[] }).files[0];
    expect(file.evidenceDir.files.find((f) => f.path === '27-KH-STP.pdf')).toMatchObject({ sha256: createHash('sha256').update('plan').digest('hex'), citations: ['1.3.1: 27/KH-STP'] });
    expect(file.evidenceDir.files.find((f) => f.path === '1.1.1 Ke hoach CCHC.pdf')?.citations).toEqual(['1.1.1: 15/KH-STP']);
    expect(file.evidenceDir.unmatchedFiles).toEqual(['anh.jpg']);
    expect(file.evidenceDir.unmatchedCitations.map((c) => c.doc)).toContain('312/BC-STP');
    const missing = file.findings.find((f) => f.code === 'EVIDENCE_FILE_MISSING' && f.criterion === '1.1.2');
    expect(missing).toMatchObject({ cell: 'H12', severity: 'warning' });
    expect(file.findings.find((f) => f.code === 'EVIDENCE_FILE_UNCITED')?.message).toContain('"anh.jpg"');
  });
});

describe('chiso consolidate --registers', () => {
  it('cross-checks each unit against the register named after it, beside an unchanged consolidation', async () => {
    const units = join(tmp, 'units');
    const regs = join(tmp, 'registers');
    mkdirSync(units, { recursive: true });
    mkdirSync(regs, { recursive: true });
    writeFileSync(join(units, 'so-tu-phap.xlsx'), await unitWorkbook());
    writeFileSync(join(regs, 'So dang ky van ban di - Sở Tư pháp.xlsx'), await decree30Register());
    writeFileSync(join(regs, 'Sở Y tế.csv'), csvRegister());
    writeFileSync(join(regs, 'ghi-chu.xlsx'), await unitWorkbook());
    const common = [units, '--criteria', SET, '--today', '2025-01-15', '--json'];
    const plain = await chiso('consolidate', ...common, '--out', join(tmp, 'a.xlsx'));
    const withRegisters = await chiso('consolidate', ...common, '--out', join(tmp, 'b.xlsx'), '--registers', regs);
    const a = JSON.parse(plain.stdout) as Record<string, unknown>;
    const b = JSON.parse(withRegisters.stdout) as Record<string, unknown> & { registers: { units: { unit: string; register: string; summary: Record<string, number>; findings: JsonFinding[] }[]; unmatched: string[] } };
    expect(withRegisters.code).toBe(plain.code);
    const { registers, ...rest } = b;
    expect(rest).toEqual(a);
    expect(registers.units).toHaveLength(1);
    expect(registers.units[0]).toMatchObject({ unit: 'Sở Tư pháp', register: 'So dang ky van ban di - Sở Tư pháp.xlsx', summary: { cited: 13, found: 11, dateDiffers: 1, notFound: 1 } });
    expect(registers.units[0].findings.find((f) => f.code === 'EVIDENCE_DATE_DIFFERS')).toMatchObject({ criterion: '1.1.2', cell: 'H12' });
    expect(registers.unmatched).toEqual(['Sở Y tế.csv']);
    // The file that holds no register is told on stderr, not used.
    expect(withRegisters.stderr).toContain('ghi-chu.xlsx');
  });
});
