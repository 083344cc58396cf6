import { consolidate, gradeOf, isRanked, type GradeBand, type Submission } from '../../src/core/consolidate';
import { finding, message } from '../../src/core/findings';
import { buildSummaryPrint } from '../../src/workbook/printSummary';

const grades: GradeBand[] = [
  { label: 'Tốt', labelEn: 'Good', minIndex: 90 },
  { label: 'Khá', labelEn: 'Fair', minIndex: 80 },
  { label: 'Trung bình', labelEn: 'Average', minIndex: 65 },
  { label: 'Yếu', labelEn: 'Weak', minIndex: 0 },
];

function sub(file: string, unit: string | undefined, level: 'so' | 'huyen' | 'xa', index: number, extra: Partial<Submission> = {}): Submission {
  return {
    file,
    hash: `h-${file}`,
    unit,
    level,
    findings: [],
    totals: { self: index * 0.7, final: index * 0.7, applicableMax: 70, index, byField: [] },
    ...extra,
  };
}

describe('consolidate', () => {
  test('ranks within each level with shared ranks for ties (1, 2, 2, 4)', () => {
    const c = consolidate(
      [
        sub('a.xlsx', 'Sở Tư pháp', 'so', 91.5),
        sub('b.xlsx', 'Sở Y tế', 'so', 85),
        sub('c.xlsx', 'Sở Tài chính', 'so', 85),
        sub('d.xlsx', 'Sở Nội vụ', 'so', 70.25),
        sub('e.xlsx', 'UBND huyện Ba Bể', 'huyen', 60),
      ],
      { grades },
    );
    const ranks = Object.fromEntries(c.units.map((u) => [u.unit, [u.rank, u.grade]]));
    expect(ranks).toEqual({
      'Sở Tư pháp': [1, 'Tốt'],
      'Sở Y tế': [2, 'Khá'],
      'Sở Tài chính': [2, 'Khá'],
      'Sở Nội vụ': [4, 'Trung bình'],
      'UBND huyện Ba Bể': [1, 'Yếu'],
    });
    expect(c.units.map((u) => u.unit)).toEqual(['Sở Tư pháp', 'Sở Tài chính', 'Sở Y tế', 'Sở Nội vụ', 'UBND huyện Ba Bể']);
  });

  test('rejects unusable files with their reasons and goes on with the others', () => {
    const c = consolidate(
      [
        sub('bad.xlsx', undefined, 'so', 0, { findings: [finding('FILE_UNREADABLE', { file: 'bad.xlsx', reason: 'x' })], totals: undefined }),
        sub('edited.xlsx', 'Sở Y tế', 'so', 99, { findings: [finding('MAX_POINTS_CHANGED', { found: 3, expected: 2 }, { criterion: '1.1' })] }),
        sub('ok.xlsx', 'Sở Tư pháp', 'so', 80),
        sub('anon.xlsx', undefined, 'so', 80),
      ],
      { grades },
    );
    expect(c.rejected.map((r) => [r.file, r.reasons.map((f) => f.code)])).toEqual([
      ['bad.xlsx', ['FILE_UNREADABLE']],
      ['edited.xlsx', ['MAX_POINTS_CHANGED']],
      ['anon.xlsx', ['UNIT_UNIDENTIFIED']],
    ]);
    expect(c.units.map((u) => [u.unit, u.rank])).toEqual([['Sở Tư pháp', 1]]);
    expect(c.log.map((r) => r.file)).toEqual(['bad.xlsx', 'edited.xlsx', 'ok.xlsx', 'anon.xlsx']);
  });

  test('two files of one unit are reported, never ranked; names match without diacritics', () => {
    const c = consolidate([sub('a.xlsx', 'Sở Tư pháp', 'so', 90), sub('b.xlsx', 'SO TU PHAP', 'so', 95), sub('c.xlsx', 'Sở Y tế', 'so', 50)], {
      grades,
    });
    expect(c.duplicates).toEqual([{ unit: 'Sở Tư pháp', files: ['a.xlsx', 'b.xlsx'] }]);
    expect(c.units.filter((u) => u.status === 'duplicate').map((u) => u.rank)).toEqual([undefined, undefined]);
    expect(c.units.find((u) => u.unit === 'Sở Y tế')?.rank).toBe(1);
  });

  test('lists expected units that sent nothing, and rejects units not on the list', () => {
    const c = consolidate([sub('a.xlsx', 'Sở tư pháp', 'so', 90), sub('x.xlsx', 'Sở Lạ', 'so', 90)], {
      grades,
      expectedUnits: [
        { name: 'Sở Tư pháp', level: 'so' },
        { name: 'UBND huyện Pác Nặm', level: 'huyen' },
      ],
    });
    expect(c.missing).toEqual([{ name: 'UBND huyện Pác Nặm', level: 'huyen' }]);
    expect(c.units.map((u) => u.unit)).toEqual(['Sở Tư pháp']);
    expect(c.rejected[0].reasons.map((f) => f.code)).toEqual(['UNIT_NOT_EXPECTED']);
  });

  test('another set version is refused unless the user confirms', () => {
    const old = sub('old.xlsx', 'Sở Tư pháp', 'so', 90, {
      findings: [finding('SET_VERSION_MISMATCH', { found: '2023.1', expected: '2024.1' })],
    });
    expect(consolidate([old], { grades }).rejected).toHaveLength(1);
    const confirmed = consolidate([old], { grades, allowOtherVersions: true });
    expect(confirmed.units[0].status).toBe('accepted_with_warnings');
    expect(confirmed.units[0].rank).toBe(1);
  });

  test('status counts errors and warnings of accepted files', () => {
    const c = consolidate(
      [
        sub('a.xlsx', 'Sở A', 'so', 90, { findings: [finding('SCORE_MISSING', {}, { criterion: '1.1' })] }),
        sub('b.xlsx', 'Sở B', 'so', 90),
      ],
      { grades },
    );
    expect(c.units.map((u) => [u.unit, u.status, u.errors, u.warnings])).toEqual([
      ['Sở A', 'accepted_with_warnings', 0, 1],
      ['Sở B', 'accepted', 0, 0],
    ]);
  });

  test('a file with error findings is never accepted: accepted_with_errors, ranked on its counted scores, the errors as its reasons', () => {
    const aboveMax = finding('SCORE_ABOVE_MAX', { value: 3, max: 2 }, { criterion: '1.2' });
    const missing = finding('SCORE_MISSING', {}, { criterion: '1.1' });
    const c = consolidate(
      [
        sub('a.xlsx', 'Sở A', 'so', 95, { findings: [aboveMax, missing] }),
        sub('b.xlsx', 'Sở B', 'so', 90, { findings: [missing] }),
        sub('c.xlsx', 'Sở C', 'so', 80),
      ],
      { grades },
    );
    expect(c.units.map((u) => [u.unit, u.status, u.rank, u.errors, u.warnings, u.reasons.map((f) => f.code)])).toEqual([
      ['Sở A', 'accepted_with_errors', 1, 1, 1, ['SCORE_ABOVE_MAX']],
      ['Sở B', 'accepted_with_warnings', 2, 0, 1, []],
      ['Sở C', 'accepted', 3, 0, 0, []],
    ]);
    expect(c.units.every(isRanked)).toBe(true);
    expect(c.rejected).toEqual([]);
  });

  test('the printed ranking ranks a unit with errors and lists its errors after the ranking', () => {
    const aboveMax = finding('SCORE_ABOVE_MAX', { value: 3, max: 2 }, { criterion: '1.2' });
    const c = consolidate([sub('a.xlsx', 'Sở A', 'so', 95, { findings: [aboveMax] }), sub('c.xlsx', 'Sở C', 'so', 80)], { grades });
    const text = buildSummaryPrint(c, { year: 2024, date: '2025-01-20' }).values.flat().filter((v): v is string => typeof v === 'string');
    expect(text).toContain('Sở A');
    const at = text.indexOf('Đơn vị được xếp hạng nhưng tệp còn lỗi (1):');
    expect(at).toBeGreaterThan(text.indexOf('Sở C'));
    expect(text[at + 1]).toBe(`- Sở A: ${message(aboveMax, 'vi')}`);
  });

  test('tampering with the reference is rejected, not accepted with errors', () => {
    const c = consolidate([sub('a.xlsx', 'Sở A', 'so', 95, { findings: [finding('MAX_POINTS_CHANGED', { found: 3, expected: 2 }, { criterion: '1.2' })] })], { grades });
    expect(c.rejected.map((r) => [r.status, r.reasons.map((f) => f.code)])).toEqual([['rejected', ['MAX_POINTS_CHANGED']]]);
    expect(c.units).toEqual([]);
  });

  test('gradeOf takes the highest band reached', () => {
    expect(gradeOf(90, grades)).toBe('Tốt');
    expect(gradeOf(89.99, grades)).toBe('Khá');
    expect(gradeOf(0, grades)).toBe('Yếu');
  });
});
