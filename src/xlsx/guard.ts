/**
 * What exceljs cannot carry through a load-and-save, found in the .xlsx package before a
 * write. exceljs expands every data-validation range cell by cell: a validation over
 * A1:XFD1048576 (seen in real files) never finishes loading, so a workbook beyond the
 * limit is refused with a message naming the sheet and the range. And exceljs does not
 * model charts, pivot tables, slicers or macros: they are missing from the copy it saves,
 * which the caller must tell the user.
 */
import JSZip from 'jszip';
import { FileUnreadableError } from './errors';

/** Cells of validation ranges exceljs can expand in a few seconds (two whole columns). */
export const MAX_VALIDATION_CELLS = 2_200_000;

const SQREF = /<(?:\w+:)?dataValidation\b[^>]*\bsqref="([^"]+)"/g;
const RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

/** Parts exceljs drops, by the words a user knows them by. */
const DROPPED: [RegExp, string][] = [
  [/^xl\/charts\/chart/, 'biểu đồ / charts'],
  [/^xl\/chartsheets\//, 'trang biểu đồ / chart sheets'],
  [/^xl\/pivotTables\//, 'bảng tổng hợp (PivotTable) / pivot tables'],
  [/^xl\/slicers\//, 'slicer'],
  [/^xl\/vbaProject\.bin$/, 'macro (VBA)'],
  [/^xl\/externalLinks\//, 'liên kết ngoài / external links'],
];

/** Throws FileUnreadableError for validations too large to load; returns what the saved copy will lack. */
export async function inspectForWrite(buf: Buffer, name: string): Promise<{ dropped: string[] }> {
  const zip = await JSZip.loadAsync(buf).catch(() => undefined);
  if (!zip) return { dropped: [] }; // not a zip: loadWorkbook gives the message
  const sheetNames = await sheetNamesByPart(zip);
  let total = 0;
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = (await zip.file(part)?.async('string')) ?? '';
    for (const m of xml.matchAll(SQREF)) {
      for (const ref of m[1].split(/\s+/)) {
        total += area(ref);
        if (total > MAX_VALIDATION_CELLS) {
          throw new FileUnreadableError(name, 'validation-too-large', `${sheetNames.get(part) ?? part}!${ref}`);
        }
      }
    }
  }
  const parts = Object.keys(zip.files);
  return { dropped: DROPPED.filter(([re]) => parts.some((p) => re.test(p))).map(([, label]) => label) };
}

function area(ref: string): number {
  const m = RANGE.exec(ref);
  if (!m) return 1;
  if (!m[3]) return 1;
  return (Math.abs(colNumber(m[3]) - colNumber(m[1])) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1);
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Part path (xl/worksheets/sheet2.xml) -> sheet name, through the workbook's relationships. */
async function sheetNamesByPart(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const r of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(r[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(r[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const s of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const sheetName = /\bname="([^"]+)"/.exec(s[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(s[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (sheetName && part) out.set(part, sheetName);
  }
  return out;
}
