/**
 * What the register view shows, without React: the open sheet (as the pane holds it,
 * typed answers included) cross-checked against the register, its findings split into
 * those on the sheet's evidence cells and those on the register's own rows, and the
 * change that cites a suggested document in a criterion's evidence cell.
 */
import { cellText } from '../../core/answers';
import { normalizeCode } from '../../core/criteriaSet';
import type { Finding, Severity } from '../../core/findings';
import { crossCheckRegister, indexRegister, mergeRegisterFindings, type RegisterIndex, type RegisterSuggestion } from '../../core/register';
import type { AnswerChange } from '../../workbook/answers';
import { cellOf, locateFinding, type UnitReading } from '../../workbook/read';
import { crossCheckReading, type ReadingRegisterCheck, type RegisterReading } from '../../workbook/register';
import type { PaneModel } from '../model';

/**
 * The register chosen in the view, kept by the pane while it is open (tabs come and go):
 * read once, never read again, checked anew in memory against every reading the pane shows.
 */
export interface KeptRegister {
  file: string;
  reading: RegisterReading;
  index: RegisterIndex;
  /**
   * The model cross-checked against this register, for the pane's findings: the check
   * alone, without the suggestions (those are for the register's view), so it stays cheap
   * on every reading and every typed answer. Here, not in the pane, so that the register
   * code stays in this view's chunk. Throws when the check cannot take the register.
   */
  check(model: PaneModel, validation: readonly Finding[]): RegisterChecked;
}

export interface RegisterChecked {
  /** The register's findings on the sheet's cells, errors first (as the view lists them). */
  sheetFindings: Finding[];
  /**
   * The validation's findings with the sheet's register findings added once (a text-based
   * EVIDENCE_KIND_MISMATCH the register settled is dropped). The register's own unreadable
   * rows name no cell of the sheet: they stay in the register's view.
   */
  merged: Finding[];
}

export function keepRegister(file: string, reading: RegisterReading): KeptRegister {
  const kept: KeptRegister = {
    file,
    reading,
    index: indexRegister(reading),
    check: (model, validation) => {
      const check = crossCheckRegister(model.index, model.reading.answers, kept.index);
      const sheetFindings = onSheetFirst(check.findings.filter(onSheet).map((f) => locateFinding(model.reading, f)));
      return { sheetFindings, merged: mergeRegisterFindings(validation, { ...check, findings: sheetFindings }) };
    },
  };
  return kept;
}

export interface RegisterView {
  check: ReadingRegisterCheck;
  /** Findings on the open sheet's cells (each has a criterion), errors first. */
  sheetFindings: Finding[];
  /** Findings on the register's own rows (unreadable numbers or dates). */
  registerFindings: Finding[];
  /** Suggestions grouped by criterion, in sheet order; best fit first within each. */
  suggestions: { code: string; name: string; cell: string | undefined; entries: RegisterSuggestion[] }[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
// Findings on register rows name no criterion.
const onSheet = (f: Finding) => f.criterion !== undefined;
/** Errors first, then by sheet row. */
const onSheetFirst = (findings: Finding[]) => findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.row ?? 0) - (b.row ?? 0));

export function registerView(model: PaneModel, kept: KeptRegister): RegisterView {
  const check = crossCheckReading(model.reading, model.index, kept.index);
  const sheetFindings = onSheetFirst(check.findings.filter(onSheet));
  const registerFindings = check.findings.filter((f) => !onSheet(f));
  const byCode = new Map<string, RegisterSuggestion[]>();
  for (const s of check.suggestions) {
    const code = normalizeCode(s.criterion);
    byCode.set(code, [...(byCode.get(code) ?? []), s]);
  }
  const order = (code: string) => model.reading.rowOf.get(code) ?? Number.MAX_SAFE_INTEGER;
  const suggestions = [...byCode.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([code, entries]) => ({
      code,
      name: model.byCode.get(code)?.name ?? '',
      cell: cellOf(model.reading, code, 'evidence'),
      entries: [...entries].sort((a, b) => b.score - a.score),
    }));
  return { check, sheetFindings, registerFindings, suggestions };
}

/** The evidence cell's text as the pane holds it ('' when blank). */
export function evidenceText(reading: UnitReading, code: string): string {
  const answer = reading.answers.find((a) => normalizeCode(a.code) === normalizeCode(code));
  return answer ? cellText(answer.evidence).trim() : '';
}

/** How a citation goes into a cell: the cell was blank, or it held text and the officer chose. */
export type CiteMode = 'blank' | 'append' | 'replace';

/** The change that writes `citation` into the criterion's evidence cell, which holds `before`; appended as a new line when asked. */
export function citeChange(code: string, before: string, citation: string, mode: CiteMode): AnswerChange {
  const text = mode === 'append' && before !== '' ? `${before}\n${citation}` : citation;
  return { code: normalizeCode(code), evidence: text };
}
