/**
 * applyPlan on the stand-in: 2 syncs for a normal set of answers, chunks by bytes when
 * the payload needs it, strings stay exactly the typed text, events off while writing.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { applyPlan, ExcelAdapterError, readWorkbook } from '../../src/excel';
import type { BlockWrite, WriteValue } from '../../src/workbook/grid';
import { PAYLOAD_LIMIT_BYTES } from '../../src/preview/standin';
import { EVIDENCE, scoreWorkbook, standInFor } from './helpers';

const SHEET = 'Tự chấm';

/** Answers for `rows` criteria: self-score, evidence, explanation in columns E:G from row 3. */
function answers(rows: number): BlockWrite {
  return {
    sheet: SHEET,
    row: 2,
    col: 4,
    values: Array.from({ length: rows }, (_, i) => [i % 4 === 0 ? 0.5 : 1, EVIDENCE[i % EVIDENCE.length], i % 7 === 0 ? 'Đang chờ văn bản của Sở Nội vụ' : null]),
  };
}

describe('sync budget', () => {
  test.each([50, 500, 5000])('%i rows of answers: 2 syncs, one chunk, calculation suspended, events off', async (rows) => {
    const wb = scoreWorkbook(rows);
    const { standIn, run } = standInFor(wb);
    const result = await applyPlan(run, { blocks: [answers(rows)] }, { isSetSupported: standIn.isSetSupported });
    expect(result).toEqual({ syncs: 2, chunks: 1 });
    expect(standIn.stats.syncs).toBe(2);
    expect(standIn.stats.requests[0].calcSuspended).toBe(true);
    expect(standIn.stats.events).toEqual([]);
    expect(standIn.eventsEnabled).toBe(true);
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws.getCell(rows + 2, 6).value).toBe(EVIDENCE[(rows - 1) % EVIDENCE.length]);
  });

  test('~20 MB of text is cut into several requests, each under 5 MB, and all of it lands', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(SHEET);
    const { standIn, run } = standInFor(wb);
    // 4,000 rows x 2 cells of ~2,500 Vietnamese characters (about 3.5 KB of UTF-8 each).
    const text = (i: number) => `Giải trình ${i}: ` + 'Đơn vị đã ban hành kế hoạch cải cách hành chính. '.repeat(50);
    const values: WriteValue[][] = Array.from({ length: 4000 }, (_, i) => [text(i), text(i + 1)]);
    const payload = new TextEncoder().encode(JSON.stringify(values)).length;
    expect(payload).toBeGreaterThan(20_000_000);
    const result = await applyPlan(run, { blocks: [{ sheet: SHEET, row: 0, col: 0, values }] }, { isSetSupported: standIn.isSetSupported });
    // Counted by the stand-in, not taken from the adapter's own report: each request under
    // 5 MB, and few of them, each at least half full (one per ~2.5 MB of payload), plus the
    // final sync that restores calculation and events.
    const requests = standIn.stats.requests;
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(standIn.stats.syncs).toBeGreaterThanOrEqual(Math.ceil(payload / PAYLOAD_LIMIT_BYTES) + 1);
    expect(standIn.stats.syncs).toBeLessThanOrEqual(Math.ceil(payload / (PAYLOAD_LIMIT_BYTES / 2)) + 1);
    expect(result).toEqual({ syncs: standIn.stats.syncs, chunks: standIn.stats.syncs - 1 });
    expect(requests.slice(0, -1).every((r) => r.calcSuspended)).toBe(true);
    const ws = wb.getWorksheet(SHEET)!;
    expect([ws.getCell(1, 1).value, ws.getCell(4000, 2).value]).toEqual([text(0), text(4000)]);
  });

  test('an empty plan makes no request', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(1));
    expect(await applyPlan(run, { blocks: [] }, { isSetSupported: standIn.isSetSupported })).toEqual({ syncs: 0, chunks: 0 });
    expect(standIn.stats.syncs).toBe(0);
  });
});

