/**
 * What a cell shows in the preview grid and what its editor starts with, from exceljs
 * values. Close to Excel's display in en-US, without claiming to be a number formatter.
 */
import type ExcelJS from 'exceljs';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date as Vietnamese workbooks write it: dd/mm/yyyy. */
function dateText(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function numberText(n: number, numFmt: string | undefined): string {
  if (numFmt && /%$/.test(numFmt.trim())) return `${Number((n * 100).toFixed(2))}%`;
  return String(Number(n.toPrecision(12)));
}

function scalarText(v: unknown, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'number') return numberText(v, numFmt);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const o = v as { error?: string; richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: string; sharedFormula?: string };
  if (typeof o.error === 'string') return o.error;
  if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
  if (o.formula !== undefined || o.sharedFormula !== undefined) return scalarText(o.result, numFmt);
  if (o.text !== undefined) return scalarText(o.text, numFmt);
  return String(v);
}

/** The text shown in the cell. */
export function displayText(cell: ExcelJS.Cell): string {
  return scalarText(cell.value, cell.numFmt);
}

/** The text the editor opens with: a formula as '=...', else what is shown. */
export function editText(cell: ExcelJS.Cell): string {
  const v = cell.value as { formula?: string } | null;
  if (v && typeof v === 'object' && typeof v.formula === 'string') return `=${v.formula}`;
  return displayText(cell);
}
