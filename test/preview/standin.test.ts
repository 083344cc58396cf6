/**
 * The stand-in is strict where Excel is: these tests run deliberately wrong Office.js
 * code and expect Excel's errors, so a green adapter test means something.
 */
import ExcelJS from 'exceljs';
import { createStandIn, StandInError, PAYLOAD_LIMIT_BYTES, type StandInContext } from '../../src/preview/standin';

function sample(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tự chấm');
  ws.getCell('A1').value = 'STT';
  ws.getCell('B1').value = 'Điểm tự đánh giá';
  ws.getCell('A2').value = '1.1.1';
  ws.getCell('B2').value = 0.5;
  ws.getCell('B3').value = { formula: 'SUM(B2:B2)', result: 0.5 };
  ws.getCell('C4').value = new Date(Date.UTC(2024, 5, 7));
  ws.getCell('C4').numFmt = 'dd/mm/yyyy';
  return wb;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    return (error as StandInError).code;
  }
  return 'no error';
}

describe('strictness: reads', () => {
  test('reading values before load + sync throws PropertyNotLoaded with Excel\'s message', async () => {
    const s = createStandIn(sample());
    let message = '';
    const code = await codeOf(
      s.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Tự chấm').getRange('A1:B2');
        try {
          return range.values; // the classic mistake: no load()
        } catch (error) {
          message = (error as Error).message;
          throw error;
        }
      }),
    );
    expect(code).toBe('PropertyNotLoaded');
    expect(message).toBe(
      "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
    );
  });

  test('load without sync is still not enough; load + sync works', async () => {
    const s = createStandIn(sample());
    const code = await codeOf(
      s.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Tự chấm').getRange('A1:B2').load('values');
        return range.values;
      }),
    );
    expect(code).toBe('PropertyNotLoaded');
    const values = await s.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Tự chấm').getRange('A1:B2').load('values');
      await ctx.sync();
      return range.values;
    });
    expect(values).toEqual([['STT', 'Điểm tự đánh giá'], ['1.1.1', 0.5]]);
  });

  test('a property not asked for stays unreadable after another was loaded', async () => {
    const s = createStandIn(sample());
    const code = await codeOf(
      s.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Tự chấm').getRange('A1').load('values');
        await ctx.sync();
        return range.formulas;
      }),
    );
    expect(code).toBe('PropertyNotLoaded');
  });

  test('values, formulas and numberFormat read as Excel returns them', async () => {
    const s = createStandIn(sample());
    const r = await s.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Tự chấm').getRange('A1:C4').load('values,formulas,numberFormat,address,rowCount');
      await ctx.sync();
      return { values: range.values, formulas: range.formulas, numberFormat: range.numberFormat, address: range.address, rows: range.rowCount };
    });
    expect(r.values[2]).toEqual(['', 0.5, '']); // formula -> its value
    expect(r.formulas[2]).toEqual(['', '=SUM(B2:B2)', '']);
    expect(r.values[3][2]).toBe(45450); // 07/06/2024 as a serial number
    expect(r.numberFormat[3][2]).toBe('dd/mm/yyyy');
    expect(r.address).toBe("'Tự chấm'!A1:C4");
    expect(r.rows).toBe(4);
  });

  test('isNullObject is known only after a sync; getItem of a missing sheet fails the sync', async () => {
    const s = createStandIn(sample());
    expect(
      await codeOf(
        s.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItemOrNullObject('Không có');
          return ws.isNullObject;
        }),
      ),
    ).toBe('PropertyNotLoaded');
    const found = await s.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Không có');
      const present = ctx.workbook.worksheets.getItemOrNullObject('tự chấm'); // names are case-insensitive
      await ctx.sync();
      return [missing.isNullObject, present.isNullObject];
    });
    expect(found).toEqual([true, false]);
    expect(await codeOf(s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Không có');
      await ctx.sync();
    }))).toBe('ItemNotFound');
  });

  test('used range: null object on a blank sheet, the value cells otherwise', async () => {
    const wb = sample();
    wb.addWorksheet('Trống');
    const s = createStandIn(wb);
    const r = await s.run(async (ctx) => {
      const blank = ctx.workbook.worksheets.getItem('Trống').getUsedRangeOrNullObject(true);
      const used = ctx.workbook.worksheets.getItem('Tự chấm').getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      return { blank: blank.isNullObject, used: used.address };
    });
    expect(r).toEqual({ blank: true, used: "'Tự chấm'!A1:C4" });
  });

  test('a batch that does not return a promise is refused', async () => {
    const s = createStandIn(sample());
    const bad = s.run as unknown as (b: () => unknown) => Promise<unknown>;
    expect(await codeOf(bad(() => 42))).toBe('RunMustReturnPromise');
  });
});

