/**
 * Last year's results chosen as a file in the Targets view: the text of a CSV or JSON
 * file (read in the pane, no workbook library) parsed with the baseline parsers, then
 * the open workbook's unit looked up in it.
 */
import { unitKey } from '../core/consolidate';
import { parseBaselineCsv, parseBaselineJson, type BaselineParse, type BaselineProblem } from '../workbook/baseline';
import { decodeCsvBytes } from '../workbook/csv';

/** What a chosen file gives the Targets view. */
export type BaselineChoice =
  | { kind: 'matched'; file: string; unit: string; scores: Map<string, number>; problems: BaselineProblem[] }
  /** The file holds no row for the workbook's unit; `units` are the names it does hold. */
  | { kind: 'no-unit'; file: string; unit: string | undefined; units: string[]; problems: BaselineProblem[] };

/** JSON when the name ends in .json or the text starts like JSON; CSV otherwise. */
export function parseBaselineText(fileName: string, text: string): BaselineParse {
  const body = text.replace(/^\uFEFF/, '');
  if (!/\.json$/i.test(fileName) && !/^\s*[[{]/.test(body)) return parseBaselineCsv(body);
  try {
    return parseBaselineJson(JSON.parse(body));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { baseline: { units: new Map() }, problems: [{ line: 0, vi: `tệp JSON không đọc được (${why})`, en: `the JSON file cannot be read (${why})` }] };
  }
}

/** The unit's scores in a parsed file, matched ignoring case, diacritics and spacing. */
export function chooseBaseline(fileName: string, parse: BaselineParse, unit: string | undefined): BaselineChoice {
  const entry = unit !== undefined ? parse.baseline.units.get(unitKey(unit)) : undefined;
  if (unit !== undefined && entry && entry.scores.size > 0) return { kind: 'matched', file: fileName, unit: entry.unit, scores: entry.scores, problems: parse.problems };
  return { kind: 'no-unit', file: fileName, unit, units: [...parse.baseline.units.values()].map((u) => u.unit), problems: parse.problems };
}

/**
 * The file's text, in the encodings Excel saves CSV in (UTF-8, UTF-16, Windows-1258 on a
 * Vietnamese Windows): Blob.arrayBuffer() where the browser has it, FileReader otherwise
 * (older WebViews).
 */
export async function readFileText(file: Blob): Promise<string> {
  const buffer =
    typeof file.arrayBuffer === 'function'
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
          reader.readAsArrayBuffer(file);
        });
  return decodeCsvBytes(new Uint8Array(buffer));
}
