/**
 * Completeness: a sheet with self-scored rows left blank is not "validated". While the
 * unit fills it in, each blank row is a SCORE_MISSING warning; the printed, signed sheet
 * needs every row scored (`print` refuses without --draft), and the pane says how many
 * are left ("còn N tiêu chí chưa chấm").
 */
import type { Answer } from './answers';
import type { CriteriaLookup } from './criteriaSet';
import type { Lang } from './format';
import { parseScore } from './numbers';
import { answersByCode, notApplicableCodes } from './validate';

export interface Unscored {
  code: string;
  /** 1-based sheet row, when known. */
  row?: number;
}

/**
 * The self-scored leaves with a blank self-score, in document order: the rows SCORE_MISSING
 * reports. Survey rows, bonus rows (blank: no bonus earned) and rows excused as "Không áp
 * dụng" need no score; a row the sheet lacks (no answer) is the comparison's to report.
 */
export function unscoredCriteria(index: CriteriaLookup, answers: readonly Answer[]): Unscored[] {
  return scoresDue(index, answers).blank;
}

/**
 * The blank rows when no row of the sheet is scored at all: a template sent back as it was
 * received, which is not a unit at 0% (nothing self-scored, nothing appraised). Empty otherwise.
 */
export function neverScored(index: CriteriaLookup, answers: readonly Answer[]): Unscored[] {
  const { due, blank } = scoresDue(index, answers);
  const appraised = answers.some((a) => !isBlank(a.appraisedScore) || !isBlank(a.finalScore));
  return due > 0 && blank.length === due && !appraised ? blank : [];
}

function isBlank(v: Answer['selfScore']): boolean {
  const s = parseScore(v);
  return !s.ok && s.reason === 'empty';
}

/** How many rows need a self-score, and those of them left blank. */
function scoresDue(index: CriteriaLookup, answers: readonly Answer[]): { due: number; blank: Unscored[] } {
  const byCode = answersByCode(answers);
  const excused = notApplicableCodes(index, byCode);
  const blank: Unscored[] = [];
  let due = 0;
  for (const n of index.nodes) {
    if (index.byCode.get(n.code) !== n || !n.isLeaf || n.scoredBy !== 'self' || n.bonus || excused.has(n.code)) continue;
    const a = byCode.get(n.code);
    if (!a) continue;
    due++;
    if (isBlank(a.selfScore)) {
      const row = a.row ?? n.node.row;
      blank.push({ code: n.code, ...(row !== undefined ? { row } : {}) });
    }
  }
  return { due, blank };
}

/** "còn 3 tiêu chí chưa chấm" / "3 criteria not scored yet"; empty when none is left. */
export function unscoredText(count: number, lang: Lang = 'vi'): string {
  if (count <= 0) return '';
  if (lang === 'en') return `${count} ${count === 1 ? 'criterion' : 'criteria'} not scored yet`;
  return `còn ${count} tiêu chí chưa chấm`;
}
