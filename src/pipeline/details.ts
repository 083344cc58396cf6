/**
 * What a consolidation run tells besides the ranking: each listed unit's findings (the
 * pane shows them under the unit's row, so "accepted with warnings" says which), and what
 * became of last year's results (how many units used them, which lines were left out).
 * Bounded: the pane's worker posts it as one message.
 */
import { unitKey, type ExpectedUnit } from '../core/consolidate';
import { countBySeverity, message, sortFindings, type Severity } from '../core/findings';
import type { BaselineParse } from '../workbook/baseline';
import { baselineProblems, type Bilingual, type ConsolidateResult } from './consolidate';

/** Findings posted per unit; the rest are counted ("và M phát hiện khác"). */
export const FINDINGS_SHOWN = 10;

export interface BriefFinding {
  severity: Severity;
  sheet: string | null;
  cell: string | null;
  criterion: string | null;
  message: Bilingual;
}

export interface UnitFindings {
  file: string;
  counts: Record<Severity, number>;
  /** The first FINDINGS_SHOWN, errors first. */
  first: BriefFinding[];
  /** How many more the unit has. */
  more: number;
}

/** The findings of every ranked or duplicate unit that has any (rejected files carry their reasons instead). */
export function unitFindings(result: ConsolidateResult): UnitFindings[] {
  const out: UnitFindings[] = [];
  for (const row of result.consolidation.units) {
    const all = sortFindings(result.findings.get(row.file) ?? []);
    if (all.length === 0) continue;
    out.push({
      file: row.file,
      counts: countBySeverity(all),
      first: all.slice(0, FINDINGS_SHOWN).map((f) => ({
        severity: f.severity,
        sheet: f.sheet ?? null,
        cell: f.cell ?? null,
        criterion: f.criterion ?? null,
        message: { vi: message(f, 'vi'), en: message(f, 'en') },
      })),
      more: Math.max(0, all.length - FINDINGS_SHOWN),
    });
  }
  return out;
}

/** What became of the baseline file (last year's results). */
export interface BaselineUse {
  file: string;
  /** Units the file has scores for. */
  units: number;
  /** Consolidated units whose previous results came from the file (their own workbook had none). */
  used: number;
  /** Lines left out: unreadable, or of a unit neither expected nor consolidated, each naming the file and lines. */
  skipped: Bilingual[];
}

export function baselineUse(file: string, parse: BaselineParse, result: ConsolidateResult, expected: readonly ExpectedUnit[] = []): BaselineUse {
  const known = new Set([...expected.map((u) => u.name), ...result.consolidation.log.filter((r) => !result.unidentified.has(r.file)).map((r) => r.unit)].map(unitKey));
  const unknown = [...parse.baseline.units].filter(([key]) => !known.has(key)).map(([, u]) => u);
  return {
    file,
    units: parse.baseline.units.size,
    used: result.gaps.filter((g) => g.source === 'baseline').length,
    skipped: [
      ...baselineProblems(file, parse),
      ...unknown.map((u) => ({
        vi: `${file}:${lineRanges(u.lines)}: đơn vị "${u.unit}" không có trong danh sách đơn vị và không có tệp nào được tổng hợp, nên các dòng này không được dùng. Kiểm tra tên đơn vị trong tệp kết quả năm trước.`,
        en: `${file}:${lineRanges(u.lines)}: unit "${u.unit}" is neither on the unit list nor among the consolidated files, so these lines are not used. Check the unit's name in last year's results.`,
      })),
    ],
  };
}

/** 3, 4, 5, 9 -> "3-5, 9". */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    while (sorted[i + 1] === sorted[i] + 1) i++;
    parts.push(start === sorted[i] ? String(start) : `${start}-${sorted[i]}`);
  }
  return parts.join(', ');
}
