/** `chiso validate --columns / --unit / --units` on hand-made files, through the real CLI. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { HAND_HEADERS, handmadeWorkbook, referenceSet } from './handmade';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const tmp = mkdtempSync(join(tmpdir(), 'chiso-handmade-'));

async function chiso(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('chiso validate on a hand-made file', () => {
  const file = join(tmp, 'so-tu-phap-lam-tay.xlsx');
  const set = join(tmp, 'mau.json');
  const units = join(tmp, 'don-vi.json');

  beforeAll(async () => {
    // No letterhead, and a self-score header no wording knows.
    writeFileSync(file, await handmadeWorkbook({ letterhead: 'none', headers: { ...HAND_HEADERS, self: 'Điểm do cơ quan chấm' } }));
    writeFileSync(set, JSON.stringify(referenceSet()));
    writeFileSync(units, JSON.stringify([{ name: 'Sở Tư pháp', level: 'so' }]));
  });

  it('without --columns the table is not found (exit 2)', async () => {
    const r = await chiso('validate', file, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { code: string }) => f.code)).toEqual(['LAYOUT_NOT_FOUND', 'LAYOUT_NOT_FOUND']);
  }, 30_000);

  it('--columns score=D --unit names what the file cannot: read, unit named, one renumbering warning', async () => {
    const r = await chiso('validate', file, '--criteria', set, '--columns', 'score=D', '--unit', 'SỞ TƯ PHÁP', '--units', units, '--json', '--today', '2025-03-01');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout).files[0];
    expect(report).toMatchObject({ status: 'ok', unit: 'Sở Tư pháp', level: 'so', year: 2024, totals: { self: 7, max: 10 } });
    expect(report.findings.map((f: { code: string }) => f.code)).toEqual(['CODES_RENUMBERED']);
  }, 30_000);

  it('a bad map is refused before any file is read, in both languages (exit 2)', async () => {
    const r = await chiso('validate', file, '--columns', 'score=D,points=E');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--columns không hợp lệ: "points" không phải tên cột');
    expect(r.stderr).toContain('Invalid --columns: "points" is not a column name');
  }, 30_000);

  it('a map that does not fit the file says so for that file', async () => {
    const r = await chiso('validate', file, '--columns', 'code=G', '--json', '--lang', 'en');
    expect(r.code).toBe(2);
    const f = JSON.parse(r.stdout).files[0].findings[0];
    expect(f.code).toBe('COLUMN_MAP_UNUSABLE');
    expect(f.message).toBe('The column map --columns does not fit this file: No column chosen for Điểm tự đánh giá in sheet "Bảng chấm điểm". Choose every required column.');
  }, 30_000);

  it('the help shows the options in Vietnamese and English', async () => {
    const r = await chiso('validate', '--help');
    for (const s of ['--columns <map>', 'chọn cột thủ công', 'name columns by hand', '--unit <tên>', 'unit name for a file that names none']) expect(r.stdout).toContain(s);
  }, 30_000);
});
