import fc from 'fast-check';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { isAllowedScore } from '../../src/core/method';
import {
  SIPAS_MODE_LABEL,
  computeGaps,
  papiTarget,
  parTarget,
  planStatus,
  recoverablePoints,
  sipasTarget,
  type PlanItem,
} from '../../src/core/targets';
import { sampleSet } from './criteriaFixture';

const index = lookupCriteria(sampleSet());
const node = (code: string) => index.byCode.get(code)!;

describe('parTarget (Kế hoạch 386/KH-UBND, Phụ lục 1 and 2)', () => {
  test.each([
    // code, 2023 score, 2024 target, rule
    ['1.1.2', 1, 1, 'keep-max'], // 0 / 0,5 / 1
    ['1.1.2', 0.5, 1, 'raise'],
    ['1.1.2', 0, 0.5, 'raise'],
    ['1.2', 0.75, 1.125, 'raise'], // 0,75 / 1,125 / 1,5
    ['1.2', 0, 0.75, 'raise'],
    ['1.2', 1.5, 1.5, 'keep-max'],
    ['1.3', 0.1, 0.25, 'raise'], // trừ điểm theo mức độ: any value, targets on quarter points
    ['1.3', 0.3, 0.5, 'raise'],
    ['3.1', 1, 2, 'raise'], // 0 / 1 / 2
    ['1.1.1', 1.5, 1, 'keep-max'], // last year's figure above today's maximum
  ] as const)('%s scored %p in 2023 -> %p (%s)', (code, previous, target, rule) => {
    expect(parTarget(node(code), previous)).toEqual({ target, rule });
  });

  test('the target is above last year\'s score, at most the maximum, and a level the method allows', () => {
    const leaves = index.nodes.filter((n) => n.isLeaf && n.scoredBy === 'self');
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const previous = share * n.node.maxPoints;
        const { target, rule } = parTarget(n, previous);
        expect(target).toBeLessThanOrEqual(n.node.maxPoints);
        if (rule === 'raise') expect(target).toBeGreaterThan(previous);
        else expect(target).toBe(n.node.maxPoints);
        if (n.method.allowed.kind === 'set') expect(isAllowedScore(n.method.allowed, target)).toBe(true);
      }),
    );
  });
});

describe('computeGaps and recoverablePoints', () => {
  const previous = new Map([
    ['1.1.1', 1], ['1.1.2', 0.5], ['1.2', 0.75], ['1.3', 0.25], ['2.2', 1], ['2.3', 0.6], ['3.1', 1], ['1', 3.5],
  ]);
  const current = new Map([['1.1.1', 1], ['1.1.2', 0.5], ['1.2', 1.125], ['3.1', 0]]);
  const gaps = computeGaps(index, previous, current);

  test('self-scored leaves with a 2023 result, in document order (survey rows and parents left out)', () => {
    expect(gaps.map((g) => [g.code, g.previous, g.target, g.rule, g.current, g.gap, g.recoverable])).toEqual([
      ['1.1.1', 1, 1, 'keep-max', 1, 0, 0],
      ['1.1.2', 0.5, 1, 'raise', 0.5, 0.5, 0.5],
      ['1.2', 0.75, 1.125, 'raise', 1.125, 0, 0.375],
      ['1.3', 0.25, 0.5, 'raise', undefined, 0.5, 0.5], // not scored yet: counts as 0
      ['2.2', 1, 1, 'keep-max', undefined, 1, 1],
      ['3.1', 1, 2, 'raise', 0, 2, 2],
    ]);
    expect(gaps[5]).toMatchObject({ name: 'Tỷ lệ giảm biên chế so với năm 2015', fieldCode: '3', max: 2 });
    expect('current' in gaps[3]).toBe(false);
  });

  test('recoverable points: most first, equal ones in code order, rows at maximum left out', () => {
    const sorted = recoverablePoints([...gaps].reverse());
    expect(sorted.map((g) => [g.code, g.recoverable])).toEqual([
      ['3.1', 2], ['2.2', 1], ['1.1.2', 0.5], ['1.3', 0.5], ['1.2', 0.375],
    ]);
  });
});

describe('SIPAS and PAPI targets (Phụ lục 3 and 4)', () => {
  test.each([
    [75.03, 'points', 10, 85.03], // Bắc Kạn 2023
    [75.03, 'relative', 10, 82.533],
    [78.17, 'relative', 5, 82.0785],
    [95, 'points', 10, 100],
    [95, 'relative', 10, 100],
    [80, 'points', 12.5, 92.5],
  ] as const)('sipasTarget(%p, %s, %p) = %p', (previous, mode, increase, target) => {
    expect(sipasTarget(previous, mode, increase)).toBe(target);
  });

  test('the default increase is 10', () => {
    expect(sipasTarget(70, 'points')).toBe(80);
    expect(sipasTarget(70, 'relative')).toBe(77);
  });

  test('a SIPAS target is never below last year\'s rate nor above 100%', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom('points', 'relative' as const), (rate, mode) => {
        const t = sipasTarget(rate, mode);
        expect(t).toBeLessThanOrEqual(100);
        expect(t).toBeGreaterThanOrEqual(Math.round(rate * 10000) / 10000);
      }),
    );
  });

  test('each mode has a label in both languages that names the reading', () => {
    expect(SIPAS_MODE_LABEL.points.vi).toContain('điểm phần trăm');
    expect(SIPAS_MODE_LABEL.relative.vi).toContain('tương đối');
    expect(SIPAS_MODE_LABEL.points.en).toContain('percentage points');
    expect(SIPAS_MODE_LABEL.relative.en).toContain('relative');
  });

  test.each([
    [1.9933, 0.1, 2.0933], // 6.1 Y tế công lập, Bắc Kạn 2023
    [1.4148, 0.1, 1.5148],
    [7.1279, 0.25, 7.3779],
  ])('papiTarget(%p, %p) = %p', (previous, increase, target) => {
    expect(papiTarget(previous, increase)).toBe(target);
  });

  test('the default PAPI increase is 0.1 point', () => {
    expect(papiTarget(1.8536)).toBe(1.9536);
  });
});

describe('planStatus', () => {
  const item = (over: Partial<PlanItem>): PlanItem => ({
    index: 'SIPAS', appendix: 3, code: '2.1', name: 'Tiếp cận dịch vụ', leadUnit: 'Sở Nội vụ',
    previous: 75.03, target: sipasTarget(75.03, 'points'), ...over,
  });

  test.each<[string, Partial<PlanItem>, { gap: number; status: string }]>([
    ['no result yet: the gap from last year', {}, { gap: 10, status: 'no-data' }],
    ['below target', { latest: 78.17 }, { gap: 6.86, status: 'not-yet' }],
    ['target reached', { latest: 85.03 }, { gap: 0, status: 'achieved' }],
    ['PAPI sub-dimension above target', { index: 'PAPI', appendix: 4, previous: 1.8536, target: papiTarget(1.8536), latest: 1.96 }, { gap: 0, status: 'achieved' }],
    ['PAR criterion still short', { index: 'PAR', appendix: 2, previous: 0.5, target: 1, latest: 0.75 }, { gap: 0.25, status: 'not-yet' }],
  ])('%s', (_label, over, expected) => {
    expect(planStatus(item(over))).toEqual(expected);
  });
});
