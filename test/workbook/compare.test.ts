import { flattenSet, type CriteriaSet } from '../../src/core/criteria';
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
