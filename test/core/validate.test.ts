import fc from 'fast-check';
import type { Answer, CellValue } from '../../src/core/answers';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { message, type Finding } from '../../src/core/findings';
import { describeAllowed } from '../../src/core/method';
import { computeTotals } from '../../src/core/totals';
import { flattenSet, type CriterionNode } from '../../src/core/criteria';
import { validateScores, validateSheet, validateUnit } from '../../src/core/validate';
import { M_YES_NO, sampleSet } from './criteriaFixture';

const index = lookupCriteria(sampleSet());
/** The levels of 1.2 (xuất sắc / tốt / hoàn thành: 100%, 75%, 50% of 1,5) as the method parser lists them. */
const levelsOf12 = describeAllowed(index.byCode.get('1.2')!.method.allowed, 'vi');

/** Sở Tư pháp's scored rows, filled in correctly: every check passes. */
const unit: Answer[] = [
  { code: '1.1.1', declared: 'Có', selfScore: 1, row: 10, evidence: 'Kế hoạch số 15/KH-STP ngày 10/01/2024 của Sở Tư pháp về CCHC năm 2024' },
  { code: '1.1.2', declared: '85%', selfScore: 0.5, row: 11, evidence: 'Báo cáo số 210/BC-STP ngày 05/12/2024' },
  { code: '1.2', declared: 'Hoàn thành tốt', selfScore: 1.125, row: 12, evidence: 'Quyết định số 45/QĐ-UBND ngày 20/02/2024 của UBND tỉnh' },
  { code: '1.3', selfScore: 0.5, row: 13, evidence: 'Báo cáo số 120/BC-STP ngày 15/6/2024' },
  { code: '2.1', declared: 'Có', selfScore: 1, row: 15, evidence: 'https://sotuphap.backan.gov.vn/thu-tuc-hanh-chinh' },
  { code: '2.2', declared: 'Không áp dụng', row: 16 },
  { code: '2.3', row: 17, appraisedScore: 0.8 },
  { code: '3.1', declared: '95%', selfScore: 1, row: 19, explanation: 'Đã giảm 9,5% biên chế; văn bản đang trình ký' },
  { code: '3.2', declared: 'Có', selfScore: 0.5, row: 20, evidence: 'Quyết định số 88/QĐ-UBND ngày 01/10/2024 công nhận sáng kiến' },
];

/** The same with the totals of parent rows as their sum formulas show them. */
const withTotals: Answer[] = [
  ...unit,
  { code: '1', selfScore: 3.125, row: 8 },
  { code: '1.1', selfScore: 1.5, row: 9 },
  { code: '2', selfScore: 1, row: 14 },
  { code: '3', selfScore: 1.5, row: 18 },
];

const ctx = { period: { from: '2024-01-01', to: '2024-12-31' }, today: '2024-12-20' };

/** The answers with some rows replaced (keeping their sheet rows) or added (rows from the set). */
function edited(changes: Answer[], base: Answer[] = unit): Answer[] {
  const rowOf = (code: string) => base.find((a) => a.code === code)?.row ?? index.byCode.get(code)?.node.row;
  const kept = base.filter((a) => !changes.some((c) => c.code === a.code));
  return [...kept, ...changes.map((c) => ({ row: rowOf(c.code), ...c }))];
}

const brief = (fs: Finding[]) => fs.map((f) => [f.code, f.criterion, f.field, f.row, f.params]);

