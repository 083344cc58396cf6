/**
 * The print-ready score sheet of the reading the pane shows: the same builder as the
 * command line (src/workbook/print.ts), with the pane's findings deciding draft or checked.
 */
import { countBySeverity, type Finding } from '../../core/findings';
import { SCORE_SHEET, scoreSheetFromReading } from '../../workbook/print';
import type { UnitReading } from '../../workbook/read';
import type { SheetSpec } from '../../workbook/spec';

export interface PrintSheet {
  spec: SheetSpec;
  /** Error findings: above 0 the sheet is a draft marked "BẢN NHÁP - CÒN LỖI". */
  errors: number;
}

/** Vietnam time (UTC+7, no daylight saving) as `YYYY-MM-DDTHH:MM`, the stamp's clock. */
export function vietnamLocal(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

/**
 * The sheet is named "Phiếu chấm điểm", unless the score table itself has that name: the
 * table is never replaced.
 */
export function buildPrintSheet(reading: UnitReading, findings: readonly Finding[], today: string, now: Date): PrintSheet {
  const spec = scoreSheetFromReading(reading, { findings, checkedAt: vietnamLocal(now), date: today });
  const name = reading.sheet === SCORE_SHEET ? `${SCORE_SHEET} (in)` : SCORE_SHEET;
  return { spec: { ...spec, name }, errors: countBySeverity(findings).error };
}
