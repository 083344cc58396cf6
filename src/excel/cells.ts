/**
 * Cell values between Office.js and the grid contract (src/workbook/grid.ts).
 * Reading: Excel returns '' for empty cells, error values as their text ('#REF!'),
 * dates as serial numbers (we turn those into the text the number format shows).
 * Writing: Excel parses every string like typed input ('=...' becomes a formula,
 * '1,5' or '07/6/2024' may become numbers or dates), so strings are sent with a
 * leading apostrophe, which Excel stores as "this is text" without keeping it.
 */
import type { CellValue } from '../core/answers';
import type { WriteValue } from '../workbook/grid';
import { ExcelAdapterError } from './errors';

const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
]);

/** A value as Office.js accepts it in `range.values`. */
export type ExcelInput = string | number | boolean | null;

/** Grid value of one cell from its `values`, `formulas` and `numberFormat` entries. */
export function readValue(value: unknown, numberFormat: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string') return ERROR_VALUES.has(value) ? { error: value } : value;
  if (typeof value === 'number' && typeof numberFormat === 'string' && isDateFormat(numberFormat)) {
    return formatSerialDate(value, numberFormat);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * The formula of a cell, or null. Excel's `formulas` repeats the value for constants,
 * and a text cell that starts with '=' reads the same in `values` and `formulas`:
 * only a formula's text differs from its value.
 */
export function readFormula(formula: unknown, value: unknown): string | null {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula : null;
}

/** Office.js input for a grid value: text stays text, null clears the cell. */
export function toExcelInput(v: WriteValue): ExcelInput {
  if (v === null) return '';
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ExcelAdapterError('INVALID_ARGUMENT', { detail: `${v}` });
    return v;
  }
  if (typeof v === 'boolean') return v;
  return v.formula.startsWith('=') ? v.formula : `=${v.formula}`;
}

/** First section of a number format with quoted text, escapes and [..] tags removed. */
function formatCodes(format: string): string {
  const first = splitSections(format)[0];
  return first.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

export function isDateFormat(format: string): boolean {
  if (format === 'General' || format === '@') return false;
  return /[dmyhs]/i.test(formatCodes(format));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A 1900-system serial date shown with the format's day, month, year, hour, minute and
 * second codes; literal text is kept. Covers the formats of Vietnamese workbooks
 * (dd/mm/yyyy, d/m/yyyy, dd/mm/yyyy hh:mm); month names are English abbreviations.
 */
export function formatSerialDate(serial: number, format: string): string {
  // Serial 60 is Excel's fictitious 29/02/1900: days from 1899-12-31 before it, 1899-12-30 after.
  const base = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(base + Math.round(serial * 86400) * 1000);
  const parts = {
    y: date.getUTCFullYear(), mo: date.getUTCMonth() + 1, d: date.getUTCDate(),
    h: date.getUTCHours(), mi: date.getUTCMinutes(), s: date.getUTCSeconds(),
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const section = splitSections(format)[0].replace(/\[[^\]]*\]/g, '');
  const tokens = section.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|AM\/PM|[\s\S]/gi) ?? [];
  const hour = /AM\/PM/i.test(section) ? ((parts.h + 11) % 12) + 1 : parts.h;
  let out = '';
  let afterHour = false;
  tokens.forEach((token, i) => {
    const t = token.toLowerCase();
    const nextIsSeconds = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x))?.toLowerCase().startsWith('s') ?? false;
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith('\\')) out += token.slice(1);
    else if (t === 'yyyy') out += parts.y;
    else if (t === 'yy') out += pad(parts.y % 100);
    else if (t === 'mmmm' || t === 'mmm') out += MONTHS[parts.mo - 1];
    else if (t === 'mm' || t === 'm') {
      const minutes = afterHour || nextIsSeconds;
      const n = minutes ? parts.mi : parts.mo;
      out += t === 'mm' ? pad(n) : n;
      afterHour = false;
    } else if (t === 'dd') out += pad(parts.d);
    else if (t === 'd') out += parts.d;
    else if (t === 'hh' || t === 'h') {
      out += t === 'hh' ? pad(hour) : hour;
      afterHour = true;
    } else if (t === 'ss') out += pad(parts.s);
    else if (t === 's') out += parts.s;
    else if (t === 'am/pm') out += parts.h < 12 ? 'AM' : 'PM';
    else out += token;
  });
  return out;
}