describe('validateScores', () => {
  test('a correct workbook has no finding, with or without the totals of parent rows', () => {
    expect(validateScores(index, unit)).toEqual([]);
    expect(validateScores(index, withTotals)).toEqual([]);
  });

  test.each<[string, Answer[], unknown[][]]>([
    ['an error value', [{ code: '1.3', selfScore: { error: '#REF!' } }], [['SCORE_NOT_NUMBER', '1.3', 'selfScore', 13, { value: '#REF!' }]]],
    ['a score written in words', [{ code: '1.3', selfScore: 'nửa điểm' }], [['SCORE_NOT_NUMBER', '1.3', 'selfScore', 13, { value: 'nửa điểm' }]]],
    ['a negative score', [{ code: '2.1', declared: 'Có', selfScore: -0.5 }], [['SCORE_NEGATIVE', '2.1', 'selfScore', 15, { value: -0.5, max: 1 }]]],
    [
      'a score above the maximum typed as text with a decimal comma',
      [{ code: '3.1', selfScore: '2,5' }],
      [['SCORE_TYPED_AS_TEXT', '3.1', 'selfScore', 19, { value: '2,5', number: 2.5 }], ['SCORE_ABOVE_MAX', '3.1', 'selfScore', 19, { value: 2.5, max: 2 }]],
    ],
    ['a score typed as text "0,5"', [{ code: '1.1.2', declared: '85%', selfScore: '0,5' }], [['SCORE_TYPED_AS_TEXT', '1.1.2', 'selfScore', 11, { value: '0,5', number: 0.5 }]]],
    ['a score typed as text "0.5" with spaces', [{ code: '1.3', selfScore: ' 0.5 ' }], [['SCORE_TYPED_AS_TEXT', '1.3', 'selfScore', 13, { value: '0.5', number: 0.5 }]]],
    ['a whole score typed as text', [{ code: '2.1', declared: 'Có', selfScore: '1' }], [['SCORE_TYPED_AS_TEXT', '2.1', 'selfScore', 15, { value: '1', number: 1 }]]],
    [
      'a criterion total typed as text that the SUM above it skips',
      [{ code: '1.1', selfScore: '1,5' }, { code: '1', selfScore: 1.625 }],
      [['TOTAL_MISMATCH', '1', 'selfScore', 8, { total: 1.625, sum: 3.125 }], ['SCORE_TYPED_AS_TEXT', '1.1', 'selfScore', 9, { value: '1,5', number: 1.5 }]],
    ],
    ['a survey row with a text number is reported as scored, not as text', [{ code: '2.3', selfScore: '1' }], [['SURVEY_ROW_SCORED', '2.3', 'selfScore', 17, { value: 1 }]]],
    ['a score that is not a level of the method', [{ code: '1.2', selfScore: 1.2 }], [['SCORE_NOT_ALLOWED', '1.2', 'selfScore', 12, { value: 1.2, allowed: levelsOf12, allowedEn: levelsOf12.replace(/,/g, '.') }]]],
    ['any value within a deduction method', [{ code: '1.3', selfScore: 0.35 }], []],
    ['no score', [{ code: '1.3' }], [['SCORE_MISSING', '1.3', 'selfScore', 13, {}]]],
    ['a blank text is no score', [{ code: '1.3', selfScore: '  ' }], [['SCORE_MISSING', '1.3', 'selfScore', 13, {}]]],
    [
      '"Không áp dụng" where the set does not allow it',
      [{ code: '2.1', declared: 'Không áp dụng' }],
      [['NOT_APPLICABLE_NOT_ALLOWED', '2.1', 'declared', 15, {}], ['SCORE_MISSING', '2.1', 'selfScore', 15, {}]],
    ],
    ['a survey row self-scored', [{ code: '2.3', selfScore: 1 }], [['SURVEY_ROW_SCORED', '2.3', 'selfScore', 17, { value: 1 }]]],
    ['a survey row with a note in the score cell', [{ code: '2.3', selfScore: 'ĐTXH' }], [['SURVEY_ROW_SCORED', '2.3', 'selfScore', 17, { value: 'ĐTXH' }]]],
    [
      'a criterion total that is not the sum of its sub-criteria, and the field total typed from it: both wrong, both reported',
      [{ code: '1.1', selfScore: 2 }, { code: '1', selfScore: 3.625 }],
      [['TOTAL_MISMATCH', '1', 'selfScore', 8, { total: 3.625, sum: 3.125 }], ['TOTAL_MISMATCH', '1.1', 'selfScore', 9, { total: 2, sum: 1.5 }]],
    ],
    [
      'a wrong criterion total under a right field total: only the wrong one',
      [{ code: '1.1', selfScore: 2 }, { code: '1', selfScore: 3.125 }],
      [['TOTAL_MISMATCH', '1.1', 'selfScore', 9, { total: 2, sum: 1.5 }]],
    ],
    [
      'a field total over a blank criterion total sums the sub-criteria',
      [{ code: '1', selfScore: 3.5 }],
      [['TOTAL_MISMATCH', '1', 'selfScore', 8, { total: 3.5, sum: 3.125 }]],
    ],
    ['a total with an error value', [{ code: '3', selfScore: { error: '#VALUE!' } }], [['SCORE_NOT_NUMBER', '3', 'selfScore', 18, { value: '#VALUE!' }]]],
    ['a blank total is not checked', [{ code: '3', selfScore: null }, { code: '1', selfScore: '' }], []],
    [
      'an excused row counts 0 in its field total even when a score was typed',
      [{ code: '2.2', declared: 'Không áp dụng', selfScore: 1 }, { code: '2', selfScore: 2 }],
      [['TOTAL_MISMATCH', '2', 'selfScore', 14, { total: 2, sum: 1 }], ['SCORE_NOT_COUNTED', '2.2', 'selfScore', 16, { value: 1 }]],
    ],
    [
      'a total that adds a score the unit may not give (survey) is still a plain sum',
      [{ code: '2.3', selfScore: 1 }, { code: '2', selfScore: 2 }],
      [['SURVEY_ROW_SCORED', '2.3', 'selfScore', 17, { value: 1 }]],
    ],
    [
      'a score that the declared percentage does not give',
      [{ code: '1.1.2', declared: '75%', selfScore: 0.5 }],
      [['SCORE_DIFFERS_FROM_DECLARED', '1.1.2', 'selfScore', 11, { declared: '75%', suggested: 0, value: 0.5 }]],
    ],
    [
      'a full score for a plan declared as not issued',
      [{ code: '1.1.1', declared: 'Không', selfScore: 1 }],
      [['SCORE_DIFFERS_FROM_DECLARED', '1.1.1', 'selfScore', 10, { declared: 'Không', suggested: 0, value: 1 }]],
    ],
    ['an appraised score in words', [{ code: '3.1', declared: '95%', selfScore: 1, appraisedScore: 'đạt' }], [['APPRAISED_INVALID', '3.1', 'appraisedScore', 19, { value: 'đạt', reason: 'không phải là số', reasonEn: 'not a number' }]]],
    ['an appraised score above the maximum', [{ code: '1.2', declared: 'Hoàn thành tốt', selfScore: 1.125, appraisedScore: 2 }], [['APPRAISED_INVALID', '1.2', 'appraisedScore', 12, { value: '2', reason: 'vượt điểm tối đa 1,5', reasonEn: 'above the maximum 1.5' }]]],
    ['a negative appraised score', [{ code: '2.1', declared: 'Có', selfScore: 1, appraisedScore: -1 }], [['APPRAISED_INVALID', '2.1', 'appraisedScore', 15, { value: '-1', reason: 'điểm âm', reasonEn: 'negative' }]]],
    ['a final appraised score above the maximum', [{ code: '1.2', declared: 'Hoàn thành tốt', selfScore: 1.125, appraisedScore: 1, finalScore: 2 }], [['APPRAISED_INVALID', '1.2', 'finalScore', 12, { value: '2', reason: 'vượt điểm tối đa 1,5', reasonEn: 'above the maximum 1.5' }]]],
  ])('%s', (_label, changes, expected) => {
    expect(brief(validateScores(index, edited(changes)))).toEqual(expected);
  });

  test('warnings are warnings, the rest errors', () => {
    const found = validateScores(index, edited([{ code: '1.3' }, { code: '1.1.2', declared: '75%', selfScore: 0.5 }, { code: '1.2', selfScore: 1.2 }, { code: '2.1', declared: 'Có', selfScore: '1' }]));
    expect(Object.fromEntries(found.map((f) => [f.code, f.severity]))).toEqual({
      SCORE_MISSING: 'warning',
      SCORE_DIFFERS_FROM_DECLARED: 'warning',
      SCORE_TYPED_AS_TEXT: 'warning',
      SCORE_NOT_ALLOWED: 'error',
    });
  });

  test('a score typed as text says what Excel does with it and how to retype it, in both languages', () => {
    const [f] = validateScores(index, edited([{ code: '1.1.2', declared: '85%', selfScore: '0,5' }]));
    expect(message(f)).toBe(
      'Điểm "0,5" của tiêu chí 1.1.2 được lưu dạng văn bản: các tổng điểm của Excel (hàm SUM) bỏ qua ô này nên tổng bị thiếu. Gõ lại ô dưới dạng số, ví dụ 0,5, với dấu thập phân theo cài đặt Excel của máy.',
    );
    expect(message(f, 'en')).toBe(
      'The score "0,5" of criterion 1.1.2 is stored as text: Excel\'s totals (SUM) ignore it, so the totals fall short. Retype it as a number, e.g. 0.5, with the decimal separator of your Excel.',
    );
  });

  test('a number typed as a number is never reported as text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1 }), (v) => {
        expect(validateScores(index, edited([{ code: '1.3', selfScore: v }])).filter((f) => f.code === 'SCORE_TYPED_AS_TEXT')).toEqual([]);
      }),
    );
  });

  test('an answer without a row takes the row of the criterion in the set', () => {
    const answers = unit.filter((a) => a.code !== '1.3');
    expect(brief(validateScores(index, answers))).toEqual([['SCORE_MISSING', '1.3', 'selfScore', 13, {}]]);
  });

  test('a code written "1.3." still matches', () => {
    expect(validateScores(index, edited([{ code: '1.3', selfScore: 0.5 }]).map((a) => (a.code === '1.3' ? { ...a, code: '1.3.' } : a)))).toEqual([]);
  });

  test('the message reads as a sentence in Vietnamese and in English', () => {
    const [f] = validateScores(index, edited([{ code: '1.2', selfScore: 1.2 }]));
    expect(levelsOf12).toContain('0,75; 1,125; 1,5');
    expect(message(f)).toBe(`Điểm 1,2 không thuộc các mức điểm của cách tính điểm tiêu chí 1.2. Các mức hợp lệ: ${levelsOf12}.`);
    expect(message(f, 'en')).toContain('0.75; 1.125; 1.5.');
    const [g] = validateScores(index, edited([{ code: '1.2', selfScore: 1.125, appraisedScore: 2 }]));
    expect(message(g, 'en')).toBe('Appraised score "2" of criterion 1.2 is invalid: above the maximum 1.5.');
  });
});