describe('strictness: writes', () => {
  test('a matrix of the wrong size is rejected', async () => {
    const s = createStandIn(sample());
    expect(
      await codeOf(
        s.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Tự chấm').getRange('A1:B2').values = [['x', 'y']];
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });

  test.each([
    ['=1+1', { formula: '1+1', result: 2 }], // calculated after the request, as in automatic mode
    ['1.5', 1.5],
    ['50%', 0.5],
    ['TRUE', true],
    ["'=1+1", '=1+1'],
    ["'07/6/2024", '07/6/2024'],
    ['Kế hoạch 386/KH-UBND', 'Kế hoạch 386/KH-UBND'],
  ])('writing "%s" to values is parsed like typed input', async (typed, stored) => {
    const wb = sample();
    const s = createStandIn(wb);
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tự chấm').getRange('D1').values = [[typed]];
      await ctx.sync();
    });
    expect(wb.getWorksheet('Tự chấm')!.getCell('D1').value).toEqual(stored);
  });

  test('a date typed as text becomes a date; a Text-formatted cell keeps "=..." as text', async () => {
    const wb = sample();
    const ws = wb.getWorksheet('Tự chấm')!;
    ws.getCell('E1').numFmt = '@';
    const s = createStandIn(wb);
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Tự chấm');
      sheet.getRange('D1').values = [['6/7/2024']];
      sheet.getRange('E1').values = [['=1+1']];
      await ctx.sync();
    });
    expect(ws.getCell('D1').value).toEqual(new Date(Date.UTC(2024, 5, 7)));
    expect(ws.getCell('E1').value).toBe('=1+1');
  });

  test('null leaves a cell unchanged, "" clears it', async () => {
    const wb = sample();
    const s = createStandIn(wb);
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tự chấm').getRange('A2:B2').values = [[null, '']];
      await ctx.sync();
    });
    const ws = wb.getWorksheet('Tự chấm')!;
    expect([ws.getCell('A2').value, ws.getCell('B2').value]).toEqual(['1.1.1', null]);
  });

  test('a request over 5 MB is refused before anything is applied', async () => {
    const wb = sample();
    const s = createStandIn(wb);
    const big = 'x'.repeat(30_000);
    const rows = Math.ceil(PAYLOAD_LIMIT_BYTES / big.length) + 1;
    const code = await codeOf(
      s.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Tự chấm').getRangeByIndexes(10, 0, rows, 1).values = Array.from({ length: rows }, () => [big]);
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(s.stats.requests[0].bytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(wb.getWorksheet('Tự chấm')!.getCell('A11').value).toBeNull();
  });

  test('deleting the last visible sheet is refused; adding a duplicate name too', async () => {
    const s = createStandIn(sample());
    expect(await codeOf(s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tự chấm').delete();
      await ctx.sync();
    }))).toBe('InvalidOperation');
    expect(await codeOf(s.run(async (ctx) => {
      ctx.workbook.worksheets.add('TỰ CHẤM');
      await ctx.sync();
    }))).toBe('ItemAlreadyExists');
  });
});

