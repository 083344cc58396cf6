import fc from 'fast-check';
import { flattenSet, type CriteriaSet, type CriterionNode } from '../../src/core/criteria';
import { normalizeCode } from '../../src/core/criteriaSet';
import type { ColumnKey } from '../../src/workbook/columns';
import { compareWithReference, definitionHash } from '../../src/workbook/compare';
import { romanSet } from './sets';

function edit(set: CriteriaSet, code: string, change: (n: ReturnType<typeof flattenSet>[number]) => void): CriteriaSet {
  const copy: CriteriaSet = JSON.parse(JSON.stringify(set));
  change(flattenSet(copy).find((n) => n.code === code) as ReturnType<typeof flattenSet>[number]);
  return copy;
}

describe('compareWithReference', () => {
  const reference = romanSet();

  it('finds nothing between a set and itself', () => {
    expect(compareWithReference(romanSet(), reference, { setId: 'mau-so-2024', setVersion: '1', source: 'metadata' })).toEqual([]);
  });

  it('reports an edited maximum with both values', () => {
    const actual = edit(reference, '1.10', (n) => {
      n.maxPoints = 1;
      n.row = 20;
    });
    expect(compareWithReference(actual, reference, { source: 'none' })).toEqual([
      { severity: 'error', code: 'MAX_POINTS_CHANGED', params: { found: 1, expected: 0.5 }, criterion: '1.10', field: 'maxPoints', row: 20 },
    ]);
  });

  it('reports missing and unexpected rows', () => {
    const actual = edit(reference, '1', (n) => {
      n.children = n.children?.slice(0, 9);
    });
    actual.fields[1].children?.push({ code: '8', name: 'Tiêu chí tự thêm', maxPoints: 1, row: 30 });
    expect(compareWithReference(actual, reference, { source: 'none' }).map((f) => [f.code, f.criterion, f.params.name])).toEqual([
      ['CRITERION_MISSING', '1.10', 'Báo cáo chuyên đề về cải cách hành chính số 10'],
      ['CRITERION_UNEXPECTED', '8', undefined],
    ]);
  });

  it('reports changed definition texts, but not a re-wrapped line', () => {
    const rewrapped = edit(reference, '3', (n) => {
      n.method = n.method?.replace('\n', ' \n ');
    });
    expect(compareWithReference(rewrapped, reference, { source: 'none' })).toEqual([]);
    const renamed = edit(reference, '2', (n) => {
      n.evidence = 'Báo cáo';
    });
    expect(compareWithReference(renamed, reference, { source: 'none' })).toEqual([
      expect.objectContaining({ code: 'DEFINITION_CHANGED', criterion: '2', params: { found: 'Báo cáo', expected: 'Báo cáo kết quả thực hiện kế hoạch CCHC năm', column: 'evidenceRequirement' } }),
    ]);
  });

  it('reports a workbook made from another set or version', () => {
    const found = compareWithReference(romanSet(), reference, { setId: 'mau-so-2024', setVersion: '0', source: 'metadata' });
    expect(found).toEqual([expect.objectContaining({ code: 'SET_VERSION_MISMATCH', params: { found: 'mau-so-2024 v0', expected: 'mau-so-2024 v1' } })]);
    expect(compareWithReference(romanSet(), reference, { setId: 'bac-kan-xa-2024', source: 'metadata' })[0].params.found).toBe('bac-kan-xa-2024');
  });
});

/**
 * The row checks of compareWithReference as maps of the first node of each code give
 * them (what the comparison by position replaces for a sheet with the reference's codes
 * in order): [finding code, criterion, field, row, column]. Texts differ here only by
 * words put before them, so plain inequality stands for the canonical comparison.
 */
