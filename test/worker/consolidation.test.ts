/**
 * The worker's processing on a generated province of real .xlsx files with planted
 * faults: expected figures come from the generator's arithmetic, not from src/core/totals.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_SHEET, GAP_SHEET, SUMMARY_SHEET, LEVEL_LABEL } from '../../src/workbook/summary';
import { consolidateSources, InputError, parseInputs, withIndexCharts, type ConsolidationOutput, type SourceFile } from '../../src/worker/consolidation';
import type { ConsolidateRequest } from '../../src/worker/protocol';
import { generateProvince, type Province } from '../consolidate/province';

let tmp: string;
let province: Province;
let out: ConsolidationOutput;
const progress: string[] = [];
let before: Map<string, string>;

const hashes = (dir: string) => new Map(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

function request(over: Partial<ConsolidateRequest> = {}): ConsolidateRequest {
  return {
    files: [],
    criteria: { kind: 'json', files: (['so', 'huyen', 'xa'] as const).map((l) => ({ name: `${l}.json`, text: JSON.stringify(province.sets[l]) })) },
    units: { name: 'don-vi.json', text: JSON.stringify(province.units) },
    allowOtherVersions: false,
    today: '2025-01-15',
    ...over,
  };
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'chiso-worker-'));
  province = await generateProvince(tmp, 16);
  before = hashes(tmp);
  const names = readdirSync(tmp).sort();
  const files: SourceFile[] = names.map((name) => ({ name, read: () => readFile(join(tmp, name)) }));
  out = await consolidateSources(files, parseInputs(request()), (n, total, name) => progress.push(`Tệp ${n}/${total}: ${name}`));
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('consolidateSources on a generated province', () => {
  it('reports progress file by file and leaves every file unchanged', () => {
    const names = readdirSync(tmp).sort();
    expect(progress).toEqual(names.map((n, i) => `Tệp ${i + 1}/${names.length}: ${n}`));
    expect(hashes(tmp)).toEqual(before);
  });

  it('rejects the corrupt, edited-maximum and old-version files with Vietnamese reasons', () => {
    const f = province.faults;
    expect(out.report.rejected.map((r) => r.file).sort()).toEqual([f.corrupt, f.editedMax.file, f.oldVersion.file].sort());
    for (const r of out.report.rejected) {
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const reason of r.reasons) expect(reason.vi).not.toBe(reason.en);
    }
    const edited = out.report.rejected.find((r) => r.file === f.editedMax.file);
    expect(edited?.reasons.some((x) => x.vi.includes(f.editedMax.code))).toBe(true);
  });

  it('reports the duplicate unit (unranked) and the missing one', () => {
    const f = province.faults;
    expect(out.report.duplicates).toEqual([{ unit: f.duplicate.unit, files: [...f.duplicate.files].sort() }]);
    expect(out.report.missing).toContain(f.missing);
    expect(out.consolidation.units.filter((u) => u.unit === f.duplicate.unit).every((u) => u.rank === undefined)).toBe(true);
  });

  it('gives each accepted unit the planted totals and index', () => {
    const f = province.faults;
    const accepted = province.files.filter((p) => p.unit !== undefined && p.unit !== f.duplicate.unit && p.file !== f.editedMax.file && p.file !== f.oldVersion.file);
    expect(out.report.ranked).toBe(accepted.length);
    for (const p of accepted) {
      const row = out.consolidation.units.find((u) => u.file === p.file);
      expect(row?.self).toBeCloseTo(p.self, 4);
      expect(row?.final).toBeCloseTo(p.final, 4);
      expect(row?.index).toBeCloseTo(p.index, 2);
    }
  });

  it('builds the three output sheets, the summary with one index chart per level', () => {
    expect(out.sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, GAP_SHEET, LOG_SHEET]);
    const summary = out.sheets[0];
    const levels = new Set(out.consolidation.units.filter((u) => u.index !== undefined).map((u) => u.level));
    expect(levels.size).toBeGreaterThan(0);
    expect(summary.charts).toHaveLength(levels.size);
    for (const chart of summary.charts ?? []) {
      const names = summary.values.slice(chart.categories.top, chart.categories.bottom + 1).map((r) => r[chart.categories.left]);
      const indexes = summary.values.slice(chart.values.top, chart.values.bottom + 1).map((r) => r[chart.values.left]);
      for (const [i, name] of names.entries()) {
        expect(out.consolidation.units.find((u) => u.unit === name)?.index).toBeCloseTo(indexes[i] as number, 6);
      }
      const heading = summary.values[chart.categories.top - 1][0] as string;
      expect(chart.title).toContain(heading);
      expect(Object.values(LEVEL_LABEL)).toContain(heading);
    }
  });
});

describe('inputs', () => {
  it.each([
    ['a criteria file that is not JSON', { criteria: { kind: 'json' as const, files: [{ name: 'bo.json', text: '{ khong phai json' }] } }, /bo\.json không phải JSON hợp lệ/],
    ['a criteria set that fails its checks', { criteria: { kind: 'json' as const, files: [{ name: 'bo.json', text: '{"id": "x"}' }] } }, /Bộ tiêu chí bo\.json không hợp lệ/],
    ['a unit list with an unknown level', { units: { name: 'dv.json', text: '[{"name": "Sở Tư pháp", "level": "tinh"}]' } }, /dv\.json: cần mảng JSON/],
    ['a baseline that is neither CSV nor JSON', { baseline: { name: 'nam-truoc.xlsx', text: '' } }, /phải là tệp \.csv hoặc \.json/],
  ])('refuses %s before reading any workbook', (_what, over, vi) => {
    try {
      parseInputs(request(over));
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).text.vi).toMatch(vi);
    }
  });

  it('reads a CSV baseline and names the lines it skipped', () => {
    const csv = 'Đơn vị,Mã tiêu chí,Điểm\nSở Tư pháp,1.1,1\nSở Tư pháp,1.2,không rõ\n';
    const inputs = parseInputs(request({ baseline: { name: 'nam-truoc.csv', text: csv } }));
    expect(inputs.baseline?.units.size).toBe(1);
    expect(inputs.baselineProblems.map((p) => p.vi)).toEqual([expect.stringMatching(/^nam-truoc\.csv:3: /)]);
  });
});

describe('withIndexCharts', () => {
  it('leaves a summary without ranked units as it is', () => {
    const sheet = { name: SUMMARY_SHEET, values: [['TỔNG HỢP'], [LEVEL_LABEL.xa], [1, 'UBND xã Mẫu', null, 'x.xlsx', 'Thiếu tệp']] };
    expect(withIndexCharts(sheet)).toBe(sheet);
  });
});
