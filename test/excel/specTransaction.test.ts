/**
 * Writing the consolidation summary into the open workbook is one transaction (issue 13):
 * checks first, each sheet written under a temporary name, the old summary replaced only
 * when every sheet is written. A failure injected into the strict stand-in at any step
 * leaves the workbook exactly as it was (sheets, names, order, cells, styles, charts) and
 * the error names the sheet and the operation; the number of syncs does not grow with rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ExcelAdapterError, writeSpec } from '../../src/excel';
import type { ActionDesc, StandIn } from '../../src/preview/standin';
import type { WorkbookSpec } from '../../src/workbook/spec';
import { GAP_SHEET, LOG_SHEET, PLAN_SHEET, SUMMARY_SHEET } from '../../src/workbook/summary';
import { provinceSummary, ref } from '../xlsx/summaryLayout';
import { reopen, standInFor } from './helpers';

const SAMPLE = join(__dirname, '../../data/samples/so-tu-phap-2024.xlsx');
let dir: string;
let spec: WorkbookSpec;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-spec-tx-'));
  spec = await provinceSummary(dir, 12);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sample(apiVersion?: string): Promise<{ wb: ExcelJS.Workbook; standIn: StandIn; run: ReturnType<typeof standInFor>['run'] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return { wb, ...standInFor(wb, apiVersion ? { apiVersion } : {}) };
}

/** Everything of the workbook a user could see or a file would keep, as plain data. */
async function snapshot(standIn: StandIn): Promise<unknown> {
  const copy = await reopen(standIn.workbook);
  return {
    sheets: copy.worksheets.map((ws) => ({ ...ws.model, charts: standIn.charts(ws.name) })),
    definedNames: copy.definedNames.model,
    eventsEnabled: standIn.eventsEnabled,
  };
}

/** The actions of the n-th sheet the writer adds (1-based), in order, as the request carries them. */
function onAddedSheet(n: number, what: (a: ActionDesc) => boolean): (a: ActionDesc) => boolean {
  const added: string[] = [];
  return (a) => {
    const m = /^(worksheets\.add\([^)]*\))/.exec(a.path ?? '');
    if (!m) return false;
    if (!added.includes(m[1])) added.push(m[1]);
    return added.indexOf(m[1]) === n - 1 && what(a);
  };
}

const sheetNames = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name);