function rowChecksByMaps(actual: CriteriaSet, reference: CriteriaSet, lacking: readonly ColumnKey[]): unknown[][] {
  const byCode = (set: CriteriaSet) => {
    const m = new Map<string, CriterionNode>();
    for (const n of flattenSet(set)) if (!m.has(normalizeCode(n.code))) m.set(normalizeCode(n.code), n);
    return m;
  };
  const found = byCode(actual);
  const expected = byCode(reference);
  const carries = (prop: 'method' | 'evidence') => [...found.values()].some((n) => n[prop] !== undefined);
  const hasText = { name: true, method: carries('method'), evidence: carries('evidence') };
  const columns = [['name', 'name', 'name'], ['method', 'method', 'method'], ['evidence', 'set', 'evidenceRequirement']] as const;
  const out: unknown[][] = [];
  for (const [code, ref] of expected) {
    const own = found.get(code);
    if (!own) {
      out.push(['CRITERION_MISSING', code, 'code', undefined, undefined]);
      continue;
    }
    if (own.maxPoints !== ref.maxPoints) out.push(['MAX_POINTS_CHANGED', code, 'maxPoints', own.row, undefined]);
    for (const [prop, field, column] of columns) {
      if (hasText[prop] && own[prop] !== ref[prop] && !lacking.includes(column as ColumnKey)) out.push(['DEFINITION_CHANGED', code, field, own.row, column]);
    }
  }
  for (const [code, own] of found) if (!expected.has(code)) out.push(['CRITERION_UNEXPECTED', code, 'code', own.row, undefined]);
  return out;
}

describe('compareWithReference by position', () => {
  type Edit = { kind: 'drop' | 'copy' | 'add' | 'swap' | 'max' | 'name' | 'dot'; at: number };
  const edits = fc.array(
    fc.record({ kind: fc.constantFrom<Edit['kind']>('drop', 'copy', 'add', 'swap', 'max', 'name', 'dot'), at: fc.nat(40) }),
    { maxLength: 4 },
  );
  /** A flat set of the nodes (the comparison walks the rows in document order; nesting aside). */
  const flat = (nodes: CriterionNode[]): CriteriaSet => ({ ...romanSet(), fields: nodes });
  const rows = (): CriterionNode[] => flattenSet(romanSet()).map(({ children: _, ...n }, i) => ({ ...n, row: i + 8 }));

  function edited(nodes: CriterionNode[], list: Edit[]): CriterionNode[] {
    const out = nodes.map((n) => ({ ...n }));
    for (const { kind, at } of list) {
      const i = at % out.length;
      if (kind === 'drop' && out.length > 1) out.splice(i, 1);
      if (kind === 'copy') out.splice(i + 1, 0, { ...out[i], row: 100 + at });
      if (kind === 'add') out.splice(i, 0, { code: `9.${at + 1}`, name: 'Tiêu chí tự thêm', maxPoints: 1, row: 200 + at });
      if (kind === 'swap' && i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1], out[i]];
      if (kind === 'max') out[i].maxPoints += 1;
      if (kind === 'name') out[i].name = `Sửa: ${out[i].name}`;
      if (kind === 'dot') out[i].code = `${out[i].code}.`;
    }
    return out;
  }

  it('finds what the maps of codes find, for sheets in and out of the reference order', () => {
    fc.assert(
      fc.property(edits, edits, fc.boolean(), fc.subarray<ColumnKey>(['method', 'evidenceRequirement']), (refEdits, sheetEdits, noMethod, lacking) => {
        // The reference too may repeat or lack codes: its first node of a code is the one compared.
        const refNodes = edited(rows(), refEdits.filter((e) => e.kind === 'copy' || e.kind === 'drop'));
        const reference = flat(refNodes);
        const sheet = flat(edited(refNodes, sheetEdits).map((n) => (noMethod ? { ...n, method: undefined } : n)));
        const got = compareWithReference(sheet, reference, { source: 'none' }, lacking).map((f) => [f.code, f.criterion, f.field, f.row, f.params.column]);
        expect(got).toEqual(rowChecksByMaps(sheet, reference, lacking));
      }),
      { numRuns: 500 },
    );
  });
});

describe('definitionHash', () => {
  const base = definitionHash(romanSet());

  it('is a SHA-256 hex string, stable for equal sets and row numbers', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(definitionHash(edit(romanSet(), '3', (n) => (n.row = 99)))).toBe(base);
    expect(definitionHash(edit(romanSet(), '3', (n) => (n.method = `  ${n.method}\n`)))).toBe(base);
  });

  it.each<[string, (n: ReturnType<typeof flattenSet>[number]) => void]>([
    ['a name', (n) => (n.name += '.')],
    ['a maximum', (n) => (n.maxPoints = 2)],
    ['a method', (n) => (n.method = 'Có: 1 điểm')],
    ['an evidence requirement', (n) => (n.evidence = 'Quyết định')],
    ['a code', (n) => (n.code = '3.0')],
  ])('changes with %s', (_what, change) => {
    expect(definitionHash(edit(romanSet(), '3', change))).not.toBe(base);
  });
});
