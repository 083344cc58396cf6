/**
 * The print-ready score sheet of the reading the pane shows: the same builder as the
 * command line (src/workbook/print.ts), with the pane's findings deciding draft or checked.
 * A checked sheet also records its content hash and time in the metadata sheet, so a
 * later edit is reported (CONTENT_CHANGED_SINCE_CHECK).
 */
import { localStamp } from '../../core/clock';
import type { CriteriaSet } from '../../core/criteria';
import { countBySeverity, type Finding } from '../../core/findings';
import { contentHash } from '../../workbook/contentHash';
import { METADATA_FORMAT, metadataSheetSpec } from '../../workbook/metadata';
import { isPlaceholderIssuer, SCORE_SHEET, scoreSheetFromReading } from '../../workbook/print';
import type { UnitReading } from '../../workbook/read';
import type { SheetSpec } from '../../workbook/spec';

export interface PrintSheet {
  spec: SheetSpec;
  /** Error findings: above 0 the sheet is a draft marked "BẢN NHÁP - CÒN LỖI". */
  errors: number;
  /** What to write in one action: the score sheet, then (checked only) the metadata sheet recording the check. */
  sheets: SheetSpec[];
  /**
   * Set when the letterhead prints the placeholder: where to type the parent authority. The
   * table's cell it is read from when that holds the placeholder (then print again), else
   * the printed sheet's own cell (the table's top-left cell holds something else).
   */
  letterhead?: { sheet: string; cell: string; again: boolean };
}

/**
 * The sheet is named "Phiếu chấm điểm", unless the score table itself has that name: the
 * table is never replaced.
 */
export function buildPrintSheet(reading: UnitReading, findings: readonly Finding[], today: string, now: Date, from: { issuer?: string; reference?: CriteriaSet } = {}): PrintSheet {
  const checkedAt = localStamp(now);
  // The letterhead's parent authority and the reference set, as the CLI's print passes them.
  const built = scoreSheetFromReading(reading, {
    findings,
    checkedAt,
    date: today,
    ...(from.issuer !== undefined ? { issuer: from.issuer } : {}),
    ...(from.reference ? { reference: from.reference } : {}),
  });
  const spec = { ...built, name: reading.sheet === SCORE_SHEET ? `${SCORE_SHEET} (in)` : SCORE_SHEET };
  const errors = countBySeverity(findings).error;
  // parentAuthority() reads the table's top-left cell; the printed sheet starts with the letterhead.
  const letterhead = isPlaceholderIssuer(from.issuer) ? { letterhead: from.issuer === undefined ? { sheet: spec.name, cell: 'A1', again: false } : { sheet: reading.sheet, cell: 'A1', again: true } } : {};
  if (errors > 0) return { spec, errors, sheets: [spec], ...letterhead };
  // Every key already recorded is kept: the metadata sheet is rewritten whole.
  const metadata = metadataSheetSpec({ ...(reading.metadata ?? { format: METADATA_FORMAT }), contentHash: contentHash(reading), checkedAt });
  return { spec, errors, sheets: [spec, metadata], ...letterhead };
}