describe('validateUnit', () => {
  test('a correct workbook has no finding', () => {
    expect(validateUnit(index, withTotals, ctx)).toEqual([]);
  });

  test.each<[string, Answer[], unknown[][]]>([
    [
      'a score without evidence or explanation',
      [{ code: '1.3', selfScore: 0.5 }],
      [['EVIDENCE_MISSING', '1.3', 'evidence', 13, { value: 0.5 }]],
    ],
    [
      'a document dated in the previous year',
      [{ code: '1.1.2', declared: '85%', selfScore: 0.5, evidence: 'Báo cáo số 210/BC-STP ngày 05/12/2023' }],
      [['EVIDENCE_DATE_OUT_OF_PERIOD', '1.1.2', 'evidence', 11, expect.objectContaining({ doc: '210/BC-STP', date: '05/12/2023' })]],
    ],
    [
      'a report where a plan is required',
      [{ code: '1.1.1', declared: 'Có', selfScore: 1, evidence: 'Báo cáo số 99/BC-STP ngày 10/01/2024' }],
      [['EVIDENCE_KIND_MISMATCH', '1.1.1', 'evidence', 10, { expected: 'kế hoạch', found: 'báo cáo' }]],
    ],
    [
      'score findings come first, with their rows',
      [{ code: '3.1', declared: '95%', selfScore: 5, explanation: 'Đã giảm biên chế' }],
      [['SCORE_ABOVE_MAX', '3.1', 'selfScore', 19, { value: 5, max: 2 }]],
    ],
    [
      // Issue 10 §2: a row excused from the denominator never also carries an error.
      'neither survey rows nor excused rows are checked for evidence',
      [{ code: '2.3', evidence: 'Báo cáo số 1/BC-STP ngày 01/01/2020' }, { code: '2.2', declared: 'Không áp dụng', evidence: 'Công văn số 5/STP-VP ngày 02/01/2019' }],
      [],
    ],
  ])('%s', (_label, changes, expected) => {
    expect(brief(validateUnit(index, edited(changes), ctx))).toEqual(expected);
  });

  test('one plan cited for criteria of several fields is pointed out on the first of them', () => {
    const plan = 'Kế hoạch số 15/KH-STP ngày 10/01/2024';
    const found = validateUnit(index, edited([
      { code: '1.3', selfScore: 0.5, evidence: plan },
      { code: '2.1', declared: 'Có', selfScore: 1, evidence: plan },
    ]), ctx);
    expect(brief(found.filter((f) => f.code === 'EVIDENCE_SHARED'))).toEqual([
      ['EVIDENCE_SHARED', '1.1.1', 'evidence', 10, { doc: '15/KH-STP', count: 3, criteria: '1.1.1, 1.3, 2.1' }],
    ]);
  });
});

