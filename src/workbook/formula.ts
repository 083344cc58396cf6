/**
 * A small, pure evaluator of the formulas score sheets use: numbers, text, TRUE/FALSE,
 * same-sheet references and ranges, + - * / ^ & = <> < > <= >=, unary minus, %, and
 * SUM, SUMIF, IF, ROUND, with Excel's rules for blanks, text and errors. Anything else
 * (another sheet, another function) is "unsupported": the caller keeps the cached value,
 * never a guess. Used by the Excel stand-in to recalculate after each write as Excel
 * does in automatic mode.
 */
import { columnIndex } from './columns';

/** A cell's value as formulas see it; null is a blank cell. */
export type FormulaValue = number | string | boolean | { error: string } | null;

/** The cells a formula reads: 0-based row and column; undefined when the value cannot be known. */
export type CellLookup = (row: number, col: number) => FormulaValue | undefined;

class Unsupported extends Error {}

type Node =
  | { k: 'lit'; v: FormulaValue }
  | { k: 'ref'; row: number; col: number }
  | { k: 'range'; top: number; left: number; bottom: number; right: number }
  | { k: 'un'; op: '-' | '+' | '%'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'call'; name: string; args: Node[] };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|("(?:[^"]|"")*")|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\w(!])|([A-Za-z_][\w.]*)(?=\s*\()|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/^&=<>(),%]))/iy;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new Unsupported(text.slice(at));
    out.push(m[0].trim());
    at = TOKEN.lastIndex;
  }
  return out;
}

function cellRef(text: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text) as RegExpExecArray;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1].toUpperCase()) as number };
}

const BINARY: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5 };

function parse(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ''));
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const expect = (t: string) => {
    if (tokens[i] !== t) throw new Unsupported(`expected ${t}`);
    i++;
  };
  const primary = (): Node => {
    const t = tokens[i++];
    if (t === undefined) throw new Unsupported('end');
    // Unary minus binds tighter than ^ in Excel: -2^2 is 4.
    if (t === '-' || t === '+') return { k: 'un', op: t, a: postfix() };
    if (t === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    if (/^[\d.]/.test(t)) return { k: 'lit', v: Number(t) };
    if (t.startsWith('"')) return { k: 'lit', v: t.slice(1, -1).replace(/""/g, '"') };
    if (/^(TRUE|FALSE)$/i.test(t)) return { k: 'lit', v: t.toUpperCase() === 'TRUE' };
    if (peek() === '(' && /^[A-Za-z_]/.test(t)) {
      i++;
      const args: Node[] = [];
      if (peek() !== ')') {
        for (;;) {
          args.push(peek() === ',' || peek() === ')' ? { k: 'lit', v: null } : binary(0));
          if (peek() !== ',') break;
          i++;
        }
      }
      expect(')');
      return { k: 'call', name: t.toUpperCase(), args };
    }
    if (/^\$?[A-Za-z]{1,3}\$?\d+/.test(t)) {
      const [a, b] = t.split(':');
      const p = cellRef(a);
      if (b === undefined) return { k: 'ref', ...p };
      const q = cellRef(b);
      return { k: 'range', top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
    }
    throw new Unsupported(t);
  };
  const postfix = (): Node => {
    let e = primary();
    while (peek() === '%') {
      i++;
      e = { k: 'un', op: '%', a: e };
    }
    return e;
  };
  // Precedence climbing; every binary operator is left-associative, as in Excel.
  const binary = (min: number): Node => {
    let left = postfix();
    for (;;) {
      const op = peek();
      const p = op !== undefined ? BINARY[op] : undefined;
      if (op === undefined || p === undefined || p < min) break;
      i++;
      left = { k: 'bin', op, a: left, b: binary(p + 1) };
    }
    return left;
  };
  const e = binary(0);
  if (i !== tokens.length) throw new Unsupported(tokens[i]);
  return e;
}

// ---------------------------------------------------------------------------
// Evaluation

const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;
const err = (code: string) => ({ error: code });

class Failed extends Error {
  constructor(readonly value: { error: string }) {
    super(value.error);
  }
}

/** Excel's number coercion of a scalar: blank 0, TRUE 1, numeric text its number, else #VALUE!. */
function toNumber(v: FormulaValue): number {
  if (isError(v)) throw new Failed(v);
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  throw new Failed(err('#VALUE!'));
}

function toText(v: FormulaValue): string {
  if (isError(v)) throw new Failed(v);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'number' ? String(tidy(v)) : v;
}

function toBool(v: FormulaValue): boolean {
  if (isError(v)) throw new Failed(v);
  if (typeof v === 'string') {
    if (/^(true|false)$/i.test(v)) return v.toUpperCase() === 'TRUE';
    throw new Failed(err('#VALUE!'));
  }
  return v === null ? false : typeof v === 'boolean' ? v : v !== 0;
}

/** 15 significant digits, as Excel stores results (0.1 + 0.2 is 0.3). */
function tidy(n: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(15));
}

