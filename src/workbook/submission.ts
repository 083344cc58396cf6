/**
 * One unit workbook, once read, as a consolidation submission: the reference set it is
 * checked against, every finding, the totals, and what the gap sheet needs. Shared by the
 * command line and the task pane's worker, which differ only in how they get the bytes.
 */
import type { CriteriaSet, UnitLevel } from '../core/criteria';
import type { CriteriaLookup } from '../core/criteriaSet';
import { unitKey, type Consolidation, type ExpectedUnit, type Submission } from '../core/consolidate';
import { neverScored, type Unscored } from '../core/completeness';
import { finding, type Finding } from '../core/findings';
import { computeTotals } from '../core/totals';
import { previousFor, type Baseline, type PreviousSource } from './baseline';
import { a1, columnLetter } from './grid';
import { alignReading, validateReading, type ReadFailure, type UnitReading } from './read';
import { asRejection, matchByContent } from './setMatch';
import { gapRows, type UnitGaps } from './summary';

export interface SubmissionContext {
  sets: readonly CriteriaSet[];
  /** indexes[i] indexes sets[i]: each set is indexed once for all files. */
  indexes: readonly CriteriaLookup[];
  /** ISO date for "dated in the future" checks. */
  today: string;
  /** The user confirmed that workbooks of another set version may be merged. */
  allowOtherVersions?: boolean;
  baseline?: Baseline;
  /** The units expected: a unit's level on the list is the level its file must be for. */
  expectedUnits?: readonly ExpectedUnit[];
}

/** A submission and, when the file was read, what its gap rows are computed from. */
export interface SubmissionResult {
  submission: Submission;
  /** Position in `sets` of the set the file was checked against. */
  setAt?: number;
  previous?: Map<string, number>;
  previousSource?: PreviousSource;
  current?: Map<string, number>;
}

/** A level as a sentence names it, in both languages. */
const LEVEL_WORDS: Record<UnitLevel, { vi: string; en: string }> = {
  so: { vi: 'sở, ban, ngành', en: 'a provincial department' },
  huyen: { vi: 'UBND cấp huyện', en: 'a district People’s Committee' },
  xa: { vi: 'UBND cấp xã', en: 'a commune People’s Committee' },
};

function wrongLevel(found: UnitLevel, expected: readonly UnitLevel[], file: string | undefined): Finding {
  const params = {
    found: LEVEL_WORDS[found].vi,
    foundEn: LEVEL_WORDS[found].en,
    expected: expected.map((l) => LEVEL_WORDS[l].vi).join(' hoặc '),
    expectedEn: expected.map((l) => LEVEL_WORDS[l].en).join(' or '),
  };
  return finding('FILE_WRONG_LEVEL', params, { ...(file !== undefined ? { file } : {}), field: 'file' });
}

export interface Route {
  reference?: CriteriaSet;
  level?: UnitLevel;
  /** Why no set applies, as the one reason that rejects the file. */
  reason?: Finding;
}

/**
 * The set a workbook is checked against: the one it names (by id); else the one for its
 * level and year, or the only one when its level is unknown; else, for a workbook naming
 * no set (made by hand) with several sets left, the one whose criteria it carries
 * (matchByContent, as the pane decides). A workbook for a level (its own, or the unit's on
 * the list) or a year no set covers, or of criteria no set fits, gets one reason,
 * FILE_WRONG_LEVEL, FILE_WRONG_YEAR or SET_NOT_MATCHED, instead of a list of differences.
 */
export function routeReading(reading: UnitReading, sets: readonly CriteriaSet[], expectedLevel?: UnitLevel): Route {
  const own = reading.meta.level;
  if (own && expectedLevel && own !== expectedLevel) return { level: expectedLevel, reason: wrongLevel(own, [expectedLevel], reading.file) };
  const level = own ?? expectedLevel;
  const id = reading.meta.setId;
  const named = id !== undefined ? sets.find((s) => s.id === id) : undefined;
  const at = level ? { level } : {};
  if (named) return { reference: named, ...at };
  if (!level && sets.length === 1) return { reference: sets[0] };
  // A workbook naming a set not at hand: SET_VERSION_MISMATCH says which, its content is not matched.
  if (!level && id !== undefined) return {};
  const forLevel = level ? sets.filter((s) => s.levels.includes(level)) : sets;
  if (forLevel.length === 0) return level && sets.length > 0 ? { ...at, reason: wrongLevel(level, [...new Set(sets.flatMap((s) => s.levels))], reading.file) } : at;
  const year = reading.meta.year;
  const forYear = year !== undefined ? forLevel.filter((s) => s.year === year) : forLevel;
  const file = reading.file !== undefined ? { file: reading.file } : {};
  if (forYear.length === 0) {
    return { ...at, reason: finding('FILE_WRONG_YEAR', { found: String(year), expected: [...new Set(forLevel.map((s) => s.year))].join(', ') }, { ...file, field: 'file' }) };
  }
  if (forYear.length === 1) return { reference: forYear[0], ...at };
  if (id !== undefined) return at;
  const match = matchByContent(reading, forYear, level);
  if (match.set) return { reference: match.set, ...at };
  return match.finding ? { ...at, reason: { ...match.finding, ...file } } : at;
}

