/**
 * The stand-in's charts, page breaks, font names and range intersections: recorded or
 * applied when valid, refused with Excel's error codes when not.
 */
import ExcelJS from 'exceljs';
import { createStandIn, StandInError, type StandInContext } from '../../src/preview/standin';

const SHEET = 'Tổng hợp';

function summary(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['Đơn vị', 'Chỉ số (%)', 'Điểm']);
  ws.addRow(['Sở Tư pháp', 86.5, 25.95]);
  ws.addRow(['Sở Nội vụ', 91.25, 27.4]);
  ws.addRow(['UBND huyện Ba Bể', 78, 23.4]);
  wb.addWorksheet('Ghi chú').addRow(['Số liệu ngày 15/12/2024']);
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

function act(apiVersion: string, fn: (ctx: StandInContext) => void) {
  const standIn = createStandIn(summary(), { apiVersion });
  const done = standIn.run(async (ctx) => {
    fn(ctx);
    await ctx.sync();
  });
  return { standIn, done };
}

const sheet = (ctx: StandInContext) => ctx.workbook.worksheets.getItem(SHEET);

describe('charts', () => {
  test('a chart is recorded with its title, series, categories and frame', async () => {
    const { standIn, done } = act('1.7', (ctx) => {
      const ws = sheet(ctx);
      const chart = ws.charts.add('ColumnClustered', ws.getRange('B2:B4'), 'Auto');
      chart.title.text = 'Chỉ số CCHC';
      const series = chart.series.getItemAt(0);
      series.name = 'Chỉ số (%)';
      series.setXAxisValues(ws.getRange('A2:A4'));
      chart.setPosition('E2', ws.getRange('L18'));
    });
    await done;
    expect(standIn.charts(SHEET)).toEqual([
      {
        type: 'ColumnClustered', source: "'Tổng hợp'!B2:B4", seriesBy: 'Auto', title: 'Chỉ số CCHC',
        series: [{ name: 'Chỉ số (%)', values: "'Tổng hợp'!B2:B4", xAxisValues: "'Tổng hợp'!A2:A4" }],
        position: { start: 'E2', end: 'L18' },
      },
    ]);
    expect(standIn.charts('Ghi chú')).toEqual([]);
  });

  test.each([
    ['B2:C4', 'Auto', ["'Tổng hợp'!B2:B4", "'Tổng hợp'!C2:C4"]],
    ['B2:C4', 'Rows', ["'Tổng hợp'!B2:C2", "'Tổng hợp'!B3:C3", "'Tổng hợp'!B4:C4"]],
    ['A2:C2', 'Auto', ["'Tổng hợp'!A2:C2"]],
  ])('source %s by %s gives one series per line', async (address, seriesBy, values) => {
    const { standIn, done } = act('1.7', (ctx) => void sheet(ctx).charts.add('BarClustered', sheet(ctx).getRange(address), seriesBy));
    await done;
    expect(standIn.charts(SHEET)[0].series.map((s) => s.values)).toEqual(values);
  });

  test.each([
    ['an unknown chart type', 0, (ctx: StandInContext) => void sheet(ctx).charts.add('Bars', sheet(ctx).getRange('B2:B4'))],
    ['the Invalid chart type', 0, (ctx: StandInContext) => void sheet(ctx).charts.add('Invalid', sheet(ctx).getRange('B2:B4'))],
    ['an unknown seriesBy', 0, (ctx: StandInContext) => void sheet(ctx).charts.add('BarClustered', sheet(ctx).getRange('B2:B4'), 'Diagonal')],
    ['a source on another sheet', 0, (ctx: StandInContext) =>
      void sheet(ctx).charts.add('BarClustered', ctx.workbook.worksheets.getItem('Ghi chú').getRange('A1:A3'))],
    ['categories on another sheet', 1, (ctx: StandInContext) =>
      sheet(ctx).charts.add('BarClustered', sheet(ctx).getRange('B2:B4')).series.getItemAt(0).setXAxisValues(ctx.workbook.worksheets.getItem('Ghi chú').getRange('A1:A3'))],
    ['a frame corner on another sheet', 1, (ctx: StandInContext) => sheet(ctx).charts.add('BarClustered', sheet(ctx).getRange('B2:B4')).setPosition("'Ghi chú'!E2")],
  ])('%s is InvalidArgument; %i chart stays (actions before the failure are applied, as in Excel)', async (_name, kept, fn) => {
    const { standIn, done } = act('1.17', fn);
    expect(await codeOf(done)).toBe('InvalidArgument');
    expect(standIn.charts(SHEET).length).toBe(kept);
  });

  test('a series the chart does not have is ItemNotFound', async () => {
    const { done } = act('1.7', (ctx) => {
      sheet(ctx).charts.add('BarClustered', sheet(ctx).getRange('B2:B4')).series.getItemAt(1).name = 'Điểm';
    });
    expect(await codeOf(done)).toBe('ItemNotFound');
  });

  test('series axis values need ExcelApi 1.7', async () => {
    const { done } = act('1.6', (ctx) => sheet(ctx).charts.add('BarClustered', sheet(ctx).getRange('B2:B4')).series.getItemAt(0).setXAxisValues(sheet(ctx).getRange('A2:A4')));
    expect(await codeOf(done)).toBe('ApiNotFound');
  });

  test('deleting the sheet deletes its charts', async () => {
    const { standIn, done } = act('1.7', (ctx) => {
      sheet(ctx).charts.add('BarClustered', sheet(ctx).getRange('B2:B4'));
      ctx.workbook.worksheets.add('Mới');
      sheet(ctx).delete();
    });
    await done;
    expect(standIn.charts(SHEET)).toEqual([]);
    expect(standIn.workbook.worksheets.map((w) => w.name)).toEqual(['Ghi chú', 'Mới']);
  });
});

