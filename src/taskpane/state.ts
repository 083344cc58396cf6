/**
 * The pane's state as a pure reducer: what was read, the answers typed but not yet
 * read back, the selection, the view, the save state and the one write that can be
 * undone. React only dispatches; everything here is testable without it.
 */
import type { CellValue } from '../core/answers';
import { normalizeCode } from '../core/criteriaSet';
import type { AnswerChange } from '../workbook/answers';
import type { WriteValue } from '../workbook/grid';
import { validateReading, type UnitReading } from '../workbook/read';
import type { BaselineChoice } from './baselineFile';
import type { Lang } from './i18n';
import { applyChanges, buildModel, type PaneModel } from './model';
import type { Finding } from '../core/findings';
import type { KeptRegister } from './register/registerModel';
import type { LoadResult } from './service';

export type PaneTab = 'criteria' | 'findings' | 'targets' | 'register' | 'appraisal' | 'help';

/** The outcome of the last write, shown quietly under the header. */
export type SaveState =
  | { kind: 'idle' }
  /** `at` is the local time ("14:58"), `cells` the A1 addresses written. */
  | { kind: 'saved'; at: string; cells: string[]; undone?: boolean }
  /** The changes that failed stay available for "Thử ghi lại". */
  | { kind: 'failed'; error: unknown; changes: AnswerChange[] };

/** The pane's own last write: the changes that put the previous values back. */
export interface UndoEntry {
  restore: AnswerChange[];
  cells: string[];
}

export interface PaneState {
  /** The user's language switch; until then Office's display language decides. */
  lang?: Lang;
  result?: LoadResult;
  loadError?: unknown;
  /** A failure outside writing answers (selecting a cell), shown with the write errors. */
  hostError?: unknown;
  /** Answers typed and queued, shown before the sheet is read back. */
  overlay: AnswerChange[];
  /** Bumped when the sheet changed under the card (edits, undo): the card shows the sheet afresh. */
  generation: number;
  selected?: string;
  expanded: ReadonlySet<string>;
  tab: PaneTab;
  /** "Tổng hợp" replaces the unit's form; it works without a score table in the open workbook. */
  consolidating: boolean;
  query: string;
  announcement: string;
  save: SaveState;
  undo?: UndoEntry;
  /** Last year's results chosen as a file (Targets view); the sheet's own column otherwise. */
  baseline?: BaselineChoice;
  /** The register chosen in "Đối chiếu sổ văn bản": every reading shown is checked against it. */
  register?: KeptRegister;
}

export type PaneAction =
  | { type: 'lang'; lang: Lang }
  | { type: 'loaded'; result: LoadResult; refresh?: boolean }
  | { type: 'loadFailed'; error: unknown }
  | { type: 'edited'; change: AnswerChange }
  /** A batch is in the sheet: it leaves the overlay once read back (`loaded` follows). */
  | { type: 'written'; changes: AnswerChange[]; undo: UndoEntry; at: string }
  | { type: 'writeFailed'; changes: AnswerChange[]; error: unknown }
  | { type: 'undone'; at: string; cells: string[] }
  | { type: 'hostFailed'; error: unknown }
  | { type: 'reveal'; code: string; ancestors: string[]; tab?: PaneTab }
  | { type: 'toggle'; code: string; open: boolean }
  | { type: 'tab'; tab: PaneTab }
  | { type: 'consolidating'; open: boolean }
  | { type: 'query'; text: string }
  | { type: 'announce'; text: string }
  | { type: 'baseline'; choice: BaselineChoice | undefined }
  /** Another register chosen: it replaces the last one, and its findings replace the last one's. */
  | { type: 'register'; register: KeptRegister };

