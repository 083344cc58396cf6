import fc from 'fast-check';
import {
  baselineFromSummary,
  baselineToCsv,
  parseBaselineCsv,
  parseBaselineJson,
  previousFor,
  splitCsv,
  type Baseline,
} from '../../src/workbook/baseline';
import { gapSheet } from '../../src/workbook/summary';

const scoresOf = (b: Baseline) => Object.fromEntries([...b.units.values()].map((u) => [u.unit, Object.fromEntries(u.scores)]));

describe('parseBaselineCsv', () => {
  test.each([
    ['semicolon, decimal comma, Vietnamese header (Excel in Vietnamese)', 'Đơn vị;Mã tiêu chí;Điểm\nSở Tư pháp;1.1.1;0,5\nSở Tư pháp;1.2;1\n', { 'Sở Tư pháp': { '1.1.1': 0.5, '1.2': 1 } }],
    ['comma, no header, quoted name with a comma', '"Sở Văn hóa, Thể thao và Du lịch",2.1,"1,5"\r\nUBND xã Bằng Phúc,3.1.2,2\r\n', { 'Sở Văn hóa, Thể thao và Du lịch': { '2.1': 1.5 }, 'UBND xã Bằng Phúc': { '3.1.2': 2 } }],
    ['tab, English header in another order, BOM', '\uFEFFcriterion\tscore\tunit\n1.1\t2\tSở Y tế\n', { 'Sở Y tế': { '1.1': 2 } }],
    ['header "Kết quả năm 2023", trailing dot in code', 'Đơn vị,Tiêu chí,Kết quả năm 2023\nSở Y tế,1.1.,2\n', { 'Sở Y tế': { '1.1': 2 } }],
  ])('%s', (_name, text, expected) => {
    const r = parseBaselineCsv(text);
    expect(r.problems).toEqual([]);
    expect(scoresOf(r.baseline)).toEqual(expected);
  });

  test('bad lines are reported with their line number and skipped', () => {
    const r = parseBaselineCsv('unit,criterion,score\nSở Y tế,1.1,abc\n,1.2,1\nSở Y tế,x.y,1\nSở Y tế,1.3,-1\nSở Y tế,1.4,1\nSở Y tế,1.4,2\n');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 7]);
    expect(r.problems[0].vi).toContain('abc');
    expect(scoresOf(r.baseline)).toEqual({ 'Sở Y tế': { '1.4': 1 } });
  });

  test('unit names match ignoring case and diacritics', () => {
    const r = parseBaselineCsv('Sở Y tế,1.1,2\n');
    expect(previousFor('SỞ Y TẾ', [], r.baseline)).toEqual({ scores: new Map([['1.1', 2]]), source: 'baseline' });
  });

  test('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      parseBaselineCsv(s);
      splitCsv(s);
    }));
  });

  test('the canonical CSV round-trips', () => {
    const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && !/^\s|\s$/.test(s) && !/[\r\n]/.test(s) && s.trim() !== 'unit');
    const code = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }).map((a) => a.join('.'));
    const score = fc.integer({ min: 0, max: 400 }).map((n) => n / 4);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, code, score), { maxLength: 20 }), (rows) => {
        const b = parseBaselineJson(rows.map(([unit, criterion, s]) => ({ unit, criterion, score: s }))).baseline;
        const again = parseBaselineCsv(baselineToCsv(b));
        expect(again.problems).toEqual([]);
        expect(scoresOf(again.baseline)).toEqual(scoresOf(b));
      }),
    );
  });
});

describe('parseBaselineJson', () => {
  test('an array or {rows}, "criterion" or "code", scores as numbers or Vietnamese text', () => {
    const a = parseBaselineJson([{ unit: 'Sở Y tế', criterion: '1.1', score: 2 }, { unit: 'Sở Y tế', code: '1.2', score: '0,75' }]);
    const b = parseBaselineJson({ rows: [{ unit: 'Sở Y tế', criterion: '1.1', score: 2 }] });
    expect(scoresOf(a.baseline)).toEqual({ 'Sở Y tế': { '1.1': 2, '1.2': 0.75 } });
    expect(scoresOf(b.baseline)).toEqual({ 'Sở Y tế': { '1.1': 2 } });
  });

  test('anything else is one problem, not an exception', () => {
    for (const bad of [null, 3, 'x', { rows: 1 }]) expect(parseBaselineJson(bad).problems).toHaveLength(1);
    expect(parseBaselineJson([1, { unit: 'A' }]).problems.map((p) => p.line)).toEqual([1, 2]);
  });
});

describe('baselineFromSummary: last year\'s summary made by this tool', () => {
  test('reads the current scores of the gap sheet, skipping subtotals and blank scores', () => {
    const sheet = gapSheet(
      [
        {
          unit: '=UBND xã Mẫu',
          level: 'xa',
          file: 'a.xlsx',
          source: 'none',
          rows: [
            { code: '1.1', name: 'Kế hoạch CCHC', max: 2, current: 1.5, recoverable: 0.5 },
            { code: '1.2', name: 'Báo cáo', max: 1, recoverable: 1 },
          ],
        },
      ],
      { year: 2023 },
    );
    const grid = { sheets: [{ name: sheet.name, values: sheet.values.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? null : v))) }] };
    const r = baselineFromSummary(grid);
    expect(r.problems).toEqual([]);
    expect(scoresOf(r.baseline)).toEqual({ '=UBND xã Mẫu': { '1.1': 1.5 } });
  });

  test('a workbook without the sheet is a problem', () => {
    expect(baselineFromSummary({ sheets: [{ name: 'Sheet1', values: [] }] }).problems).toHaveLength(1);
  });
});

describe('previousFor', () => {
  const b = parseBaselineCsv('Sở Y tế,1.1,2\n').baseline;
  test.each([
    ['the workbook column wins', [{ code: '1.1', previousScore: '1,5' }], { scores: new Map([['1.1', 1.5]]), source: 'workbook' }],
    ['an empty column falls back to the baseline', [{ code: '1.1', previousScore: null }], { scores: new Map([['1.1', 2]]), source: 'baseline' }],
  ])('%s', (_n, answers, expected) => {
    expect(previousFor('Sở Y tế', answers, b)).toEqual(expected);
  });
  test('neither: none, so the gap sheet says so', () => {
    expect(previousFor('Sở Nội vụ', [], b)).toEqual({ scores: new Map(), source: 'none' });
  });
});
