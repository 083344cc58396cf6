/**
 * One unit workbook, once read, as a consolidation submission: the reference set it is
 * checked against, every finding, the totals, and what the gap sheet needs. Shared by the
 * command line and the task pane's worker, which differ only in how they get the bytes.
 */
import type { CriteriaSet } from '../core/criteria';
import type { CriteriaIndex } from '../core/criteriaSet';
import type { Consolidation, Submission } from '../core/consolidate';
import { finding } from '../core/findings';
import { computeTotals } from '../core/totals';
import { previousFor, type Baseline, type PreviousSource } from './baseline';
import { alignReading, validateReading, type ReadFailure, type UnitReading } from './read';
import { gapRows, type UnitGaps } from './summary';

export interface SubmissionContext {
  sets: readonly CriteriaSet[];
  /** indexes[i] indexes sets[i]: each set is indexed once for all files. */
  indexes: readonly CriteriaIndex[];
  /** ISO date for "dated in the future" checks. */
  today: string;
  /** The user confirmed that workbooks of another set version may be merged. */
  allowOtherVersions?: boolean;
  baseline?: Baseline;
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

/** The set the workbook names (by id), else the one for its level, else the only one. */
export function pickReference(reading: UnitReading, sets: readonly CriteriaSet[]): CriteriaSet | undefined {
  const id = reading.meta.setId;
  const named = id !== undefined ? sets.find((s) => s.id === id) : undefined;
  if (named) return named;
  const level = reading.meta.level;
  const forLevel = level ? sets.filter((s) => s.levels.includes(level)) : [];
  if (forLevel.length === 1) return forLevel[0];
  return sets.length === 1 ? sets[0] : undefined;
}

export function submissionOf(file: string, hash: string, reading: UnitReading | ReadFailure, ctx: SubmissionContext): SubmissionResult {
  if (!reading.ok) return { submission: { file, hash, findings: reading.findings } };
  const reference = pickReference(reading, ctx.sets);
  const level = reading.meta.level ?? (reference?.levels.length === 1 ? reference.levels[0] : undefined);
  const base = { file, hash, ...(reading.meta.unit ? { unit: reading.meta.unit } : {}), ...(level ? { level } : {}) };
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

/** The gap rows of every consolidated unit that was read (duplicates left out), in the consolidation's order. */
export function gapsOf(c: Consolidation, results: readonly SubmissionResult[], indexes: readonly CriteriaIndex[]): UnitGaps[] {
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
