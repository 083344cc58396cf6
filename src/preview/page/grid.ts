/**
 * The workbook as an editable HTML grid with sheet tabs. An edit goes through the
 * stand-in's editCell, so it lands in the workbook the way typing does in Excel (parsed
 * like typed input, onChanged fired) and the task pane sees it as a user's edit.
 * Keyboard: arrows move, Enter or F2 edits, typing starts an edit, Delete clears.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../workbook/grid';
import { displayText, editText } from './cellText';

export interface GridSource {
  readonly workbook: ExcelJS.Workbook;
  /** What a user typed: text parsed like en-US input by the stand-in, or a number already read. */
  editCell(sheet: string, address: string, input: string | number): unknown;
  /** A user moving to a cell (click, arrows): Excel fires onSelectionChanged. */
  selectCell(sheet: string, address: string): unknown;
}

export interface Grid {
  /**
   * Redraws from the workbook (after the pane wrote to it), the sheet tabs too when the
   * pane added, replaced, renamed or removed a sheet; deferred while a cell is edited.
   */
  refresh(): void;
  showSheet(name: string): void;
  /** Shows what the pane selected (range.select()): its sheet, the cell marked and scrolled into view, focus left where it is. */
  select(sheet: string, address: string): void;
  readonly sheet: string;
  /**
   * Draws the sheet for paper while `on`: no row numbers or column letters (their column
   * would shift every width), the sheet's print titles repeated on each page, scaled to
   * the page's width when wider.
   */
  setPrinting(on: boolean): void;
}

const VI_DECIMAL = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+),(\d+)(%?)$/;

/**
 * What typing `text` stores in Excel set to Vietnamese, where the comma is the decimal
 * separator and the dot groups thousands: `0,5` and `1.234,5` are numbers, `12,5%` is
 * 0.125. Anything else goes to the stand-in as typed.
 */
export function typedInput(text: string): string | number {
  const m = VI_DECIMAL.exec(text.trim());
  if (!m) return text;
  const n = Number(`${m[1]}${m[2].replace(/\./g, '')}.${m[3]}`);
  return m[4] === '%' ? n / 100 : n;
}

/** Bounds that keep a stray far-away cell from drawing a million rows. */
const MAX_ROWS = 2000;
const MAX_COLS = 40;
/** Excel's default column width in characters. */
const DEFAULT_WIDTH = 8.43;
/** Width inside the margins of the page preview.html sets (A4 landscape, 12 mm margins) in CSS pixels. */
const PRINT_WIDTH_PX = ((297 - 2 * 12) / 25.4) * 96;
/** A cell's border and top and bottom padding (preview.html): what a row's height holds besides the text. */
const CELL_CHROME_PX = 3;


interface Span {
  rows: number;
  cols: number;
}

/** Merge masters with their size, and the covered cells to skip. */
function mergeMap(ws: ExcelJS.Worksheet): { masters: Map<string, Span>; covered: Set<string> } {
  const masters = new Map<string, Span>();
  const covered = new Set<string>();
  for (const range of ws.model.merges ?? []) {
    const [a, b] = range.split(':');
    const start = ws.getCell(a);
    const end = ws.getCell(b);
    const top = Number(start.row);
    const left = Number(start.col);
    masters.set(start.address, { rows: Number(end.row) - top + 1, cols: Number(end.col) - left + 1 });
    for (let r = top; r <= Number(end.row); r++) {
      for (let c = left; c <= Number(end.col); c++) if (r !== top || c !== left) covered.add(`${columnLetter(c - 1)}${r}`);
    }
  }
  return { masters, covered };
}

/** The header row and columns (1-based) of the sheet's AutoFilter, as exceljs keeps it ("A5:Q40" or from/to). */
export function filterOf(ws: ExcelJS.Worksheet): { top: number; left: number; right: number } | undefined {
  const f = ws.autoFilter as string | { from: string | { row: number; column: number }; to: string | { row: number; column: number } } | null | undefined;
  if (!f) return undefined;
  const cell = (a: string | { row: number; column: number }) => (typeof a === 'string' ? ws.getCell(a) : { row: a.row, col: a.column });
  const [from, to] = typeof f === 'string' ? f.split(':').map((a) => ws.getCell(a)) : [cell(f.from), cell(f.to)];
  if (!from) return undefined;
  return { top: Number(from.row), left: Number(from.col), right: Number((to ?? from).col) };
}

/** Rows above and columns left of the frozen panes (0 when not frozen). */
function frozenOf(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  return view?.state === 'frozen' ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : { rows: 0, cols: 0 };
}

