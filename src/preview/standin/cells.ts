/**
 * exceljs cells seen through Excel's eyes: what `values`, `formulas` and `numberFormat`
 * return, and how Excel parses a value written to `values` (exactly like typed input:
 * '=...' is a formula, '0,5'-free numeric text becomes a number, "'" marks text).
 * A formula reads back as its cached result ('' when it has none); recalc.ts refreshes
 * the results it can compute after each request, as Excel's automatic mode does.
 */
import ExcelJS from 'exceljs';
import { StandInError } from './errors';

export type ExcelScalar = string | number | boolean;

const DAY_MS = 86_400_000;

export function dateToSerial(d: Date, date1904: boolean): number {
  const t = d.getTime();
  if (date1904) return (t - Date.UTC(1904, 0, 1)) / DAY_MS;
  const serial = (t - Date.UTC(1899, 11, 30)) / DAY_MS;
  // Before 1 March 1900 Excel counts from 31/12/1899 (its fictitious 29/02/1900 comes after).
  return serial < 61 ? serial - 1 : serial;
}

function scalar(v: unknown, date1904: boolean): ExcelScalar {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === 'object') {
    const o = v as { error?: string; richText?: { text: string }[]; text?: unknown };
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return scalar(o.text, date1904);
  }
  return String(v);
}

/** Whether Excel shows a value here (a merged area's value lives in its top-left cell). */
export function hasValue(cell: ExcelJS.Cell): boolean {
  return cell.type !== ExcelJS.ValueType.Null && cell.type !== ExcelJS.ValueType.Merge;
}

export function readValues(cell: ExcelJS.Cell, date1904: boolean): ExcelScalar {
  if (!hasValue(cell)) return '';
  if (cell.type === ExcelJS.ValueType.Formula) return scalar(cell.result, date1904);
  return scalar(cell.value, date1904);
}

export function readFormulas(cell: ExcelJS.Cell, date1904: boolean): ExcelScalar {
  if (cell.type === ExcelJS.ValueType.Formula) {
    // Excel hides the storage prefixes of newer functions (_xlfn.CONCAT -> CONCAT).
    return `=${cell.formula.replace(/_xl(fn|ws)\./g, '')}`;
  }
  return readValues(cell, date1904);
}

export function readNumberFormat(cell: ExcelJS.Cell): string {
  return cell.numFmt || 'General';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** What typing `text` into a General cell stores (en-US input rules). */
function parseTyped(text: string): ExcelJS.CellValue {
  if (text.startsWith("'")) return text.slice(1);
  if (text.length > 1 && text.startsWith('=')) return { formula: text.slice(1) } as ExcelJS.CellFormulaValue;
  if (NUMBER.test(text)) return Number(text);
  if (PERCENT.test(text)) return Number(text.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  const us = US_DATE.exec(text);
  if (us) {
    const [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCMonth() === month - 1 && d.getUTCDate() === day) return d;
  }
  // '+x', '-x' and '@x' are read as formulas too; the stand-in cannot evaluate them.
  if (text.length > 1 && /^[+\-@]/.test(text)) {
    return { formula: text.startsWith('@') ? text.slice(1) : text, result: { error: '#NAME?' } } as ExcelJS.CellFormulaValue;
  }
  return text;
}

/** Applies one entry of a `values`/`formulas` matrix; null leaves the cell unchanged, as in Excel. */
export function writeInput(cell: ExcelJS.Cell, input: unknown, location: string): void {
  if (input === null || input === undefined) return;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new StandInError('InvalidArgument', location);
    cell.value = input;
  } else if (typeof input === 'boolean') cell.value = input;
  else if (typeof input === 'string') {
    if (input === '') cell.value = null;
    // A Text-formatted cell keeps what is typed, even '=...'.
    else if (cell.numFmt === '@') cell.value = input;
    else {
      const parsed = parseTyped(input);
      // Typing a date or a percentage also gives the cell a matching format.
      if (cell.numFmt === undefined || cell.numFmt === 'General') {
        if (parsed instanceof Date) cell.numFmt = 'm/d/yyyy';
        else if (PERCENT.test(input)) cell.numFmt = '0%';
      }
      cell.value = parsed;
    }
  } else throw new StandInError('InvalidArgument', location);
}
