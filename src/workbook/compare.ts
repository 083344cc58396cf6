/**
 * A unit's workbook against the reference criteria set: rows missing or added, maximums
 * edited, definition texts changed, another set or version named in the metadata. And
 * a fingerprint of the definition columns, so an edited copy shows without a reference.
 */
import { flattenSet, type CriteriaSet, type CriterionNode } from '../core/criteria';
import { normalizeCode } from '../core/criteriaSet';
import { finding, type Finding } from '../core/findings';
import { sha256Hex } from '../core/hash';
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

export function compareWithReference(actual: CriteriaSet, reference: CriteriaSet, meta: UnitMeta): Finding[] {
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

  const byCode = (set: CriteriaSet) => {
    const m = new Map<string, CriterionNode>();
    for (const n of flattenSet(set)) if (!m.has(normalizeCode(n.code))) m.set(normalizeCode(n.code), n);
    return m;
  };
  const found = byCode(actual);
  const expected = byCode(reference);
  const at = (code: string, n: CriterionNode | undefined, field: Finding['field']) => ({
    criterion: code,
    field,
    ...(n?.row !== undefined ? { row: n.row } : {}),
  });

  // A column the sheet lacks (no method or requirement text on any row) is not an edit of every row.
  const carries = (prop: 'method' | 'evidence') => [...found.values()].some((n) => n[prop] !== undefined);
  const hasText = { name: true, method: carries('method'), evidence: carries('evidence') };
  for (const [code, ref] of expected) {
    const own = found.get(code);
    if (!own) {
      out.push(finding('CRITERION_MISSING', { name: ref.name }, at(code, undefined, 'code')));
      continue;
    }
    if (Math.abs(own.maxPoints - ref.maxPoints) > EPS) {
      out.push(finding('MAX_POINTS_CHANGED', { found: own.maxPoints, expected: ref.maxPoints }, at(code, own, 'maxPoints')));
    }
    const texts: [keyof CriterionNode & ('name' | 'method' | 'evidence'), Finding['field'], string][] = [
      ['name', 'name', 'name'],
      ['method', 'method', 'method'],
      ['evidence', 'set', 'evidenceRequirement'],
    ];
    for (const [prop, field, column] of texts) {
      if (!hasText[prop] || own[prop] === ref[prop]) continue; // the usual case, and canonical() is not free on long texts
      const a = canonical(own[prop]);
      const b = canonical(ref[prop]);
      if (a !== b) {
        out.push(finding('DEFINITION_CHANGED', { found: excerpt(a), expected: excerpt(b), column }, at(code, own, field)));
      }
    }
  }
  for (const [code, own] of found) {
    if (!expected.has(code)) out.push(finding('CRITERION_UNEXPECTED', {}, at(code, own, 'code')));
  }
  return out;
}
