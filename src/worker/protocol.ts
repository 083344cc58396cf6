/**
 * Messages between the task pane and the consolidation worker. Plain data only
 * (structured clone): File objects in, sheet specs and a report out.
 */
import type { CriteriaSet } from '../core/criteria';
import type { SheetSpec } from '../workbook/spec';

/** A text the user should read, in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** A small input file chosen in the pane (criteria set, unit list, baseline), as text. */
export interface TextInput {
  name: string;
  text: string;
}

export interface ConsolidateRequest {
  /** The units' workbooks; the worker reads their bytes, one at a time. */
  files: { name: string; data: Blob }[];
  /** The reference set: the open workbook's, or JSON files to check (one set per level). */
  criteria: { kind: 'set'; set: CriteriaSet } | { kind: 'json'; files: TextInput[] };
  /** JSON array of {"name", "level"}. */
  units?: TextInput;
  /** Last year's results, .csv or .json. */
  baseline?: TextInput;
  allowOtherVersions: boolean;
  /** ISO date for "dated in the future" checks. */
  today: string;
}

export interface ConsolidateReport {
  ranked: number;
  rejected: { file: string; reasons: Bilingual[] }[];
  duplicates: { unit: string; files: string[] }[];
  missing: string[];
  /** Lines of the baseline that were skipped, and why. */
  inputProblems: Bilingual[];
}

export type WorkerMessage =
  | { type: 'progress'; n: number; total: number; name: string }
  | { type: 'done'; sheets: SheetSpec[]; report: ConsolidateReport }
  | { type: 'failed'; error: Bilingual };
