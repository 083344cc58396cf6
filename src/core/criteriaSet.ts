/**
 * Criteria sets as data: a structural check of a set read from JSON, an index of the
 * tree for the rules, and the code helpers (`I`, `1`, `1.1`, `1.1.1`).
 */
import { UNIT_LEVELS, type CriteriaSet, type CriterionNode, type UnitLevel } from './criteria';
import { kindsNamedIn, type DocumentKind } from './documentKinds';
import { finding, type Finding } from './findings';
import { parseMethod } from './method';
import type { ParsedMethod } from './method';

// ---------------------------------------------------------------------------
// Codes

const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ARABIC = /^[1-9]\d*(\.[1-9]\d*)*$/;
/** No whitespace anywhere and no dot at the end: a code `normalizeCode` returns as it is. */
const CLEAN_CODE = /^[^\s\u00a0]*[^\s\u00a0.]$/;

/** `' I. '` -> `'I'`, `'1.1.'` -> `'1.1'`, `2` -> `'2'`: codes as sheets and files write them. */
export function normalizeCode(raw: string | number): string {
  // Most codes are written clean (`1.2.3`, `II`): nothing to replace or trim.
  if (typeof raw === 'string' && CLEAN_CODE.test(raw)) return raw;
  const s = String(raw).replace(/[\s\u00a0]+/g, ' ').trim();
  return s.replace(/\s*\.+$/, '');
}

/** A Roman numeral (`I`, `IV`) or dotted arabic numbers without leading zeros (`1`, `1.10.2`). */
export function isWellFormedCode(code: string): boolean {
  return isRoman(code) || ARABIC.test(code);
}

export function isRomanCode(code: string): boolean {
  return isRoman(code);
}

function isRoman(s: string): boolean {
  return s.length > 0 && ROMAN.test(s);
}

/**
 * The parent a code names by itself: `1.1.2` -> `1.1`, `1.1` -> `1`; `1` and `I` name
 * none. Under a Roman field the criteria `1`, `2` belong to it by document order only,
 * which the tree (JSON nesting, or the sheet reader) supplies, not the code.
 */
export function parentCodeOf(code: string): string | undefined {
  if (!ARABIC.test(code)) return undefined;
  const cut = code.lastIndexOf('.');
  return cut < 0 ? undefined : code.slice(0, cut);
}

/** Order of codes as a table lists them: `1.2` < `1.10`, `I` < `II` < `IX`, arabic before Roman. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [ka, va] = segmentKey(pa[i]);
    const [kb, vb] = segmentKey(pb[i]);
    const d = ka - kb || va - vb || pa[i].localeCompare(pb[i]);
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

/** [kind, value]: arabic numbers, then Roman numerals, then anything else (compared as text). */
function segmentKey(s: string): [number, number] {
  if (/^\d+$/.test(s)) return [0, Number(s)];
  if (isRoman(s)) return [1, romanValue(s)];
  return [2, 0];
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** `IV` -> 4; the caller has checked the numeral (isRomanCode). */
export function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_DIGITS[s[i]];
    const next = ROMAN_DIGITS[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

// ---------------------------------------------------------------------------
// Structural check of a criteria-set JSON (kept in step with data/schema/criteria-set.schema.json)

/** A structural problem, in Vietnamese and English (the finding's `problem` and `problemEn`). */
interface Problem {
  vi: string;
  en: string;
}

const LEVEL_LIST = UNIT_LEVELS.join(', ');

const PROBLEM = {
  string: { vi: 'phải là chuỗi văn bản', en: 'must be a text' },
  blank: { vi: 'không được để trống', en: 'must not be blank' },
  boolean: { vi: 'phải là true hoặc false', en: 'must be true or false' },
  year: { vi: 'phải là số nguyên chỉ năm (ví dụ 2024)', en: 'must be an integer year (e.g. 2024)' },
  date: { vi: 'phải là ngày dạng YYYY-MM-DD (ví dụ 2024-01-01)', en: 'must be a date written YYYY-MM-DD (e.g. 2024-01-01)' },
  number: { vi: 'phải là số', en: 'must be a number' },
  negative: { vi: 'không được là số âm', en: 'must not be negative' },
  row: { vi: 'phải là số nguyên dương (số dòng)', en: 'must be a positive integer (a row number)' },
  scoredBy: { vi: 'phải là "self" hoặc "survey"', en: 'must be "self" or "survey"' },
  levels: { vi: `phải là danh sách khác rỗng gồm ${LEVEL_LIST}`, en: `must be a non-empty list of ${LEVEL_LIST}` },
  level: { vi: `phải là một trong ${LEVEL_LIST}`, en: `must be one of ${LEVEL_LIST}` },
  levelRepeated: { vi: 'có cấp đơn vị bị lặp', en: 'repeats a unit level' },
  days: { vi: 'phải là số nguyên ngày từ 0 đến 366', en: 'must be a whole number of days from 0 to 366' },
  periodReversed: { vi: 'ngày bắt đầu (from) sau ngày kết thúc (to)', en: 'the start (from) is after the end (to)' },
  nodes: { vi: 'phải là danh sách khác rỗng các tiêu chí', en: 'must be a non-empty list of criteria' },
  object: { vi: 'phải là một đối tượng JSON { ... }', en: 'must be a JSON object { ... }' },
  required: { vi: 'thiếu trường bắt buộc', en: 'a required property is missing' },
  unknown: { vi: 'trường không được hỗ trợ (kiểm tra chính tả)', en: 'not a supported property (check the spelling)' },
} as const satisfies Record<string, Problem>;

type Check = (v: unknown) => Problem | undefined;

const isString: Check = (v) => (typeof v === 'string' ? undefined : PROBLEM.string);
const nonEmptyString: Check = (v) => (typeof v !== 'string' ? PROBLEM.string : v.trim() === '' ? PROBLEM.blank : undefined);
const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : PROBLEM.boolean);
const isYear: Check = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100 ? undefined : PROBLEM.year);
const isIsoDate: Check = (v) => (typeof v === 'string' && validIsoDate(v) ? undefined : PROBLEM.date);
const isMaxPoints: Check = (v) =>
  typeof v !== 'number' || !Number.isFinite(v) ? PROBLEM.number : v < 0 ? PROBLEM.negative : undefined;
