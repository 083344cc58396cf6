/**
 * CSV text as a grid, so a register exported as .csv reads like one exported as .xlsx:
 * a byte-order mark is dropped, the delimiter (`,` `;` or tab) is detected from the first
 * lines outside quotes, fields follow RFC 4180 (quotes, doubled quotes, line breaks inside
 * quotes; CRLF, LF or CR line ends). Every value is text, as typed: nothing is evaluated,
 * and a text starting with `=` stays text. The caller decodes the bytes (UTF-8).
 */
import type { CellValue } from '../core/answers';
import type { SheetGrid, WorkbookGrid } from './grid';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions {
  /** The sheet's name in the grid (the file name, for messages). */
  sheetName?: string;
  /** Detected when absent. */
  delimiter?: CsvDelimiter;
  /** Rows read at most (a bound on what a file may cost); 200 000 when absent. */
  maxRows?: number;
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter of a CSV text: the candidate found the same number of times (and at
 * least once) on most of the first lines, quoted text ignored; `,` when none is.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines: Record<CsvDelimiter, number>[] = [];
  let counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 20; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      lines.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0 };
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (Object.values(counts).some((n) => n > 0)) lines.push(counts);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    // Lines agreeing with the most common non-zero count of this delimiter.
    const freq = new Map<number, number>();
    for (const l of lines) if (l[d] > 0) freq.set(l[d], (freq.get(l[d]) ?? 0) + 1);
    let score = 0;
    for (const [n, times] of freq) score = Math.max(score, times * 1000 + n);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * The rows of a CSV text, each a list of field texts (RFC 4180). `lines`, when given, gets
 * the line each row starts on, 1-based, as a text editor counts them (CRLF, LF or CR one
 * break; a line break inside quotes is one too, so a row may span lines).
 */
export function parseCsvRows(text: string, delimiter?: CsvDelimiter, maxRows = 200_000, lines?: number[]): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const d = delimiter ?? detectDelimiter(src);
  const dc = d.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let line = 1;
  let rowLine = 1;
  const n = src.length;
  while (i < n && rows.length < maxRows) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy up to the next quote at once: long quoted summaries are the common case.
      const next = src.indexOf('"', i);
      const end = next < 0 ? n : next;
      const chunk = src.slice(i, end);
      if (lines) line += lineBreaks(chunk);
      field += chunk;
      i = end;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === d) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      lines?.push(rowLine);
      rowLine = ++line;
      row = [];
      field = '';
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      // Copy up to the next delimiter or line end at once (a quote inside the field is text).
      let j = i + 1;
      while (j < n) {
        const c = src.charCodeAt(j);
        if (c === dc || c === 10 || c === 13) break;
        j++;
      }
      field += src.slice(i, j);
      i = j;
    }
  }
  if ((field !== '' || row.length > 0) && rows.length < maxRows) {
    row.push(field);
    rows.push(row);
    lines?.push(rowLine);
  }
  return rows;
}

/** The line breaks in a text, as an editor counts them (CRLF one, a lone CR or LF one). */
function lineBreaks(text: string): number {
  if (!text.includes('\n') && !text.includes('\r')) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/** A CSV text as a one-sheet grid of text cells (blank fields as null, Unicode NFC), with the line each row starts on. */
export function csvToGrid(text: string, opts: CsvOptions = {}): WorkbookGrid {
  const lines: number[] = [];
  const rows = parseCsvRows(text, opts.delimiter, opts.maxRows, lines);
  const values: CellValue[][] = rows.map((r) => r.map((f) => (f.trim() === '' ? null : f.normalize('NFC'))));
  const sheet: SheetGrid = { name: opts.sheetName ?? 'CSV', values, lines };
  return { sheets: [sheet] };
}

/**
 * A CSV file's text: UTF-16 when it starts with its byte-order mark (Excel's "Unicode
 * Text"), UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1258
 * (Excel's "CSV" on a Vietnamese Windows), composed to NFC since that code page writes
 * tone marks as combining characters.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  }
}
