import fc from 'fast-check';
import type { Answer, CellValue } from '../../src/core/answers';
import type { CriteriaSet } from '../../src/core/criteria';
import { lookupCriteria, type CriteriaLookup, type CriterionEntry } from '../../src/core/criteriaSet';
import { computeTotals } from '../../src/core/totals';
import { nodeOf, sampleSet } from './criteriaFixture';

const index = lookupCriteria(sampleSet());

/** Sở Tư pháp's self-assessment: every self-scored row filled, 2.2 excused, 2.3 left to the survey. */
const unit: Answer[] = [
  { code: '1', selfScore: 99, row: 8 }, // a wrong typed total: totals ignore it
  { code: '1.1.1', declared: 'Có', selfScore: 1, row: 10 },
  { code: '1.1.2', declared: '85%', selfScore: '0,5', row: 11 },
  { code: '1.2', declared: 'Hoàn thành tốt', selfScore: 1.125, row: 12 },
  { code: '1.3', selfScore: 0.5, row: 13 },
  { code: '2.1', declared: 'Có', selfScore: 1, row: 15 },
  { code: '2.2', declared: 'Không áp dụng', row: 16 },
  { code: '3.1', declared: '100%', selfScore: 1, row: 19 },
  { code: '3.2', declared: 'Có', selfScore: 0.5, row: 20 },
];

/** The unit's answers with some rows replaced or added. */
function edited(changes: Answer[]): Answer[] {
  const codes = new Set(changes.map((c) => c.code));
  return [...unit.filter((a) => !codes.has(a.code)), ...changes];
}

