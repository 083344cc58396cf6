import ExcelJS from 'exceljs';
import { writeSpec } from '../../src/excel/spec';
import { WorkbookError } from '../../src/workbook/errors';
import { specProblem } from '../../src/workbook/specCheck';
import type { SheetSpec } from '../../src/workbook/spec';
import { standInFor } from '../excel/helpers';

const sheet = (over: Partial<SheetSpec> = {}): SheetSpec => ({ name: 'Tổng hợp', values: [['TỔNG HỢP'], ['STT', 'Đơn vị']], ...over });

describe('specProblem', () => {
  it('accepts a spec Excel can take', () => {
    expect(specProblem({ sheets: [sheet({ styles: [{ range: { top: 0, left: 0, bottom: 1, right: 1 }, style: { bold: true } }], columnWidths: [5, 34], freeze: { rows: 2, cols: 0 } })] })).toBeUndefined();
  });

  it.each([
    ['an empty style range (no field columns)', sheet({ styles: [{ range: { top: 5, left: 10, bottom: 20, right: 9 }, style: { numberFormat: '0.00' } }] }), 'format', 'K6:J21'],
    ['a merge above the first row', sheet({ merges: [{ top: -1, left: 0, bottom: 0, right: 3 }] }), 'merge', '{"top":-1,"left":0,"bottom":0,"right":3}'],
    ['a chart over no rows', sheet({ charts: [{ type: 'bar', title: 'x', seriesName: 'y', values: { top: 4, left: 8, bottom: 3, right: 8 }, categories: { top: 4, left: 1, bottom: 3, right: 1 }, anchor: { row: 0, col: 10, rows: 5, cols: 5 } }] }), 'charts.add', 'I5:I4'],
    ['a negative column width', sheet({ columnWidths: [5, -1] }), 'columnWidth', 'B'],
  ])('names the sheet, the operation and the range of %s', (_what, s, operation, range) => {
    const e = specProblem({ sheets: [s] });
    expect(e).toBeInstanceOf(WorkbookError);
    expect(e?.params).toEqual({ sheet: 'Tổng hợp', operation, range });
    expect(e?.message).toContain('Sổ làm việc chưa bị thay đổi');
  });

  it('refuses a sheet name Excel refuses', () => {
    expect(specProblem({ sheets: [sheet({ name: 'Tổng hợp: 2024' })] })?.params.operation).toBe('worksheets.add');
    expect(specProblem({ sheets: [sheet(), sheet({ name: 'TỔNG HỢP' })] })?.params.operation).toBe('worksheets.add');
  });
});

test('writeSpec refuses a bad spec before touching the workbook', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Bảng').getCell('A1').value = 'giữ nguyên';
  wb.addWorksheet('Tổng hợp').getCell('A1').value = 'bản cũ';
  const { run, standIn } = standInFor(wb);
  const bad = sheet({ styles: [{ range: { top: 5, left: 10, bottom: 20, right: 9 }, style: { numberFormat: '0.00' } }] });
  await expect(writeSpec(run, { sheets: [sheet({ name: 'Chênh lệch mục tiêu' }), bad] }, { isSetSupported: () => true })).rejects.toThrow('Không ghi được trang tính "Tổng hợp": thao tác format ở vùng K6:J21 không hợp lệ');
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Bảng', 'Tổng hợp']);
  expect(wb.getWorksheet('Tổng hợp')?.getCell('A1').value).toBe('bản cũ');
  expect(standIn.stats.syncs).toBe(0);
});
