/**
 * Messages between the task pane and the consolidation worker. Plain data only
 * (structured clone): Blobs and sets in, sheet specs, the JSON and a report out.
 */
import type { GradeBand } from '../core/consolidate';
import type { CriteriaSet } from '../core/criteria';
import type { Lang } from '../core/format';
import type { Bilingual, ConsolidationJson } from '../pipeline/consolidate';
import type { BaselineUse, UnitFindings } from '../pipeline/details';
import type { SheetSpec } from '../workbook/spec';

export type { Bilingual, ConsolidationJson, JsonUnit } from '../pipeline/consolidate';
export type { BaselineUse, BriefFinding, UnitFindings } from '../pipeline/details';

/** A file chosen in the pane: its name and its bytes. */
export interface FileInput {
  name: string;
  data: Blob;
}

export interface ConsolidateRequest {
  /** The units' workbooks; the worker reads their bytes, one at a time. */
  files: FileInput[];
  /**
   * The reference: sets chosen by name (bundled, stored, or the open master template's),
   * or files to load (criteria JSON or a master template workbook), one set per level.
   */
  criteria: { kind: 'sets'; sets: CriteriaSet[] } | { kind: 'files'; files: FileInput[] };
  /** JSON array of {"name", "level"}. */
  units?: FileInput;
  /** Last year's results: last year's summary .xlsx, .csv or .json. */
  baseline?: FileInput;
  allowOtherVersions: boolean;
  /** ISO date for "dated in the future" checks. */
  today: string;
  /** The language of the JSON's messages (the report carries both). */
  lang: Lang;
}

export interface ConsolidateReport {
  ranked: number;
  rejected: { file: string; reasons: Bilingual[] }[];
  duplicates: { unit: string; files: string[] }[];
  missing: string[];
  /** The findings of each listed unit that has any: counts and the first few. */
  findings: UnitFindings[];
  /** Last year's results, when given: units it served, lines it skipped and why. */
  baseline?: BaselineUse;
  /** The sets the run checked against (loaded from files: the pane may keep them). */
  sets: CriteriaSet[];
  /** The grade bands the run used: the pane names a grade by its English label in English. */
  grades: GradeBand[];
}

export type WorkerMessage =
  | { type: 'progress'; n: number; total: number; name: string }
  | { type: 'done'; sheets: SheetSpec[]; json: ConsolidationJson; report: ConsolidateReport; print: SheetSpec }
  | { type: 'failed'; error: Bilingual };