describe('computeTotals', () => {
  test('self-assessment: parents sum leaves, Không áp dụng leaves the denominator, bonus adds no maximum', () => {
    const t = computeTotals(index, unit);
    const field1 = 1 + 0.5 + 1.125 + 0.5;
    const field2 = 1; // 2.2 excused, 2.3 survey: 0 until the survey result
    const field3 = 1 + 0.5; // 3.1 plus the bonus 3.2
    expect(t.byField).toEqual([
      { code: '1', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', self: field1, final: field1, max: 4, applicableMax: 4 },
      { code: '2', name: 'Cải cách thủ tục hành chính', self: field2, final: field2, max: 3, applicableMax: 3 - 1 },
      { code: '3', name: 'Cải cách tổ chức bộ máy hành chính nhà nước', self: field3, final: field3, max: 2, applicableMax: 2 },
    ]);
    expect(t).toMatchObject({ self: field1 + field2 + field3, final: field1 + field2 + field3, max: 9, applicableMax: 8 });
    expect(t.appraised).toBeUndefined();
    expect(t.index).toBe(70.31); // 5.625 / 8 * 100 = 70.3125
  });

  test.each<[string, Partial<{ self: number; final: number; applicableMax: number; notApplicable: boolean; appraised: number }> & object]>([
    ['1.1', { self: 1.5, final: 1.5, applicableMax: 2, notApplicable: false }],
    ['1', { self: 3.125, final: 3.125, applicableMax: 4, notApplicable: false }],
    ['2.2', { applicableMax: 0, notApplicable: true }],
    ['2.3', { applicableMax: 1, notApplicable: false }],
    ['3.2', { self: 0.5, final: 0.5, applicableMax: 0, notApplicable: false }],
  ])('byCode %s', (code, expected) => {
    expect(computeTotals(index, unit).byCode.get(code)).toEqual(expected);
  });

  test('appraised scores replace self-scores where present; a survey result arrives as the appraised score', () => {
    const t = computeTotals(index, edited([
      { code: '1.2', declared: 'Hoàn thành tốt', selfScore: 1.125, appraisedScore: 0.75, row: 12 },
      { code: '2.3', appraisedScore: '0,83', row: 17 },
    ]));
    const final = 1 + 0.5 + 0.75 + 0.5 + (1 + 0.83) + (1 + 0.5);
    expect(t.final).toBeCloseTo(final, 10);
    expect(t.self).toBe(5.625);
    expect(t.appraised).toBeCloseTo(0.75 + 0.83, 10);
    expect(t.byField.map((f) => f.appraised)).toEqual([0.75, 0.83, undefined]);
    expect(t.index).toBe(76); // 6.08 / 8 * 100
    expect(t.byCode.get('2.3')).toEqual({ appraised: 0.83, final: 0.83, applicableMax: 1, notApplicable: false });
  });

  test.each<[string, Answer, number]>([
    ['a score that is not a level of the method', { code: '1.2', selfScore: 1.2 }, 1.125],
    ['an error value', { code: '1.3', selfScore: { error: '#REF!' } }, 0.5],
    ['a score above the maximum', { code: '3.1', selfScore: 5 }, 1],
    ['a negative score', { code: '2.1', selfScore: -1 }, 1],
    ['a text', { code: '1.1.1', selfScore: 'Có' }, 1],
  ])('%s counts as 0', (_label, answer, lost) => {
    const t = computeTotals(index, edited([answer]));
    expect(t.self).toBeCloseTo(5.625 - lost, 10);
    expect(t.byCode.get(answer.code)?.self).toBe(0);
  });

  test('an invalid appraised score counts as 0 and still replaces the self-score', () => {
    const t = computeTotals(index, edited([{ code: '3.1', selfScore: 1, appraisedScore: 3 }]));
    expect(t.byCode.get('3.1')).toMatchObject({ self: 1, appraised: 0, final: 0 });
    expect(t.final).toBeCloseTo(5.625 - 1, 10);
  });

  test('"Không áp dụng" where the set does not allow it leaves the row applicable', () => {
    const t = computeTotals(index, edited([{ code: '2.1', declared: 'Không áp dụng' }]));
    expect(t.applicableMax).toBe(8);
    expect(t.byCode.get('2.1')).toEqual({ applicableMax: 1, notApplicable: false });
  });

  test('a criterion declared "Không áp dụng" excuses everything below it', () => {
    const set = sampleSet();
    nodeOf(set, '1.1').notApplicableAllowed = true;
    const t = computeTotals(lookupCriteria(set), edited([{ code: '1.1', declared: 'Không áp dụng' }]));
    expect(t.byField[0]).toMatchObject({ self: 1.125 + 0.5, applicableMax: 4 - 2, max: 4 });
    expect(t.byCode.get('1.1.2')).toEqual({ applicableMax: 0, notApplicable: true });
    expect(t.index).toBe(Math.round(((1.625 + 1 + 1.5) / (8 - 2)) * 10000) / 100);
  });

  test('nothing entered: 0 points out of the whole maximum', () => {
    const t = computeTotals(index, []);
    expect(t).toMatchObject({ self: 0, final: 0, max: 9, applicableMax: 9, index: 0 });
    expect(t.byCode.get('1')).toEqual({ applicableMax: 4, notApplicable: false });
  });

  test('a set whose every row is excused has index 0, not NaN', () => {
    const set: CriteriaSet = { ...sampleSet(), fields: [{ code: '1', name: 'Liên thông', maxPoints: 1, notApplicableAllowed: true, method: 'Có: 1 điểm; Không: 0 điểm' }] };
    const t = computeTotals(lookupCriteria(set), [{ code: '1', declared: 'Không áp dụng' }]);
    expect(t).toMatchObject({ applicableMax: 0, index: 0 });
  });
});

describe('computeTotals properties', () => {
  const leaves = index.nodes.filter((n) => n.isLeaf);

  /** A valid score for a row: one of its method's levels. */
  const validScore = (n: CriterionEntry): fc.Arbitrary<CellValue> => {
    const a = n.method.allowed;
    return a.kind === 'set' ? fc.constantFrom(...a.values) : fc.double({ min: a.min, max: a.max, noNaN: true });
  };
  const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: true, min: -5, max: 5 }),
    fc.constantFrom('0,5', 'Có', '#N/A', ''),
    fc.constant({ error: '#REF!' }),
  );
  const answersFrom = (cell: (n: CriterionEntry) => fc.Arbitrary<CellValue>, appraised: boolean) =>
    fc.tuple(
      ...leaves.map((n) =>
        fc.record({
          code: fc.constant(n.code),
          selfScore: n.scoredBy === 'survey' ? fc.constant(null) : cell(n),
          declared: n.node.notApplicableAllowed ? fc.constantFrom<CellValue>(null, 'Không áp dụng', 'Có') : fc.constant(null),
          appraisedScore: appraised ? fc.option(cell(n), { nil: null }) : fc.constant(null),
        }),
      ),
    );

  const check = (idx: CriteriaLookup, answers: Answer[]) => {
    const t = computeTotals(idx, answers);
    const sum = (pick: (f: (typeof t.byField)[number]) => number) => t.byField.reduce((s, f) => s + pick(f), 0);
    expect(t.final).toBeCloseTo(sum((f) => f.final), 8);
    expect(t.self).toBeCloseTo(sum((f) => f.self), 8);
    expect(t.applicableMax).toBeLessThanOrEqual(t.max);
    for (const f of t.byField) expect(t.byCode.get(f.code)?.final ?? 0).toBeCloseTo(f.final, 8);
    return t;
  };

  test('final is the sum of the fields\' finals, whatever is typed', () => {
    fc.assert(fc.property(answersFrom(() => anyCell, true), (answers) => void check(index, answers)));
  });

  test('with valid scores and no bonus points the index lies in 0..100', () => {
    const noBonus = (n: CriterionEntry) => (n.bonus ? fc.constant<CellValue>(null) : validScore(n));
    fc.assert(
      fc.property(answersFrom(noBonus, true), (answers) => {
        const t = check(index, answers);
        expect(t.index).toBeGreaterThanOrEqual(0);
        expect(t.index).toBeLessThanOrEqual(100);
      }),
    );
  });
});