describe('page breaks, font names, intersections', () => {
  test('a page break at a row is stored after the row before it; row 1 is refused; it needs 1.9', async () => {
    const ok = act('1.9', (ctx) => {
      sheet(ctx).horizontalPageBreaks.add('A3');
      sheet(ctx).horizontalPageBreaks.add(sheet(ctx).getRange('B5:C5'));
    });
    await ok.done;
    // exceljs keeps rowBreaks on the sheet without declaring it in its types.
    const { rowBreaks } = ok.standIn.workbook.getWorksheet(SHEET)! as unknown as { rowBreaks: { id: number }[] };
    expect(rowBreaks.map((b) => b.id)).toEqual([2, 4]);
    expect(await codeOf(act('1.9', (ctx) => sheet(ctx).horizontalPageBreaks.add('A1')).done)).toBe('InvalidArgument');
    expect(await codeOf(act('1.8', (ctx) => sheet(ctx).horizontalPageBreaks.add('A3')).done)).toBe('ApiNotFound');
  });

  test('font name is written to every cell; an empty name is refused', async () => {
    const ok = act('1.7', (ctx) => void (sheet(ctx).getRange('A1:C2').format.font.name = 'Times New Roman'));
    await ok.done;
    const ws = ok.standIn.workbook.getWorksheet(SHEET)!;
    expect([ws.getCell('A1').font?.name, ws.getCell('C2').font?.name, ws.getCell('A3').font?.name]).toEqual(['Times New Roman', 'Times New Roman', undefined]);
    expect(await codeOf(act('1.7', (ctx) => void (sheet(ctx).getRange('A1').format.font.name = ' ')).done)).toBe('InvalidArgument');
  });

  test.each([
    ['B2:D9', '1:3', 'B2:D3'],
    ['A1:C4', 'B:B', 'B1:B4'],
    ['A1:C4', 'C4:F9', 'C4'],
  ])('%s intersected with %s is %s', async (a, b, expected) => {
    const standIn = createStandIn(summary());
    const address = await standIn.run(async (ctx) => {
      const r = sheet(ctx).getRange(a).getIntersection(b).load('address');
      await ctx.sync();
      return r.address;
    });
    expect(address).toBe(`'Tổng hợp'!${expected}`);
  });

  test('ranges that do not meet: getIntersection is ItemNotFound', async () => {
    const { done } = act('1.7', (ctx) => void sheet(ctx).getRange('A1:B2').getIntersection('D4:E5').load('address'));
    expect(await codeOf(done)).toBe('ItemNotFound');
  });
});