describe('text stays text', () => {
  test.each([
    '=1+1',
    '+84 912 345 678',
    '- Có ban hành văn bản tổ chức triển khai thực hiện: Điểm tối đa',
    '@admin',
    "'trích dẫn'",
    '07/6/2024',
    '1,5',
    '0.5',
    '50%',
    'TRUE',
    '386/KH-UBND',
  ])('"%s" is stored and read back exactly', async (text) => {
    const wb = scoreWorkbook(1);
    const { standIn, run } = standInFor(wb);
    await applyPlan(run, { blocks: [{ sheet: SHEET, row: 2, col: 5, values: [[text]] }] }, { isSetSupported: standIn.isSetSupported });
    expect(wb.getWorksheet(SHEET)!.getCell('F3').value).toBe(text);
    const grid = await readWorkbook(run);
    expect(grid.sheets[0].values[2][5]).toBe(text);
    expect(grid.sheets[0].formulas?.[2][5]).toBeNull();
  });

  test('property: any string written reads back as itself, in a text or a number-formatted cell', async () => {
    const wb = scoreWorkbook(1);
    wb.getWorksheet(SHEET)!.getCell('E3').numFmt = '0.00';
    const { standIn, run } = standInFor(wb);
    await fc.assert(
      // Text that spells an error value ('#N/A') reads as that error: Excel's values cannot tell them apart.
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter((t) => !t.startsWith('#')), async (text) => {
        await applyPlan(run, { blocks: [{ sheet: SHEET, row: 2, col: 4, values: [[text, text]] }] }, { isSetSupported: standIn.isSetSupported });
        const grid = await readWorkbook(run);
        expect(grid.sheets[0].values[2].slice(4, 6)).toEqual([text, text]);
      }),
      { numRuns: 150 },
    );
  });

  test('formulas are explicit, null clears a cell, short rows leave the rest untouched', async () => {
    const wb = scoreWorkbook(3);
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell('G4').value = 'giữ nguyên';
    ws.getCell('E5').value = 1;
    const { standIn, run } = standInFor(wb);
    await applyPlan(
      run,
      { blocks: [{ sheet: SHEET, row: 2, col: 4, values: [[0.5, null, { formula: 'SUM(E3:E5)' }], [1], [null]] }] },
      { isSetSupported: standIn.isSetSupported },
    );
    // The stand-in calculates after the request, as Excel does in automatic mode: 0,5 + 1.
    expect(ws.getCell('G3').value).toEqual({ formula: 'SUM(E3:E5)', result: 1.5 });
    expect([ws.getCell('E4').value, ws.getCell('G4').value, ws.getCell('E5').value]).toEqual([1, 'giữ nguyên', null]);
  });

  test('a non-finite number is refused before anything is sent', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(1));
    await expect(applyPlan(run, { blocks: [{ sheet: SHEET, row: 2, col: 4, values: [[NaN]] }] }, { isSetSupported: standIn.isSetSupported })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(standIn.stats.syncs).toBe(0);
  });
});

describe('events and errors', () => {
  test('own writes fire no change event; a user edit afterwards does', async () => {
    const wb = scoreWorkbook(5);
    const { standIn, run } = standInFor(wb);
    const seen: string[] = [];
    await standIn.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).onChanged.add(async (args) => void seen.push(args.address));
      await ctx.sync();
    });
    await applyPlan(run, { blocks: [answers(5)] }, { isSetSupported: standIn.isSetSupported });
    await standIn.idle();
    expect(seen).toEqual([]);
    await standIn.editCell(SHEET, 'E4', 0.5);
    expect(seen).toEqual(['E4']);
  });

  test('a missing sheet fails as ExcelAdapterError (SHEET_NOT_FOUND) with the Office error as cause, and events are back on', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(2));
    const error: unknown = await applyPlan(run, { blocks: [{ sheet: 'Không có', row: 0, col: 0, values: [[1]] }] }, { isSetSupported: standIn.isSetSupported }).catch((e) => e);
    expect(error).toBeInstanceOf(ExcelAdapterError);
    expect(error).toMatchObject({ code: 'SHEET_NOT_FOUND', officeCode: 'ItemNotFound' });
    expect((error as ExcelAdapterError).vi).toMatch(/Không tìm thấy trang tính/);
    expect((error as ExcelAdapterError).cause).toMatchObject({ code: 'ItemNotFound' });
    expect(standIn.eventsEnabled).toBe(true);
    expect(standIn.stats.syncs).toBe(2); // the failed write, then the restore
  });

  test('Office 2019 (ExcelApi 1.7): writes without touching enableEvents, in 1 sync', async () => {
    const wb = scoreWorkbook(50);
    const { standIn, run } = standInFor(wb, { apiVersion: '1.7' });
    expect(await applyPlan(run, { blocks: [answers(50)] }, { isSetSupported: standIn.isSetSupported })).toEqual({ syncs: 1, chunks: 1 });
  });

  test('the budget is a parameter: a small one forces more chunks, each under it', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(500));
    const result = await applyPlan(run, { blocks: [answers(500)] }, { isSetSupported: standIn.isSetSupported, budgetBytes: 10_000 });
    expect(result.chunks).toBeGreaterThan(3);
    // Each request holds its chunk plus the addressing of each range (estimated apart).
    expect(Math.max(...standIn.stats.requests.map((r) => r.bytes))).toBeLessThan(12_000);
  });
});
