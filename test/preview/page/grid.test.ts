/** Typing in the preview grid as in Excel set to Vietnamese: the comma is the decimal separator. */
import ExcelJS from 'exceljs';
import { typedInput } from '../../../src/preview/page/grid';
import { createStandIn } from '../../../src/preview/standin';

describe('typedInput', () => {
  it.each([
    ['0,5', 0.5],
    ['-1,25', -1.25],
    ['1.234,5', 1234.5],
    ['12,5%', 0.125],
    ['1', '1'], // plain digits are parsed by the stand-in as typed input
    ['Kế hoạch 386/KH-UBND', 'Kế hoạch 386/KH-UBND'],
    ['0,5 điểm', '0,5 điểm'],
    ['1,2,3', '1,2,3'],
  ])('%s -> %p', (text, stored) => expect(typedInput(text)).toBe(stored));

  it('stores a number in the cell, so SUM counts it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tự chấm');
    ws.getCell('A2').value = { formula: 'SUM(A1)', result: 0 } as ExcelJS.CellValue;
    const standIn = createStandIn(wb);
    await standIn.editCell('Tự chấm', 'A1', typedInput('0,5'));
    expect(ws.getCell('A1').value).toBe(0.5);
    expect(ws.getCell('A2').result).toBe(0.5);
  });
});
