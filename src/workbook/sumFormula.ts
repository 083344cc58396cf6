/**
 * Which cells a total's formula adds: `=SUM(G11:G13)`, `=SUM(G9,G24,G39)`, `=G9+G12`,
 * `=SUM(G11:G12)+G14`. Only plain sums of cells of one column are read; anything else
 * (another function, a constant, another sheet) is not a plain sum, and the total is
 * then judged by its value.
 */
import { columnLetter } from './grid';

const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;
/** Bound on the rows a formula may name: a whole-column range is not a total of rows. */
const MAX_ROWS = 10_000;

/**
 * The 1-based rows of column `col` (0-based) that `formula` adds, each once, in order;
 * undefined when the formula is not a plain sum of cells of that column.
 */
export function sumFormulaRows(formula: string | null | undefined, col: number): number[] | undefined {
  if (typeof formula !== 'string') return undefined;
  const body = formula.trim().replace(/^=/, '').replace(/\s+/g, '').toUpperCase();
  const terms: string[] = [];
  // `SUM(a,b)+c` and `a+b`: split on + at the top level, then SUM's arguments on commas.
  for (const part of splitTop(body, '+')) {
    const inner = /^SUM\((.*)\)$/.exec(part);
    if (inner) terms.push(...splitTop(inner[1], ','));
    else terms.push(part);
  }
  const letter = columnLetter(col);
  const rows: number[] = [];
  for (const t of terms) {
    const m = REF.exec(t);
    if (!m || m[1] !== letter || (m[3] !== undefined && m[3] !== letter)) return undefined;
    const from = Number(m[2]);
    const to = m[4] !== undefined ? Number(m[4]) : from;
    if (to < from || to - from > MAX_ROWS) return undefined;
    for (let r = from; r <= to; r++) rows.push(r);
  }
  if (rows.length === 0 || new Set(rows).size !== rows.length) return undefined;
  return rows;
}

/** Splits on `sep` outside parentheses; empty when a part is empty or brackets do not match. */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return [];
  }
  out.push(text.slice(start));
  return depth === 0 && out.every((p) => p !== '') ? out : [];
}