/** Excel's ordering for comparisons: numbers < text < booleans; text ignores case. */
function compare(a: FormulaValue, b: FormulaValue): number {
  const rank = (v: FormulaValue) => (typeof v === 'number' || v === null ? 0 : typeof v === 'string' ? 1 : 2);
  if (isError(a)) throw new Failed(a);
  if (isError(b)) throw new Failed(b);
  // A blank compares as the other side's empty value.
  const x = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
  const y = b === null ? (typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') {
    const [p, q] = [x.toLowerCase(), (y as string).toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

/** Half away from zero, as Excel's ROUND. */
function round(n: number, digits: number): number {
  const f = 10 ** Math.trunc(digits);
  return (Math.sign(n) * Math.round(Math.abs(n) * f * (1 + Number.EPSILON))) / f;
}

/** SUMIF's criterion: "<>x", ">=5", "=x", wildcards * and ?; numbers compare as numbers. */
function matcher(criterion: FormulaValue): (v: FormulaValue) => boolean {
  if (isError(criterion)) throw new Failed(criterion);
  if (typeof criterion === 'number' || typeof criterion === 'boolean') return (v) => v !== null && compare(v, criterion) === 0;
  const text = criterion ?? '';
  const m = /^(<>|<=|>=|<|>|=)?(.*)$/s.exec(text) as RegExpExecArray;
  const op = m[1] ?? '=';
  const operand = m[2];
  const numeric = operand.trim() !== '' && Number.isFinite(Number(operand));
  if (numeric) {
    const n = Number(operand);
    const test = (c: number) => (op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0);
    return (v) => (typeof v === 'number' ? test(v - n) : op === '<>');
  }
  if (op === '=' || op === '<>') {
    const pattern = new RegExp(`^${operand.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/~\*/g, '\u0001').replace(/~\?/g, '\u0002').replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\u0001/g, '\\*').replace(/\u0002/g, '\\?')}$`, 'is');
    const eq = (v: FormulaValue) => (operand === '' ? v === null || v === '' : typeof v === 'string' && pattern.test(v));
    return op === '=' ? eq : (v) => !eq(v);
  }
  return (v) => {
    if (typeof v !== 'string') return false;
    const c = compare(v, operand);
    return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  };
}

type Cells = FormulaValue[] & { width?: number };

function evaluate(node: Node, lookup: CellLookup): FormulaValue {
  const cell = (row: number, col: number): FormulaValue => {
    const v = lookup(row, col);
    if (v === undefined) throw new Unsupported(`cell ${row},${col}`);
    return v;
  };
  const range = (n: Node): Cells => {
    if (n.k === 'ref') return Object.assign([cell(n.row, n.col)], { width: 1 });
    if (n.k !== 'range') throw new Unsupported('range expected');
    const out: Cells = [];
    for (let r = n.top; r <= n.bottom; r++) for (let c = n.left; c <= n.right; c++) out.push(cell(r, c));
    out.width = n.right - n.left + 1;
    return out;
  };
  const scalar = (n: Node): FormulaValue => {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref':
        return cell(n.row, n.col);
      case 'range':
        // Implicit intersection is not modelled: a range where one value is expected.
        throw new Unsupported('range as a value');
      case 'un': {
        const v = toNumber(scalar(n.a));
        return tidy(n.op === '-' ? -v : n.op === '%' ? v / 100 : v);
      }
      case 'bin': {
        const a = scalar(n.a);
        const b = scalar(n.b);
        if (n.op === '&') return toText(a) + toText(b);
        if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) {
          const c = compare(a, b);
          return n.op === '=' ? c === 0 : n.op === '<>' ? c !== 0 : n.op === '<' ? c < 0 : n.op === '>' ? c > 0 : n.op === '<=' ? c <= 0 : c >= 0;
        }
        const x = toNumber(a);
        const y = toNumber(b);
        if (n.op === '/' && y === 0) throw new Failed(err('#DIV/0!'));
        const r = n.op === '+' ? x + y : n.op === '-' ? x - y : n.op === '*' ? x * y : n.op === '/' ? x / y : x ** y;
        if (!Number.isFinite(r)) throw new Failed(err('#NUM!'));
        return tidy(r);
      }
      case 'call':
        return call(n);
    }
  };
  const call = (n: Extract<Node, { k: 'call' }>): FormulaValue => {
    const args = n.args;
    switch (n.name) {
      case 'SUM': {
        let total = 0;
        for (const a of args) {
          if (a.k === 'ref' || a.k === 'range') {
            // In a reference SUM skips text, booleans and blanks; errors propagate.
            for (const v of range(a)) {
              if (isError(v)) throw new Failed(v);
              if (typeof v === 'number') total += v;
            }
          } else total += toNumber(scalar(a));
        }
        return tidy(total);
      }
      case 'SUMIF': {
        if (args.length < 2 || args.length > 3) throw new Failed(err('#VALUE!'));
        const where = range(args[0]);
        const test = matcher(scalar(args[1]));
        let summed = where;
        if (args.length === 3) {
          const s = args[2];
          // The sum range takes the criteria range's shape from its own top-left cell.
          const start = s.k === 'ref' ? { row: s.row, col: s.col } : s.k === 'range' ? { row: s.top, col: s.left } : undefined;
          if (!start) throw new Unsupported('SUMIF sum range');
          const rows = where.length / (where.width ?? 1);
          summed = range({ k: 'range', top: start.row, left: start.col, bottom: start.row + rows - 1, right: start.col + (where.width ?? 1) - 1 });
        }
        let total = 0;
        where.forEach((v, i) => {
          if (!test(v)) return;
          const s = summed[i];
          if (isError(s)) throw new Failed(s);
          if (typeof s === 'number') total += s;
        });
        return tidy(total);
      }
      case 'IF': {
        if (args.length < 2 || args.length > 3) throw new Failed(err('#VALUE!'));
        if (toBool(scalar(args[0]))) return blankAsZero(scalar(args[1]));
        return args.length === 3 ? blankAsZero(scalar(args[2])) : false;
      }
      case 'ROUND': {
        if (args.length !== 2) throw new Failed(err('#VALUE!'));
        return tidy(round(toNumber(scalar(args[0])), toNumber(scalar(args[1]))));
      }
      default:
        throw new Unsupported(n.name);
    }
  };
  try {
    return blankAsZero(scalar(node));
  } catch (e) {
    if (e instanceof Failed) return e.value;
    throw e;
  }
}

/** A formula that returns a blank cell shows 0. */
function blankAsZero(v: FormulaValue): FormulaValue {
  return v === null ? 0 : v;
}

const parsed = new Map<string, Node | null>();

/**
 * The value of `formula` ('=SUM(G9:G11)') over the cells `lookup` gives, or undefined
 * when the formula uses something this evaluator does not support (the caller keeps
 * the cached value).
 */
export function evaluateFormula(formula: string, lookup: CellLookup): FormulaValue | undefined {
  let node = parsed.get(formula);
  if (node === undefined) {
    try {
      node = parse(formula);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      node = null;
    }
    if (parsed.size > 2000) parsed.clear();
    parsed.set(formula, node);
  }
  if (node === null) return undefined;
  try {
    return evaluate(node, lookup);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** A sheet's cells for recalculation: the formula of a cell (if any) and its stored value. */
export interface RecalcSheet {
  formulaAt(row: number, col: number): string | undefined;
  valueAt(row: number, col: number): FormulaValue;
}

/**
 * Every formula of a sheet evaluated over the others, each once (dependencies first);
 * a formula in a cycle or using anything unsupported is left out (keep its cached value).
 */
export function recalculateSheet(sheet: RecalcSheet, formulaCells: Iterable<[number, number]>): Map<string, FormulaValue> {
  const results = new Map<string, FormulaValue | undefined>();
  const visiting = new Set<string>();
  const valueOf = (row: number, col: number): FormulaValue | undefined => {
    const f = sheet.formulaAt(row, col);
    if (f === undefined) return sheet.valueAt(row, col);
    const key = `${row},${col}`;
    if (results.has(key)) return results.get(key);
    if (visiting.has(key)) return undefined;
    visiting.add(key);
    const v = evaluateFormula(f, valueOf);
    visiting.delete(key);
    results.set(key, v);
    return v;
  };
  const out = new Map<string, FormulaValue>();
  for (const [row, col] of formulaCells) {
    const v = valueOf(row, col);
    if (v !== undefined) out.set(`${row},${col}`, v);
  }
  return out;
}
