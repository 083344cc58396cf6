/**
 * Hand-made workbooks (no metadata sheet, a unit line that names no level) with the bundled
 * sets of all three levels at hand: `chiso validate`, `chiso print`, `chiso consolidate` and the pane's
 * consolidation worker pick each
 * file's set by its criteria, as the pane does (setMatch.ts); a sheet of criteria no set
 * carries is one reason, SET_NOT_MATCHED naming the closest set, not SET_VERSION_MISMATCH "?".
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRequest } from '../../src/worker/consolidation';
import { runChiso } from '../cli/chiso';
import { bundledSet, ROOT } from './bundled';
import { handRows, handRowsOf, handmadeWorkbook } from './handmade';

const SETS = join(ROOT, 'data/criteria');
const tmp = mkdtempSync(join(tmpdir(), 'chiso-route-'));
const dir = join(tmp, 'don-vi-gui');
const HUYEN = bundledSet('huyen');
const XA = bundledSet('xa');

interface JsonFinding {
  code: string;
  severity: string;
  message: string;
}

beforeAll(async () => {
  mkdirSync(dir);
  // Typed by a clerk: no letterhead, the unit by its place name only, codes with trailing dots or numbered across fields.
  const files: [string, Parameters<typeof handmadeWorkbook>[0]][] = [
    ['ba-be.xlsx', { rows: handRowsOf(HUYEN, { methods: false }), unitLine: 'Đơn vị: Ba Bể' }],
    ['nam-mau.xlsx', { rows: handRowsOf(XA, { roman: true }), unitLine: 'Đơn vị: Nam Mẫu' }],
    ['hoi-dong.xlsx', { rows: handRows(), unitLine: 'Đơn vị: Hội đồng thi đua' }],
  ];
  for (const [name, o] of files) writeFileSync(join(dir, name), await handmadeWorkbook({ ...o, letterhead: 'none', instructions: false }));
});

describe('chiso validate --criteria <the bundled sets>', () => {
  it('checks each hand-made file against the set of its criteria', async () => {
    const r = await runChiso('validate', join(dir, 'ba-be.xlsx'), join(dir, 'nam-mau.xlsx'), '--criteria', SETS, '--json', '--today', '2025-01-15');
    expect(r.stderr).toBe('');
    const files = JSON.parse(r.stdout).files as { file: string; level: string | null; criteriaSet: { id: string } | null; findings: JsonFinding[] }[];
    expect(files.map((f) => [f.file, f.level, f.criteriaSet?.id])).toEqual([
      ['ba-be.xlsx', null, HUYEN.id],
      ['nam-mau.xlsx', null, XA.id],
    ]);
    const codes = files.flatMap((f) => f.findings.map((x) => x.code));
    for (const code of ['SET_NOT_MATCHED', 'SET_VERSION_MISMATCH', 'CRITERION_MISSING', 'CRITERION_UNEXPECTED']) expect(codes).not.toContain(code);
    expect(r.code).toBe(0);
  }, 60_000);

  it('says which set is closest and why when none fits, and checks the sheet against itself', async () => {
    const r = await runChiso('validate', join(dir, 'hoi-dong.xlsx'), '--criteria', SETS, '--json', '--today', '2025-01-15', '--lang', 'en');
    const [file] = JSON.parse(r.stdout).files as { criteriaSet: unknown; findings: JsonFinding[] }[];
    expect(file.criteriaSet).toBeNull();
    const notMatched = file.findings.filter((f) => f.code === 'SET_NOT_MATCHED');
    expect(notMatched).toHaveLength(1);
    expect(notMatched[0].message).toMatch(/^This sheet does not match any criteria set at hand: the closest is "Bộ tiêu chí MẪU [^"]+" \(bac-kan-(so|huyen|xa)-2024-mau\), but only \d+\/\d+ of the set's criteria are named by a row of the sheet and \d+\/11 of the sheet's rows are in the set/);
    expect(notMatched[0].message).toContain('The sheet is checked against its own contents');
  }, 60_000);
});

describe('chiso print --criteria <the bundled sets>', () => {
  it("prints a hand-made district sheet as checked: the district set knows its survey rows, which the sheet leaves blank", async () => {
    const out = join(tmp, 'phieu-ba-be.pdf');
    const r = await runChiso('print', join(dir, 'ba-be.xlsx'), '--criteria', SETS, '--out', out, '--today', '2025-01-15', '--lang', 'en');
    // The sheet names no parent authority: printed with the placeholder, and said so.
    expect(r.stderr).toBe('ba-be.xlsx: the letterhead reads the placeholder "TÊN CƠ QUAN, TỔ CHỨC CHỦ QUẢN". Print again with --issuer "UBND HUYỆN …"; when making the workbook with chiso template, add --issuer.\n');
    expect(r.stdout).toBe(`${out}: checked sheet\n`);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});

describe('chiso consolidate --criteria <the bundled sets>', () => {
  it('consolidates each hand-made file at the level of its criteria and rejects the one no set fits with that one reason', async () => {
    const r = await runChiso('consolidate', dir, '--criteria', SETS, '--out', join(tmp, 'tong-hop.xlsx'), '--json', '--today', '2025-01-15');
    const json = JSON.parse(r.stdout) as { units: { file: string; level: string | null; status: string }[]; rejected: { file: string; reasons: JsonFinding[] }[] };
    const byFile = Object.fromEntries(json.units.map((u) => [u.file, u]));
    expect(byFile['ba-be.xlsx']).toMatchObject({ level: 'huyen', status: expect.stringMatching(/^accepted/) });
    expect(byFile['nam-mau.xlsx']).toMatchObject({ level: 'xa', status: expect.stringMatching(/^accepted/) });
    expect(json.rejected.map((x) => [x.file, x.reasons.map((f) => [f.code, f.severity])])).toEqual([['hoi-dong.xlsx', [['SET_NOT_MATCHED', 'error']]]]);
    const [reason] = json.rejected[0].reasons;
    expect(reason.message).toMatch(/^Chưa nhận ra bảng này theo bộ tiêu chí có sẵn nào: gần nhất là "Bộ tiêu chí MẪU [^"]+" \(bac-kan-(so|huyen|xa)-2024-mau\) nhưng chỉ \d+\/\d+ tiêu chí/);
    expect(reason.message).toContain('Tệp không được đưa vào tổng hợp');
    expect(reason.message).not.toContain('chính nội dung của nó');
  }, 120_000);
});

describe("the pane's consolidation worker with the three bundled sets", () => {
  it('ranks the hand-made files at their levels and gives Sở Nội vụ the reason for the one left out, in both languages', async () => {
    const blob = (path: string) => new Blob([readFileSync(path)]);
    const out = await runRequest({
      files: readdirSync(dir).sort().map((name) => ({ name, data: blob(join(dir, name)) })),
      criteria: { kind: 'files', files: readdirSync(SETS).map((name) => ({ name, data: blob(join(SETS, name)) })) },
      allowOtherVersions: false,
      today: '2025-01-15',
      lang: 'vi',
    });
    expect(out.json.units.filter((u) => u.rank !== null).map((u) => [u.file, u.level])).toEqual([
      ['ba-be.xlsx', 'huyen'],
      ['nam-mau.xlsx', 'xa'],
    ]);
    expect(out.report.rejected.map((r) => r.file)).toEqual(['hoi-dong.xlsx']);
    const [reason] = out.report.rejected[0].reasons;
    expect(reason.vi).toMatch(/^Bảng chấm điểm không khớp bộ tiêu chí nào đang dùng: gần nhất là "Bộ tiêu chí MẪU [^"]+" \(bac-kan-(so|huyen|xa)-2024-mau\) nhưng chỉ \d+\/\d+ tiêu chí .* Đề nghị đơn vị chấm điểm trên biểu mẫu do Sở Nội vụ gửi và gửi lại tệp/);
    expect(reason.en).toMatch(/^The score sheet matches none of the criteria sets in use: the closest is "Bộ tiêu chí MẪU [^"]+" \(bac-kan-(so|huyen|xa)-2024-mau\), but only \d+\/\d+ .* Ask the unit to score on the template/);
  }, 60_000);
});
