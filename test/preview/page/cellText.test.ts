/** What the preview grid shows for a cell and what its editor opens with. */
import ExcelJS from 'exceljs';
import { displayText, editText } from '../../../src/preview/page/cellText';

function cellWith(value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  const ws = new ExcelJS.Workbook().addWorksheet('Tự chấm điểm');
  const cell = ws.getCell('G12');
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

describe('displayText', () => {
  test.each<[string, ExcelJS.CellValue, string | undefined, string]>([
    ['empty', null, undefined, ''],
    ['Vietnamese text', 'Kế hoạch số 386/KH-UBND ngày 07/6/2024 của UBND tỉnh', undefined, 'Kế hoạch số 386/KH-UBND ngày 07/6/2024 của UBND tỉnh'],
    ['a half point', 0.5, undefined, '0.5'],
    ['float noise hidden', 0.1 + 0.2, undefined, '0.3'],
    ['a rate', 0.85, '0%', '85%'],
    ['a date as dd/mm/yyyy', new Date(Date.UTC(2024, 5, 7)), 'dd/mm/yyyy', '07/06/2024'],
    ['a formula by its result', { formula: 'SUM(G13:G15)', result: 2.5 } as ExcelJS.CellFormulaValue, undefined, '2.5'],
    ['a formula without result', { formula: 'SUM(G13:G15)' } as ExcelJS.CellFormulaValue, undefined, ''],
    ['an error value', { error: '#REF!' } as ExcelJS.CellErrorValue, undefined, '#REF!'],
    ['rich text joined', { richText: [{ text: 'Điểm ' }, { text: 'tự đánh giá', font: { bold: true } }] }, undefined, 'Điểm tự đánh giá'],
    ['a hyperlink by its text', { text: 'Cổng TTĐT', hyperlink: 'https://backan.gov.vn' } as ExcelJS.CellHyperlinkValue, undefined, 'Cổng TTĐT'],
    ['a boolean', true, undefined, 'TRUE'],
  ])('%s', (_name, value, numFmt, expected) => {
    expect(displayText(cellWith(value, numFmt))).toBe(expected);
  });
});

describe('editText', () => {
  test('a formula opens as its formula, so an edit can keep it', () => {
    expect(editText(cellWith({ formula: 'SUM(G13:G15)', result: 2 } as ExcelJS.CellFormulaValue))).toBe('=SUM(G13:G15)');
  });

  test('a value opens as it is shown', () => {
    expect(editText(cellWith(0.75))).toBe('0.75');
    expect(editText(cellWith('Không áp dụng'))).toBe('Không áp dụng');
  });
});
