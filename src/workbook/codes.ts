/**
 * Criterion codes as sheets hold them: text (`I`, `II.`, `1.1`, `1.1.1`) or numbers
 * (`1.1` typed into a cell Excel reads as a number). A number loses trailing zeros
 * (`1.10` becomes 1.1), so number codes are read against the sequence around them and
 * every reading that is not plainly the next code is reported, never guessed silently.
 */
import type { CellValue } from '../core/answers';
import { isRomanCode, romanValue } from '../core/criteriaSet';
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
    // Numbering may restart in each Roman field: a code under a new field continues nothing.
    if (isRomanCode(code)) lastChild.clear();
    else {
      const { parent, last } = split(code);
      lastChild.set(parent, last);
    }
    return code;
  });
  return { codes, findings };
}

/** The sheet's codes with each field's number in them, and how the sheet wrote the rows that changed. */
export interface FieldNumbering {
  codes: (string | undefined)[];
  /** The changed code -> the row as written, field first (`II/1` for 2.1); Roman fields read as their number (I ≡ 1) are not listed. */
  written: Map<string, string>;
}

/**
 * Codes as offices number them under Roman field rows, read as full codes: fields whose
 * criteria carry the field's number (`I, 1.1, 1.1.1 … II, 2.1`: the field is its number,
 * I ≡ 1), or numbering that restarts at 1 in each field (`I, 1, 1.1, 2 … II, 1, 2, 2.1`:
 * `1` under II is 2.1). Any other numbering (criteria numbered across fields, no Roman
 * rows, two fields with one number) is returned as it is, so a code is never guessed.
 */
export function withFieldNumbers(codes: readonly (string | undefined)[]): FieldNumbering {
  const unchanged = { codes: [...codes], written: new Map<string, string>() };
  const fields: { roman: string; value: number; codes: string[] }[] = [];
  const fieldOf = codes.map((code) => {
    if (code !== undefined && isRomanCode(code)) fields.push({ roman: code, value: romanValue(code), codes: [] });
    else if (code !== undefined) fields.at(-1)?.codes.push(code);
    return fields.at(-1);
  });
  const filled = fields.filter((f) => f.codes.length > 0);
  if (filled.length === 0 || new Set(fields.map((f) => f.value)).size < fields.length) return unchanged;
  const carried = filled.every((f) => f.codes.every((c) => c.startsWith(`${f.value}.`)));
  const restarted = !carried && filled.length >= 2 && filled.every((f) => f.codes[0] === '1');
  if (!carried && !restarted) return unchanged;
  const written = new Map<string, string>();
  const out = codes.map((code, i) => {
    const field = fieldOf[i];
    if (code === undefined || field === undefined) return code;
    if (code === field.roman) return String(field.value);
    if (carried) return code;
    const full = `${field.value}.${code}`;
    written.set(full, `${field.roman}/${code}`);
    return full;
  });
  // A full code also written above the first field would merge two rows: keep the sheet's codes.
  const above = new Set(codes.filter((c, i) => c !== undefined && fieldOf[i] === undefined));
  return out.some((c, i) => fieldOf[i] !== undefined && c !== undefined && above.has(c)) ? unchanged : { codes: out, written };
}
