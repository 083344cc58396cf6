/**
 * The errors a typed appraised score would raise on its row: what validation says of the
 * appraised column (not a number, negative, above the maximum), and, like a self-score,
 * a value that is not a level of the scoring method. Empty means it may be written.
 */
import { normalizeCode } from '../../core/criteriaSet';
import { finding, type Finding } from '../../core/findings';
import { describeAllowed, isAllowedScore } from '../../core/method';
import { formatNumber } from '../../core/format';
import type { WriteValue } from '../../workbook/grid';
import { validateReading } from '../../workbook/read';
import { applyChanges, type PaneModel } from '../model';

export function appraisalErrors(model: PaneModel, code: string, value: WriteValue, today: string): Finding[] {
  const { reading } = model;
  const c = normalizeCode(code);
  const errors = validateReading(applyChanges(reading, [{ code: c, appraisedScore: value }]), { today }).filter(
    (f) => f.severity === 'error' && f.field === 'appraisedScore' && f.criterion !== undefined && normalizeCode(f.criterion) === c,
  );
  if (errors.length > 0 || typeof value !== 'number') return errors;
  const allowed = model.index.byCode.get(c)?.method.allowed;
  if (!allowed || isAllowedScore(allowed, value)) return [];
  const at = { criterion: c, field: 'appraisedScore' as const, sheet: reading.sheet };
  return [
    finding('APPRAISED_INVALID', {
      value: formatNumber(value),
      reason: `không thuộc các mức điểm của cách tính điểm (${describeAllowed(allowed, 'vi')})`,
      reasonEn: `not a level of the scoring method (${describeAllowed(allowed, 'en')})`,
    }, at),
  ];
}