export function submissionOf(file: string, hash: string, reading: UnitReading | ReadFailure, ctx: SubmissionContext): SubmissionResult {
  if (!reading.ok) return { submission: { file, hash, findings: reading.findings } };
  const unit = reading.meta.unit;
  const expectedLevel = unit !== undefined ? ctx.expectedUnits?.find((u) => unitKey(u.name) === unitKey(unit))?.level : undefined;
  const route = routeReading({ ...reading, file }, ctx.sets, expectedLevel);
  const reference = route.reference;
  const level = route.level ?? (reference?.levels.length === 1 ? reference.levels[0] : undefined);
  const base = { file, hash, ...(unit ? { unit } : {}), ...(level ? { level } : {}) };
  // Unmatched criteria leave the file out of the consolidation: the reason says so.
  if (route.reason) return { submission: { ...base, findings: [route.reason.code === 'SET_NOT_MATCHED' ? asRejection(route.reason) : route.reason] } };
  if (!reference) {
    const expected = ctx.sets.map((s) => `${s.id} v${s.version}`).join(', ');
    const f = finding('SET_VERSION_MISMATCH', { found: reading.meta.setId ?? '?', expected }, { file, field: 'set' });
    return { submission: { ...base, findings: [...reading.findings, f] } };
  }
  // Once the user confirmed other set versions, the mismatch is a warning: the file is used.
  const findings = validateReading(reading, { reference, today: ctx.today }).map((f) =>
    f.code === 'SET_VERSION_MISMATCH' && ctx.allowOtherVersions ? { ...f, severity: 'warning' as const } : f,
  );
  const setAt = ctx.sets.indexOf(reference);
  // Scores in the reference's numbering, as the findings are (a sheet numbered its own way).
  const answers = alignReading(reading, reference).reading.answers;
  const blank = neverScored(ctx.indexes[setAt], answers);
  if (blank.length > 0) findings.push(notScored(reading, file, blank));
  const totals = computeTotals(ctx.indexes[setAt], answers);
  const current = new Map<string, number>();
  for (const [code, t] of totals.byCode) if (t.final !== undefined) current.set(code, t.final);
  const previous = previousFor(reading.meta.unit ?? file, answers, ctx.baseline);
  return {
    submission: {
      ...base,
      findings,
      totals: {
        self: totals.self,
        ...(totals.appraised !== undefined ? { appraised: totals.appraised } : {}),
        final: totals.final,
        applicableMax: totals.applicableMax,
        index: totals.index,
        byField: totals.byField.map((f) => ({ code: f.code, name: f.name, final: f.final, applicableMax: f.applicableMax })),
      },
    },
    setAt,
    previous: previous.scores,
    previousSource: previous.source,
    current,
  };
}

/** UNIT_NOT_SCORED: the sheet, the self-score column and the rows left blank, the first blank cell located. */
function notScored(reading: UnitReading, file: string, blank: readonly Unscored[]): Finding {
  const rows = blank.flatMap((b) => (b.row !== undefined ? [b.row] : []));
  const col = reading.layout.columns.selfScore;
  const first = Math.min(...rows);
  const params = { count: blank.length, sheet: reading.sheet, column: col !== undefined ? columnLetter(col) : '?', first: String(first), last: String(Math.max(...rows)) };
  return finding('UNIT_NOT_SCORED', params, { file, sheet: reading.sheet, field: 'selfScore', row: first, ...(col !== undefined ? { cell: a1(first - 1, col) } : {}) });
}

/** The gap rows of every consolidated unit that was read (duplicates left out), in the consolidation's order. */
export function gapsOf(c: Consolidation, results: readonly SubmissionResult[], indexes: readonly CriteriaLookup[]): UnitGaps[] {
  const byFile = new Map(results.map((r) => [r.submission.file, r]));
  const gaps: UnitGaps[] = [];
  for (const row of c.units) {
    const r = byFile.get(row.file);
    if (row.status === 'duplicate' || r?.setAt === undefined || !r.current) continue;
    gaps.push({
      unit: row.unit,
      ...(row.level ? { level: row.level } : {}),
      file: row.file,
      source: r.previousSource ?? 'none',
      rows: gapRows(indexes[r.setAt], r.previous ?? new Map(), r.current),
    });
  }
  return gaps;
}
