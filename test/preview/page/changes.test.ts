/** What the browser app saves: the cells changed since the file was opened, as a plan the surgical writer applies. */
import ExcelJS from 'exceljs';
import { NOTHING_PENDING, applyChanges, changedCells, openedSheets, pending, planOf, snapshot } from '../../../src/preview/page/changes';
import { savedBytes } from '../../../src/preview/page/save';
import { applyPlanSurgically } from '../../../src/xlsx/surgical';

// As in the page's bundle: the writer gets the page's small node:path (webpack maps it there).
jest.mock('node:path', () => jest.requireActual('../../../src/preview/page/posixPath'));

async function opened(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tự chấm điểm');
  ws.getCell('A1').value = 'UBND TỈNH BẮC KẠN';
  ws.mergeCells('A4:F4');
  ws.getCell('A4').value = 'BẢNG TỰ CHẤM ĐIỂM';
  ws.getCell('C7').value = 2;
  ws.getCell('D7').value = null;
  ws.getCell('C8').value = 1;
  ws.getCell('D8').value = 0.5;
  ws.getCell('D9').value = { formula: 'SUM(D7:D8)', result: 0.5 } as ExcelJS.CellFormulaValue;
  ws.getCell('E7').value = { richText: [{ text: 'Kế hoạch ' }, { font: { bold: true }, text: 'số 15' }] };
  ws.getCell('F7').value = new Date(Date.UTC(2024, 0, 10));
  wb.addWorksheet('Ghi chú').getCell('A1').value = 'x';
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(await wb.xlsx.writeBuffer());
  return reopened;
}

describe('changedCells', () => {
  test('nothing changed: no cell, not even formulas, rich text or dates', async () => {
    const wb = await opened();
    expect(changedCells(snapshot(wb), snapshot(wb))).toEqual([]);
  });

  test('a typed score, a cleared cell and a new formula; a recalculated total is not an edit', async () => {
    const wb = await opened();
    const before = snapshot(wb);
    const ws = wb.getWorksheet('Tự chấm điểm')!;
    ws.getCell('D7').value = 1.5;
    ws.getCell('D8').value = null;
    ws.getCell('D9').value = { formula: 'SUM(D7:D8)', result: 1.5 } as ExcelJS.CellFormulaValue;
    ws.getCell('G7').value = { formula: 'C7*2' } as ExcelJS.CellFormulaValue;
    wb.addWorksheet('Phiếu in').getCell('A1').value = 'in';
    const now = snapshot(wb);
    expect(changedCells(before, now).map((c) => [c.sheet, c.address, c.value])).toEqual([
      ['Tự chấm điểm', 'D7', 1.5],
      ['Tự chấm điểm', 'G7', { formula: 'C7*2' }],
      ['Tự chấm điểm', 'D8', null],
    ]);
  });

  test('sheets the pane adds or makes again are saved whole: out of the cell plan, counted, in the signature', async () => {
    const wb = await opened();
    const before = snapshot(wb);
    const sheets = openedSheets(wb);
    expect(pending(before, sheets, wb)).toEqual({ cells: [], sheets: [], signature: NOTHING_PENDING });
    wb.getWorksheet('Tự chấm điểm')!.getCell('C7').value = 3;
    // Deleted and made again under its name (exceljs may even give it the old id).
    wb.removeWorksheet(wb.getWorksheet('Ghi chú')!.id);
    wb.addWorksheet('Ghi chú').getCell('A2').value = 'y';
    wb.addWorksheet('Phiếu in').getCell('A1').value = 'in';
    const now = pending(before, sheets, wb);
    expect(now.cells.map((c) => [c.sheet, c.address, c.value])).toEqual([['Tự chấm điểm', 'C7', 3]]);
    expect(now.sheets).toEqual(['Ghi chú', 'Phiếu in']);
    wb.getWorksheet('Phiếu in')!.getCell('A2').value = 'thêm';
    expect(pending(before, sheets, wb).signature).not.toBe(now.signature);
  });

  test('"Lưu tệp" writes the changed cells and the new and remade sheets into the opened bytes', async () => {
    const wb = await opened();
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const [before, sheets] = [snapshot(wb), openedSheets(wb)];
    wb.getWorksheet('Tự chấm điểm')!.getCell('C7').value = 3;
    wb.removeWorksheet(wb.getWorksheet('Ghi chú')!.id);
    wb.addWorksheet('Ghi chú').getCell('A2').value = '=không phải công thức';
    wb.addWorksheet('Phiếu in').getCell('A1').value = 'in';
    const now = pending(before, sheets, wb);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await savedBytes(bytes, planOf(now.cells), 'don-vi.xlsx', { workbook: wb, sheets: now.sheets })) as unknown as ExcelJS.Buffer);
    expect(saved.worksheets.map((w) => w.name)).toEqual(['Tự chấm điểm', 'Ghi chú', 'Phiếu in']);
    expect(saved.getWorksheet('Tự chấm điểm')!.getCell('C7').value).toBe(3);
    expect(saved.getWorksheet('Ghi chú')!.getCell('A1').value).toBeNull();
    expect(saved.getWorksheet('Ghi chú')!.getCell('A2').value).toBe('=không phải công thức');
    expect(saved.getWorksheet('Phiếu in')!.getCell('A1').value).toBe('in');
  });

  test('the plan written surgically reads back as the edited workbook; applyChanges replays it on the file as opened', async () => {
    const wb = await opened();
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = snapshot(wb);
    const ws = wb.getWorksheet('Tự chấm điểm')!;
    ws.getCell('D7').value = 2;
    ws.getCell('H8').value = 'Kế hoạch số 15/KH-STP ngày 10/01/2024';
    const changes = changedCells(before, snapshot(wb));
    const { data } = await applyPlanSurgically(bytes, planOf(changes), 'don-vi.xlsx');
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(data as unknown as ExcelJS.Buffer);
    expect(changedCells(before, snapshot(saved))).toEqual(changes);

    const replayed = new ExcelJS.Workbook();
    await replayed.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    applyChanges(replayed, changes);
    expect(changedCells(before, snapshot(replayed))).toEqual(changes);
  });
});
