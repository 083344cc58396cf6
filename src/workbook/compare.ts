/**
 * A unit's workbook against the reference criteria set: rows missing or added, maximums
 * edited, definition texts changed, another set or version named in the metadata. And
 * a fingerprint of the definition columns, so an edited copy shows without a reference.
 */
import { flattenSet, type CriteriaSet, type CriterionNode } from '../core/criteria';
import { normalizeCode } from '../core/criteriaSet';
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
 * it in the same cell (no method column).
 */
export function compareWithReference(actual: CriteriaSet, reference: CriteriaSet, meta: UnitMeta, lacking: readonly ColumnKey[] = []): Finding[] {
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

  const found = nodesByCode(actual);
  const expected = codeIndex(reference);
  const at = (code: string, n: CriterionNode | undefined, field: Finding['field']) => ({
    criterion: code,
    field,
    ...(n?.row !== undefined ? { row: n.row } : {}),
  });

  // A column the sheet lacks (no method or requirement text on any row) is not an edit of every row.
  const hasText = { name: true, method: carries(found, 'method'), evidence: carries(found, 'evidence') };
  for (const [code, ref] of expected) {
    const own = found.get(code);
    if (!own) {
      out.push(finding('CRITERION_MISSING', { name: ref.name }, at(code, undefined, 'code')));
      continue;
    }
    if (Math.abs(own.maxPoints - ref.maxPoints) > EPS) {
      out.push(finding('MAX_POINTS_CHANGED', { found: own.maxPoints, expected: ref.maxPoints }, at(code, own, 'maxPoints')));
    }
    for (const [prop, field, column] of COMPARED_TEXTS) {
      if (!hasText[prop] || own[prop] === ref[prop]) continue; // the usual case, and canonical() is not free on long texts
      if (lacking.includes(column as ColumnKey)) continue;
      const a = canonical(own[prop]);
      const b = canonical(ref[prop]);
      if (a !== b && !(prop === 'name' && sameNameText(a, b, lacking.includes('method')))) {
        out.push(finding('DEFINITION_CHANGED', { found: excerpt(a), expected: excerpt(b), column }, at(code, own, field)));
      }
    }
  }
  for (const [code, own] of found) {
    if (!expected.has(code)) out.push(finding('CRITERION_UNEXPECTED', {}, at(code, own, 'code')));
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
function carries(nodes: Map<string, CriterionNode>, prop: 'method' | 'evidence'): boolean {
  for (const n of nodes.values()) if (n[prop] !== undefined) return true;
  return false;
}

/** The first node of each normalised code, in document order. */
function nodesByCode(set: CriteriaSet): Map<string, CriterionNode> {
  const m = new Map<string, CriterionNode>();
  for (const n of flattenSet(set)) {
    const code = normalizeCode(n.code);
    if (!m.has(code)) m.set(code, n);
  }
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

/**
 * nodesByCode of a reference set, built once per set (150 workbooks share one reference);
 * sets are data, never changed once read.
 */
export function codeIndex(set: CriteriaSet): ReadonlyMap<string, CriterionNode> {
  let m = CODE_INDEX.get(set);
  if (!m) {
    m = nodesByCode(set);
    CODE_INDEX.set(set, m);
  }
  return m;
}

const CODE_INDEX = new WeakMap<CriteriaSet, Map<string, CriterionNode>>();

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
export function alignCodes(actual: CriteriaSet, reference: CriteriaSet): CodeAlignment | undefined {
  // The usual case (a template's rows, a reference's codes) costs map lookups only.
  const own = flattenSet(actual);
  const refByCode = codeIndex(reference);
  let agreeing = 0;
  for (const n of own) {
    const r = refByCode.get(normalizeCode(n.code));
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