const isRow: Check = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? undefined : PROBLEM.row);
const isDays: Check = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 366 ? undefined : PROBLEM.days);
const isScoredBy: Check = (v) => (v === 'self' || v === 'survey' ? undefined : PROBLEM.scoredBy);

function validIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

type Bad = (path: string, problem: Problem) => void;

interface PropSpec {
  required: boolean;
  check: Check;
}

/** The properties a set file may carry; `$schema` lets editors find the JSON Schema. */
export const SET_PROPERTIES: Record<string, PropSpec> = {
  $schema: { required: false, check: isString },
  id: { required: true, check: nonEmptyString },
  title: { required: true, check: nonEmptyString },
  year: { required: true, check: isYear },
  levels: { required: true, check: () => undefined }, // checked item by item below
  version: { required: true, check: nonEmptyString },
  source: { required: true, check: nonEmptyString },
  period: { required: true, check: () => undefined }, // checked below
  sample: { required: false, check: isBoolean },
  note: { required: false, check: isString },
  evidenceWindow: { required: false, check: () => undefined }, // checked below
  fields: { required: true, check: () => undefined }, // checked below
};

export const PERIOD_PROPERTIES: Record<string, PropSpec> = {
  from: { required: true, check: isIsoDate },
  to: { required: true, check: isIsoDate },
};

export const WINDOW_PROPERTIES: Record<string, PropSpec> = {
  daysBefore: { required: false, check: isDays },
  daysAfter: { required: false, check: isDays },
};

