/**
 * writeSpec renders a SheetSpec in the open workbook in 3 syncs (2 and one per sheet); what the running Excel
 * lacks (data validation before 1.8, page setup before 1.9) is skipped and explained.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeSpec } from '../../src/excel';
import type { SheetSpec } from '../../src/workbook/spec';
import { reopen, scoreWorkbook, standInFor } from './helpers';

const PRINT_SHEET: SheetSpec = {
  name: 'In bảng điểm',
  values: [
    ['BẢNG ĐIỂM TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024'],
    ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
    ['1.1.1', 'Ban hành kế hoạch CCHC năm', 1, 1, '=Kế hoạch 386/KH-UBND'],
    ['1.1.2', 'Mức độ thực hiện kế hoạch CCHC', 1, 0.5, '- Báo cáo 12/BC-SNV'],
    ['', 'Tổng', 2, { formula: 'SUM(D3:D4)' }],
  ],
  columnWidths: [8, 50, 10, 12, 40],
  rowHeights: { 0: 30 },
  merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
  styles: [
    { range: { top: 0, left: 0, bottom: 1, right: 4 }, style: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, fill: 'D9E1F2', color: 'B71C1C', fontSize: 13 } },
    { range: { top: 1, left: 0, bottom: 4, right: 4 }, style: { border: 'thin' } },
    { range: { top: 2, left: 3, bottom: 3, right: 3 }, style: { numberFormat: '0.00', locked: false } },
  ],
  validations: [{ range: { top: 2, left: 3, bottom: 3, right: 3 }, kind: 'list', values: [0, 0.5, 1], message: 'Điểm phải là 0; 0,5 hoặc 1.' }],
  protect: true,
  freeze: { rows: 2, cols: 1 },
  print: {
    orientation: 'landscape',
    paperSize: 'A4',
    fitToWidth: true,
    titleRows: [1, 1],
    margins: { top: 0.75, bottom: 0.75, left: 1, right: 0.5, header: 0.3, footer: 0.3 },
    centerFooter: 'Trang &P / &N',
    printArea: { top: 0, left: 0, bottom: 4, right: 4 },
  },
};

describe('writeSpec', () => {
  test('renders every part of the spec in 3 syncs; the file keeps it', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(3));
    const result = await writeSpec(run, { sheets: [PRINT_SHEET] }, { isSetSupported: standIn.isSetSupported });
    expect(result).toEqual({ syncs: 3, skipped: [] });
    expect(standIn.stats.syncs).toBe(3);
    expect(standIn.eventsEnabled).toBe(true);

    const ws = (await reopen(standIn.workbook)).getWorksheet('In bảng điểm')!;
    expect(ws.getCell('A1').value).toBe('BẢNG ĐIỂM TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024');
    expect(ws.getCell('E3').value).toBe('=Kế hoạch 386/KH-UBND');
    expect(ws.getCell('E4').value).toBe('- Báo cáo 12/BC-SNV');
    expect(ws.getCell('D5').formula).toBe('SUM(D3:D4)');
    expect(ws.getColumn(2).width).toBeCloseTo(50, 5);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('B2').font).toMatchObject({ bold: true, size: 13, color: { argb: 'FFB71C1C' } });
    expect(ws.getCell('B2').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('B2').fill).toMatchObject({ fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('C3').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.getCell('D3').numFmt).toBe('0.00');
    expect(ws.getCell('D3').protection).toMatchObject({ locked: false });
    expect(ws.getCell('D4').dataValidation).toMatchObject({ type: 'list', formulae: ['"0,0.5,1"'], error: 'Điểm phải là 0; 0,5 hoặc 1.' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: 'A1:E5' });
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.pageSetup.margins).toMatchObject({ left: 1, right: 0.5, top: 0.75, footer: 0.3 });
    expect(ws.headerFooter.oddFooter).toBe('&CTrang &P / &N');
  });

  test('protection is on in the reopened file', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(1));
    await writeSpec(run, { sheets: [PRINT_SHEET] }, { isSetSupported: standIn.isSetSupported });
    const copy = await reopen(standIn.workbook);
    const model = copy.getWorksheet('In bảng điểm')!.model as unknown as { sheetProtection?: { sheet?: boolean } };
    expect(model.sheetProtection?.sheet).toBe(true);
  });

  test('Office 2019 (ExcelApi 1.7): validations and page setup are skipped and explained in Vietnamese, the rest is done', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(1), { apiVersion: '1.7' });
    const result = await writeSpec(run, { sheets: [PRINT_SHEET] }, { isSetSupported: standIn.isSetSupported });
    expect(result.skipped.map((s) => [s.feature, s.requirement])).toEqual([
      ['dataValidation', 'ExcelApi 1.8'],
      ['pageLayout', 'ExcelApi 1.9'],
    ]);
    expect(result.skipped[0].vi).toContain('Trang tính "In bảng điểm"');
    expect(result.skipped[1].vi).toContain('Tệp > In');
    expect(result.syncs).toBe(3); // look up, the sheet, replace (no events to restore before 1.8)
    const ws = standIn.workbook.getWorksheet('In bảng điểm')!;
    expect(ws.getCell('D3').dataValidation).toBeUndefined();
    expect(ws.getCell('A1').value).toBe('BẢNG ĐIỂM TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  test('an existing sheet of the same name is replaced, even when it is the only sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('In bảng điểm').getCell('Z99').value = 'cũ';
    const { standIn, run } = standInFor(wb);
    await writeSpec(run, { sheets: [PRINT_SHEET] }, { isSetSupported: standIn.isSetSupported });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['In bảng điểm']);
    expect(wb.getWorksheet('In bảng điểm')!.getCell('Z99').value).toBeNull();
  });

  test('a hidden metadata sheet stays hidden', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(1));
    await writeSpec(run, { sheets: [{ name: '_chiso', visibility: 'veryHidden', values: [['criteriaSet', 'bac-kan-2024']] }] }, { isSetSupported: standIn.isSetSupported });
    expect(standIn.workbook.getWorksheet('_chiso')!.state).toBe('veryHidden');
  });
});

/** A consolidation sheet: units, their index, a chart of it; the print font and page breaks of a score sheet. */
const SUMMARY_SHEET: SheetSpec = {
  name: 'Tổng hợp',
  values: [
    ['KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024'],
    ['Đơn vị', 'Chỉ số (%)'],
    ['Sở Tư pháp', 86.5],
    ['Sở Nội vụ', 91.25],
    ['UBND huyện Ba Bể', 78],
    ['UBND thành phố Bắc Kạn', 88.75],
  ],
  styles: [{ range: { top: 0, left: 0, bottom: 5, right: 1 }, style: { fontName: 'Times New Roman', fontSize: 13 } }],
  charts: [
    {
      type: 'bar', title: 'Chỉ số CCHC theo đơn vị', seriesName: 'Chỉ số (%)',
      categories: { top: 2, left: 0, bottom: 5, right: 0 }, values: { top: 2, left: 1, bottom: 5, right: 1 },
      anchor: { row: 1, col: 3, rows: 15, cols: 8 },
    },
    {
      type: 'column', title: 'Điểm theo đơn vị', seriesName: 'Điểm',
      categories: { top: 2, left: 0, bottom: 5, right: 0 }, values: { top: 2, left: 1, bottom: 5, right: 1 },
      anchor: { row: 17, col: 3, rows: 10, cols: 6 },
    },
  ],
  print: {
    orientation: 'portrait', paperSize: 'A4', fitToWidth: true,
    margins: { top: 0.75, bottom: 0.75, left: 1, right: 0.5, header: 0.3, footer: 0.3 },
    centerHeader: '&"Times New Roman,Bold"&14BẢN DỰ THẢO',
    rowBreaks: [2, 4],
  },
};

