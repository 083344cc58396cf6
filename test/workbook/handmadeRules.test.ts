/**
 * Issue 10 §2-§4 on workbooks made by hand the way offices make them (exceljs, in code):
 * a letterhead, a merged two-row header, optional columns left out, totals typed or
 * summed by formulas with stale caches, an edited maximum, a survey row scored, blank
 * document numbers, a plan dated in December of the year before. Each case lists the
 * exact findings expected, so a false alarm fails it too.
 */
import type { CriteriaSet } from '../../src/core/criteria';
import type { Finding } from '../../src/core/findings';
import { readUnitWorkbook, validateReading, type UnitReading } from '../../src/workbook/read';
import { handmade, reference, type Cell } from './handmade';

const TODAY = '2025-02-15';

const brief = (fs: Finding[]) => fs.map((f) => [f.code, f.criterion ?? null, f.cell ?? null, f.params]);

/**
 * The main hand-made sheet: no method or requirement columns; field 1's total a formula
 * over its rows, field 2's typed (wrong), the grand total a formula with a stale cache;
 * 1.2's maximum edited to 3 and scored 2,5; survey row 1.3 scored; 2.2 declared "Không
 * áp dụng" (the sheet does not say it may be: the reference does); 3.1 scored 0,5 where
 * the method has only 0 and 1; a plan dated 28/12/2023 for 2024; a blank number.
 * Columns: A STT, B name, C max, D self, E declared, F evidence, G explanation.
 */
function mainRows(): Cell[][] {
  return [
    /* 9 */ ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 4, { formula: 'SUM(D10:D12)', result: 4.5 }, null, null, null],
    /* 10 */ ['1.1', 'Ban hành kế hoạch CCHC năm', 1, 1, 'Có', 'Kế hoạch số 200/KH-STP ngày 28/12/2023 về cải cách hành chính năm 2024', null],
    /* 11 */ ['1.2', 'Mức độ thực hiện kế hoạch CCHC', 3, 2.5, '100%', 'Báo cáo số /BC-STP ngày 10/12/2024', null],
    /* 12 */ ['1.3', 'Mức độ hài lòng về công tác chỉ đạo', 1, 1, null, null, null],
    /* 13 */ ['2', 'Cải cách thủ tục hành chính', 3, 2, null, null, null],
    /* 14 */ ['2.1', 'Công khai thủ tục hành chính', 1, 1, 'Có', 'https://sotuphap.backan.gov.vn/thu-tuc-hanh-chinh', null],
    /* 15 */ ['2.2', 'Giải quyết thủ tục hành chính liên thông', 2, null, 'Không áp dụng', null, null],
    /* 16 */ ['3', 'Cải cách tổ chức bộ máy', 1, { formula: 'D17', result: 0 }, null, null, null],
    /* 17 */ ['3.1', 'Ban hành quy chế làm việc', 1, 0.5, null, 'Quyết định số 12/QĐ-STP ngày 05/3/2024', null],
    /* 18 */ [null, 'TỔNG CỘNG', 8, { formula: 'D9+D13+D16', result: 99 }, null, null, null],
  ];
}

