/** @jest-environment jsdom */
/**
 * The preview's sheet tabs follow the workbook when the pane adds, replaces or removes a
 * sheet through the strict stand-in (the appraisal log, a summary, the print sheet):
 * `refresh` redraws them, keeps the sheet shown and the focused tab, and falls back to
 * the first sheet when the one shown is gone.
 */
import ExcelJS from 'exceljs';
import { appendRows, writeSpec } from '../../../src/excel';
import { createGrid, type Grid } from '../../../src/preview/page/grid';
import { createStandIn, type StandIn } from '../../../src/preview/standin';
import { LOG_SHEET, logSheetSpec } from '../../../src/workbook/appraisalLog';

interface Shown {
  grid: Grid;
  standIn: StandIn;
  tabs: HTMLElement;
  panel: HTMLElement;
  opts: { isSetSupported: (name: string, v?: string) => boolean };
}

function shown(): Shown {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Tự chấm').getCell('A1').value = 'Bảng tự chấm';
  const standIn = createStandIn(wb);
  const panel = document.createElement('div');
  panel.id = 'grid-panel';
  const tabs = document.createElement('div');
  document.body.replaceChildren(tabs, panel);
  const grid = createGrid({ workbook: wb, editCell: (s, a, v) => standIn.editCell(s, a, v), selectCell: () => undefined }, { panel, tabs, announce: () => undefined });
  return { grid, standIn, tabs, panel, opts: { isSetSupported: (name, v) => standIn.isSetSupported(name, v) } };
}

const tabNames = (tabs: HTMLElement) => [...tabs.querySelectorAll('[role="tab"]')].map((t) => t.textContent);
const selectedTab = (tabs: HTMLElement) => tabs.querySelector('[aria-selected="true"]')?.textContent;
const tab = (tabs: HTMLElement, name: string) => [...tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.textContent === name) as HTMLButtonElement;

test('a sheet the pane adds (the appraisal log) gets its tab on refresh; the sheet shown stays', async () => {
  const { grid, standIn, tabs, panel, opts } = shown();
  expect(tabNames(tabs)).toEqual(['Tự chấm']);
  await appendRows(standIn.run, logSheetSpec(), [['2025-03-01T10:00', '1', 'thẩm định lần 1', 'Điểm thẩm định', 0, 1, 'Lý do']], opts);
  grid.refresh();
  expect(tabNames(tabs)).toEqual(['Tự chấm', LOG_SHEET]);
  expect(selectedTab(tabs)).toBe('Tự chấm');
  expect(panel.getAttribute('aria-labelledby')).toBe(tabs.querySelector('[aria-selected="true"]')?.id);
  expect(panel.querySelector('td[data-address="A1"]')?.textContent).toBe('Bảng tự chấm');
  // The new tab works.
  tab(tabs, LOG_SHEET).click();
  expect(grid.sheet).toBe(LOG_SHEET);
  expect(panel.querySelector('td[data-address="B2"]')?.textContent).toBe('1');
});

test('a sheet replaced under the same name is drawn afresh; one removed while shown gives way to the first', async () => {
  const { grid, standIn, tabs, panel, opts } = shown();
  await writeSpec(standIn.run, { sheets: [{ name: 'Tổng hợp', values: [['cũ']] }] }, opts);
  grid.refresh();
  tab(tabs, 'Tổng hợp').click();
  const before = tabs.querySelector('[aria-selected="true"]')?.id;
  // Replaced: a new sheet (a new id) takes the name.
  await writeSpec(standIn.run, { sheets: [{ name: 'Tổng hợp', values: [['mới']] }] }, opts);
  grid.refresh();
  expect(tabNames(tabs)).toEqual(['Tự chấm', 'Tổng hợp']);
  expect(selectedTab(tabs)).toBe('Tổng hợp');
  expect(tabs.querySelector('[aria-selected="true"]')?.id).not.toBe(before);
  expect(panel.querySelector('td[data-address="A1"]')?.textContent).toBe('mới');
  // Removed while shown.
  await standIn.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Tổng hợp').delete();
    await ctx.sync();
  });
  grid.refresh();
  expect(tabNames(tabs)).toEqual(['Tự chấm']);
  expect(grid.sheet).toBe('Tự chấm');
  expect(selectedTab(tabs)).toBe('Tự chấm');
  expect(panel.querySelector('td[data-address="A1"]')?.textContent).toBe('Bảng tự chấm');
});

test('the focused tab keeps the focus when the tabs are redrawn', async () => {
  const { grid, standIn, tabs, opts } = shown();
  tab(tabs, 'Tự chấm').focus();
  await writeSpec(standIn.run, { sheets: [{ name: 'Phiếu chấm điểm', values: [['PHIẾU']] }] }, opts);
  grid.refresh();
  expect(tabNames(tabs)).toEqual(['Tự chấm', 'Phiếu chấm điểm']);
  expect(document.activeElement).toBe(tab(tabs, 'Tự chấm'));
});

test('while a cell is edited the tabs wait, and come with the edit\'s end', async () => {
  const { grid, standIn, tabs, panel, opts } = shown();
  const td = panel.querySelector<HTMLElement>('td[data-address="B2"]') ?? panel.querySelector<HTMLElement>('td[data-address="A1"]');
  td?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
  const input = panel.querySelector<HTMLInputElement>('input.cell-editor') as HTMLInputElement;
  expect(input).not.toBeNull();
  await writeSpec(standIn.run, { sheets: [{ name: 'Tổng hợp', values: [['x']] }] }, opts);
  grid.refresh();
  expect(tabNames(tabs)).toEqual(['Tự chấm']);
  expect(panel.querySelector('input.cell-editor')).toBe(input);
  input.value = 'Bảng tự chấm 2024';
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(tabNames(tabs)).toEqual(['Tự chấm', 'Tổng hợp']);
});
