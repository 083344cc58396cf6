/**
 * A unit's workbook against the reference criteria set: rows missing or added, maximums
 * edited, definition texts changed, another set or version named in the metadata. And
 * a fingerprint of the definition columns, so an edited copy shows without a reference.
 */
import { flattenSet, type CriteriaSet, type CriterionNode } from '../core/criteria';
import { indexSheet, normalizeCode, type SheetIndex } from '../core/criteriaSet';
import { finding, type Finding } from '../core/findings';
import { sha256Hex } from '../core/hash';
import { normalizeText } from '../core/text';
import type { ColumnKey } from './columns';
import type { UnitMeta } from './read';

const EPS = 1e-6;

/** Text as the hash sees it: NFC, whitespace runs (line breaks included) as one space. */
function canonical(s: string | undefined): string {
  if (s === undefined || s === '') return '';
  // 150 workbooks of one set repeat the same texts: canonicalise each once.
  let c = CANONICAL.get(s);
  if (c === undefined) {
    c = s.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (CANONICAL.size >= 5_000) CANONICAL.clear();
    CANONICAL.set(s, c);
  }
  return c;
}

const CANONICAL = new Map<string, string>();

/**
 * SHA-256 (hex) of the definition columns, one line per row in document order:
 * `code|name|maxPoints|method|evidence`. Re-wrapping a text does not change it;
 * any edit of a word, a maximum or a row does.
 */
export function definitionHash(set: CriteriaSet): string {
  const lines = flattenSet(set).map((n) =>
    [normalizeCode(n.code), canonical(n.name), String(n.maxPoints), canonical(n.method), canonical(n.evidence)].join('|'),
  );
  const text = lines.join('\n');
  // Hashing in TypeScript costs far more than the lookup of the same text.
  let hash = HASHES.get(text);
  if (hash === undefined) {
    hash = sha256Hex(text);
    if (HASHES.size >= 16) HASHES.clear();
    HASHES.set(text, hash);
  }
  return hash;
}

const HASHES = new Map<string, string>();