describe('a hand-made sheet checked against a reference: the reference rules always apply', () => {
  let reading: UnitReading;
  beforeAll(async () => {
    reading = await handmade(mainRows());
  });

  it('finds the table, its formulas and its grand total row', () => {
    expect(reading.answers.find((a) => a.code === '1')?.selfScoreSumOf).toEqual([10, 11, 12]);
    expect(reading.total).toEqual({ row: 18, selfScore: 99, selfScoreSumOf: [9, 13, 16] });
  });

  it('gives exactly the expected findings, and no other', () => {
    expect(brief(validateReading(reading, { reference: reference(), today: TODAY }))).toEqual([
      ['EVIDENCE_NUMBER_INVALID', '1.2', 'F11', { text: 'số /BC-STP' }],
      // The sheet's maximum of 1.2 was edited to 3: the score is judged against the reference's 2.
      ['MAX_POINTS_CHANGED', '1.2', 'C11', { found: 3, expected: 2 }],
      ['SCORE_ABOVE_MAX', '1.2', 'D11', { value: 2.5, max: 2 }],
      // The sheet has no method column: the reference says 1.3 is a survey row.
      ['SURVEY_ROW_SCORED', '1.3', 'D12', { value: 1 }],
      // Typed 2 over 2.1 = 1 and 2.2 excused.
      ['TOTAL_MISMATCH', '2', 'D13', { total: 2, sum: 1 }],
      // 0,5 is not a level of 3.1 (0 or 1), which only the reference's method says.
      ['SCORE_NOT_ALLOWED', '3.1', 'D17', expect.objectContaining({ value: 0.5 })],
      // The plan for 2024 issued on 28/12/2023: accepted, for the appraiser to see.
      ['EVIDENCE_DATE_BEFORE_PERIOD', '1.1', 'F10', { doc: '200/KH-STP', date: '28/12/2023', from: '01/1/2024' }],
    ]);
  });

  it('the formula totals (field 1 over a survey row, the grand total with a stale cache) are not flagged, nor 2.2 excused by the reference', () => {
    const found = validateReading(reading, { reference: reference(), today: TODAY });
    expect(found.filter((f) => f.row === 9 || f.row === 18 || f.row === 16)).toEqual([]);
    expect(found.filter((f) => f.criterion === '2.2')).toEqual([]);
    expect(found.some((f) => f.code === 'SCORE_MISSING')).toBe(false);
  });

  it('without the reference the sheet\'s own rules apply and the edited maximum shows on its parent', () => {
    expect(brief(validateReading(reading, { today: TODAY }))).toEqual([
      ['SET_SUM_MISMATCH', '1', 'C9', { max: 4, sum: 5 }],
      ['EVIDENCE_NUMBER_INVALID', '1.2', 'F11', { text: 'số /BC-STP' }],
      // Nothing in the sheet says 1.3 is a survey row.
      ['EVIDENCE_MISSING', '1.3', 'F12', { value: 1 }],
      ['TOTAL_MISMATCH', '2', 'D13', { total: 2, sum: 1 }],
      // No method column and no reference: nothing says 2.2 may be declared "Không áp dụng".
      ['NOT_APPLICABLE_NOT_ALLOWED', '2.2', 'E15', {}],
      ['SCORE_MISSING', '2.2', 'D15', {}],
      ['EVIDENCE_DATE_BEFORE_PERIOD', '1.1', 'F10', { doc: '200/KH-STP', date: '28/12/2023', from: '01/1/2024' }],
    ]);
  });
});

describe('totals the sheet carries', () => {
  const rows = (field1: Cell, grand: Cell): Cell[][] => [
    ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 4, field1, null, 'Kế hoạch số 15/KH-STP ngày 10/01/2024', null],
    ['1.1', 'Ban hành kế hoạch CCHC năm', 1, 1, 'Có', 'Kế hoạch số 15/KH-STP ngày 10/01/2024', null],
    ['1.2', 'Mức độ thực hiện kế hoạch CCHC', 2, 1, '90%', 'Báo cáo số 120/BC-STP ngày 10/12/2024', null],
    ['1.3', 'Mức độ hài lòng về công tác chỉ đạo', 1, null, null, null, null],
    ['2', 'Cải cách thủ tục hành chính', 3, 1, null, null, null],
    ['2.1', 'Công khai thủ tục hành chính', 1, 1, 'Có', 'https://sotuphap.backan.gov.vn/tthc', null],
    ['2.2', 'Giải quyết thủ tục hành chính liên thông', 2, null, 'Không áp dụng', null, null],
    ['3', 'Cải cách tổ chức bộ máy', 1, 0, null, null, null],
    ['3.1', 'Ban hành quy chế làm việc', 1, 0, null, null, null],
    [null, 'Tổng điểm', 8, grand, null, null, null],
  ];
  const check = async (field1: Cell, grand: Cell) =>
    brief(validateReading(await handmade(rows(field1, grand)), { reference: reference(), today: TODAY }).filter((f) => f.severity !== 'info'));

  it('a right sheet, typed totals, has no finding', async () => {
    expect(await check(2, 3)).toEqual([]);
  });

  it('a wrong typed grand total is reported on its own row', async () => {
    expect(await check(2, 3.5)).toEqual([['TOTAL_MISMATCH', null, 'D18', { total: 3.5, sum: 3 }]]);
  });

  it('a wrong typed field total is reported on the field, and the grand total typed from it on its own row (F3)', async () => {
    expect(await check(2.5, 3.5)).toEqual([
      ['TOTAL_MISMATCH', '1', 'D9', { total: 2.5, sum: 2 }],
      ['TOTAL_MISMATCH', null, 'D18', { total: 3.5, sum: 3 }],
    ]);
    // A right grand total over a wrong field total: only the field.
    expect(await check(2.5, 3)).toEqual([['TOTAL_MISMATCH', '1', 'D9', { total: 2.5, sum: 2 }]]);
  });

  it('a sum formula over exactly the children is right whatever its cache holds; one over other rows is judged by its value', async () => {
    expect(await check({ formula: 'SUM(D10:D12)', result: 7 }, { formula: 'SUM(D9,D13,D16)', result: 0 })).toEqual([]);
    expect(await check({ formula: 'SUM(D10:D11)', result: 2 }, 3)).toEqual([]);
    expect(await check({ formula: 'SUM(D9:D12)', result: 4 }, 3)).toEqual([['TOTAL_MISMATCH', '1', 'D9', { total: 4, sum: 2 }]]);
  });

  it('an error value cached in an exact sum formula is not reported on the total; a typed one is', async () => {
    expect(await check({ formula: 'SUM(D10:D12)', result: { error: '#REF!' } as unknown as number }, 3)).toEqual([]);
    expect(await check('#REF!', 3)).toEqual([['SCORE_NOT_NUMBER', '1', 'D9', { value: '#REF!' }]]);
  });
});