describe('validateScores and computeTotals agree', () => {
  const selfLeaves = index.nodes.filter((n) => n.isLeaf && n.scoredBy === 'self');
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -3, max: 3 }),
    fc.constantFrom(0, 0.5, 0.75, 1, 1.125, 2, '0,5', '1.5', 'Có', '#N/A'),
    fc.constant({ error: '#DIV/0!' }),
  );

  test('a leaf counts its score in the totals exactly when no score error is reported for it', () => {
    const scoreErrors = new Set(['SCORE_NOT_NUMBER', 'SCORE_NEGATIVE', 'SCORE_ABOVE_MAX', 'SCORE_NOT_ALLOWED']);
    fc.assert(
      fc.property(fc.tuple(...selfLeaves.map(() => cell)), (cells) => {
        const answers = selfLeaves.map((n, i) => ({ code: n.code, selfScore: cells[i] }));
        const found = validateScores(index, answers);
        const totals = computeTotals(index, answers);
        selfLeaves.forEach((n, i) => {
          const flagged = found.some((f) => f.criterion === n.code && scoreErrors.has(f.code));
          const counted = totals.byCode.get(n.code)?.self;
          const entered = cells[i] !== null && cells[i] !== '';
          if (!entered) expect(counted).toBeUndefined();
          else if (flagged) expect(counted).toBe(0);
          else expect(counted).toBeCloseTo(Number(String(cells[i]).replace(',', '.')), 10);
        });
      }),
    );
  });
});

