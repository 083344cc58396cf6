/** @jest-environment jsdom */
/**
 * The preview shows a summary sheet as Excel lays it out, after the pane wrote it through
 * the strict stand-in: column widths as Excel's (7 px a character + 5), the header row's
 * height, the frozen panes' edges and the filter buttons on the header row.
 */
import ExcelJS from 'exceljs';
import { writeSpec } from '../../../src/excel';
import { createGrid, filterOf, type Grid } from '../../../src/preview/page/grid';
import { createStandIn } from '../../../src/preview/standin';
import type { SheetSpec } from '../../../src/workbook/spec';

const SHEET: SheetSpec = {
  name: 'Tổng hợp',
  values: [['TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC SỞ, BAN, NGÀNH'], [], ['STT', 'Đơn vị', 'Chỉ số (%)'], [1, 'Sở Tư pháp', 86.5], [2, 'Sở Nội vụ', 91.25]],
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  columnWidths: [5, 34, 9],
  rowHeights: { 2: 60 },
  freeze: { rows: 3, cols: 2 },
  autoFilter: { top: 2, left: 0, bottom: 4, right: 2 },
};

async function shown(spec: SheetSpec): Promise<HTMLElement> {
  return (await drawn(spec)).panel;
}

async function drawn(spec: SheetSpec): Promise<{ panel: HTMLElement; grid: Grid }> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Tự chấm').getCell('A1').value = 'Bảng tự chấm';
  const standIn = createStandIn(wb);
  await writeSpec(standIn.run, { sheets: [spec] }, { isSetSupported: standIn.isSetSupported });
  const panel = document.createElement('div');
  panel.id = 'grid-panel';
  const tabs = document.createElement('div');
  document.body.replaceChildren(tabs, panel);
  const grid = createGrid({ workbook: wb, editCell: () => undefined, selectCell: () => undefined }, { panel, tabs, announce: () => undefined });
  grid.showSheet(spec.name);
  return { panel, grid };
}

test('column widths, header row height, frozen edges and filter buttons as written', async () => {
  const panel = await shown(SHEET);
  const cols = [...panel.querySelectorAll('col')].slice(1).map((c) => c.style.width);
  expect(cols.slice(0, 3)).toEqual(['40px', '243px', '68px']);
  const row = (n: number) => panel.querySelector(`td[data-address="A${n}"]`)?.closest('tr') as HTMLTableRowElement;
  // 60 pt = 80 px; other rows keep the default height.
  expect(row(3).style.height).toBe('80px');
  expect(row(4).style.height).toBe('');
  expect(row(3).classList.contains('frozen-below')).toBe(true);
  expect(row(4).classList.contains('frozen-below')).toBe(false);
  expect(panel.querySelector('td[data-address="B4"]')?.classList.contains('frozen-right')).toBe(true);
  expect(panel.querySelector('td[data-address="C4"]')?.classList.contains('frozen-right')).toBe(false);
  const buttons = [...panel.querySelectorAll('td.filter')].map((td) => (td as HTMLElement).dataset.address);
  expect(buttons).toEqual(['A3', 'B3', 'C3']);
  expect((panel.querySelector('td.filter') as HTMLElement).title).toContain('Dữ liệu > Lọc');
  // The marker is drawn by CSS: the cell's text stays the header's text.
  expect(panel.querySelector('td[data-address="B3"]')?.textContent).toBe('Đơn vị');
});

test('a sheet without a filter or frozen panes shows neither', async () => {
  const { autoFilter: _f, freeze: _z, ...plain } = SHEET;
  const panel = await shown(plain);
  expect(panel.querySelectorAll('td.filter')).toHaveLength(0);
  expect(panel.querySelectorAll('.frozen-below, .frozen-right')).toHaveLength(0);
});

test('filterOf reads the ref exceljs keeps, whether a string or from/to', () => {
  const ws = new ExcelJS.Workbook().addWorksheet('S');
  expect(filterOf(ws)).toBeUndefined();
  ws.autoFilter = 'B5:Q40';
  expect(filterOf(ws)).toEqual({ top: 5, left: 2, right: 17 });
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 9, column: 3 } };
  expect(filterOf(ws)).toEqual({ top: 4, left: 1, right: 3 });
});

test('a row the sheet sets the height of keeps it: its text sits in a box that tall (less border and padding), cut as Excel cuts it', async () => {
  const panel = await shown(SHEET);
  const box = panel.querySelector('td[data-address="B3"] > .fit') as HTMLElement;
  expect(box.textContent).toBe('Đơn vị');
  expect(box.style.maxHeight).toBe('77px');
  expect(panel.querySelector('td[data-address="B4"] > .fit')).toBeNull();
});

describe('drawn for paper', () => {
  const PRINTED: SheetSpec = {
    ...SHEET,
    values: [...SHEET.values, ...Array.from({ length: 40 }, (_, i) => [i + 3, `Đơn vị ${i + 3}`, 80])],
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: [2, 2], margins: { top: 0.5, bottom: 0.5, left: 0.7, right: 0.5, header: 0.3, footer: 0.3 } },
  };

  test('no row numbers or column letters; the print titles head a table of their own, which the browser repeats on each page', async () => {
    const { panel, grid } = await drawn(PRINTED);
    grid.setPrinting(true);
    expect(panel.querySelectorAll('th, col.row-header-col, td.corner')).toHaveLength(0);
    const tables = [...panel.querySelectorAll<HTMLTableElement>('table.grid')];
    expect(tables).toHaveLength(2);
    // Each table has the sheet's widths, so the columns line up across them.
    for (const t of tables) expect([...t.querySelectorAll('col')].map((c) => c.style.width).slice(0, 3)).toEqual(['40px', '243px', '68px']);
    expect([...tables[1].querySelectorAll('thead td')].map((td) => td.textContent)).toEqual(['STT', 'Đơn vị', 'Chỉ số (%)']);
    expect(tables[0].querySelector('td')?.textContent).toMatch(/^TỔNG HỢP KẾT QUẢ/);
    expect(tables[1].querySelectorAll('tbody tr')).toHaveLength(42);
    expect(tables[0].style.zoom).toBe('');
    grid.setPrinting(false);
    expect(panel.querySelectorAll('table.grid')).toHaveLength(1);
    expect(panel.querySelectorAll('tbody th')).toHaveLength(45);
  });

  test('a sheet wider than the page is scaled down to its width', async () => {
    const { panel, grid } = await drawn({ ...PRINTED, columnWidths: [5, 100, 80] });
    grid.setPrinting(true);
    // (40 + 705 + 565) px on a 1032 px wide page.
    const zoom = Number((panel.querySelector('table.grid') as HTMLElement).style.zoom);
    expect(zoom).toBeCloseTo(1031.8 / 1310, 2);
  });

  test('print titles a merge crosses are not split off: the sheet prints as one table', async () => {
    const { panel, grid } = await drawn({ ...PRINTED, merges: [...(PRINTED.merges ?? []), { top: 1, left: 0, bottom: 2, right: 0 }] });
    grid.setPrinting(true);
    expect(panel.querySelectorAll('table.grid')).toHaveLength(1);
    expect(panel.querySelectorAll('thead')).toHaveLength(0);
  });
});