describe('an absent optional column is one finding, not one per row', () => {
  it('a sheet without an evidence column', async () => {
    const reading = await handmade(
      [
        ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 4, 3, null],
        ['1.1', 'Ban hành kế hoạch CCHC năm', 1, 1, 'Có'],
        ['1.2', 'Mức độ thực hiện kế hoạch CCHC', 2, 2, '100%'],
        ['1.3', 'Mức độ hài lòng về công tác chỉ đạo', 1, null, null],
        ['2', 'Cải cách thủ tục hành chính', 3, 1, null],
        ['2.1', 'Công khai thủ tục hành chính', 1, 1, 'Có'],
        ['2.2', 'Giải quyết thủ tục hành chính liên thông', 2, null, 'Không áp dụng'],
        ['3', 'Cải cách tổ chức bộ máy', 1, 0, null],
        ['3.1', 'Ban hành quy chế làm việc', 1, 0, null],
      ],
      ['Số liệu kê khai'],
    );
    expect(brief(validateReading(reading, { reference: reference(), today: TODAY }))).toEqual([
      ['EVIDENCE_COLUMN_MISSING', null, null, { count: 3, criteria: '1.1, 1.2, 2.1' }],
    ]);
  });
});

describe('the bundled sample gives the same results as before, except where issue 10 changed a rule', () => {
  const SAMPLE = `${__dirname}/../../data/samples/so-tu-phap-2024.xlsx`;
  let reading: UnitReading;
  beforeAll(async () => {
    const { readWorkbookFile } = await import('../../src/xlsx/read');
    const read = readUnitWorkbook(await readWorkbookFile(SAMPLE), { file: 'so-tu-phap-2024.xlsx' });
    if (!read.ok) throw new Error('sample unreadable');
    reading = read;
  });
  const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').map((f) => [f.code, f.criterion ?? null, f.cell ?? null]);
  const warnings = (fs: Finding[]) => fs.filter((f) => f.severity !== 'error').map((f) => f.code);

  it('without a reference: the edited maximum of 2.4 now shows on field 2 (SET_SUM_MISMATCH); 1.1\'s exact SUM formula is no longer TOTAL_MISMATCH', () => {
    const found = validateReading(reading, { today: '2025-03-01' });
    expect(errors(found)).toEqual([
      ['SCORE_ABOVE_MAX', '1.1.2', 'G12'],
      ['EVIDENCE_DATE_OUT_OF_PERIOD', '1.4', 'H18'],
      ['LINK_INVALID', '1.6', 'H20'],
      ['SET_SUM_MISMATCH', '2', 'C24'],
      ['EVIDENCE_MISSING', '2.2.1', 'H29'],
    ]);
    expect(warnings(found).filter((c) => c !== 'SCORE_MISSING')).toEqual(['SCORE_TYPED_AS_TEXT', 'DEFINITION_EDITED']);
    expect(warnings(found).filter((c) => c === 'SCORE_MISSING')).toHaveLength(51);
  });

  it('with its reference set: as before but for TOTAL_MISMATCH on 1.1', async () => {
    const { readFileSync } = await import('node:fs');
    const set = JSON.parse(readFileSync(`${__dirname}/../../data/criteria/so-2024.json`, 'utf8')) as CriteriaSet;
    const found = validateReading(reading, { reference: set, today: '2025-03-01' });
    expect(errors(found)).toEqual([
      ['SCORE_ABOVE_MAX', '1.1.2', 'G12'],
      ['EVIDENCE_DATE_OUT_OF_PERIOD', '1.4', 'H18'],
      ['LINK_INVALID', '1.6', 'H20'],
      ['EVIDENCE_MISSING', '2.2.1', 'H29'],
      ['MAX_POINTS_CHANGED', '2.4', 'C35'],
    ]);
    expect(warnings(found).filter((c) => c !== 'SCORE_MISSING')).toEqual(['SCORE_TYPED_AS_TEXT', 'DEFINITION_EDITED']);
  });
});
