/**
 * A unit's reading next to the reference set its workbook was made from: the sheet
 * carries codes, names, maximums and texts, but where "Không áp dụng" is allowed is
 * known only to the set. The pane and the CLI validate and total the flagged reading,
 * so the card, the validator and the totals agree on which rows may be excused.
 */
import type { CriteriaSet, CriterionNode } from '../core/criteria';
import { normalizeCode } from '../core/criteriaSet';
import type { UnitMeta, UnitReading } from './read';

/** Whether `reference` is the set the workbook names (same id; same version when the workbook records one). */
export function namesSet(meta: Pick<UnitMeta, 'setId' | 'setVersion'>, reference: Pick<CriteriaSet, 'id' | 'version'>): boolean {
  return meta.setId === reference.id && (meta.setVersion === undefined || meta.setVersion === reference.version);
}

/** The reading with `notApplicableAllowed` taken from the reference where the sheet's text did not say it. */
export function withReferenceFlags(reading: UnitReading, reference: CriteriaSet): UnitReading {
  const allowed = new Set<string>();
  const collect = (nodes: readonly CriterionNode[]): void => {
    for (const n of nodes) {
      if (n.notApplicableAllowed === true) allowed.add(normalizeCode(n.code));
      collect(n.children ?? []);
    }
  };
  collect(reference.fields);
  if (allowed.size === 0) return reading;
  const flag = (n: CriterionNode): CriterionNode => ({
    ...n,
    ...(allowed.has(normalizeCode(n.code)) ? { notApplicableAllowed: true } : {}),
    ...(n.children ? { children: n.children.map(flag) } : {}),
  });
  return { ...reading, set: { ...reading.set, fields: reading.set.fields.map(flag) } };
}
