/**
 * Criterion codes as sheets hold them: text (`I`, `II.`, `1.1`, `1.1.1`) or numbers
 * (`1.1` typed into a cell Excel reads as a number). A number loses trailing zeros
 * (`1.10` becomes 1.1), so number codes are read against the sequence around them and
 * every reading that is not plainly the next code is reported, never guessed silently.
 */
import type { CellValue } from '../core/answers';
import { isRomanCode } from '../core/criteriaSet';
import { finding, type Finding } from '../core/findings';

/** A text code in canonical form: `' II. '` -> `'II'`, `'1,1'` -> `'1.1'`, `'01.2'` -> `'1.2'`. */
export function parseCodeText(text: string): string | undefined {
  const t = text.normalize('NFC').replace(/[\s\u00a0]+/g, '').replace(/,/g, '.').replace(/\.+$/, '');
  if (isRomanCode(t)) return t;
  if (!/^\d{1,3}(\.\d{1,3}){0,5}$/.test(t)) return undefined;
  const segments = t.split('.').map(Number);
  return segments.every((n) => n > 0) ? segments.join('.') : undefined;
}

/** What a code cell holds: a code, or two readings of a number (`1.1` or `1.10`). */
export type CodeToken =
  | { kind: 'code'; code: string }
  | { kind: 'number'; typed: number; literal: string; padded: string };

export function parseCodeCell(v: CellValue | undefined): CodeToken | undefined {
  if (typeof v === 'string') {
    const code = parseCodeText(v);
    return code === undefined ? undefined : { kind: 'code', code };
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v >= 1000) return undefined;
  // Excel stores 1.1 as the nearest double; six decimals recover what was typed.
  const text = String(Math.round(v * 1e6) / 1e6);
  const code = parseCodeText(text);
  if (code === undefined) return undefined;
  const fraction = text.split('.')[1];
  // Only a one-digit fraction can hide a dropped zero: codes below 100 per level.
  if (fraction === undefined || fraction.length !== 1) return { kind: 'code', code };
  return { kind: 'number', typed: v, literal: code, padded: `${code}0` };
}

export interface CodeCell {
  /** 1-based sheet row. */
  row: number;
  value: CellValue | undefined;
}

/** The last number of a dotted code and the code above it: `1.10` -> { parent: '1', last: 10 }. */
function split(code: string): { parent: string; last: number } {
  const cut = code.lastIndexOf('.');
  return { parent: code.slice(0, Math.max(cut, 0)), last: Number(code.slice(cut + 1)) };
}

/**
 * The code of each cell (undefined where a row has none) and a CODE_AMBIGUOUS warning
 * for each number whose literal reading is not the next code of its parent. When the
 * padded reading is the next code (1.1 after 1.9), it is used and the warning says so
 * (params.chosen, params.certain = 'yes'); otherwise the literal reading is kept
 * (certain = 'no').
 */
export function resolveCodes(cells: readonly CodeCell[]): { codes: (string | undefined)[]; findings: Finding[] } {
  const lastChild = new Map<string, number>();
  const findings: Finding[] = [];
  const codes = cells.map(({ row, value }) => {
    const token = parseCodeCell(value);
    if (token === undefined) return undefined;
    let code: string;
    if (token.kind === 'code') code = token.code;
    else {
      const { parent, last } = split(token.literal);
      const expected = (lastChild.get(parent) ?? 0) + 1;
      const paddedFits = split(token.padded).last === expected;
      code = last !== expected && paddedFits ? token.padded : token.literal;
      if (last !== expected) {
        findings.push(
          finding(
            'CODE_AMBIGUOUS',
            {
              row,
              typed: token.typed,
              candidates: `${token.literal} / ${token.padded}`,
              chosen: code,
              certain: paddedFits ? 'yes' : 'no',
            },
            { row, field: 'code', criterion: code },
          ),
        );
      }
    }
    if (!isRomanCode(code)) {
      const { parent, last } = split(code);
      lastChild.set(parent, last);
    }
    return code;
  });
  return { codes, findings };
}
