/**
 * Hyperlinks behind the evidence and explanation cells of a row, as the core checks them
 * (core/links.ts): a cell hyperlink (Insert > Link) or a HYPERLINK("target"; "text") formula.
 */
import { cellText, type Answer, type CellHyperlink } from '../core/answers';
import { a1, type SheetGrid } from './grid';

/** HYPERLINK's first argument when it is a literal text ("" doubles a quote). */
const HYPERLINK_FORMULA = /^=\s*HYPERLINK\s*\(\s*"((?:[^"]|"")*)"/i;

/** Sets `answer.links` from the row's evidence and explanation cells (0-based row `r`). */
export function attachHyperlinks(answer: Answer, sheet: SheetGrid, r: number, cols: { evidence?: number; explanation?: number }): void {
  const links: CellHyperlink[] = [];
  for (const field of ['evidence', 'explanation'] as const) {
    const c = cols[field];
    if (c === undefined) continue;
    const shown = cellText(sheet.values[r]?.[c] ?? null);
    const target = sheet.links?.[a1(r, c)] ?? HYPERLINK_FORMULA.exec(sheet.formulas?.[r]?.[c] ?? '')?.[1]?.replace(/""/g, '"');
    if (target !== undefined && target !== '') links.push({ field, target, shown });
  }
  if (links.length > 0) answer.links = links;
}
