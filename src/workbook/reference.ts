/**
 * A unit's reading next to the reference set its workbook was made from: the sheet
 * carries codes, names, maximums and texts, but where "Không áp dụng" is allowed is
 * known only to the set. The pane and the CLI validate and total the flagged reading,
 * so the card, the validator and the totals agree on which rows may be excused.
 */
import type { CriteriaSet, CriterionNode } from '../core/criteria';
import { normalizeCode } from '../core/criteriaSet';
import { alignCodes, codeIndex } from './compare';
import type { UnitMeta, UnitReading } from './read';

/** Whether `reference` is the set the workbook names (same id; same version when the workbook records one). */
export function namesSet(meta: Pick<UnitMeta, 'setId' | 'setVersion'>, reference: Pick<CriteriaSet, 'id' | 'version'>): boolean {
  return meta.setId === reference.id && (meta.setVersion === undefined || meta.setVersion === reference.version);
}

/**
 * The reading as checked against `reference`: its set named as the reference (id and
 * version), and what only the reference knows carried onto the sheet's rows where the
 * sheet's text did not say it: where "Không áp dụng" is allowed, and which rows the survey
 * scores (a hand-made sheet without a method column does not say). Rows are matched by
 * code, or for a sheet numbered its own way by position and name (alignCodes).
 */
export function withReferenceFlags(reading: UnitReading, reference: CriteriaSet): UnitReading {
  const refByCode = codeIndex(reference);
  const alignment = alignCodes(reading.set, reference);
  const refOf = (code: string) => refByCode.get(alignment ? (alignment.codes.get(code) ?? '') : code);
  const flag = (n: CriterionNode): CriterionNode => {
    const ref = refOf(normalizeCode(n.code));
    return {
      ...n,
      ...(ref?.notApplicableAllowed === true ? { notApplicableAllowed: true } : {}),
      ...(ref?.scoredBy === 'survey' ? { scoredBy: 'survey' as const } : {}),
      ...(n.children ? { children: n.children.map(flag) } : {}),
    };
  };
  return { ...reading, set: { ...reading.set, id: reference.id, version: reference.version, fields: reading.set.fields.map(flag) } };
}
