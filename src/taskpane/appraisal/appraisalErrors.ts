/**
 * The errors a typed appraised score would raise on its row. The first appraisal: what
 * validation says of the appraised column (not a number, negative, above the maximum),
 * and, like a self-score, a value that is not a level of the scoring method. The final
 * appraisal (thẩm định lần 2): the same rules (src/workbook/appraisal.ts). Empty means it
 * may be written.
 */
import { normalizeCode } from '../../core/criteriaSet';
import type { Finding } from '../../core/findings';
import { finalScoreErrors, levelErrors, type AppraisalScoreColumn } from '../../workbook/appraisal';
import type { WriteValue } from '../../workbook/grid';
import { validateReading } from '../../workbook/read';
import { applyChanges, type PaneModel } from '../model';

export function appraisalErrors(model: PaneModel, code: string, value: WriteValue, today: string, field: AppraisalScoreColumn = 'appraisedScore'): Finding[] {
  const { reading } = model;
  const c = normalizeCode(code);
  const entry = model.index.byCode.get(c);
  if (typeof value === 'object' && value !== null) return [];
  if (field === 'finalScore') return entry ? finalScoreErrors(entry, value, reading.sheet, reading.rowOf.get(c)) : [];
  const errors = validateReading(applyChanges(reading, [{ code: c, appraisedScore: value }]), { today }).filter(
    (f) => f.severity === 'error' && f.field === 'appraisedScore' && f.criterion !== undefined && normalizeCode(f.criterion) === c,
  );
  if (errors.length > 0 || !entry) return errors;
  return levelErrors(entry, value, 'appraisedScore', reading.sheet);
}