/**
 * Rows repeated at the top of each printed page (Excel's Print Titles, "8:9"), 1-based,
 * when they can head a table of their own: rows follow them and no merge crosses their edges.
 */
function printTitles(ws: ExcelJS.Worksheet, rows: number, masters: Map<string, Span>): { top: number; bottom: number } | undefined {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(ws.pageSetup?.printTitlesRow ?? '');
  if (!m) return undefined;
  const [top, bottom] = [Number(m[1]), Number(m[2])];
  if (top < 1 || bottom < top || bottom >= rows) return undefined;
  for (const [address, span] of masters) {
    const first = Number(/\d+$/.exec(address)?.[0]);
    const crosses = (edge: number) => first < edge && first + span.rows > edge;
    if (crosses(top) || crosses(bottom + 1)) return undefined;
  }
  return { top, bottom };
}

/** Points to CSS pixels, as Excel shows a row's height at 100%. */
const rowPx = (points: number) => Math.round((points * 96) / 72);

/**
 * A cell's text. In a row whose height the sheet sets, the text sits in a box of that
 * height, cut as Excel cuts it, instead of growing the row to fit.
 */
function showText(td: HTMLTableCellElement, text: string): void {
  const height = td.dataset.height;
  if (height === undefined) {
    td.textContent = text;
    return;
  }
  const box = document.createElement('div');
  box.className = 'fit';
  box.style.maxHeight = `${height}px`;
  box.textContent = text;
  td.replaceChildren(box);
}

function visibleSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
}

