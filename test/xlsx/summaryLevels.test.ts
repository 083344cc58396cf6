/**
 * A mixed-level consolidation (Sở, huyện and xã files, whose sets number their fields
 * differently) written as the CLI writes it and read back: every score in "Tổng hợp" sits
 * under the heading of its own field, and a field a level lacks is empty for its units
 * (tester F3: a commune's "Cải cách chế độ công vụ" sat under the district's "4. Cải cách
 * tổ chức bộ máy").
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { consolidateFiles, inputsOf } from '../../src/cli/consolidate';
import type { UnitLevel } from '../../src/core/criteria';
import type { GradeBand } from '../../src/core/consolidate';
import { summaryWorkbook } from '../../src/pipeline/consolidate';
import { SUMMARY_SHEET } from '../../src/workbook/summary';
import { streamSpecToBuffer } from '../../src/xlsx/streamWrite';
import { generateProvince, type Province } from '../consolidate/province';

const ROOT = join(__dirname, '../..');
let dir: string;
let province: Province;
let ws: ExcelJS.Worksheet;
let headerRow: number;
let header: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-summary-levels-'));
  // 30 units: the 18 departments, the 8 districts and 3 communes of data/units.
  province = await generateProvince(join(dir, 'in'), 30);
  const grades = (JSON.parse(readFileSync(join(ROOT, 'data/grades-sample.json'), 'utf8')) as { grades: GradeBand[] }).grades;
  const files = province.files.map((f) => join(province.dir, f.file));
  const input = { files, sets: Object.values(province.sets), grades, today: '2025-01-15', expectedUnits: province.units };
  const spec = summaryWorkbook(await consolidateFiles(input), inputsOf(input));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(streamSpecToBuffer(spec) as unknown as ExcelJS.Buffer);
  ws = wb.getWorksheet(SUMMARY_SHEET) as ExcelJS.Worksheet;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === 'STT') headerRow = n;
  });
  header = (ws.getRow(headerRow).values as unknown[]).slice(1).map((v) => String(v ?? ''));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHORT: Record<UnitLevel, string> = { so: 'sở', huyen: 'huyện', xa: 'xã' };

/** The column (1-based) whose heading names the field: "code. name", or "name (sở, huyện: mục 5; xã: mục 4)". */
function columnOf(level: UnitLevel, code: string, name: string): number {
  const perLevel = (h: string) =>
    h.startsWith(`${name} (`) &&
    h
      .slice(name.length + 2, -1)
      .split('; ')
      .some((part) => {
        const [levels, at] = part.split(': mục ');
        return at === code && levels.split(', ').includes(SHORT[level]);
      });
  return header.findIndex((h) => h === `${code}. ${name}` || perLevel(h)) + 1;
}

test('the three levels are all there', () => {
  expect(new Set(province.files.map((f) => f.level).filter(Boolean))).toEqual(new Set(['so', 'huyen', 'xa']));
});

test('one heading per field name; a field numbered differently by level names each level\'s number', () => {
  const fields = header.slice(10, header.indexOf('Xếp hạng trong cấp'));
  const names = new Set(Object.values(province.sets).flatMap((s) => s.fields.map((f) => f.name)));
  expect(fields).toHaveLength(names.size);
  expect(fields).toContain('Cải cách chế độ công vụ (sở, huyện: mục 5; xã: mục 4)');
  expect(fields).toContain('4. Cải cách tổ chức bộ máy hành chính nhà nước');
  expect(fields).toContain('1. Công tác chỉ đạo, điều hành cải cách hành chính');
});

test('every accepted unit\'s field scores sit under its own fields\' headings; other field columns are empty', () => {
  const unitCol = header.indexOf('Đơn vị') + 1;
  const fieldCols = new Set(header.map((_, i) => i + 1).slice(10, header.indexOf('Xếp hạng trong cấp')));
  let checked = 0;
  const seen = new Set<UnitLevel>();
  for (const f of province.files) {
    if (!f.unit || !f.level || f.file === province.faults.editedMax.file || f.file === province.faults.oldVersion.file) continue;
    if (province.faults.duplicate.files.includes(f.file)) continue;
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => {
      if (n > headerRow && row.getCell(unitCol).value === f.unit) rows.push(row);
    });
    expect(rows).toHaveLength(1);
    const own = new Set<number>();
    for (const field of province.sets[f.level].fields) {
      const col = columnOf(f.level, field.code, field.name);
      expect(col).toBeGreaterThan(0);
      own.add(col);
      const sum = [...f.scores].filter(([code]) => code.startsWith(`${field.code}.`)).reduce((s, [, v]) => s + v, 0);
      expect(Number(rows[0].getCell(col).value ?? 0)).toBeCloseTo(sum, 6);
    }
    for (const col of fieldCols) if (!own.has(col)) expect(rows[0].getCell(col).value ?? null).toBeNull();
    seen.add(f.level);
    checked++;
  }
  expect(seen).toEqual(new Set(['so', 'huyen', 'xa']));
  expect(checked).toBeGreaterThan(20);
});
