/** onSheetChanged, selectCell and supports, on the stand-in. */
import { ExcelAdapterError, onSelectionChanged, onSheetChanged, selectCell, supports, type SetSupportCheck } from '../../src/excel';
import { scoreWorkbook, standInFor } from './helpers';

describe('onSheetChanged', () => {
  test('reports user edits of the watched sheet until removed', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(3));
    const seen: string[] = [];
    const off = await onSheetChanged(run, 'Tự chấm', (c) => void seen.push(`${c.sheet}!${c.address}`));
    await standIn.editCell('Tự chấm', 'E3', 1);
    await standIn.editCell('Ghi chú', 'A2', 'không theo dõi');
    expect(seen).toEqual(['Tự chấm!E3']);
    await off();
    await standIn.editCell('Tự chấm', 'E4', 0.5);
    expect(seen).toEqual(['Tự chấm!E3']);
  });

  test('an unknown sheet is an ExcelAdapterError', async () => {
    const { run } = standInFor(scoreWorkbook(1));
    await expect(onSheetChanged(run, 'Không có', () => undefined)).rejects.toBeInstanceOf(ExcelAdapterError);
  });
});

describe('selectCell', () => {
  test('activates the sheet and selects the cell in one sync', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(3));
    await selectCell(run, 'Tự chấm', 'F4');
    expect([standIn.activeSheet, standIn.selection]).toEqual(['Tự chấm', { sheet: 'Tự chấm', address: 'F4' }]);
    expect(standIn.stats.syncs).toBe(1);
  });

  test('a malformed address is refused by Excel and wrapped', async () => {
    const { run } = standInFor(scoreWorkbook(1));
    await expect(selectCell(run, 'Tự chấm', 'ô F4')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', officeCode: 'InvalidArgument' });
  });
});

describe('onSelectionChanged', () => {
  test('reports selections of the watched sheet, by the user and by the add-in, until removed', async () => {
    const { standIn, run } = standInFor(scoreWorkbook(3));
    const seen: string[] = [];
    const off = await onSelectionChanged(run, 'Tự chấm', (address) => void seen.push(address));
    await standIn.selectByUser('Tự chấm', 'E3');
    await standIn.selectByUser('Ghi chú', 'A2');
    await selectCell(run, 'Tự chấm', 'F4');
    await standIn.idle();
    expect(seen).toEqual(['E3', 'F4']);
    await off();
    await standIn.selectByUser('Tự chấm', 'E4');
    expect(seen).toEqual(['E3', 'F4']);
  });

  test('needs ExcelApi 1.7 like Excel', async () => {
    const { run } = standInFor(scoreWorkbook(1), { apiVersion: '1.6' });
    await expect(onSelectionChanged(run, 'Tự chấm', () => undefined)).rejects.toBeInstanceOf(ExcelAdapterError);
  });
});

describe('supports', () => {
  test.each([
    ['1.7', { dataValidation: false, pageLayout: false, customProperties: false }],
    ['1.8', { dataValidation: true, pageLayout: false, customProperties: false }],
    ['1.9', { dataValidation: true, pageLayout: true, customProperties: false }],
    ['1.13', { dataValidation: true, pageLayout: true, customProperties: true }],
  ])('ExcelApi %s', (version, expected) => {
    const { standIn } = standInFor(scoreWorkbook(1), { apiVersion: version });
    const check: SetSupportCheck = standIn.isSetSupported;
    expect({
      dataValidation: supports('dataValidation', check),
      pageLayout: supports('pageLayout', check),
      customProperties: supports('customProperties', check),
    }).toEqual(expected);
  });
});