export const initialState = (lang?: Lang): PaneState => ({
  ...(lang !== undefined ? { lang } : {}),
  overlay: [],
  generation: 0,
  expanded: new Set(),
  tab: 'criteria',
  consolidating: false,
  query: '',
  announcement: '',
  save: { kind: 'idle' },
});

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'lang':
      return { ...state, lang: action.lang };
    case 'loaded':
      return { ...state, result: action.result, loadError: undefined, generation: action.refresh ? state.generation + 1 : state.generation };
    case 'loadFailed':
      return { ...state, loadError: action.error };
    case 'edited':
      return { ...state, overlay: [...state.overlay, action.change] };
    case 'written':
      return {
        ...state,
        overlay: state.overlay.filter((c) => !action.changes.includes(c)),
        save: { kind: 'saved', at: action.at, cells: action.undo.cells },
        undo: action.undo.restore.length > 0 ? action.undo : state.undo,
        hostError: undefined,
      };
    case 'writeFailed':
      // The typed values stay in the card and in the overlay: nothing the user typed is lost.
      return { ...state, save: { kind: 'failed', error: action.error, changes: action.changes } };
    case 'undone':
      return { ...state, undo: undefined, save: { kind: 'saved', at: action.at, cells: action.cells, undone: true }, generation: state.generation + 1 };
    case 'hostFailed':
      return { ...state, hostError: action.error };
    case 'reveal':
      return {
        ...state,
        selected: action.code,
        expanded: new Set([...state.expanded, ...action.ancestors]),
        ...(action.tab !== undefined ? { tab: action.tab } : {}),
      };
    case 'toggle': {
      const expanded = new Set(state.expanded);
      if (action.open) expanded.add(action.code);
      else expanded.delete(action.code);
      return { ...state, expanded };
    }
    case 'tab':
      return { ...state, tab: action.tab };
    case 'consolidating':
      return { ...state, consolidating: action.open };
    case 'query':
      return { ...state, query: action.text };
    case 'announce':
      return { ...state, announcement: action.text };
    case 'baseline':
      return { ...state, baseline: action.choice };
    case 'register':
      return { ...state, register: action.register };
  }
}

/** The register's check of the reading shown: its findings on the sheet, or why the check could not take it. */
export interface RegisterShown {
  kept: KeptRegister;
  sheetFindings?: Finding[];
  error?: string;
}

/** The pane's model, with the register's check when one was chosen. */
export type ShownModel = PaneModel & { register?: RegisterShown };

/**
 * The model the pane shows: the reading with the typed answers in place, validated again,
 * and checked again against the chosen register, in memory (the register is not read
 * again): its findings on the sheet are among the model's findings, once, for the
 * "Phát hiện" tab, the tree, the header's counts and the print sheet alike.
 */
export function paneModel(result: LoadResult | undefined, overlay: readonly AnswerChange[], register?: KeptRegister): ShownModel | undefined {
  if (!result?.ok) return undefined;
  const reading = overlay.length === 0 ? result.reading : applyChanges(result.reading, overlay);
  const findings = overlay.length === 0 ? result.findings : validateReading(reading, { today: result.today, ...(result.reference ? { reference: result.reference } : {}) });
  const model = buildModel(reading, findings);
  if (!register) return model;
  try {
    const { sheetFindings, merged } = register.check(model, findings);
    return { ...buildModel(reading, merged), register: { kept: register, sheetFindings } };
  } catch (error) {
    // A register the check cannot take must not take the pane down: its view says why.
    return { ...model, register: { kept: register, error: error instanceof Error ? error.message : String(error) } };
  }
}

const CHANGE_KEYS = ['selfScore', 'declared', 'evidence', 'explanation', 'appraisedScore', 'appraisalReason', 'finalScore', 'finalReason'] as const;

function toWrite(v: CellValue | undefined): WriteValue {
  // An error value (#REF!) cannot be typed back; the blank is the honest restore.
  return v === undefined || (v !== null && typeof v === 'object') ? null : v;
}

/**
 * What puts back the cells a batch is about to change, from the reading as the sheet
 * holds it: the same codes and columns, the previous values.
 */
export function restoreOf(sheet: UnitReading, batch: readonly AnswerChange[]): AnswerChange[] {
  const byCode = new Map(sheet.answers.map((a) => [normalizeCode(a.code), a]));
  return batch.map((c) => {
    const code = normalizeCode(c.code);
    const before = byCode.get(code);
    const out: AnswerChange = { code };
    for (const key of CHANGE_KEYS) {
      if (c[key] === undefined) continue;
      const v = toWrite(before?.[key]);
      if (key === 'evidence' || key === 'explanation' || key === 'appraisalReason' || key === 'finalReason') out[key] = v === null ? '' : String(v);
      else out[key] = v;
    }
    return out;
  });
}