/** Long texts are quoted by their start in messages. */
function excerpt(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function setLabel(id: string | undefined, version: string | undefined): string {
  return version ? `${id ?? '?'} v${version}` : (id ?? '?');
}

/**
 * Rows missing or added, maximums and texts changed. A text column the sheet lacks
 * (`lacking`, e.g. a hand-made sheet without `Cách tính điểm`) is not compared, and a
 * name is unchanged when it differs only in case or when the method is written after
 * it in the same cell (no method column). `sheet`: `actual`'s indexSheet, when the
 * caller has made it.
 */
export function compareWithReference(
  actual: CriteriaSet,
  reference: CriteriaSet,
  meta: UnitMeta,
  lacking: readonly ColumnKey[] = [],
  sheet: SheetIndex = indexSheet(actual),
): Finding[] {
  const out: Finding[] = [];
  const idDiffers = meta.setId !== undefined && meta.setId !== reference.id;
  const versionDiffers = meta.setVersion !== undefined && meta.setVersion !== reference.version;
  if (idDiffers || versionDiffers) {
    out.push(
      finding(
        'SET_VERSION_MISMATCH',
        { found: setLabel(meta.setId ?? reference.id, meta.setVersion), expected: setLabel(reference.id, reference.version) },
        { field: 'set' },
      ),
    );
  }

  const ref = referenceIndex(reference);
  // The usual sheet has the reference's codes in the reference's order: its rows then
  // match by position, with no map of its codes to build.
  const found = sameCodes(sheet, ref) ? undefined : nodesByCode(sheet);
  // The sheet's first node of each reference code, at the reference's first node of it.
  const own = ref.nodes.map((_, i) => (!ref.first[i] ? undefined : found ? found.get(ref.codes[i]) : sheet.nodes[i]));
  const at = (code: string, n: CriterionNode | undefined, field: Finding['field']) => ({
    criterion: code,
    field,
    ...(n?.row !== undefined ? { row: n.row } : {}),
  });

  // A column the sheet lacks (no method or requirement text on any row) is not an edit of every row.
  const rowsCompared = found ? [...found.values()] : own;
  const hasText = { name: true, method: carries(rowsCompared, 'method'), evidence: carries(rowsCompared, 'evidence') };
  for (let i = 0; i < ref.nodes.length; i++) {
    if (!ref.first[i]) continue;
    const code = ref.codes[i];
    const expected = ref.nodes[i];
    const row = own[i];
    if (!row) {
      out.push(finding('CRITERION_MISSING', { name: expected.name }, at(code, undefined, 'code')));
      continue;
    }
    if (Math.abs(row.maxPoints - expected.maxPoints) > EPS) {
      out.push(finding('MAX_POINTS_CHANGED', { found: row.maxPoints, expected: expected.maxPoints }, at(code, row, 'maxPoints')));
    }
    // The usual row has the reference's texts: canonical() is not free on long texts.
    if (row.name === expected.name && row.method === expected.method && row.evidence === expected.evidence) continue;
    for (const [prop, field, column] of COMPARED_TEXTS) {
      if (!hasText[prop] || row[prop] === expected[prop]) continue;
      if (lacking.includes(column as ColumnKey)) continue;
      const a = canonical(row[prop]);
      const b = canonical(expected[prop]);
      if (a !== b && !(prop === 'name' && sameNameText(a, b, lacking.includes('method')))) {
        out.push(finding('DEFINITION_CHANGED', { found: excerpt(a), expected: excerpt(b), column }, at(code, row, field)));
      }
    }
  }
  // Matched by position, every code of the sheet is the reference's.
  if (found) {
    for (const [code, row] of found) {
      if (!ref.byCode.has(code)) out.push(finding('CRITERION_UNEXPECTED', {}, at(code, row, 'code')));
    }
  }
  return out;
}

/** The texts compared on each row: the node's property, the finding's field, the column. */
const COMPARED_TEXTS: readonly (readonly [keyof CriterionNode & ('name' | 'method' | 'evidence'), Finding['field'], string])[] = [
  ['name', 'name', 'name'],
  ['method', 'method', 'method'],
  ['evidence', 'set', 'evidenceRequirement'],
];

/** Whether any row carries the text: a column the sheet lacks has it on none. */
function carries(nodes: readonly (CriterionNode | undefined)[], prop: 'method' | 'evidence'): boolean {
  return nodes.some((n) => n?.[prop] !== undefined);
}

/** The same codes in the same order. */
function sameCodes(a: SheetIndex, b: SheetIndex): boolean {
  if (a.codes.length !== b.codes.length) return false;
  for (let i = 0; i < a.codes.length; i++) if (a.codes[i] !== b.codes[i]) return false;
  return true;
}

/** The first node of each normalised code, in document order. */
function nodesByCode(sheet: SheetIndex): Map<string, CriterionNode> {
  const m = new Map<string, CriterionNode>();
  for (let i = 0; i < sheet.nodes.length; i++) if (!m.has(sheet.codes[i])) m.set(sheet.codes[i], sheet.nodes[i]);
  return m;
}

/** Case aside, the same name; or the reference name followed by the method, when the sheet has no method column. */
function sameNameText(own: string, ref: string, methodInName: boolean): boolean {
  const a = own.toLocaleLowerCase('vi');
  const b = ref.toLocaleLowerCase('vi');
  return a === b || (methodInName && a.startsWith(b));
}

// ---------------------------------------------------------------------------
// Rows matched by position and name, for sheets numbered their own way

interface Placed {
  node: CriterionNode;
  depth: number;
  words: string[];
  pool: Set<string>;
}

function placed(set: CriteriaSet): Placed[] {
  const out: Placed[] = [];
  const walk = (n: CriterionNode, depth: number) => {
    const words = wordsOfName(n.name);
    out.push({ node: n, depth, words, pool: new Set(words) });
    (n.children ?? []).forEach((c) => walk(c, depth + 1));
  };
  set.fields.forEach((f) => walk(f, 0));
  return out;
}

/** A reference set walked once, with the first node of each code; built once per set. */
interface ReferenceIndex extends SheetIndex {
  /** nodesByCode. */
  byCode: Map<string, CriterionNode>;
  /** `first[i]`: `nodes[i]` is the first node of its code, the one `byCode` holds. */
  first: boolean[];
}

/** 150 workbooks share one reference; sets are data, never changed once read. */
function referenceIndex(set: CriteriaSet): ReferenceIndex {
  let ref = REFERENCE_INDEX.get(set);
  if (!ref) {
    const sheet = indexSheet(set);
    const byCode = nodesByCode(sheet);
    ref = { ...sheet, byCode, first: sheet.nodes.map((n, i) => byCode.get(sheet.codes[i]) === n) };
    REFERENCE_INDEX.set(set, ref);
  }
  return ref;
}

const REFERENCE_INDEX = new WeakMap<CriteriaSet, ReferenceIndex>();

/** nodesByCode of a reference set, built once per set. */
export function codeIndex(set: CriteriaSet): ReadonlyMap<string, CriterionNode> {
  return referenceIndex(set).byCode;
}

/** A criterion name's words, accents and punctuation aside. */
export function wordsOfName(name: string): string[] {
  return normalizeText(name).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w) => w !== '');
}

