/**
 * Consolidation (tổng hợp) for Sở Nội vụ: many validated unit submissions in, one
 * ranking out. A file that cannot be used is rejected with its reasons and the others go
 * on; two files of one unit are reported and kept out of the ranking, never summed.
 */
import type { UnitLevel } from './criteria';
import { countBySeverity, finding, type Finding, type FindingCode } from './findings';
import { normalizeText } from './text';

/** One unit workbook after reading and validating it against the reference set. */
export interface Submission {
  file: string;
  /** Content hash of the file (sha256 hex), for the log. */
  hash: string;
  unit?: string;
  level?: UnitLevel;
  /** Every finding for the file: unreadable, layout, comparison with the reference, rules. */
  findings: Finding[];
  totals?: SubmissionTotals;
}

export interface SubmissionTotals {
  self: number;
  appraised?: number;
  final: number;
  applicableMax: number;
  /** final / applicableMax, percent. */
  index: number;
  byField: { code: string; name: string; final: number; applicableMax: number }[];
}

/** A grade band: a unit whose index is at least `minIndex` gets the first band it reaches. */
export interface GradeBand {
  label: string;
  labelEn: string;
  minIndex: number;
}

export interface ExpectedUnit {
  name: string;
  level: UnitLevel;
}

export interface ConsolidateOptions {
  grades: GradeBand[];
  expectedUnits?: ExpectedUnit[];
  /** The user confirmed that workbooks of another set version may be merged. */
  allowOtherVersions?: boolean;
}

/**
 * What became of a unit's file. Errors never hide behind "accepted": a file with error
 * findings is `accepted_with_errors` (ranked on its counted scores, the errors listed as
 * its reasons) or, where the error is tampering or makes the file unusable, `rejected`.
 */
export type UnitStatus = 'accepted' | 'accepted_with_warnings' | 'accepted_with_errors' | 'rejected' | 'duplicate';

/** The statuses that take part in the ranking. */
export const RANKED_STATUSES: readonly UnitStatus[] = ['accepted', 'accepted_with_warnings', 'accepted_with_errors'];

export function isRanked(row: Pick<UnitRow, 'status'>): boolean {
  return RANKED_STATUSES.includes(row.status);
}

export interface UnitRow {
  unit: string;
  level?: UnitLevel;
  file: string;
  hash: string;
  status: UnitStatus;
  self?: number;
  appraised?: number;
  final?: number;
  applicableMax?: number;
  index?: number;
  rank?: number;
  grade?: string;
  errors: number;
  warnings: number;
  /** Why a file is rejected, a duplicate or accepted with errors: the findings that decided it (for the last, its errors). */
  reasons: Finding[];
  byField?: SubmissionTotals['byField'];
}

export interface Consolidation {
  /** Accepted and duplicate units (ranked rows first, by level then rank). */
  units: UnitRow[];
  rejected: UnitRow[];
  duplicates: { unit: string; files: string[] }[];
  missing: ExpectedUnit[];
  /** One row per file in input order: the audit log (Nhật ký kiểm tra). */
  log: UnitRow[];
}

/**
 * Findings that make a file unusable for the ranking whatever else it holds: unreadable,
 * no unit, no set it is for (another level or year, criteria no set carries), tampering
 * with the reference's definitions (rows, maximums, codes, version), or a template sent
 * back never scored (not a unit at 0%).
 */
const REJECTING: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'FILE_UNREADABLE',
  'LAYOUT_NOT_FOUND',
  'MAX_POINTS_CHANGED',
  'CRITERION_MISSING',
  'CRITERION_UNEXPECTED',
  'DUPLICATE_CODE',
  'SET_VERSION_MISMATCH',
  'UNIT_UNIDENTIFIED',
  'UNIT_NOT_EXPECTED',
  'FILE_WRONG_LEVEL',
  'FILE_WRONG_YEAR',
  'SET_NOT_MATCHED',
  'UNIT_NOT_SCORED',
]);

const LEVEL_ORDER: Record<UnitLevel, number> = { so: 0, huyen: 1, xa: 2 };