describe('writeSpec: charts, fonts, headers and page breaks', () => {
  test('charts are drawn over the spec ranges within the same 3 syncs', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(1));
    const result = await writeSpec(run, { sheets: [SUMMARY_SHEET] }, { isSetSupported: standIn.isSetSupported });
    expect(result).toEqual({ syncs: 3, skipped: [] });
    expect(standIn.charts('Tổng hợp')).toEqual([
      {
        type: 'BarClustered', source: "'Tổng hợp'!B3:B6", seriesBy: 'Auto', title: 'Chỉ số CCHC theo đơn vị',
        series: [{ name: 'Chỉ số (%)', values: "'Tổng hợp'!B3:B6", xAxisValues: "'Tổng hợp'!A3:A6" }],
        position: { start: 'D2', end: 'K16' },
      },
      {
        type: 'ColumnClustered', source: "'Tổng hợp'!B3:B6", seriesBy: 'Auto', title: 'Điểm theo đơn vị',
        series: [{ name: 'Điểm', values: "'Tổng hợp'!B3:B6", xAxisValues: "'Tổng hợp'!A3:A6" }],
        position: { start: 'D18', end: 'I27' },
      },
    ]);
  });

  test('replacing a sheet drops the charts of the old one', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(1));
    await writeSpec(run, { sheets: [SUMMARY_SHEET] }, { isSetSupported: standIn.isSetSupported });
    await writeSpec(run, { sheets: [{ ...SUMMARY_SHEET, charts: [SUMMARY_SHEET.charts![1]] }] }, { isSetSupported: standIn.isSetSupported });
    expect(standIn.charts('Tổng hợp').map((c) => c.title)).toEqual(['Điểm theo đơn vị']);
  });

  test('font family, centre header and manual page breaks reach the file', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(1));
    await writeSpec(run, { sheets: [SUMMARY_SHEET] }, { isSetSupported: standIn.isSetSupported });
    const ws = (await reopen(standIn.workbook)).getWorksheet('Tổng hợp')!;
    expect(ws.getCell('A3').font).toMatchObject({ name: 'Times New Roman', size: 13 });
    expect(ws.getCell('B6').font).toMatchObject({ name: 'Times New Roman' });
    expect(ws.headerFooter.oddHeader).toBe('&C&"Times New Roman,Bold"&14BẢN DỰ THẢO');
    // A break after 0-based row r is stored after 1-based row r + 1, as src/xlsx writes it
    // (exceljs writes page breaks but does not read them back: the sheet XML is checked).
    const zip = await JSZip.loadAsync((await standIn.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const index = standIn.workbook.worksheets.findIndex((w) => w.name === 'Tổng hợp') + 1;
    const xml = await zip.file(`xl/worksheets/sheet${index}.xml`)!.async('string');
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([3, 5]);
  });

  test.each([
    ['1.8', [['pageLayout', 'ExcelApi 1.9']]],
    ['1.7', [['pageLayout', 'ExcelApi 1.9']]],
  ])('ExcelApi %s: the print setup is skipped and names the header and page breaks; charts and fonts are drawn', async (apiVersion, skipped) => {
    const { standIn, run } = standInFor(scoreWorkbook(1), { apiVersion });
    const result = await writeSpec(run, { sheets: [SUMMARY_SHEET] }, { isSetSupported: standIn.isSetSupported });
    expect(result.skipped.map((s) => [s.feature, s.requirement])).toEqual(skipped);
    expect(result.skipped[0].vi).toBe(
      'Trang tính "Tổng hợp": chưa thiết lập trang in (khổ giấy, hướng giấy, lề, vừa khổ ngang, đầu trang, ngắt trang) vì phiên bản Excel này không hỗ trợ ExcelApi 1.9. Hãy thiết lập trong Tệp > In hoặc thẻ Bố trí Trang trước khi in.',
    );
    expect(result.skipped[0].en).toContain('header, page breaks');
    const ws = standIn.workbook.getWorksheet('Tổng hợp')!;
    expect((ws as unknown as { rowBreaks?: unknown[] }).rowBreaks ?? []).toEqual([]);
    expect(ws.headerFooter?.oddHeader ?? null).toBeNull();
    expect(ws.getCell('A3').font).toMatchObject({ name: 'Times New Roman' });
    expect(standIn.charts('Tổng hợp').map((c) => c.type)).toEqual(['BarClustered', 'ColumnClustered']);
  });
});