describe('requirement sets', () => {
  test.each([
    ['dataValidation needs 1.8', (ctx: StandInContext) => {
      ctx.workbook.worksheets.getItem('Tự chấm').getRange('B2').dataValidation.rule = { decimal: { formula1: 0, formula2: 1, operator: 'Between' } };
    }],
    ['pageLayout needs 1.9', (ctx: StandInContext) => {
      ctx.workbook.worksheets.getItem('Tự chấm').pageLayout.orientation = 'Landscape';
    }],
    ['runtime.enableEvents needs 1.8', (ctx: StandInContext) => {
      ctx.runtime.enableEvents = false;
    }],
  ])('%s: ApiNotFound under 1.7, fine under 1.9', async (_name, act) => {
    const old = createStandIn(sample(), { apiVersion: '1.7' });
    expect(old.isSetSupported('ExcelApi', '1.8')).toBe(false);
    expect(old.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(await codeOf(old.run(async (ctx) => {
      act(ctx);
      await ctx.sync();
    }))).toBe('ApiNotFound');
    const current = createStandIn(sample(), { apiVersion: '1.9' });
    await current.run(async (ctx) => {
      act(ctx);
      await ctx.sync();
    });
  });
});

describe('events and counting', () => {
  test('onChanged fires for the add-in\'s own writes unless events are off, and for user edits', async () => {
    const s = createStandIn(sample());
    const seen: string[] = [];
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tự chấm').onChanged.add(async (args) => void seen.push(args.address));
      await ctx.sync();
    });
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tự chấm').getRange('B2').values = [[1]];
      await ctx.sync();
    });
    await s.idle();
    expect(seen).toEqual(['B2']);
    await s.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem('Tự chấm').getRange('B2').values = [[0.5]];
      await ctx.sync();
    });
    await s.idle();
    expect(seen).toEqual(['B2']);
    await s.editCell('Tự chấm', 'B2', 1); // events still off: a user edit is not reported either
    expect(seen).toEqual(['B2']);
    await s.run(async (ctx) => {
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    await s.editCell('Tự chấm', 'C2', 'Báo cáo 12/BC-SNV');
    expect(seen).toEqual(['B2', 'C2']);
    expect(s.stats.events.map((e) => e.by)).toEqual(['addin', 'user']);
  });

  test('every sync is counted, with its bytes; actions left queued are sent when run ends', async () => {
    const s = createStandIn(sample());
    await s.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem('Tự chấm').getRange('A5').values = [['Tài liệu kiểm chứng']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Tự chấm').getRange('A6').values = [['x']];
    });
    expect(s.stats.syncs).toBe(2);
    expect(s.stats.requests[0].bytes).toBeGreaterThan('Tài liệu kiểm chứng'.length);
    expect(s.workbook.getWorksheet('Tự chấm')!.getCell('A6').value).toBe('x');
    s.reset();
    expect(s.stats.syncs).toBe(0);
  });
});

describe('automatic calculation', () => {
  test('a user edit and an add-in write recalculate the formulas the stand-in supports; others keep their cached result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tự chấm');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('A3').value = { formula: 'SUM(A1:A2)', result: 99 } as ExcelJS.CellValue;
    ws.getCell('A4').value = { formula: 'ROUND(A3/4,1)', result: 0 } as ExcelJS.CellValue;
    ws.getCell('A5').value = { formula: 'VLOOKUP(1,A1:A2,1,FALSE)', result: 7 } as ExcelJS.CellValue;
    const s = createStandIn(wb);
    await s.editCell('Tự chấm', 'A1', 5);
    expect([ws.getCell('A3').result, ws.getCell('A4').result, ws.getCell('A5').result]).toEqual([7, 1.8, 7]);
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tự chấm').getRange('A2').values = [[0.5]];
      await ctx.sync();
    });
    expect([ws.getCell('A3').result, ws.getCell('A4').result]).toEqual([5.5, 1.4]);
  });
});