export function consolidate(submissions: readonly Submission[], opts: ConsolidateOptions): Consolidation {
  const expectedByKey = new Map((opts.expectedUnits ?? []).map((u) => [unitKey(u.name), u]));
  const log: UnitRow[] = submissions.map((s) => judge(s, opts, expectedByKey));

  // Two files for one unit: report both, rank neither.
  const byUnit = new Map<string, UnitRow[]>();
  for (const row of log) {
    if (row.status === 'rejected') continue;
    const key = unitKey(row.unit);
    byUnit.set(key, [...(byUnit.get(key) ?? []), row]);
  }
  const duplicates: Consolidation['duplicates'] = [];
  for (const rows of byUnit.values()) {
    if (rows.length < 2) continue;
    const files = rows.map((r) => r.file);
    duplicates.push({ unit: rows[0].unit, files });
    for (const r of rows) {
      r.status = 'duplicate';
      r.reasons.push(finding('UNIT_DUPLICATE', { unit: r.unit, files: files.join(', ') }, { file: r.file }));
    }
  }

  const ranked = log.filter(isRanked);
  for (const level of new Set(ranked.map((r) => r.level))) {
    assignRanks(ranked.filter((r) => r.level === level));
  }
  for (const r of ranked) r.grade = gradeOf(r.index ?? 0, opts.grades);

  const received = new Set(log.filter((r) => r.status !== 'rejected').map((r) => unitKey(r.unit)));
  const missing = (opts.expectedUnits ?? []).filter((u) => !received.has(unitKey(u.name)));

  const units = log
    .filter((r) => r.status !== 'rejected')
    .sort(
      (a, b) =>
        levelRank(a.level) - levelRank(b.level) ||
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        a.unit.localeCompare(b.unit, 'vi'),
    );
  return { units, rejected: log.filter((r) => r.status === 'rejected'), duplicates, missing, log };
}

function judge(s: Submission, opts: ConsolidateOptions, expected: Map<string, ExpectedUnit>): UnitRow {
  const findings = [...s.findings];
  const unitName = s.unit?.trim();
  if (!unitName && !findings.some((f) => f.code === 'FILE_UNREADABLE' || f.code === 'LAYOUT_NOT_FOUND')) {
    findings.push(finding('UNIT_UNIDENTIFIED', { file: s.file }, { file: s.file }));
  }
  const known = unitName ? expected.get(unitKey(unitName)) : undefined;
  if (unitName && expected.size > 0 && !known) {
    findings.push(finding('UNIT_NOT_EXPECTED', { unit: unitName }, { file: s.file }));
  }
  // Another version the user agreed to merge is no longer an error of the file.
  const waived = (f: Finding) => f.code === 'SET_VERSION_MISMATCH' && opts.allowOtherVersions === true;
  const reasons = findings.filter((f) => REJECTING.has(f.code) && !waived(f));
  const counts = countBySeverity(findings);
  const errors = findings.filter((f) => f.severity === 'error' && !waived(f));
  const base: UnitRow = {
    unit: known?.name ?? unitName ?? s.file,
    level: known?.level ?? s.level,
    file: s.file,
    hash: s.hash,
    status: 'rejected',
    errors: counts.error,
    warnings: counts.warning,
    reasons,
  };
  if (reasons.length > 0 || !s.totals) return base;
  const t = s.totals;
  return {
    ...base,
    status: errors.length > 0 ? 'accepted_with_errors' : counts.error + counts.warning === 0 ? 'accepted' : 'accepted_with_warnings',
    reasons: errors,
    self: t.self,
    appraised: t.appraised,
    final: t.final,
    applicableMax: t.applicableMax,
    index: t.index,
    byField: t.byField,
  };
}

/** Competition ranking by index within one level: ties share a rank (1, 2, 2, 4). */
function assignRanks(rows: UnitRow[]): void {
  const sorted = [...rows].sort((a, b) => (b.index ?? 0) - (a.index ?? 0));
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    r.rank = prev && round2(prev.index ?? 0) === round2(r.index ?? 0) ? prev.rank : i + 1;
  });
}

export function gradeOf(index: number, grades: readonly GradeBand[]): string | undefined {
  return [...grades].sort((a, b) => b.minIndex - a.minIndex).find((g) => index >= g.minIndex)?.label;
}

/** Unit names match ignoring case, diacritics, spacing and the "UBND" prefix's spelling. */
export function unitKey(name: string): string {
  return normalizeText(name).replace(/^uy ban nhan dan /, 'ubnd ');
}

function levelRank(level: UnitLevel | undefined): number {
  return level ? LEVEL_ORDER[level] : 3;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