describe('writeSpec of the consolidation summary', () => {
  test('writes the four sheets with filters, frozen headers, widths and heights; a fixed number of syncs whatever the rows', async () => {
    const { wb, standIn, run } = await sample();
    const before = sheetNames(wb);
    const result = await writeSpec(run, spec, { isSetSupported: standIn.isSetSupported });
    expect(result.skipped).toEqual([]);
    // Look up, one per sheet, replace + events on.
    expect(result.syncs).toBe(2 + spec.sheets.length);
    expect(sheetNames(wb)).toEqual([...before, SUMMARY_SHEET, GAP_SHEET, LOG_SHEET, PLAN_SHEET]);
    const copy = await reopen(wb);
    for (const s of spec.sheets) {
      const ws = copy.getWorksheet(s.name) as ExcelJS.Worksheet;
      expect(ws.autoFilter).toBe(ref(s.autoFilter!));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: s.freeze!.rows, xSplit: s.freeze!.cols });
      // To 0.01 character: a width of 9 is kept as 9.001, which exceljs would otherwise drop on saving.
      s.columnWidths!.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBeCloseTo(w, 2));
      for (const [row, h] of Object.entries(s.rowHeights ?? {})) expect(ws.getRow(Number(row) + 1).height).toBe(h);
    }
    // The index charts per level, on "Tổng hợp".
    const charts = spec.sheets[0].charts ?? [];
    expect(charts.length).toBeGreaterThan(0);
    expect(standIn.charts(SUMMARY_SHEET).map((c) => c.title)).toEqual(charts.map((c) => c.title));

    // Twenty times the log rows: the same number of syncs.
    const log = spec.sheets.find((s) => s.name === LOG_SHEET)!;
    const long = { sheets: spec.sheets.map((s) => (s === log ? { ...s, values: [...s.values, ...Array.from({ length: 20 }, () => s.values.slice(4)).flat()] } : s)) };
    const again = await writeSpec(run, long, { isSetSupported: standIn.isSetSupported });
    expect(again.syncs).toBe(result.syncs);
    expect(sheetNames(wb)).toEqual([...before, SUMMARY_SHEET, GAP_SHEET, LOG_SHEET, PLAN_SHEET]);
    expect(wb.worksheets.some((w) => w.name.includes('~'))).toBe(false);
  });

  test('ExcelApi 1.8: no filters, said once for all four sheets; the rest is written', async () => {
    const { wb, standIn, run } = await sample('1.8');
    const result = await writeSpec(run, spec, { isSetSupported: standIn.isSetSupported });
    const filters = result.skipped.filter((s) => s.feature === 'autoFilter');
    expect(filters).toHaveLength(1);
    expect(filters[0].requirement).toBe('ExcelApi 1.9');
    for (const name of [SUMMARY_SHEET, GAP_SHEET, LOG_SHEET, PLAN_SHEET]) expect(filters[0].vi).toContain(`"${name}"`);
    expect(filters[0].vi).toContain('Dữ liệu > Lọc');
    expect(filters[0].en).toContain('Data > Filter');
    for (const s of spec.sheets) {
      const ws = wb.getWorksheet(s.name) as ExcelJS.Worksheet;
      expect(ws.autoFilter ?? null).toBeNull();
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: s.freeze!.rows });
    }
  });

  describe.each([
    ['the first write, failing in the values of "Theo dõi kế hoạch"', false, onAddedSheet(4, (a) => a.set === 'values'), PLAN_SHEET, 'values'],
    ['a replacement, failing in a column width of "Chênh lệch mục tiêu"', true, onAddedSheet(2, (a) => a.set === 'columnWidth'), GAP_SHEET, 'format.columnWidth'],
    ['a replacement, failing at the filter of "Nhật ký kiểm tra"', true, onAddedSheet(3, (a) => a.call === 'autoFilter.apply'), LOG_SHEET, 'autoFilter.apply'],
    ['a replacement, failing while the new sheets take the old names', true, onAddedSheet(3, (a) => a.set === 'name'), `${SUMMARY_SHEET}", "${GAP_SHEET}", "${LOG_SHEET}", "${PLAN_SHEET}`, 'name'],
  ])('%s', (_what, replacing, fault, sheet, operation) => {
    test('leaves the workbook exactly as it was and names the sheet and the operation', async () => {
      const { wb, standIn, run } = await sample();
      if (replacing) {
        // An earlier summary, with other cells, to be replaced.
        await writeSpec(run, { sheets: spec.sheets.map((s) => ({ ...s, values: [[`Bản cũ của ${s.name}`], ...s.values.slice(1)] })) }, { isSetSupported: standIn.isSetSupported });
        expect(wb.getWorksheet(SUMMARY_SHEET)?.getCell('A1').value).toBe(`Bản cũ của ${SUMMARY_SHEET}`);
      }
      const before = await snapshot(standIn);
      const names = sheetNames(wb);
      standIn.failOn(fault);
      const error = await writeSpec(run, spec, { isSetSupported: standIn.isSetSupported }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ExcelAdapterError);
      const e = error as ExcelAdapterError;
      expect(e.code).toBe('SHEET_WRITE_FAILED');
      expect(e.officeCode).toBe('InvalidArgument');
      expect(e.vi).toContain(`Không ghi được trang tính "${sheet}": Excel từ chối thao tác ${operation}.`);
      expect(e.vi).toContain('Sổ làm việc được giữ nguyên như trước khi ghi');
      expect(e.en).toContain(`Sheet "${sheet}" could not be written: Excel refused the ${operation} operation.`);
      expect(sheetNames(wb)).toEqual(names);
      expect(await snapshot(standIn)).toEqual(before);
    });
  });

  test('a spec Excel would refuse is refused before any sync, naming the sheet and the operation', async () => {
    const { wb, standIn, run } = await sample();
    const before = await snapshot(standIn);
    const bad = { sheets: spec.sheets.map((s) => (s.name === LOG_SHEET ? { ...s, autoFilter: { top: 3, left: 9, bottom: 2, right: 0 } } : s)) };
    await expect(writeSpec(run, bad, { isSetSupported: standIn.isSetSupported })).rejects.toThrow(`Không ghi được trang tính "${LOG_SHEET}": thao tác autoFilter.apply`);
    expect(standIn.stats.syncs).toBe(0);
    expect(await snapshot(standIn)).toEqual(before);
    expect(wb.worksheets.some((w) => w.name.includes('~'))).toBe(false);
  });
});
