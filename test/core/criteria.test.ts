import { flattenCriteria, flattenSet } from '../../src/core/criteria';
import { sampleSet } from './criteriaFixture';

describe('flattenCriteria: the one walk of the tree', () => {
  it('lists every node in document order with its depth and parent', () => {
    const flat = flattenCriteria(sampleSet());
    expect(flat.slice(0, 5).map((e) => [e.node.code, e.depth, e.parent?.code])).toEqual([
      ['1', 0, undefined],
      ['1.1', 1, '1'],
      ['1.1.1', 2, '1.1'],
      ['1.1.2', 2, '1.1'],
      ['1.2', 1, '1'],
    ]);
    // Rows of the fixture are numbered in document order: the walk must give them ascending.
    const rows = flat.map((e) => e.node.row as number);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('counts each node once and flattenSet gives the same nodes', () => {
    const set = sampleSet();
    let count = 0;
    const visit = (n: { children?: unknown[] }) => {
      count++;
      (n.children as { children?: unknown[] }[] | undefined)?.forEach(visit);
    };
    set.fields.forEach(visit);
    expect(flattenCriteria(set)).toHaveLength(count);
    expect(flattenSet(set)).toEqual(flattenCriteria(set).map((e) => e.node));
  });
});
