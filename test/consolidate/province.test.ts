/**
 * A generated province of 150 workbooks with planted faults, consolidated by the real
 * command line (spawned), then the same run in process for what the JSON does not show.
 * Expected figures come from the generator's arithmetic, not from src/core/totals.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { GradeBand } from '../../src/core/consolidate';
import { consolidateFiles } from '../../src/cli/consolidate';
import { exitCode } from '../../src/pipeline/consolidate';
import { GAP_SHEET, LOG_SHEET, NO_PREVIOUS, PLAN_SHEET, SUMMARY_SHEET } from '../../src/workbook/summary';
import { CHISO } from '../cli/chiso';
import { generateProvince, type PlantedFile, type Province } from './province';

const ROOT = join(__dirname, '../..');
const grades = (JSON.parse(readFileSync(join(ROOT, 'data/grades-sample.json'), 'utf8')) as { grades: GradeBand[] }).grades;

let tmp: string;
let province: Province;
let hashesBefore: Map<string, string>;
let cli: { status: number | null; json: CliJson; stderr: string };
let out: ExcelJS.Workbook;

interface CliUnit {
  unit: string | null;
  level: string | null;
  file: string;
  status: string;
  self: number | null;
  appraised: number | null;
  applicableMax: number | null;
  index: number | null;
  rank: number | null;
  grade: string | null;
  errors: number;
  warnings: number;
}
interface CliJson {
  units: CliUnit[];
  rejected: { file: string; reasons: { code: string; criterion: string | null; message: string }[] }[];
  duplicates: { unit: string; files: string[] }[];
  missing: string[];
}

function hashes(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(CHISO[0], [...CHISO[1], 'consolidate', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const gradeOf = (index: number) => [...grades].sort((a, b) => b.minIndex - a.minIndex).find((g) => index >= g.minIndex)?.label;

/** The files that should be ranked, and their competition ranks within each level. */
function expectedRanks(p: Province): Map<string, number> {
  const f = p.faults;
  const out = new Map<string, number>();
  const ranked = p.files.filter((x) => x.unit !== undefined && x.unit !== f.duplicate.unit && x.file !== f.editedMax.file && x.file !== f.oldVersion.file);
  for (const level of ['so', 'huyen', 'xa']) {
    const rows = ranked.filter((x) => x.level === level);
    for (const x of rows) out.set(x.file, 1 + rows.filter((y) => y.index > x.index).length);
  }
  return out;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'chiso-province-'));
  province = await generateProvince(join(tmp, 'in'), 150);
  hashesBefore = hashes(province.dir);
  writeFileSync(join(tmp, 'units.json'), JSON.stringify(province.units));
  const r = runCli([province.dir, '--criteria', 'data/criteria', '--out', join(tmp, 'tong-hop.xlsx'), '--units', join(tmp, 'units.json'), '--json', '--today', '2025-01-15']);
  cli = { status: r.status, json: JSON.parse(r.stdout) as CliJson, stderr: r.stderr };
  out = new ExcelJS.Workbook();
  await out.xlsx.readFile(join(tmp, 'tong-hop.xlsx'));
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('consolidate a generated province (150 workbooks, planted faults)', () => {
  test('150 files in, exit 1 because some are rejected, progress on stderr', () => {
    expect(province.files).toHaveLength(150);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('Tệp 1/150: ');
    expect(cli.stderr).toContain('Tệp 150/150: ');
  });

  test('the JSON lists every ranked unit with the exact figures, ranks and grades', () => {
    const ranks = expectedRanks(province);
    const byFile = new Map(province.files.map((f) => [f.file, f]));
    const ranked = cli.json.units.filter((u) => u.status === 'accepted' || u.status === 'accepted_with_warnings');
    expect(ranked).toHaveLength(ranks.size);
    for (const u of ranked) {
      const planted = byFile.get(u.file) as PlantedFile;
      expect(u).toEqual({
        unit: planted.unit,
        level: planted.level,
        file: planted.file,
        status: 'accepted',
        self: planted.self,
        appraised: planted.appraised ? planted.final : null,
        applicableMax: planted.applicableMax,
        index: planted.index,
        rank: ranks.get(u.file),
        grade: gradeOf(planted.index),
        errors: 0,
        warnings: 0,
      });
    }
    // Ties share a rank and the next rank skips (1, 2, 2, 4): some level has a tie.
    expect(ranked.some((a) => ranked.some((b) => a !== b && a.level === b.level && a.rank === b.rank))).toBe(true);
  });

  test('rejected files carry their reasons; duplicates are reported, not ranked; missing units are listed', () => {
    const f = province.faults;
    expect(cli.json.rejected.map((r) => [r.file, r.reasons.map((x) => [x.code, x.criterion])])).toEqual([
      [f.editedMax.file, [['MAX_POINTS_CHANGED', f.editedMax.code]]],
      [f.oldVersion.file, [['SET_VERSION_MISMATCH', null]]],
      [f.corrupt, [['FILE_UNREADABLE', null]]],
    ]);
    expect(cli.json.rejected[2].reasons[0].message).toMatch(/^Không đọc được tệp "999-tep-hong.xlsx"/);
    expect(cli.json.duplicates).toEqual([{ unit: f.duplicate.unit, files: [...f.duplicate.files].sort((a, b) => a.localeCompare(b, 'vi')) }]);
    const dup = cli.json.units.filter((u) => u.status === 'duplicate');
    expect(dup.map((u) => [u.file, u.rank])).toEqual(expect.arrayContaining(f.duplicate.files.map((file) => [file, null])));
    // A rejected file leaves its unit without an accepted file: it counts as missing.
    const missing = new Set([f.missing, f.editedMax.unit, f.oldVersion.unit]);
    expect(cli.json.missing).toEqual(province.units.filter((u) => missing.has(u.name)).map((u) => u.name));
    expect(cli.json.units.filter((u) => u.status === 'rejected').map((u) => u.file)).toEqual([f.editedMax.file, f.oldVersion.file, f.corrupt]);
  });

  test('input files are never modified', () => {
    expect(hashes(province.dir)).toEqual(hashesBefore);
  });

  test('"Tổng hợp": one row per unit, rank and index per level, missing units marked', () => {
    const ws = out.getWorksheet(SUMMARY_SHEET) as ExcelJS.Worksheet;
    const header = findRow(ws, 'STT');
    const col = (label: string) => headerCol(ws, header, label);
    const rows = new Map<string, ExcelJS.Row>();
    for (let r = header + 1; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(col('Tệp'));
      if (typeof cell.value === 'string' && !cell.isMerged) rows.set(cell.value, ws.getRow(r));
    }
    const ranks = expectedRanks(province);
    expect(rows.size).toBe(ranks.size + 2);
    for (const [file, rank] of ranks) {
      const planted = province.files.find((x) => x.file === file) as PlantedFile;
      const row = rows.get(file) as ExcelJS.Row;
      expect([row.getCell(col('Đơn vị')).value, row.getCell(col('Chỉ số (%)')).value, row.getCell(col('Xếp hạng trong cấp')).value]).toEqual([planted.unit, planted.index, rank]);
      expect(row.getCell(col('Biểu đồ chỉ số (mỗi █ = 5%)')).value).toBe('█'.repeat(Math.round(planted.index / 5)));
    }
    const statusOf = (unit: string) => {
      for (let r = header + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === unit) return ws.getRow(r).getCell(col('Trạng thái')).value;
      return undefined;
    };
    expect(statusOf(province.faults.missing)).toBe('Chưa nộp');
    expect(statusOf(province.faults.editedMax.unit)).toBe('Tệp bị từ chối (xem Nhật ký kiểm tra)');
  });

  test('text starting with = + - @ stays text in every output sheet', () => {
    const tricky = province.units.filter((u) => /^[=+\-@]/.test(u.name)).map((u) => u.name);
    expect(tricky).toHaveLength(4);
    let seen = 0;
    for (const ws of out.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (typeof v === 'string' && /^[=+\-@]/.test(v)) {
            seen++;
            expect(cell.type).toBe(ExcelJS.ValueType.String);
          }
        }),
      );
    }
    // Names in "Tổng hợp", "Chênh lệch mục tiêu" (rows and subtotals) and file names in the log.
    expect(seen).toBeGreaterThan(tricky.length * 3);
    const formulas: string[] = [];
    for (const ws of out.worksheets) if (ws.name !== PLAN_SHEET) ws.eachRow((row) => row.eachCell((c) => c.type === ExcelJS.ValueType.Formula && formulas.push(`${ws.name}!${c.address}`)));
    expect(formulas).toEqual([]);
  });

  test('"Nhật ký kiểm tra": one row per file in folder order with status and the file\'s SHA-256', () => {
    const ws = out.getWorksheet(LOG_SHEET) as ExcelJS.Worksheet;
    const header = findRow(ws, 'STT');
    const files = readdirSync(province.dir).sort((a, b) => a.localeCompare(b, 'vi'));
    const logged = files.map((_, i) => ws.getRow(header + 1 + i));
    expect(logged.map((r) => r.getCell(headerCol(ws, header, 'Tệp')).value)).toEqual(files);
    expect(logged.map((r) => r.getCell(headerCol(ws, header, 'Mã băm SHA-256 của tệp')).value)).toEqual(files.map((f) => hashesBefore.get(f)));
    const status = new Map(logged.map((r) => [r.getCell(2).value, r.getCell(headerCol(ws, header, 'Trạng thái')).value]));
    expect(status.get(province.faults.corrupt)).toBe('Bị từ chối');
    expect(status.get(province.faults.duplicate.files[0])).toBe('Trùng tệp - chưa xếp hạng');
    expect([...status.values()].filter((s) => s === 'Hợp lệ')).toHaveLength(expectedRanks(province).size);
  });

  test('"Chênh lệch mục tiêu": previous results from the workbook column, or "no previous" without guessing', () => {
    const ws = out.getWorksheet(GAP_SHEET) as ExcelJS.Worksheet;
    const header = findRow(ws, 'STT');
    const c = (label: string) => headerCol(ws, header, label);
    const withPrev = province.files.find((f) => f.previous && expectedRanks(province).has(f.file)) as PlantedFile;
    const without = province.files.find((f) => !f.previous && expectedRanks(province).has(f.file)) as PlantedFile;
    const rowsOf = (unit: string) => {
      const out: ExcelJS.Row[] = [];
      for (let r = header + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === unit && ws.getRow(r).getCell(c('Mã tiêu chí')).value) out.push(ws.getRow(r));
      return out;
    };
    const a = rowsOf(withPrev.unit as string);
    expect(a).toHaveLength(withPrev.scores.size);
    for (const row of a) {
      const code = row.getCell(c('Mã tiêu chí')).value as string;
      const prev = withPrev.previous?.get(code) as number;
      const max = row.getCell(c('Điểm tối đa')).value as number;
      const current = withPrev.scores.get(code) as number;
      expect([row.getCell(c('Kết quả năm trước (2023)')).value, row.getCell(c('Điểm hiện tại (2024)')).value]).toEqual([prev, current]);
      // Kept at maximum last year: the target is the maximum and the gap what is still missing.
      if (prev === max) expect([row.getCell(c('Chỉ tiêu 2024')).value, row.getCell(c('Chênh lệch so với chỉ tiêu')).value]).toEqual([max, Math.round((max - current) * 1e4) / 1e4]);
    }
    const b = rowsOf(without.unit as string);
    expect(b.every((row) => row.getCell(c('Kết quả năm trước (2023)')).value === NO_PREVIOUS && row.getCell(c('Chỉ tiêu 2024')).value === null)).toBe(true);
  });

  test('"Theo dõi kế hoạch" lists every target of the plan with formulas over the latest value', () => {
    const ws = out.getWorksheet(PLAN_SHEET) as ExcelJS.Worksheet;
    const items = readdirSync(join(ROOT, 'data/targets')).flatMap((n) => (JSON.parse(readFileSync(join(ROOT, 'data/targets', n), 'utf8')) as { items: unknown[] }).items);
    const header = findRow(ws, 'STT');
    expect(ws.rowCount - header).toBe(items.length);
    expect(ws.getRow(header + 1).getCell(11).type).toBe(ExcelJS.ValueType.Formula);
    expect(String(ws.getCell('A3').value)).toContain('cộng thêm điểm phần trăm');
  });

  test('with --allow-other-versions the older set version is accepted (in process, two files)', async () => {
    const dir = join(tmp, 'versions');
    mkdirSync(dir);
    const ok = province.files.find((f) => f.level === 'xa' && expectedRanks(province).has(f.file)) as PlantedFile;
    for (const f of [province.faults.oldVersion.file, ok.file]) copyFileSync(join(province.dir, f), join(dir, f));
    const sets = Object.values(province.sets);
    const files = readdirSync(dir).map((f) => join(dir, f));
    const strict = await consolidateFiles({ files, sets, grades, today: '2025-01-15' });
    const lenient = await consolidateFiles({ files, sets, grades, today: '2025-01-15', allowOtherVersions: true });
    expect(strict.consolidation.rejected.map((r) => r.file)).toEqual([province.faults.oldVersion.file]);
    expect(lenient.consolidation.rejected).toEqual([]);
    expect(exitCode(strict.consolidation)).toBe(1);
    expect(exitCode(lenient.consolidation)).toBe(0);
    expect(lenient.consolidation.units.find((u) => u.file === province.faults.oldVersion.file)?.status).toBe('accepted_with_warnings');
  });

  test('nothing usable: exit 2 and the log still written', () => {
    const dir = join(tmp, 'bad');
    mkdirSync(dir);
    copyFileSync(join(province.dir, province.faults.corrupt), join(dir, province.faults.corrupt));
    const r = runCli([dir, '--criteria', 'data/criteria/xa-2024.json', '--out', join(tmp, 'bad.xlsx'), '--json']);
    expect(r.status).toBe(2);
    expect((JSON.parse(r.stdout) as CliJson).rejected.map((x) => x.file)).toEqual([province.faults.corrupt]);
  });
});

function findRow(ws: ExcelJS.Worksheet, first: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === first) return r;
  throw new Error(`no header row in ${ws.name}`);
}

function headerCol(ws: ExcelJS.Worksheet, row: number, label: string): number {
  const values = ws.getRow(row).values as unknown[];
  const i = values.indexOf(label);
  if (i < 0) throw new Error(`no column "${label}" in ${ws.name}`);
  return i;
}