export const NODE_PROPERTIES: Record<string, PropSpec> = {
  code: { required: true, check: nonEmptyString },
  name: { required: true, check: nonEmptyString },
  maxPoints: { required: true, check: isMaxPoints },
  method: { required: false, check: isString },
  evidence: { required: false, check: isString },
  scoredBy: { required: false, check: isScoredBy },
  notApplicableAllowed: { required: false, check: isBoolean },
  bonus: { required: false, check: isBoolean },
  children: { required: false, check: () => undefined }, // checked below
  evidenceWindow: { required: false, check: () => undefined }, // checked below
  row: { required: false, check: isRow },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a parsed JSON value against the criteria-set format. Every problem is a
 * SET_INVALID finding with its JSON path; the set is returned only when there is none.
 */
export function checkCriteriaSet(json: unknown): { set?: CriteriaSet; findings: Finding[] } {
  const findings: Finding[] = [];
  const bad: Bad = (path, problem) =>
    findings.push(finding('SET_INVALID', { path, problem: problem.vi, problemEn: problem.en }, { field: 'set' }));

  if (!checkObject(json, '$', SET_PROPERTIES, bad)) return { findings };
  const obj = json as Record<string, unknown>;

  if ('levels' in obj) {
    const levels = obj.levels;
    if (!Array.isArray(levels) || levels.length === 0) bad('levels', PROBLEM.levels);
    else {
      levels.forEach((l, i) => {
        if (!UNIT_LEVELS.includes(l as UnitLevel)) bad(`levels[${i}]`, PROBLEM.level);
      });
      if (new Set(levels).size !== levels.length) bad('levels', PROBLEM.levelRepeated);
    }
  }
  if ('period' in obj && checkObject(obj.period, 'period', PERIOD_PROPERTIES, bad)) {
    const p = obj.period as Record<string, unknown>;
    if (typeof p.from === 'string' && typeof p.to === 'string' && validIsoDate(p.from) && validIsoDate(p.to) && p.from > p.to) {
      bad('period', PROBLEM.periodReversed);
    }
  }
  if ('evidenceWindow' in obj) checkObject(obj.evidenceWindow, 'evidenceWindow', WINDOW_PROPERTIES, bad);
  if ('fields' in obj) checkNodes(obj.fields, 'fields', bad);

  return findings.length === 0 ? { set: json as unknown as CriteriaSet, findings } : { findings };
}

function checkNodes(v: unknown, path: string, bad: Bad): void {
  if (!Array.isArray(v) || v.length === 0) {
    bad(path, PROBLEM.nodes);
    return;
  }
  v.forEach((node, i) => {
    const at = `${path}[${i}]`;
    if (!checkObject(node, at, NODE_PROPERTIES, bad)) return;
    const obj = node as Record<string, unknown>;
    if ('evidenceWindow' in obj) checkObject(obj.evidenceWindow, `${at}.evidenceWindow`, WINDOW_PROPERTIES, bad);
    if ('children' in obj) checkNodes(obj.children, `${at}.children`, bad);
  });
}

/** Required, known and well-typed properties of one object; false when it is not an object. */
function checkObject(
  v: unknown,
  path: string,
  props: Record<string, PropSpec>,
  bad: Bad,
): boolean {
  if (!isObject(v)) {
    bad(path, PROBLEM.object);
    return false;
  }
  const prefix = path === '$' ? '' : `${path}.`;
  for (const [name, spec] of Object.entries(props)) {
    if (!(name in v)) {
      if (spec.required) bad(`${prefix}${name}`, PROBLEM.required);
      continue;
    }
    const problem = spec.check(v[name]);
    if (problem) bad(`${prefix}${name}`, problem);
  }
  for (const name of Object.keys(v)) {
    if (!(name in props)) bad(`${prefix}${name}`, PROBLEM.unknown);
  }
  return true;
}

// ---------------------------------------------------------------------------
// Index

export type CriterionLevel = 'field' | 'criterion' | 'subcriterion';

export interface CriterionEntry {
  node: CriterionNode;
  /** Normalised code. */
  code: string;
  parent?: string;
  /** The children's normalised codes, in document order. */
  children: string[];
  /** The children's entries (childrenOf), made once with the lookup: the score checks ask for them several times per row. */
  childEntries: CriterionEntry[];
  /** The first node of its code (the one `byCode` holds): a repeated code is the linter's finding, checked once. */
  first: boolean;
  /** Where the entry is in the lookup's `nodes`. */
  position: number;
  /** 0 for a field, 1 for a criterion, 2 and more for sub-criteria. */
  depth: number;
  level: CriterionLevel;
  fieldCode: string;
  isLeaf: boolean;
  scoredBy: 'self' | 'survey';
  /** True for a bonus node (Điểm cộng) or any node below one. */
  bonus: boolean;
  method: ParsedMethod;
  requiredKinds: DocumentKind[];
}

export interface CriteriaLookup {
  set: CriteriaSet;
  /** Every node in document order (a duplicated code appears more than once). */
  nodes: CriterionEntry[];
  /** First node of each code. */
  byCode: Map<string, CriterionEntry>;
  /** Each node of the set's tree: walking by node is safe even when codes repeat. */
  byNode: Map<CriterionNode, CriterionEntry>;
  /** Findings from parsing the scoring methods of leaves. */
  findings: Finding[];
  /** The entries whose node may be declared "Không áp dụng", in document order. */
  notApplicableAllowed: CriterionEntry[];
}

const LEVELS: CriterionLevel[] = ['field', 'criterion', 'subcriterion'];

/** Walks the tree once: parents, depths, parsed methods and required document kinds. */
export function lookupCriteria(set: CriteriaSet): CriteriaLookup {
  const nodes: CriterionEntry[] = [];
  const byCode = new Map<string, CriterionEntry>();
  const byNode = new Map<CriterionNode, CriterionEntry>();
  const findings: Finding[] = [];

  const visit = (node: CriterionNode, depth: number, parent: CriterionEntry | undefined): CriterionEntry => {
    const code = normalizeCode(node.code);
    const kids = node.children ?? [];
    const isLeaf = kids.length === 0;
    const parsed = parseMethod(node.method, node.maxPoints, code);
    // A parent's score is the sum of its children, so only leaves' methods matter.
    if (isLeaf) {
      for (const f of parsed.findings) findings.push(node.row !== undefined && f.row === undefined ? { ...f, row: node.row } : f);
    }
    const entry: CriterionEntry = {
      node,
      code,
      parent: parent?.code,
      children: [],
      childEntries: [],
      first: !byCode.has(code),
      position: nodes.length,
      depth,
      level: LEVELS[Math.min(depth, 2)],
      fieldCode: parent ? parent.fieldCode : code,
      isLeaf,
      scoredBy: node.scoredBy === 'survey' || parsed.method.kind === 'survey' ? 'survey' : 'self',
      bonus: node.bonus === true || (parent?.bonus ?? false),
      method: parsed.method,
      requiredKinds: kindsNamedIn(node.evidence ?? ''),
    };
    nodes.push(entry);
    byNode.set(node, entry);
    if (entry.first) byCode.set(code, entry);
    for (const child of kids) {
      const c = visit(child, depth + 1, entry);
      entry.children.push(c.code);
      entry.childEntries.push(c);
    }
    return entry;
  };

  for (const field of set.fields) visit(field, 0, undefined);
  return { set, nodes, byCode, byNode, findings, notApplicableAllowed: nodes.filter((n) => n.node.notApplicableAllowed === true) };
}

/** The indexed fields (top-level nodes), in document order. */
export function fieldsOf(index: CriteriaLookup): CriterionEntry[] {
  return index.set.fields.map((f) => index.byNode.get(f)!);
}

/**
 * A set's tree walked once, in document order: what the checks of one validation share
 * (alignment, rules, comparison) instead of each walking it and normalising its codes again.
 */
export interface SheetIndex {
  set: CriteriaSet;
  /** Every node in document order (flattenSet). */
  nodes: CriterionNode[];
  /** `codes[i]`: the normalised code of `nodes[i]`. */
  codes: string[];
  /** `parents[i]`: the normalised code of `nodes[i]`'s parent; undefined for a field. */
  parents: (string | undefined)[];
}

export function indexSheet(set: CriteriaSet): SheetIndex {
  const out: SheetIndex = { set, nodes: [], codes: [], parents: [] };
  for (const field of set.fields) indexNode(field, undefined, out);
  return out;
}

// Module-level, not a closure: it runs over every row of each sheet validated.
function indexNode(n: CriterionNode, parent: string | undefined, out: SheetIndex): void {
  const code = normalizeCode(n.code);
  out.nodes.push(n);
  out.codes.push(code);
  out.parents.push(parent);
  if (n.children) for (const child of n.children) indexNode(child, code, out);
}

/** Normalised code -> 1-based sheet row, the first row of each code of a set read from a sheet. */
export function sheetRows(sheet: SheetIndex): Map<string, number> {
  const rows = new Map<string, number>();
  for (let i = 0; i < sheet.nodes.length; i++) {
    const row = sheet.nodes[i].row;
    if (row !== undefined && !rows.has(sheet.codes[i])) rows.set(sheet.codes[i], row);
  }
  return rows;
}

/**
 * The reference set carrying the sheet's rows: the rules a unit's sheet is checked by when
 * a reference is at hand (survey rows, levels, "Không áp dụng" permissions, evidence
 * requirements, maximums), whatever columns the sheet has. A reference row the sheet lacks
 * has no row. Codes are matched as normalised.
 */
export function withSheetRows(reference: CriteriaSet, sheet: SheetIndex): CriteriaSet {
  const rows = sheetRows(sheet);
  const place = (n: CriterionNode): CriterionNode => {
    const out: CriterionNode = { ...n, ...(n.children ? { children: n.children.map(place) } : {}) };
    const row = rows.get(normalizeCode(n.code));
    if (row !== undefined) out.row = row;
    else delete out.row;
    return out;
  };
  return { ...reference, fields: reference.fields.map(place) };
}