test('a blank bonus row is no missing score: it only means no bonus was earned', () => {
  const missing = (answers: Answer[]) =>
    validateScores(index, answers).filter((f) => f.code === 'SCORE_MISSING').map((f) => f.criterion);
  expect(missing(edited([{ code: '3.2', selfScore: null }]))).not.toContain('3.2');
  expect(missing(edited([{ code: '1.2', selfScore: null }]))).toContain('1.2');
});

describe('validateSheet: a row of the sheet the reference lacks', () => {
  // The sheet adds 1.1.3 (row 21) under 1.1: the comparison reports it (CRITERION_UNEXPECTED);
  // 1.1's total may count it, with its score as written.
  const sheet = sampleSet();
  const parent = sheet.fields[0].children?.[0] as CriterionNode;
  parent.children?.push({ code: '1.1.3', name: 'Tiêu chí thêm của đơn vị', maxPoints: 1, row: 21, method: M_YES_NO });
  const totalsOf = (total: Partial<Answer>) =>
    validateSheet(sheet, edited([{ code: '1.1.3', selfScore: 1, row: 21 }, { code: '1.1', row: 9, ...total }], withTotals), { reference: sampleSet(), today: ctx.today }).filter(
      (f) => f.code === 'TOTAL_MISMATCH',
    );

  it('a parent total counting it is right, so is one counting only the reference rows', () => {
    expect(totalsOf({ selfScore: 2.5 })).toEqual([]);
    expect(totalsOf({ selfScore: 1.5 })).toEqual([]);
  });

  it('an exact SUM over the sheet rows, the added one included, is right whatever its cached value', () => {
    expect(totalsOf({ selfScore: 9, selfScoreSumOf: [10, 11, 21] })).toEqual([]);
    expect(brief(totalsOf({ selfScore: 9, selfScoreSumOf: [10, 11] }))).toEqual([['TOTAL_MISMATCH', '1.1', 'selfScore', 9, { total: 9, sum: 2.5 }]]);
  });

  it('a total wrong even with it counted is reported, the added row in the sum', () => {
    expect(brief(totalsOf({ selfScore: 3 }))).toEqual([['TOTAL_MISMATCH', '1.1', 'selfScore', 9, { total: 3, sum: 2.5 }]]);
  });
});