export function createGrid(source: GridSource, host: { panel: HTMLElement; tabs: HTMLElement; announce: (text: string) => void }): Grid {
  const wb = source.workbook;
  let sheetName = visibleSheets(wb)[0]?.name ?? '';
  let active = { row: 1, col: 1 };
  let editing: HTMLInputElement | null = null;
  let stale = false;
  let selected: string | null = null;
  let printing = false;
  // The sheets the tabs show (id and name, in order) and the one selected: redrawn when these change.
  let tabsShown = '';
  const tabsKey = () => `${visibleSheets(wb).map((ws) => `${ws.id}:${ws.name}`).join('\n')}\n>${sheetName}`;

  const worksheet = (): ExcelJS.Worksheet | undefined => wb.getWorksheet(sheetName);

  function cellElement(row: number, col: number): HTMLTableCellElement | null {
    return host.panel.querySelector<HTMLTableCellElement>(`td[data-address="${columnLetter(col - 1)}${row}"]`);
  }

  function renderTabs(): void {
    tabsShown = tabsKey();
    host.tabs.replaceChildren(
      ...visibleSheets(wb).map((ws) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.role = 'tab';
        tab.id = `sheet-tab-${ws.id}`;
        tab.textContent = ws.name;
        const selected = ws.name === sheetName;
        tab.setAttribute('aria-selected', String(selected));
        tab.setAttribute('aria-controls', host.panel.id);
        tab.tabIndex = selected ? 0 : -1;
        tab.addEventListener('click', () => showSheet(ws.name));
        tab.addEventListener('keydown', (e) => {
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          const tabs = [...host.tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
          const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
          next.focus();
          next.click();
        });
        return tab;
      }),
    );
    const current = host.tabs.querySelector('[aria-selected="true"]');
    if (current) host.panel.setAttribute('aria-labelledby', current.id);
  }

  function newTable(): HTMLTableElement {
    const table = document.createElement('table');
    table.className = 'grid';
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', `Trang tính ${sheetName} / Sheet ${sheetName}`);
    return table;
  }

  function render(): void {
    const ws = worksheet();
    if (!ws) {
      host.panel.replaceChildren(newTable());
      return;
    }
    const rows = Math.min(Math.max(ws.rowCount, 1), MAX_ROWS);
    const cols = Math.min(Math.max(ws.columnCount, 1), MAX_COLS);
    const widths = Array.from({ length: cols }, (_, i) => Math.round((ws.getColumn(i + 1).width ?? DEFAULT_WIDTH) * 7 + 5));
    const colgroup = (): HTMLTableColElement => {
      const group = document.createElement('colgroup');
      if (!printing) group.append(Object.assign(document.createElement('col'), { className: 'row-header-col' }));
      for (const width of widths) {
        const col = document.createElement('col');
        col.style.width = `${width}px`;
        group.append(col);
      }
      return group;
    };
    const { masters, covered } = mergeMap(ws);
    const filter = filterOf(ws);
    const frozen = frozenOf(ws);
    const heights = Array.from({ length: rows + 1 }, (_, r) => {
      const h = r > 0 ? ws.getRow(r).height : undefined;
      return h === undefined ? undefined : rowPx(h);
    });

    // A cell (or a merge) is as tall as its rows when each has its height set; no list made per cell.
    const spanHeight = (r: number, count: number): number | undefined => {
      let sum = 0;
      for (let i = r; i < r + count; i++) {
        const h = heights[i];
        if (h === undefined) return undefined;
        sum += h;
      }
      return sum;
    };

    const rowElement = (r: number): HTMLTableRowElement => {
      const tr = document.createElement('tr');
      const row = ws.getRow(r);
      if (row.hidden) tr.hidden = true;
      if (heights[r] !== undefined) tr.style.height = `${heights[r]}px`;
      if (r === frozen.rows) tr.classList.add('frozen-below');
      if (!printing) {
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = String(r);
        tr.append(th);
      }
      for (let c = 1; c <= cols; c++) {
        const address = `${columnLetter(c - 1)}${r}`;
        if (covered.has(address)) continue;
        const cell = row.getCell(c);
        const td = document.createElement('td');
        td.dataset.address = address;
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        td.tabIndex = r === active.row && c === active.col ? 0 : -1;
        const span = masters.get(address);
        if (span) {
          td.rowSpan = span.rows;
          td.colSpan = span.cols;
        }
        const height = spanHeight(r, span?.rows ?? 1);
        if (height !== undefined) td.dataset.height = String(Math.max(0, height - CELL_CHROME_PX));
        showText(td, displayText(cell));
        if (cell.font?.bold) td.classList.add('bold');
        if (cell.alignment?.horizontal === 'center') td.classList.add('center');
        if (cell.alignment?.wrapText) td.classList.add('wrap');
        if (typeof cell.value === 'number' || cell.formula) td.classList.add('number');
        if (c + (span?.cols ?? 1) - 1 === frozen.cols) td.classList.add('frozen-right');
        if (filter && r === filter.top && c >= filter.left && c <= filter.right) {
          // Excel's filter button on each header cell: drawn by CSS, announced by the title.
          td.classList.add('filter');
          td.title = 'Có nút lọc (Dữ liệu > Lọc) / Filter button (Data > Filter)';
        }
        tr.append(td);
      }
      return tr;
    };
    const section = (tag: 'thead' | 'tbody', from: number, to: number): HTMLTableSectionElement => {
      const part = document.createElement(tag);
      for (let r = from; r <= to; r++) part.append(rowElement(r));
      return part;
    };

    if (!printing) {
      const table = newTable();
      const head = document.createElement('thead');
      const headRow = head.insertRow();
      const corner = document.createElement('td');
      corner.className = 'corner';
      headRow.append(corner);
      for (let c = 1; c <= cols; c++) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = columnLetter(c - 1);
        headRow.append(th);
      }
      table.append(colgroup(), head, section('tbody', 1, rows));
      host.panel.replaceChildren(table);
      markSelection();
      return;
    }
    // On paper: the rows above the print titles, then a table whose head (the titles) the browser repeats on every page.
    const titles = printTitles(ws, rows, masters);
    const tables: HTMLTableElement[] = [];
    const add = (...parts: HTMLElement[]) => {
      const table = newTable();
      table.append(colgroup(), ...parts);
      tables.push(table);
    };
    if (titles) {
      if (titles.top > 1) add(section('tbody', 1, titles.top - 1));
      add(section('thead', titles.top, titles.bottom), section('tbody', titles.bottom + 1, rows));
    } else add(section('tbody', 1, rows));
    const total = widths.reduce((sum, w) => sum + w, 0);
    const zoom = total > PRINT_WIDTH_PX ? String(Math.floor((PRINT_WIDTH_PX / total) * 1000) / 1000) : '';
    for (const table of tables) table.style.zoom = zoom;
    host.panel.replaceChildren(...tables);
  }

  function markSelection(): void {
    if (!selected) return;
    const td = host.panel.querySelector<HTMLTableCellElement>(`td[data-address="${selected}"]`);
    if (!td) return;
    td.classList.add('selected');
    td.setAttribute('aria-selected', 'true');
  }

  function focusCell(row: number, col: number): void {
    const ws = worksheet();
    if (!ws) return;
    const target = cellElement(row, col);
    if (!target) return;
    host.panel.querySelector('td[tabindex="0"]')?.setAttribute('tabindex', '-1');
    target.tabIndex = 0;
    active = { row, col };
    target.focus();
  }

  /** The user moved to a cell: mark it and tell the workbook, as Excel does. */
  function userSelect(row: number, col: number): void {
    focusCell(row, col);
    const address = `${columnLetter(col - 1)}${row}`;
    if (address === selected) return;
    host.panel.querySelector('td[aria-selected="true"]')?.removeAttribute('aria-selected');
    host.panel.querySelector('td.selected')?.classList.remove('selected');
    selected = address;
    markSelection();
    void source.selectCell(sheetName, address);
  }

  function move(dRow: number, dCol: number): void {
    let { row, col } = active;
    // Step over cells hidden under a merge.
    for (let i = 0; i < 50; i++) {
      row = Math.max(1, row + dRow);
      col = Math.max(1, col + dCol);
      if (cellElement(row, col)) return userSelect(row, col);
    }
  }

  async function commit(input: HTMLInputElement, td: HTMLTableCellElement, save: boolean): Promise<void> {
    if (editing !== input) return;
    editing = null;
    const address = td.dataset.address ?? '';
    if (save && input.value !== input.defaultValue) {
      await source.editCell(sheetName, address, typedInput(input.value));
      host.announce(`Đã sửa ô ${address} / Cell ${address} edited`);
      stale = true;
    }
    if (stale) {
      stale = false;
      refreshTabs();
      render();
    } else showText(td, displayText(worksheet()!.getCell(address)));
    focusCell(active.row, active.col);
  }

  function startEdit(td: HTMLTableCellElement, initial?: string): void {
    const ws = worksheet();
    if (!ws || editing) return;
    const address = td.dataset.address ?? '';
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'cell-editor';
    input.defaultValue = editText(ws.getCell(address));
    input.value = initial ?? input.defaultValue;
    input.setAttribute('aria-label', `Ô ${address} / Cell ${address}`);
    editing = input;
    td.replaceChildren(input);
    input.focus();
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        void commit(input, td, true).then(() => (e.key === 'Enter' ? move(e.shiftKey ? -1 : 1, 0) : move(0, e.shiftKey ? -1 : 1)));
      } else if (e.key === 'Escape') {
        e.preventDefault();
        void commit(input, td, false);
      }
    });
    input.addEventListener('blur', () => void commit(input, td, true));
  }

  host.panel.addEventListener('click', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-address]');
    if (td && !editing) userSelect(Number(td.dataset.row), Number(td.dataset.col));
  });
  host.panel.addEventListener('dblclick', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-address]');
    if (td) startEdit(td);
  });
  host.panel.addEventListener('keydown', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-address]');
    if (!td || editing) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      move(...moves[e.key]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit(td);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void Promise.resolve(source.editCell(sheetName, td.dataset.address ?? '', '')).then(() => {
        render();
        focusCell(active.row, active.col);
      });
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(td, e.key);
    }
  });

  function showSheet(name: string): void {
    if (!wb.getWorksheet(name)) return;
    if (name !== sheetName) selected = null;
    sheetName = name;
    active = { row: 1, col: 1 };
    renderTabs();
    render();
  }

  /** The tabs as the workbook's sheets are now; the sheet shown is the first one if its own is gone. Focus stays on the tab it was on. */
  function refreshTabs(): void {
    if (!visibleSheets(wb).some((ws) => ws.name === sheetName)) {
      sheetName = visibleSheets(wb)[0]?.name ?? '';
      selected = null;
      active = { row: 1, col: 1 };
    }
    if (tabsKey() === tabsShown) return;
    const focused = host.tabs.contains(document.activeElement) ? document.activeElement?.textContent : undefined;
    renderTabs();
    if (focused !== undefined) [...host.tabs.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === focused)?.focus();
  }

  renderTabs();
  render();
  return {
    refresh() {
      if (editing) {
        stale = true;
        return;
      }
      const hadFocus = host.panel.contains(document.activeElement);
      refreshTabs();
      render();
      if (hadFocus) focusCell(active.row, active.col);
    },
    showSheet,
    select(sheet, address) {
      // A range selects its top-left cell here: enough to show where the pane points.
      const cell = address.split(':')[0].replace(/\$/g, '').toUpperCase();
      selected = cell;
      if (sheet !== sheetName) showSheet(sheet);
      else if (!editing) {
        refreshTabs();
        render();
      }
      host.panel.querySelector(`td[data-address="${cell}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    },
    get sheet() {
      return sheetName;
    },
    setPrinting(on) {
      if (on === printing) return;
      printing = on;
      render();
    },
  };
}
