/**
 * The pane's worker on a generated province of real .xlsx files with planted faults:
 * expected figures come from the generator's arithmetic, not from src/core/totals. The
 * worker and `chiso consolidate` run one pipeline: their JSON and sheets are compared.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConsolidate } from '../../src/cli/consolidate';
import { InputError, withIndexCharts } from '../../src/pipeline/consolidate';
import { FINDINGS_SHOWN, lineRanges } from '../../src/pipeline/details';
import { LOG_SHEET, GAP_SHEET, SUMMARY_SHEET, LEVEL_LABEL, PLAN_SHEET } from '../../src/workbook/summary';
import { inputsOf, runRequest } from '../../src/worker/consolidation';
import type { ConsolidateRequest, FileInput, WorkerMessage } from '../../src/worker/protocol';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/read';
import { writeSpecToBuffer } from '../../src/xlsx/write';
import type { ExpectedUnit } from '../../src/core/consolidate';
import { buildTemplate } from '../../src/workbook/template';
import { generateProvince, type Province } from '../consolidate/province';
import { encodeWindows1258 } from '../text/windows1258';

let tmp: string;
let province: Province;
let out: Extract<WorkerMessage, { type: 'done' }>;
const progress: string[] = [];
let before: Map<string, string>;

const hashes = (dir: string) => new Map(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
const text = (name: string, body: string): FileInput => ({ name, data: new Blob([body]) });
const unitFiles = () => readdirSync(tmp).filter((n) => n.endsWith('.xlsx')).sort();

function request(over: Partial<ConsolidateRequest> = {}): ConsolidateRequest {
  return {
    files: unitFiles().map((name) => ({ name, data: new Blob([readFileSync(join(tmp, name))]) })),
    criteria: { kind: 'files', files: (['so', 'huyen', 'xa'] as const).map((l) => text(`${l}.json`, JSON.stringify(province.sets[l]))) },
    units: text('don-vi.json', JSON.stringify(province.units)),
    allowOtherVersions: false,
    today: '2025-01-15',
    lang: 'vi',
    ...over,
  };
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'chiso-worker-'));
  province = await generateProvince(join(tmp), 16);
  before = hashes(tmp);
  out = await runRequest(request(), (n, total, name) => progress.push(`Tệp ${n}/${total}: ${name}`));
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the worker on a generated province', () => {
  it('reports progress file by file and leaves every file unchanged', () => {
    const names = unitFiles();
    expect(progress).toEqual(names.map((n, i) => `Tệp ${i + 1}/${names.length}: ${n}`));
    expect(hashes(tmp)).toEqual(before);
  });

  it('rejects the corrupt, edited-maximum and old-version files with reasons in both languages', () => {
    const f = province.faults;
    expect(out.report.rejected.map((r) => r.file).sort()).toEqual([f.corrupt, f.editedMax.file, f.oldVersion.file].sort());
    for (const r of out.report.rejected) {
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const reason of r.reasons) expect(reason.vi).not.toBe(reason.en);
    }
    const edited = out.report.rejected.find((r) => r.file === f.editedMax.file);
    expect(edited?.reasons.some((x) => x.vi.includes(f.editedMax.code))).toBe(true);
  });

  it('writes the JSON messages in the language asked for, the unreadable file included', async () => {
    const en = await runRequest(request({ lang: 'en' }));
    const corrupt = en.json.rejected.find((r) => r.file === province.faults.corrupt);
    expect(corrupt?.reasons[0].message).toMatch(/^Cannot read file/);
    expect(out.json.rejected.find((r) => r.file === province.faults.corrupt)?.reasons[0].message).toMatch(/^Không đọc được tệp/);
  }, 120_000);

  it('reports the duplicate unit (unranked) and the missing one', () => {
    const f = province.faults;
    expect(out.report.duplicates).toEqual([{ unit: f.duplicate.unit, files: [...f.duplicate.files].sort() }]);
    expect(out.report.missing).toContain(f.missing);
    expect(out.json.units.filter((u) => u.unit === f.duplicate.unit).every((u) => u.rank === null)).toBe(true);
  });

  it('gives each accepted unit the planted totals and index', () => {
    const f = province.faults;
    const accepted = province.files.filter((p) => p.unit !== undefined && p.unit !== f.duplicate.unit && p.file !== f.editedMax.file && p.file !== f.oldVersion.file);
    expect(out.report.ranked).toBe(accepted.length);
    for (const p of accepted) {
      const row = out.json.units.find((u) => u.file === p.file);
      expect(row?.self).toBeCloseTo(p.self, 4);
      expect(row?.index).toBeCloseTo(p.index, 2);
    }
  });

  it('builds the output sheets, the summary with one index chart per level', () => {
    expect(out.sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, GAP_SHEET, LOG_SHEET, PLAN_SHEET]);
    const summary = out.sheets[0];
    const levels = new Set(out.json.units.filter((u) => u.index !== null && u.status !== 'rejected').map((u) => u.level));
    expect(levels.size).toBeGreaterThan(0);
    expect(summary.charts).toHaveLength(levels.size);
    for (const chart of summary.charts ?? []) {
      const names = summary.values.slice(chart.categories.top, chart.categories.bottom + 1).map((r) => r[chart.categories.left]);
      const indexes = summary.values.slice(chart.values.top, chart.values.bottom + 1).map((r) => r[chart.values.left]);
      for (const [i, name] of names.entries()) {
        expect(out.json.units.find((u) => u.unit === name)?.index).toBeCloseTo(indexes[i] as number, 6);
      }
      const heading = summary.values[chart.categories.top - 1][0] as string;
      expect(chart.title).toContain(heading);
      expect(Object.values(LEVEL_LABEL)).toContain(heading);
    }
  });
});

describe('what the pane shows beyond the ranking', () => {
  it('carries each listed unit\'s findings, errors first, the first few with sheet and cell and the rest counted (F4)', async () => {
    // The missing unit sends a workbook half done: one score above its maximum, the rest blank.
    const unit = province.units.find((u) => u.name === province.faults.missing) as ExpectedUnit;
    const spec = buildTemplate(province.sets[unit.level], unit);
    const values = spec.sheets[0].values;
    const self = values[7].indexOf('Điểm tự đánh giá');
    const leaf = values.findIndex((row, i) => i > 7 && typeof row[2] === 'number' && row[self] === null);
    values[leaf][self] = (values[leaf][2] as number) + 1;
    const half = { name: 'nua-chung.xlsx', data: new Blob([new Uint8Array(await writeSpecToBuffer(spec))]) };
    const run = await runRequest(request({ files: [...request().files, half] }));
    const halfFindings = run.report.findings.find((f) => f.file === half.name);
    expect(halfFindings?.first[0]).toMatchObject({ severity: 'error', sheet: spec.sheets[0].name, cell: expect.stringMatching(new RegExp(`^[A-Z]+${leaf + 1}$`)) });
    expect(halfFindings?.first).toContainEqual(expect.objectContaining({ severity: 'error', cell: `${String.fromCharCode(65 + self)}${leaf + 1}`, message: expect.objectContaining({ vi: expect.stringContaining('vượt điểm tối đa') }) }));
    expect(halfFindings?.more).toBeGreaterThan(0);
    const listed = run.json.units.filter((u) => u.status !== 'rejected');
    const withFindings = listed.filter((u) => u.errors + u.warnings > 0);
    expect(withFindings.length).toBeGreaterThan(0);
    expect(run.report.findings.map((f) => f.file).sort()).toEqual(expect.arrayContaining(withFindings.map((u) => u.file).sort()));
    for (const f of run.report.findings) {
      const u = listed.find((x) => x.file === f.file);
      expect(u).toBeDefined();
      expect([f.counts.error, f.counts.warning]).toEqual([u?.errors, u?.warnings]);
      expect(f.first.length).toBe(Math.min(FINDINGS_SHOWN, f.counts.error + f.counts.warning + f.counts.info));
      expect(f.more).toBe(f.counts.error + f.counts.warning + f.counts.info - f.first.length);
      const order = { error: 0, warning: 1, info: 2 };
      expect(f.first.map((x) => order[x.severity])).toEqual([...f.first.map((x) => order[x.severity])].sort());
      for (const x of f.first) expect(x.message.vi).not.toBe(x.message.en);
    }
    // Bounded: FINDINGS_SHOWN findings at most, whatever the unit has.
    expect(JSON.stringify(run.report.findings).length).toBeLessThan(FINDINGS_SHOWN * 1500);
  }, 120_000);

  it('says for how many units last year\'s results were used and which lines were left out (F24)', async () => {
    const f = province.faults;
    const own = province.files.find((p) => p.unit !== undefined && !p.previous && p.unit !== f.duplicate.unit && p.file !== f.editedMax.file && p.file !== f.oldVersion.file);
    const rowed = province.files.find((p) => p.previous && p.unit !== f.duplicate.unit && p.file !== f.editedMax.file && p.file !== f.oldVersion.file);
    const csv = ['Đơn vị,Mã tiêu chí,Điểm', `${own?.unit},1.1,1`, `${own?.unit},1.2,0`, 'Sở Không Có,1.1,1', 'Sở Không Có,1.2,1', `${rowed?.unit},1.1,1`, `${own?.unit},1.3,không rõ`].join('\n');
    const run = await runRequest(request({ baseline: text('nam-truoc.csv', csv) }));
    expect(run.report.baseline).toEqual({
      file: 'nam-truoc.csv',
      units: 3,
      used: 1,
      skipped: [
        { vi: expect.stringMatching(/^nam-truoc\.csv:7: /), en: expect.stringMatching(/^nam-truoc\.csv:7: /) },
        { vi: expect.stringMatching(/^nam-truoc\.csv:4-5: đơn vị "Sở Không Có" không có trong danh sách đơn vị/), en: expect.stringMatching(/^nam-truoc\.csv:4-5: unit "Sở Không Có" is neither on the unit list/) },
      ],
    });
    expect(out.report.baseline).toBeUndefined();
  }, 120_000);

  it('writes line ranges compactly', () => {
    expect(lineRanges([9, 3, 4, 5, 4, 12, 13])).toBe('3-5, 9, 12-13');
    expect(lineRanges([])).toBe('');
  });
});

describe('one engine: the pane and the CLI', () => {
  it('give the same JSON and the same sheets on the same inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-worker-cli-'));
    try {
      for (const l of ['so', 'huyen', 'xa'] as const) writeFileSync(join(dir, `${l}.json`), JSON.stringify(province.sets[l]));
      writeFileSync(join(dir, 'don-vi.json'), JSON.stringify(province.units));
      const summary = join(dir, 'tong-hop.xlsx');
      let stdout = '';
      const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
      const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        await runConsolidate([tmp, ...['so', 'huyen', 'xa'].flatMap((l) => ['--criteria', join(dir, `${l}.json`)]), '--units', join(dir, 'don-vi.json'), '--out', summary, '--today', '2025-01-15', '--json']);
      } finally {
        write.mockRestore();
        err.mockRestore();
      }
      expect(out.json).toEqual(JSON.parse(stdout));
      const cli = await readWorkbookFile(summary);
      const pane = await readWorkbookBuffer(await writeSpecToBuffer({ sheets: out.sheets }), 'pane.xlsx');
      expect(pane.sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
      for (const [i, s] of pane.sheets.entries()) expect(s.values).toEqual(cli.sheets[i].values);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('inputs', () => {
  it.each([
    ['a criteria file that is not JSON', { criteria: { kind: 'files' as const, files: [text('bo.json', '{ khong phai json')] } }, /bo\.json không dùng được: Tệp bộ tiêu chí không hợp lệ/],
    ['a criteria set that fails its checks', { criteria: { kind: 'files' as const, files: [text('bo.json', '{"id": "x"}')] } }, /Bộ tiêu chí bo\.json không dùng được/],
    ['a unit list with an unknown level', { units: text('dv.json', '[{"name": "Sở Tư pháp", "level": "tinh"}]') }, /dv\.json: cần mảng JSON/],
    ['a baseline that is neither CSV, JSON nor a workbook', { baseline: text('nam-truoc.txt.doc', '') }, /phải là tệp \.xlsx, \.csv hoặc \.json/],
    ['no reference set', { criteria: { kind: 'sets' as const, sets: [] } }, /Chưa chọn bộ tiêu chí/],
  ])('refuses %s before reading any workbook', async (_what, over, vi) => {
    const e = await inputsOf(request(over)).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).text.vi).toMatch(vi);
  });

  it('reads a CSV baseline and names the lines it skipped', async () => {
    const csv = 'Đơn vị,Mã tiêu chí,Điểm\nSở Tư pháp,1.1,1\nSở Tư pháp,1.2,không rõ\n';
    const { inputs, problems } = await inputsOf(request({ baseline: text('nam-truoc.csv', csv) }));
    expect(inputs.baseline?.units.size).toBe(1);
    expect(problems.map((p) => p.vi)).toEqual([expect.stringMatching(/^nam-truoc\.csv:3: /)]);
  });

  it('reads a CSV baseline and a unit list saved by Excel on a Vietnamese Windows (code page 1258)', async () => {
    const bytes = (name: string, body: string): FileInput => ({ name, data: new Blob([encodeWindows1258(body)]) });
    const csv = 'Đơn vị;Mã tiêu chí;Điểm năm 2023\r\nSở Tư pháp;1.1;1\r\nỦy ban nhân dân huyện Chợ Đồn;1.1;0,5\r\n';
    const { inputs, problems } = await inputsOf(request({ baseline: bytes('nam-truoc.csv', csv), units: bytes('don-vi.json', JSON.stringify(province.units)) }));
    expect(problems).toEqual([]);
    expect([...(inputs.baseline?.units.values() ?? [])].map((u) => u.unit)).toEqual(['Sở Tư pháp', 'Ủy ban nhân dân huyện Chợ Đồn']);
    expect(inputs.expectedUnits).toEqual(province.units);
  });
});

describe('withIndexCharts', () => {
  it('leaves a summary without ranked units as it is', () => {
    const sheet = { name: SUMMARY_SHEET, values: [['TỔNG HỢP'], [LEVEL_LABEL.xa], [1, 'UBND xã Mẫu', null, 'x.xlsx', 'Thiếu tệp']] };
    expect(withIndexCharts(sheet)).toBe(sheet);
  });
});