describe('validateSheet: the rules kept per reference follow each sheet', () => {
  // Answers without their rows: a finding takes its row from the rules on the sheet's rows.
  const answers = edited([{ code: '1.3', selfScore: null }]).map(({ row: _, ...a }) => a);
  const rowOf13 = (sheet: ReturnType<typeof sampleSet>, reference: ReturnType<typeof sampleSet>) =>
    validateSheet(sheet, answers, { reference, today: ctx.today }).find((f) => f.code === 'SCORE_MISSING' && f.criterion === '1.3')?.row;

  it('a sheet with its rows further down, after one with the same codes, gets its own rows', () => {
    const reference = sampleSet();
    const lower = sampleSet();
    for (const n of flattenSet(lower)) n.row = (n.row as number) + 5;
    expect(rowOf13(sampleSet(), reference)).toBe(13);
    expect(rowOf13(lower, reference)).toBe(18);
    expect(rowOf13(sampleSet(), reference)).toBe(13);
  });
});

describe('answers listed in the rules’ order', () => {
  // A set repeating a code (1.3 on a second row): the first answer of a code is the one checked and counted.
  const set = sampleSet();
  const first = set.fields[0].children as CriterionNode[];
  first.push({ ...(first.find((n) => n.code === '1.3') as CriterionNode), row: 40 });
  const rules = lookupCriteria(set);
  const score: fc.Arbitrary<CellValue> = fc.oneof(fc.constant(null), fc.constantFrom(0, 0.5, 1, 1.5, 2, 4, '0,5', 'x', -1));
  const declared: fc.Arbitrary<CellValue | undefined> = fc.constantFrom(undefined, null, 'Có', 'Không áp dụng', '85%');
  const evidence: fc.Arbitrary<CellValue | undefined> = fc.constantFrom(undefined, '', 'Kế hoạch số 15/KH-STP ngày 10/01/2024', 'Báo cáo số 2/BC-STP ngày 05/12/2025');

  test('give the findings of the same answers looked up by code', () => {
    const row = fc.record({ selfScore: score, declared, evidence });
    fc.assert(
      fc.property(fc.tuple(...rules.nodes.map(() => row)), (cells) => {
        const answers: Answer[] = rules.nodes.map((n, i) => {
          const a: Answer = { code: n.code, row: 8 + i, selfScore: cells[i].selfScore };
          if (cells[i].declared !== undefined) a.declared = cells[i].declared;
          if (cells[i].evidence !== undefined) a.evidence = cells[i].evidence;
          return a;
        });
        // An answer for a row the rules lack: the same answers, no longer one per rule in order.
        const byCode = [...answers, { code: '9.9', row: 99 }];
        expect(validateUnit(rules, answers, ctx)).toEqual(validateUnit(rules, byCode, ctx));
        expect(validateScores(rules, answers)).toEqual(validateScores(rules, byCode));
      }),
      { numRuns: 300 },
    );
  });
});
