/**
 * What the task pane needs from a workbook, whatever hosts it: Excel through Office.js
 * (excelService.ts), the browser preview, or an in-memory grid in tests. The pane talks
 * to this interface only, never to Office.js.
 */
import type { CriteriaSet } from '../core/criteria';
import type { Finding, FindingColumn } from '../core/findings';
import type { AnswerChange } from '../workbook/answers';
import type { ColumnKey } from '../workbook/columns';
import type { ColumnMapping, UnitReading } from '../workbook/read';
import type { WriteValue } from '../workbook/grid';
import type { SheetSpec } from '../workbook/spec';

/** The top-left rows of a sheet as text, for the manual column-mapping step. */
export interface SheetPreview {
  name: string;
  /** rows[r][c] as displayed, 0-based from A1. */
  rows: string[][];
}

export type LoadResult =
  | {
      ok: true;
      reading: UnitReading;
      /** validateReading's findings: the reading's own, the core's checks, the reference comparison. */
      findings: Finding[];
      /** ISO date the findings were computed for (evidence dated later is flagged). */
      today: string;
      /** The parent authority the sheet's letterhead names (printed top left), when it names one. */
      issuer?: string;
      /** The bundled criteria set the workbook names (id and version), or for a hand-made one the set it matches (matchSet): edits are checked against it. */
      reference?: CriteriaSet;
      /** Columns of the table no item uses, with their headers: what "Chọn cột" offers for an item the sheet seems to lack. */
      spareColumns?: SpareColumn[];
    }
  | {
      ok: false;
      /** LAYOUT_NOT_FOUND per sheet. */
      findings: Finding[];
      sheets: SheetPreview[];
    };

/** A column of the score table no item uses: 0-based, and its header text. */
export interface SpareColumn {
  column: number;
  header: string;
}

/** Optional host features, checked before use and explained when missing. */
export type ServiceFeature = 'changeEvents' | 'selectionEvents' | 'dataValidation' | 'pageLayout' | 'createWorkbook';

/** A cell the user selected in the sheet, 1-based row. */
export interface SheetSelection {
  sheet: string;
  row: number;
}

export type ThemeKind = 'light' | 'dark';

/** A setting the host could not apply to a written sheet (e.g. page setup before ExcelApi 1.9), explained. */
export interface SkippedSetting {
  vi: string;
  en: string;
}

export interface WorkbookService {
  /** Reads the workbook and validates it. Throws (an Error with a Vietnamese message) when the host fails. */
  load(): Promise<LoadResult>;
  /**
   * Writes answers as one batch (the caller debounces). Codes and columns refer to the
   * last successful load; a change the sheet cannot take throws a WorkbookError.
   */
  write(changes: readonly AnswerChange[]): Promise<void>;
  /** Shows a criterion's row in the sheet: the cell of `field` (its code cell when absent). */
  select(code: string, field?: FindingColumn): Promise<void>;
  /**
   * Creates (or replaces) whole sheets in the open workbook in one action, then shows the
   * sheet named `show`. Settings the host lacks are returned, never dropped silently.
   */
  writeSheets(sheets: readonly SheetSpec[], show?: string): Promise<SkippedSetting[]>;
  /**
   * Records that `column` (0-based) of the score table holds `key`, an item detection did
   * not find (the criterion card's "Chọn cột"); the next load reads it there. Absent where
   * the host cannot write the metadata sheet.
   */
  chooseColumn?(key: ColumnKey, column: number): Promise<void>;
  /** Selects a cell of any sheet (a unit's row in the consolidation summary). */
  showCell?(sheet: string, address: string): Promise<void>;
  /**
   * Appends rows below the last used row of a sheet, creating it from `sheet` (its header)
   * when absent; never rewrites a cell; `formats` are the number formats of the appended rows
   * by column. Returns the first appended 1-based row. (The appraisal log.)
   */
  appendRows?(sheet: SheetSpec, rows: readonly WriteValue[][], formats?: readonly (string | undefined)[]): Promise<number>;
  /**
   * Opens .xlsx bytes as a new workbook (Excel.createWorkbook, ExcelApi 1.8). Absent, or
   * `supports('createWorkbook')` false: the pane offers the file as a download instead.
   */
  openWorkbook?(bytes: Uint8Array): Promise<void>;
  /** Saves the manual column mapping in the metadata sheet; the next load uses it. */
  saveMapping(mapping: ColumnMapping): Promise<void>;
  /** Sheet edits made outside the pane (typing, pasting): a hint to load again. Returns the unsubscribe. */
  onExternalChange(cb: () => void): () => void;
  /** The user selected a cell in the sheet. Returns the unsubscribe. */
  onSelectionChange(cb: (selection: SheetSelection) => void): () => void;
  supports(feature: ServiceFeature): boolean;
  /** The host's theme (Office theme), for FluentProvider. */
  theme(): ThemeKind;
  /** The host's UI language as a BCP 47 tag ('vi-VN', 'en-US'); the pane starts in English for 'en-*'. */
  displayLanguage(): string;
}
