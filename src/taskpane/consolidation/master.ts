/**
 * A master template: a workbook made for no particular unit, so its metadata names a
 * criteria set and no unit. Only such a workbook is offered as the consolidation's
 * reference; a unit's filled copy (metadata with a unit) never is. Small and free of the
 * bundled data so the pane's first chunk can import it.
 */
import type { WorkbookMetadata } from '../../workbook/metadata';

export function isMasterTemplate(meta: WorkbookMetadata | undefined): boolean {
  return meta?.setId !== undefined && (meta.unit === undefined || meta.unit.trim() === '');
}
