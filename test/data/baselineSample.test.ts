/** The bundled sample of last year's results: readable, for the sample unit, one allowed score per self-scored leaf. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CriteriaSet } from '../../src/core/criteria';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { isAllowedScore } from '../../src/core/method';
import { parseBaselineCsv } from '../../src/workbook/baseline';

const DATA = join(__dirname, '..', '..', 'data');
const parsed = parseBaselineCsv(readFileSync(join(DATA, 'samples', 'ket-qua-2023-so-tu-phap.csv'), 'utf8'));
const index = lookupCriteria(JSON.parse(readFileSync(join(DATA, 'criteria', 'so-2024.json'), 'utf8')) as CriteriaSet);
const selfLeaves = index.nodes.filter((n) => n.isLeaf && n.scoredBy === 'self' && index.byCode.get(n.code) === n).map((n) => n.code);

describe('data/samples/ket-qua-2023-so-tu-phap.csv', () => {
  it('parses without problems and holds only Sở Tư pháp', () => {
    expect(parsed.problems).toEqual([]);
    expect([...parsed.baseline.units.values()].map((u) => u.unit)).toEqual(['Sở Tư pháp']);
  });

  const scores = [...parsed.baseline.units.values()][0]?.scores ?? new Map<string, number>();

  it('has one score for each self-scored leaf of the sở set, in its order', () => {
    expect([...scores.keys()]).toEqual(selfLeaves);
  });

  it('gives each criterion a score its method allows, some at the maximum and some below', () => {
    const refused = [...scores].filter(([code, s]) => !isAllowedScore(index.byCode.get(code)!.method.allowed, s));
    expect(refused).toEqual([]);
    const atMax = [...scores].filter(([code, s]) => s === index.byCode.get(code)!.node.maxPoints).length;
    expect(atMax).toBeGreaterThan(0);
    expect(atMax).toBeLessThan(scores.size);
  });
});
