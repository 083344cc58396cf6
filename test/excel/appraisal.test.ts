/**
 * The append-only appraisal log ("Nhật ký thẩm định") in the open workbook, on the strict
 * stand-in: each user action is one Excel.run with a fixed number of syncs whatever the
 * rows (issue 13's leftover), the sheet is made with its header and layout when missing,
 * rows go below the last used row and nothing already there is written, and a new sheet a
 * failure left half-made is gone again.
 */
import ExcelJS from 'exceljs';
import { appendRows, type ExcelRun } from '../../src/excel';
import { LOG_FORMATS, LOG_HEADERS, LOG_SHEET, logSheetSpec } from '../../src/workbook/appraisalLog';
import type { WriteValue } from '../../src/workbook/grid';
import { standInFor } from './helpers';

/** The stand-in's runner, counting Excel.run calls. */
function counted(apiVersion?: string) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Tự chấm').addRow(['STT', 'Tiêu chí']);
  const { standIn, run } = standInFor(wb, apiVersion ? { apiVersion } : {});
  const runs = { n: 0 };
  const countedRun = ((...args: Parameters<ExcelRun>) => {
    runs.n++;
    return (run as (...a: unknown[]) => Promise<unknown>)(...args);
  }) as ExcelRun;
  return { wb, standIn, run: countedRun, runs, opts: { isSetSupported: (name: string, v?: string) => standIn.isSetSupported(name, v) } };
}

const entry = (i: number): WriteValue[] => [`2025-03-0${1 + (i % 9)} 10:0${i % 10}`, `1.${i + 1}`, 'Thẩm định lần 2', 'Điểm thẩm định lần 2', 1, 0.5, `Lý do ${i + 1}`];
const entries = (n: number) => Array.from({ length: n }, (_, i) => entry(i));
const rowsOf = (wb: ExcelJS.Workbook) =>
  (wb.getWorksheet(LOG_SHEET)?.getSheetValues() ?? []).slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));

describe('appendRows: one Excel.run per user action', () => {
  test.each([1, 3, 400])('a workbook without the log: the sheet with its header, layout and %i row(s) in one run of 3 syncs', async (n) => {
    const { wb, standIn, run, runs, opts } = counted();
    standIn.reset();
    await expect(appendRows(run, logSheetSpec(), entries(n), opts)).resolves.toBe(2);
    expect(runs.n).toBe(1);
    // Look up, the sheet with everything, events back on.
    expect(standIn.stats.syncs).toBe(3);
    const rows = rowsOf(wb);
    expect(rows[0]).toEqual([...LOG_HEADERS]);
    expect(rows).toHaveLength(n + 1);
    expect(rows[n]).toEqual(entry(n - 1));
    const ws = wb.getWorksheet(LOG_SHEET) as ExcelJS.Worksheet;
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(standIn.eventsEnabled).toBe(true);
  });

  test.each([1, 3, 400])('a workbook with the log: %i row(s) below its last row in one run of 4 syncs; nothing above is written', async (n) => {
    const { wb, standIn, run, runs, opts } = counted();
    await appendRows(run, logSheetSpec(), entries(2), opts);
    const before = rowsOf(wb);
    standIn.reset();
    runs.n = 0;
    // Every action the requests carry, seen as the stand-in applies them (the predicate never fails one).
    const actions: { path?: string; set?: string }[] = [];
    standIn.failOn((a) => {
      actions.push(a);
      return false;
    });
    await expect(appendRows(run, logSheetSpec(), entries(n), opts)).resolves.toBe(4);
    expect(runs.n).toBe(1);
    // Look up, the used range, the rows, events back on.
    expect(standIn.stats.syncs).toBe(4);
    const rows = rowsOf(wb);
    expect(rows.slice(0, 3)).toEqual(before);
    expect(rows.slice(3)).toEqual(entries(n));
    // Values were set on one range only, from the 4th row (0-based 3) down.
    const written = actions.filter((a) => a.set === 'values').map((a) => /getRangeByIndexes\((\d+),/.exec(a.path ?? '')?.[1]);
    expect(written).toEqual(['3']);
  });

  test('the appended rows get the number formats by column, in the same syncs, new sheet or not; the header keeps its own', async () => {
    const { wb, standIn, run, opts } = counted();
    const dated = (i: number): WriteValue[] => [45646 + i / 1440, `1.${i + 1}`, 'thẩm định lần 1', 'Điểm thẩm định', 1, 0.5, null, null];
    const withFormats = { ...opts, formats: LOG_FORMATS };
    await appendRows(run, logSheetSpec(), [dated(0), dated(1)], withFormats);
    standIn.reset();
    await appendRows(run, logSheetSpec(), [dated(2)], withFormats);
    expect(standIn.stats.syncs).toBe(4);
    const ws = wb.getWorksheet(LOG_SHEET) as ExcelJS.Worksheet;
    expect(['A2', 'A3', 'A4'].map((a) => [ws.getCell(a).value, ws.getCell(a).numFmt])).toEqual([0, 1, 2].map((i) => [45646 + i / 1440, 'dd/mm/yyyy hh:mm']));
    expect(ws.getCell('A1').numFmt).not.toBe('dd/mm/yyyy hh:mm');
    expect(ws.getCell('B2').numFmt).not.toBe('dd/mm/yyyy hh:mm');
  });

  test('nothing to append to an existing log: one sync, nothing written', async () => {
    const { wb, standIn, run, runs, opts } = counted();
    await appendRows(run, logSheetSpec(), entries(1), opts);
    standIn.reset();
    runs.n = 0;
    await expect(appendRows(run, logSheetSpec(), [], opts)).resolves.toBe(0);
    expect(runs.n).toBe(1);
    expect(standIn.stats.syncs).toBe(1);
    expect(rowsOf(wb)).toHaveLength(2);
  });

  test('Excel 2019 (ExcelApi 1.7, no events switch): one run, one sync fewer', async () => {
    const { standIn, run, runs, opts } = counted('1.7');
    standIn.reset();
    await appendRows(run, logSheetSpec(), entries(5), opts);
    expect([runs.n, standIn.stats.syncs]).toEqual([1, 2]);
    standIn.reset();
    await appendRows(run, logSheetSpec(), entries(5), opts);
    expect([runs.n, standIn.stats.syncs]).toEqual([2, 3]);
  });

  test('a new log sheet Excel refuses halfway is deleted: the workbook is as it was, the error says so', async () => {
    const { wb, standIn, run, opts } = counted();
    standIn.failOn((a) => a.call === 'freezePanes.freezeRows');
    await expect(appendRows(run, logSheetSpec(), entries(2), opts)).rejects.toThrow();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tự chấm']);
    expect(standIn.eventsEnabled).toBe(true);
    // The next action makes it whole.
    await expect(appendRows(run, logSheetSpec(), entries(2), opts)).resolves.toBe(2);
    expect(rowsOf(wb)).toHaveLength(3);
  });
});
