/**
 * The administrative letterhead of a score sheet: its top-left text names the parent
 * authority ("UBND TỈNH BẮC KẠN") unless it is the national motto. The CLI's `print`
 * and the pane's "In phiếu" both take the printed issuer from here.
 */
import type { SheetGrid } from './grid';

/** The form's placeholder when no issuing body is known: what `chiso template` writes without --issuer and print shows. */
export const GENERIC_ISSUER = 'TÊN CƠ QUAN, TỔ CHỨC CHỦ QUẢN';

export function parentAuthority(sheet: Pick<SheetGrid, 'values'> | undefined): string | undefined {
  const first = sheet?.values[0]?.[0];
  return typeof first === 'string' && first.trim() !== '' && !/CỘNG HÒA/i.test(first) ? first.trim() : undefined;
}
