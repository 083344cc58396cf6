import type { CriteriaSet } from '../../src/core/criteria';
import { message, type Finding } from '../../src/core/findings';
import { lintCriteriaSet } from '../../src/core/lint';
import { nodeOf, sampleSet } from './criteriaFixture';

/** [code, criterion, row, params] of each finding, for compact expectations. */
const brief = (fs: Finding[]) => fs.map((f) => [f.code, f.criterion, f.row, f.params]);

function setWith(edit: (s: CriteriaSet) => void): CriteriaSet {
  const s = sampleSet();
  edit(s);
  return s;
}

describe('lintCriteriaSet', () => {
  test('the sample set is clean (bonus row outside its parent maximum, survey row without self-score)', () => {
    expect(lintCriteriaSet(sampleSet())).toEqual([]);
  });

  test.each<[string, (s: CriteriaSet) => void, unknown[][]]>([
    [
      'a criterion maximum that its sub-criteria do not add up to (and so neither does its field)',
      (s) => (nodeOf(s, '1.1').maxPoints = 2.5),
      [
        ['SET_SUM_MISMATCH', '1', 8, { max: 4, sum: 4.5 }],
        ['SET_SUM_MISMATCH', '1.1', 9, { max: 2.5, sum: 2 }],
      ],
    ],
    [
      'decimal maxima that add up exactly are fine',
      (s) => {
        nodeOf(s, '1.1.1').maxPoints = 0.7;
        nodeOf(s, '1.1.2').maxPoints = 1.3;
        nodeOf(s, '1.1.2').method = 'Hoàn thành 100% kế hoạch: 1,3 điểm; dưới 100%: 0 điểm';
        nodeOf(s, '1.1.1').method = 'Có: 0,7 điểm; Không: 0 điểm';
      },
      [],
    ],
    [
      'a bonus row no longer marked bonus counts in its parent',
      (s) => (nodeOf(s, '3.2').bonus = false),
      [['SET_SUM_MISMATCH', '3', 18, { max: 2, sum: 2.5 }]],
    ],
    [
      'a repeated code: one finding on the second row listing both rows',
      (s) => (nodeOf(s, '3.2').code = '3.1'),
      [['DUPLICATE_CODE', '3.1', 20, { code: '3.1', rows: '19, 20' }]],
    ],
    [
      'a sub-criterion not prefixed by its criterion',
      (s) => (nodeOf(s, '1.1.2').code = '1.2.2'),
      [['CODE_MALFORMED', '1.2.2', 11, { code: '1.2.2', parent: '1.1' }]],
    ],
    [
      'a code that is not of the I / 1 / 1.1 form',
      (s) => (nodeOf(s, '1.3').code = '1.3a'),
      [['CODE_MALFORMED', '1.3a', 13, { code: '1.3a', parent: '1' }]],
    ],
    [
      'a field coded like a criterion',
      (s) => {
        s.fields[2].code = '3.1';
        s.fields[2].children!.forEach((c, i) => (c.code = `3.1.${i + 1}`));
      },
      [['CODE_MALFORMED', '3.1', 18, { code: '3.1', parent: '—' }]],
    ],
    [
      'a self-scored leaf without a method (no "unreadable method" note besides)',
      (s) => delete nodeOf(s, '2.1').method,
      [['METHOD_MISSING', '2.1', 15, {}]],
    ],
    [
      'a survey leaf needs no method, and may allow "Không áp dụng"',
      (s) => {
        const n = nodeOf(s, '2.3');
        delete n.method;
        n.scoredBy = 'survey';
        n.notApplicableAllowed = true;
      },
      [],
    ],
    [
      'a method giving more than the maximum',
      (s) => (nodeOf(s, '1.1.2').method = 'Hoàn thành 100% kế hoạch: 2 điểm; dưới 100%: 0 điểm'),
      [['METHOD_VALUE_OUT_OF_RANGE', '1.1.2', 11, { value: 2, max: 1 }]],
    ],
    [
      'a method with overlapping bands',
      (s) => (nodeOf(s, '3.1').method = 'Từ 80% đến 100%: 2 điểm; từ 50% đến 90%: 1 điểm; dưới 50%: 0 điểm'),
      [['METHOD_BANDS_OVERLAP', '3.1', 19, expect.objectContaining({ bands: expect.any(String) })]],
    ],
    [
      'an unreadable method is a note',
      (s) => (nodeOf(s, '2.1').method = 'Căn cứ tình hình thực tế của đơn vị'),
      [['METHOD_UNPARSED', '2.1', 15, { max: 1 }]],
    ],
    [
      'a parent row\'s method is not read',
      (s) => (nodeOf(s, '1').method = 'Tổng điểm các tiêu chí thành phần'),
      [],
    ],
  ])('%s', (_label, edit, expected) => {
    expect(brief(lintCriteriaSet(setWith(edit)))).toEqual(expected);
  });

  test('a bonus section is checked against its own children', () => {
    const bonusField = (second: number) =>
      setWith((s) =>
        s.fields.push({
          code: '4', name: 'Điểm cộng', maxPoints: 1, bonus: true,
          children: [
            { code: '4.1', name: 'Sáng kiến CCHC', maxPoints: 0.5, method: 'Có: 0,5 điểm; Không: 0 điểm' },
            { code: '4.2', name: 'Giải thưởng về CCHC', maxPoints: second, method: 'Có: Điểm tối đa; Không: 0 điểm' },
          ],
        }),
      );
    expect(lintCriteriaSet(bonusField(0.5))).toEqual([]);
    expect(brief(lintCriteriaSet(bonusField(0.25)))).toEqual([['SET_SUM_MISMATCH', '4', undefined, { max: 1, sum: 0.75 }]]);
  });

  test('Roman fields with criteria numbered on across fields are clean', () => {
    const roman = setWith((s) => {
      let next = 1;
      s.fields.forEach((f, i) => {
        f.code = ['I', 'II', 'III'][i];
        for (const c of f.children!) {
          c.code = String(next++);
          (c.children ?? []).forEach((g, j) => (g.code = `${c.code}.${j + 1}`));
        }
      });
    });
    expect(lintCriteriaSet(roman)).toEqual([]);
    roman.fields[1].children![0].children = [{ code: '1.1', name: 'Nhầm mã', maxPoints: 1, method: 'Có: 1 điểm; Không: 0 điểm' }];
    // Positions stand for rows when a node has none: 1.1 is 3rd in document order (I, 1, 1.1), the new node 9th.
    expect(brief(lintCriteriaSet(roman))).toEqual([
      ['CODE_MALFORMED', '1.1', undefined, { code: '1.1', parent: '4' }],
      ['DUPLICATE_CODE', '1.1', undefined, { code: '1.1', rows: '3, 9' }],
    ]);
  });

  test('messages name the criterion and say what to fix', () => {
    const [f] = lintCriteriaSet(setWith((s) => (nodeOf(s, '1.1').maxPoints = 2.5))).filter((x) => x.criterion === '1.1');
    expect(message(f)).toBe('Điểm tối đa của tiêu chí 1.1 là 2,5 nhưng tổng điểm tối đa các tiêu chí con là 2.');
  });
});
