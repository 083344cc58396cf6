/**
 * Issue 11 §1 through the real CLI: a stray far cell, a far merge and a declared 200 MB
 * sheet are decided within seconds in a process capped at 512 MB of heap, consolidation
 * rejects the bomb and consolidates the rest, and no input changes.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { declareSize, replacePart, sha256 } from '../xlsx/helpers';

const ROOT = resolve(__dirname, '../..');
const SET = join(ROOT, 'data/criteria/so-2024.json');
const SAMPLE = join(ROOT, 'data/samples/so-tu-phap-2024.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'chiso-hostile-'));

async function chiso(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  const env = { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' };
  try {
    const { stdout, stderr } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr, ms: Date.now() - t0 };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr, ms: Date.now() - t0 };
  }
}

async function sheetXml(buf: Buffer, part: string): Promise<string> {
  return (await JSZip.loadAsync(buf)).file(part)!.async('string');
}

const dir = join(tmp, 'nop');
const files: Record<string, string> = {};

beforeAll(async () => {
  mkdirSync(dir);
  const sample = readFileSync(SAMPLE);
  const zip = await JSZip.loadAsync(sample);
  const sheet = Object.keys(zip.files).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))!;
  const xml = await sheetXml(sample, sheet);
  const far = xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>');
  const merged = xml.replace(/<\/sheetData>(<mergeCells count="(\d+)">)?/, (_m, open: string | undefined, n: string | undefined) =>
    open ? `</sheetData><mergeCells count="${Number(n) + 1}"><mergeCell ref="N200:XFD1048576"/>` : '</sheetData><mergeCells count="1"><mergeCell ref="N200:XFD1048576"/></mergeCells>',
  );
  files.far = join(dir, 'o-xa.xlsx');
  files.merge = join(dir, 'gop-xa.xlsx');
  files.bomb = join(dir, 'qua-lon.xlsx');
  writeFileSync(files.far, await replacePart(sample, sheet, far));
  writeFileSync(files.merge, await replacePart(sample, sheet, merged));
  writeFileSync(files.bomb, declareSize(sample, sheet, 200 * 1024 * 1024));
  copyFileSync(SAMPLE, join(dir, 'so-tu-phap.xlsx'));
});

describe('chiso validate decides hostile files in seconds, under a 512 MB heap', () => {
  it.each(['far', 'merge'])('%s: read as the sample is (exit 1, its findings)', async (key) => {
    const before = sha256(files[key]);
    const run = await chiso('validate', files[key], '--criteria', SET, '--today', '2025-01-15', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ status: 'errors', unit: 'Sở Tư pháp' });
    expect(run.ms).toBeLessThan(30_000);
    expect(sha256(files[key])).toBe(before);
  }, 60_000);

  it('a sheet declaring 200 MB: FILE_UNREADABLE saying why, exit 2', async () => {
    const before = sha256(files.bomb);
    const run = await chiso('validate', files.bomb, '--lang', 'en');
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/too large to check: part xl\/worksheets\/sheet\d+\.xml inflates to 200\.0 MB, over the limit of 32 MB/);
    expect(sha256(files.bomb)).toBe(before);
  }, 60_000);
});

describe('chiso consolidate with a bomb among the files', () => {
  it('rejects it for its size and reads the rest as the sample; every input unchanged', async () => {
    const before = Object.fromEntries(Object.values(files).map((f) => [f, sha256(f)]));
    const out = join(tmp, 'tong-hop.xlsx');
    const run = await chiso('consolidate', dir, '--criteria', SET, '--out', out, '--json', '--today', '2025-01-15', '--lang', 'en');
    // The sample has errors, so each copy is rejected for them: nothing usable is exit 2.
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout) as { units: { file: string; unit: string | null; errors: number }[]; rejected: { file: string; reasons: unknown[] }[] };
    expect(json.rejected.find((r) => r.file === 'qua-lon.xlsx')?.reasons.map((r) => JSON.stringify(r)).join(' ')).toMatch(/too large to check/);
    const sample = json.units.find((u) => u.file === 'so-tu-phap.xlsx')!;
    for (const f of ['o-xa.xlsx', 'gop-xa.xlsx']) expect(json.units.find((u) => u.file === f)).toMatchObject({ unit: 'Sở Tư pháp', errors: sample.errors });
    expect(sha256(out)).toHaveLength(64);
    for (const [f, h] of Object.entries(before)) expect(sha256(f)).toBe(h);
  }, 120_000);
});
