/**
 * The add-in's metadata sheet: a veryHidden sheet of key/value rows. Settings, custom
 * XML and document properties get lost on some hosts and exceljs cannot read them; a
 * veryHidden sheet survives Office.js and exceljs round trips (docs/architecture.md, Decisions).
 */
import { cellText } from '../core/answers';
import { UNIT_LEVELS, type UnitLevel } from '../core/criteria';
import { parseVietNumber } from '../core/numbers';
import { COLUMN_KEYS, columnIndex, type ColumnKey } from './columns';
import { columnLetter, type WorkbookGrid } from './grid';
import type { SheetSpec } from './spec';

export const METADATA_SHEET = '_ChiSoCCHC';
/** Written in the `format` row; a reader accepts any `chiso-cchc/<n>` and ignores unknown keys. */
export const METADATA_FORMAT = 'chiso-cchc/1';

export interface WorkbookMetadata {
  format: string;
  setId?: string;
  setVersion?: string;
  unit?: string;
  level?: UnitLevel;
  year?: number;
  /** definitionHash() of the criteria set the template was made from. */
  definitionHash?: string;
  /** The sheet holding the score table. */
  sheet?: string;
  /** 1-based row of the table header (as the user sees it). */
  headerRow?: number;
  /** Column letters by key, from the manual mapping step: { code: 'A', selfScore: 'G' }. */
  columnMap?: Partial<Record<ColumnKey, string>>;
  /**
   * Columns the user chose for an item detection did not find (the criterion card's
   * "Chọn cột"), with the header they had then: a column whose header changed (columns
   * inserted or deleted since) is not used.
   */
  chosenColumns?: Partial<Record<ColumnKey, ChosenColumn>>;
  /** contentHash() of the workbook when its score sheet was last printed without errors. */
  contentHash?: string;
  /** When that check ran, Vietnam local time `YYYY-MM-DDTHH:MM`. */
  checkedAt?: string;
}

/** A column chosen by the user: its letter and its header text when chosen. */
export interface ChosenColumn {
  column: string;
  header: string;
}

const KEYS = ['format', 'setId', 'setVersion', 'unit', 'level', 'year', 'definitionHash', 'sheet', 'headerRow', 'columnMap', 'chosenColumns', 'contentHash', 'checkedAt'] as const;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** The metadata, or undefined when the workbook has no metadata sheet (or it is not ours). */
export function readMetadata(wb: WorkbookGrid): WorkbookMetadata | undefined {
  const sheet = wb.sheets.find((s) => s.name === METADATA_SHEET);
  if (!sheet) return undefined;
  const raw = new Map<string, string>();
  for (const row of sheet.values) {
    const key = cellText(row[0], 'label');
    if (key !== '' && !raw.has(key)) raw.set(key, cellText(row[1], 'label'));
  }
  const format = raw.get('format') ?? '';
  if (!format.startsWith('chiso-cchc/')) return undefined;
  const out: WorkbookMetadata = { format };
  for (const key of ['setId', 'setVersion', 'unit', 'definitionHash', 'sheet'] as const) {
    const v = raw.get(key);
    if (v) out[key] = v;
  }
  const level = raw.get('level');
  if (UNIT_LEVELS.includes(level as UnitLevel)) out.level = level as UnitLevel;
  const year = parseVietNumber(raw.get('year') ?? '');
  if (year !== undefined && Number.isInteger(year)) out.year = year;
  const headerRow = parseVietNumber(raw.get('headerRow') ?? '');
  if (headerRow !== undefined && Number.isInteger(headerRow) && headerRow >= 1) out.headerRow = headerRow;
  const map = parseColumnMap(raw.get('columnMap'));
  if (map) out.columnMap = map;
  const chosen = parseChosenColumns(raw.get('chosenColumns'));
  if (chosen) out.chosenColumns = chosen;
  // The check is recorded as a pair: half of it cannot say whether the workbook changed.
  const hash = raw.get('contentHash')?.toLowerCase();
  const checkedAt = raw.get('checkedAt');
  if (hash !== undefined && SHA256_HEX.test(hash) && checkedAt !== undefined && LOCAL_TIME.test(checkedAt)) {
    out.contentHash = hash;
    out.checkedAt = checkedAt;
  }
  return out;
}

/** A JSON object of known keys to column letters; anything else is ignored as a whole. */
function parseColumnMap(text: string | undefined): Partial<Record<ColumnKey, string>> | undefined {
  return parseByKey(text, (v) => (typeof v === 'string' && columnIndex(v) !== undefined ? v.toUpperCase() : undefined));
}

/** Known keys to { column, header }; anything else is ignored as a whole. */
function parseChosenColumns(text: string | undefined): Partial<Record<ColumnKey, ChosenColumn>> | undefined {
  return parseByKey(text, (v) => {
    const c = v as Partial<ChosenColumn> | null;
    return typeof c?.column === 'string' && columnIndex(c.column) !== undefined && typeof c.header === 'string' ? { column: c.column.toUpperCase(), header: c.header } : undefined;
  });
}

/** A JSON object of column keys, each value read by `value`; an unknown key or unread value voids the whole. */
function parseByKey<T>(text: string | undefined, value: (v: unknown) => T | undefined): Partial<Record<ColumnKey, T>> | undefined {
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const out: Partial<Record<ColumnKey, T>> = {};
  for (const [k, v] of Object.entries(json)) {
    const read = COLUMN_KEYS.includes(k as ColumnKey) ? value(v) : undefined;
    if (read === undefined) return undefined;
    out[k as ColumnKey] = read;
  }
  return out;
}

/** Column letters <-> 0-based indices for the columnMap entry. */
export function columnMapToIndices(map: Partial<Record<ColumnKey, string>>): Partial<Record<ColumnKey, number>> {
  const out: Partial<Record<ColumnKey, number>> = {};
  for (const [k, v] of Object.entries(map) as [ColumnKey, string][]) {
    const c = columnIndex(v);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

export function columnMapFromIndices(columns: Partial<Record<ColumnKey, number>>): Partial<Record<ColumnKey, string>> {
  const out: Partial<Record<ColumnKey, string>> = {};
  for (const k of COLUMN_KEYS) {
    const c = columns[k];
    if (c !== undefined) out[k] = columnLetter(c);
  }
  return out;
}

/** The veryHidden sheet: every value is written as text so no locale reformats it. */
export function metadataSheetSpec(meta: WorkbookMetadata): SheetSpec {
  const values: string[][] = [['key', 'value']];
  for (const key of KEYS) {
    const v = meta[key];
    if (v === undefined) continue;
    values.push([key, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
  }
  return { name: METADATA_SHEET, visibility: 'veryHidden', values, columnWidths: [18, 70], styles: [{ range: { top: 0, left: 0, bottom: values.length - 1, right: 1 }, style: { numberFormat: '@' } }] };
}
