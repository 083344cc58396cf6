/**
 * What the officer changed in the browser app: the cells whose value differs between the
 * workbook as opened and as it is now, as a WritePlan for the surgical writer, so that the
 * saved file differs from the opened one in those cells only. Formula cells whose formula
 * is unchanged are left out (their cached result is Excel's to recompute). Sheets the
 * pane added or made again (a consolidation summary, an appraisal log, a sheet to print)
 * are saved whole instead, so their cells are not part of the plan.
 */
import type ExcelJS from 'exceljs';
import { a1, type WritePlan, type WriteValue } from '../../workbook/grid';

/** A cell's content as it is saved: a formula, or a value the surgical writer can write. */
export type CellContent = Exclude<WriteValue, null> | { error: string };

/** Sheet name -> A1 address -> content, of every non-empty cell. */
export type Snapshot = Map<string, Map<string, CellContent>>;

/** One changed cell; `value` null clears it. */
export interface CellChange {
  sheet: string;
  address: string;
  row: number;
  col: number;
  value: WriteValue;
}

const DAY_MS = 86_400_000;

/** A date as Excel stores it (serial days). Not the stand-in's helper: that module brings exceljs into the page's first chunk. */
function serial(d: Date, date1904: boolean): number {
  return (d.getTime() - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / DAY_MS;
}

function content(cell: ExcelJS.Cell, date1904: boolean): CellContent | null {
  if (cell.formula) return { formula: cell.formula };
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return serial(v, date1904);
  if (typeof v === 'object' && 'error' in v) return { error: String(v.error) };
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((run) => run.text).join('');
  if (typeof v === 'object' && 'text' in v) return typeof v.text === 'string' ? v.text : cell.text;
  return cell.text;
}

function same(a: CellContent | null | undefined, b: CellContent | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function date1904Of(workbook: ExcelJS.Workbook): boolean {
  return Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
}

export function snapshot(workbook: ExcelJS.Workbook): Snapshot {
  const date1904 = date1904Of(workbook);
  const out: Snapshot = new Map();
  for (const ws of workbook.worksheets) {
    const cells = new Map<string, CellContent>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const c = content(cell, date1904);
        if (c !== null) cells.set(cell.address, c);
      });
    });
    out.set(ws.name, cells);
  }
  return out;
}

/** Cells of `now` that differ from `before`, in sheet order then row, column. Errors are never written. */
export function changedCells(before: Snapshot, now: Snapshot): CellChange[] {
  const out: CellChange[] = [];
  for (const [sheet, cells] of now) {
    const was = before.get(sheet);
    if (!was) continue;
    const addresses = new Set([...was.keys(), ...cells.keys()]);
    for (const address of addresses) {
      const a = was.get(address);
      const b = cells.get(address);
      if (same(a, b)) continue;
      if (b !== undefined && typeof b === 'object' && 'error' in b) continue;
      // Same formula, other cached result: a recalculation, not an edit.
      if (a !== undefined && b !== undefined && typeof a === 'object' && typeof b === 'object' && 'formula' in a && 'formula' in b && a.formula === b.formula) continue;
      const { row, col } = position(address);
      out.push({ sheet, address, row, col, value: b === undefined ? null : (b as WriteValue) });
    }
  }
  const order = [...now.keys()];
  return out.sort((x, y) => order.indexOf(x.sheet) - order.indexOf(y.sheet) || x.row - y.row || x.col - y.col);
}

/** The sheets as the file was opened, by name: the pane replaces a sheet by deleting it and adding a new one of that name. */
export type OpenedSheets = Map<string, ExcelJS.Worksheet>;

export function openedSheets(workbook: ExcelJS.Workbook): OpenedSheets {
  return new Map(workbook.worksheets.map((ws) => [ws.name, ws]));
}

/** Sheets the pane added, or deleted and made again under the same name, in workbook order: saved whole. */
function rewrittenSheets(opened: OpenedSheets, workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.filter((ws) => opened.get(ws.name) !== ws).map((ws) => ws.name);
}

/** What a save would write: changed cells of the file's own sheets, and the sheets saved whole. */
export interface Pending {
  cells: CellChange[];
  sheets: string[];
  /** Equal signatures: nothing to save since (cells and the rewritten sheets' contents). */
  signature: string;
}

export function pending(original: Snapshot, opened: OpenedSheets, workbook: ExcelJS.Workbook): Pending {
  const now = snapshot(workbook);
  const sheets = rewrittenSheets(opened, workbook);
  const cells = changedCells(original, now).filter((c) => !sheets.includes(c.sheet));
  const signature = JSON.stringify({ cells, sheets: sheets.map((name) => [name, [...(now.get(name) ?? [])]]) });
  return { cells, sheets, signature };
}

/** Nothing pending: the signature a file has when it is opened. */
export const NOTHING_PENDING = JSON.stringify({ cells: [], sheets: [] });

/** 'D12' -> 0-based row 11, column 3. */
function position(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not an A1 address: ${address}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  if (a1(row, col) !== address) throw new Error(`not an A1 address: ${address}`);
  return { row, col };
}

export function planOf(changes: CellChange[]): WritePlan {
  return { blocks: changes.map((c) => ({ sheet: c.sheet, row: c.row, col: c.col, values: [[c.value]] })) };
}

/** Puts saved changes back into the workbook they were made on (an autosave offered back); a sheet it lacks is skipped. */
export function applyChanges(workbook: ExcelJS.Workbook, changes: CellChange[]): void {
  for (const change of changes) {
    const ws = workbook.getWorksheet(change.sheet);
    if (!ws) continue;
    const cell = ws.getCell(change.address);
    cell.value = change.value === null ? null : typeof change.value === 'object' ? { formula: change.value.formula } : change.value;
  }
}