/**
 * Two criterion names are the same when the shorter one's words are (nearly all) in the
 * longer one: a hand-made sheet writes the method into the name cell, or capitals.
 */
export function sameName(a: readonly string[], b: readonly string[], poolA?: ReadonlySet<string>, poolB?: ReadonlySet<string>): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  const aShort = a.length <= b.length;
  const short = aShort ? a : b;
  const pool = (aShort ? poolB : poolA) ?? new Set(aShort ? b : a);
  let shared = 0;
  for (const w of short) if (pool.has(w)) shared++;
  return shared / short.length >= 0.8;
}

/** How a sheet's rows correspond to the reference's: sheet code -> reference code. */
export interface CodeAlignment {
  /** Sheet code -> reference code, for every row matched (renumbered or not). */
  codes: Map<string, string>;
  /** Rows whose code differs from their reference row's. */
  renumbered: { sheet: string; reference: string; row?: number }[];
}

/**
 * Matches a sheet numbered its own way (Roman fields, criteria numbered across fields)
 * to the reference: rows in document order, at the same depth, by name (weight 2) or
 * by position alone (weight 1), keeping the order (a longest common subsequence). Rows
 * left over are real additions and deletions. Undefined when the codes already agree
 * (most rows have the reference's code and name): nothing to translate.
 */
export function alignCodes(actual: CriteriaSet, reference: CriteriaSet, sheet: SheetIndex = indexSheet(actual)): CodeAlignment | undefined {
  // The usual case (a template's rows, a reference's codes) costs a comparison of codes
  // by position, a map lookup where they differ.
  const own = sheet.nodes;
  const ref = referenceIndex(reference);
  let agreeing = 0;
  for (let i = 0; i < own.length; i++) {
    const n = own[i];
    const code = sheet.codes[i];
    const r = ref.first[i] && ref.codes[i] === code ? ref.nodes[i] : ref.byCode.get(code);
    if (r !== undefined && (r.name === n.name || sameName(wordsOfName(n.name), wordsOfName(r.name)))) agreeing++;
    if (agreeing * 2 >= own.length) return undefined;
  }
  if (own.length === 0) return undefined;
  const a = placed(actual);
  const b = placed(reference);

  const n = a.length;
  const m = b.length;
  const score = (i: number, j: number) => (a[i].depth !== b[j].depth ? 0 : sameName(a[i].words, b[j].words, a[i].pool, b[j].pool) ? 2 : 1);
  // dp[i][j]: best weight aligning a[i..] with b[j..].
  const dp = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      dp[i][j] = Math.max(dp[i + 1][j], dp[i][j + 1], s > 0 ? dp[i + 1][j + 1] + s : 0);
    }
  }
  const codes = new Map<string, string>();
  const renumbered: CodeAlignment['renumbered'] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = score(i, j);
    if (s > 0 && dp[i][j] === dp[i + 1][j + 1] + s) {
      const from = normalizeCode(a[i].node.code);
      const to = normalizeCode(b[j].node.code);
      codes.set(from, to);
      if (from !== to) renumbered.push({ sheet: from, reference: to, ...(a[i].node.row !== undefined ? { row: a[i].node.row } : {}) });
      i++;
      j++;
    } else if (dp[i][j] === dp[i + 1][j]) i++;
    else j++;
  }
  return { codes, renumbered };
}
