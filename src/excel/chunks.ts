/**
 * Splits writes into requests under a byte budget. Excel on the web rejects a request
 * over 5 MB; what counts is the JSON payload, so rows are measured in UTF-8 bytes
 * (Vietnamese letters take 2-3 bytes), never counted.
 */
import type { ExcelInput } from './cells';

/** Per-request budget: under Excel on the web's 5 MB cap, leaving room for the envelope. */
export const DEFAULT_BUDGET_BYTES = 4_500_000;
/** Estimated envelope of one range write (object path, property name, address). */
const BLOCK_OVERHEAD_BYTES = 200;

export interface Piece {
  sheet: string;
  row: number;
  col: number;
  values: ExcelInput[][];
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Groups rectangular blocks into chunks whose estimated payload stays under the budget,
 * cutting a block between rows when needed. A single row larger than the budget goes
 * alone (Excel then decides; a cell holds at most 32,767 characters).
 */
export function chunkBlocks(blocks: readonly Piece[], budgetBytes: number = DEFAULT_BUDGET_BYTES): Piece[][] {
  const chunks: Piece[][] = [];
  let chunk: Piece[] = [];
  let used = 0;
  const close = () => {
    if (chunk.length > 0) chunks.push(chunk);
    chunk = [];
    used = 0;
  };
  for (const block of blocks) {
    let piece: Piece | null = null;
    block.values.forEach((rowValues, i) => {
      const rowBytes = utf8Length(JSON.stringify(rowValues)) + 1;
      const extra = piece ? rowBytes : rowBytes + BLOCK_OVERHEAD_BYTES;
      if (used > 0 && used + extra > budgetBytes) {
        close();
        piece = null;
      }
      if (!piece) {
        piece = { sheet: block.sheet, row: block.row + i, col: block.col, values: [] };
        chunk.push(piece);
        used += BLOCK_OVERHEAD_BYTES;
      }
      piece.values.push(rowValues);
      used += rowBytes;
    });
  }
  close();
  return chunks;
}
