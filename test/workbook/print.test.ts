import fc from 'fast-check';
import type { Answer } from '../../src/core/answers';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { computeTotals } from '../../src/core/totals';
import {
  buildScoreSheet,
  charsForPx,
  columnPx,
  DRAFT_MARK,
  orientationFor,
  paginate,
  rowHeightFor,
  SCORE_SHEET,
  wrappedLines,
  type ScoreSheetInput,
} from '../../src/workbook/print';
import { contentHash, shortHash } from '../../src/workbook/contentHash';
import type { SheetSpec } from '../../src/workbook/spec';
import type { UnitReading } from '../../src/workbook/read';
import { romanSet } from './sets';

const set = romanSet();
const answers: Answer[] = [
  { code: '1.1', selfScore: 0.5, evidence: 'Báo cáo số 12/BC-STP ngày 15/3/2024 của Sở Tư pháp' },
  { code: '1.2', selfScore: '0,5', evidence: 'Báo cáo số 13/BC-STP ngày 16/3/2024' },
  { code: '2', selfScore: '1,5', evidence: 'Báo cáo số 120/BC-STP ngày 10/12/2024', explanation: 'Hoàn thành 90% kế hoạch do thay đổi nhân sự' },
  { code: '3', selfScore: 1, evidence: 'Quyết định số 15/QĐ-STP ngày 20/01/2024' },
  { code: '4', declared: 'Không áp dụng' },
];

function input(over: Partial<ScoreSheetInput> = {}, ans: Answer[] = answers): ScoreSheetInput {
  return {
    issuer: 'UBND tỉnh Bắc Kạn',
    unit: 'Sở Tư pháp',
    year: 2024,
    set,
    setLabel: { id: set.id, version: set.version, title: set.title, sample: true },
    answers: ans,
    totals: computeTotals(lookupCriteria(set), ans),
    errors: 0,
    contentHash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
    checkedAt: '2024-06-07T14:30',
    place: 'Bắc Kạn',
    date: '2024-06-07',
    ...over,
  };
}

const texts = (sheet: SheetSpec) => sheet.values.map((r) => r.filter((v) => v !== null).join(' | '));
const rowOf = (sheet: SheetSpec, first: string) => sheet.values.findIndex((r) => r[0] === first);

describe('buildScoreSheet', () => {
  const sheet = buildScoreSheet(input());

  it('has the administrative header, the title with the year and the set line', () => {
    expect(sheet.name).toBe(SCORE_SHEET);
    expect(texts(sheet).slice(0, 2)).toEqual(['UBND TỈNH BẮC KẠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ TƯ PHÁP | Độc lập - Tự do - Hạnh phúc']);
    expect(texts(sheet)).toContain('PHIẾU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024');
    expect(texts(sheet).join('\n')).toContain(`Bộ tiêu chí: ${set.title} (mã mau-so-2024, phiên bản 1) - BỘ TIÊU CHÍ MẪU`);
    expect(texts(buildScoreSheet(input({ year: 0 })))).toContain('PHIẾU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ……');
  });

  it('repeats the header row on every page and prints it as the table head', () => {
    const [top, bottom] = sheet.print?.titleRows ?? [-1, -1];
    expect(top).toBe(bottom);
    expect(sheet.values[top]).toEqual(['STT', 'Tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Giải trình']);
  });

  it.each([
    ['a typed number', '1.1', '0,5'],
    ['a decimal-comma text', '1.2', '0,5'],
    ['a parent: the sum of its rows', '1', '1'],
    ['a field: the sum of its rows', 'I', '2,5'],
    ['a survey row', '5', 'Điều tra XHH'],
    ['a row declared not applicable', '4', 'Không áp dụng'],
    ['an empty row', '6', ''],
  ])('shows the self-score of %s (%s) as %p', (_, code, shown) => {
    expect(sheet.values[rowOf(sheet, code)][3]).toBe(shown);
  });

  it('shows maximums, evidence and explanation of a row', () => {
    expect(sheet.values[rowOf(sheet, '2')]).toEqual(['2', 'Mức độ thực hiện kế hoạch CCHC', '2', '1,5', 'Báo cáo số 120/BC-STP ngày 10/12/2024', 'Hoàn thành 90% kế hoạch do thay đổi nhân sự']);
  });

  it('closes with totals, the applicable maximum, the index, the date line and signatures', () => {
    const t = computeTotals(lookupCriteria(set), answers);
    const all = texts(sheet).join('\n');
    expect(all).toContain(`TỔNG CỘNG | ${String(t.max).replace('.', ',')} | ${String(t.self).replace('.', ',')}`);
    expect(t.applicableMax).toBeLessThan(t.max);
    expect(all).toContain('Điểm tối đa được tính (trừ tiêu chí không áp dụng)');
    expect(all).toContain(`CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%) | ${String(Math.round((t.self / t.applicableMax) * 10000) / 100).replace('.', ',')}%`);
    expect(all).toContain('Bắc Kạn, ngày 07 tháng 6 năm 2024');
    expect(all).toContain('NGƯỜI LẬP BIỂU | THỦ TRƯỞNG ĐƠN VỊ');
    expect(all).toContain('(Ký, ghi rõ họ tên) | (Ký, ghi rõ họ tên, đóng dấu)');
    expect(texts(buildScoreSheet(input({ place: undefined }))).join('\n')).toContain('……………, ngày 07 tháng 6 năm 2024');
  });

  it('stamps a clean sheet with the check time and the short hash, without a page header', () => {
    expect(texts(sheet)).toContain('Đã kiểm tra lúc 14 giờ 30 ngày 07/6/2024, mã a1b2c3d4');
    expect(sheet.print?.centerHeader).toBeUndefined();
    expect(texts(sheet).join('\n')).not.toContain(DRAFT_MARK);
  });

  it('marks a sheet with errors as a draft on every page and in the title, with no stamp', () => {
    const draft = buildScoreSheet(input({ errors: 3 }));
    expect(draft.print?.centerHeader).toContain(DRAFT_MARK);
    expect(texts(draft)).toContain(`${DRAFT_MARK}: còn 3 lỗi chưa sửa, không dùng để ký, gửi.`);
    expect(texts(draft).join('\n')).not.toContain('Đã kiểm tra');
  });

  it('adds the appraised column only when some appraised score exists', () => {
    const appraised = answers.map((a) => (a.code === '3' ? { ...a, appraisedScore: '0,5' } : a));
    const withAppraisal = buildScoreSheet(input({}, appraised));
    const head = withAppraisal.values[withAppraisal.print?.titleRows?.[0] ?? 0];
    expect(head).toContain('Điểm thẩm định');
    expect(withAppraisal.values[rowOf(withAppraisal, '3')][4]).toBe('0,5');
    expect(sheet.values[sheet.print?.titleRows?.[0] ?? 0]).not.toContain('Điểm thẩm định');
  });

  it('sets up A4, binding margins, fit to width, "Trang x/y" and the print area', () => {
    const p = sheet.print;
    expect(p).toMatchObject({ paperSize: 'A4', fitToWidth: true, centerFooter: 'Trang &P/&N' });
    expect(p?.margins.left).toBeGreaterThan(p?.margins.right ?? Infinity);
    expect(p?.printArea).toEqual({ top: 0, left: 0, bottom: sheet.values.length - 1, right: 5 });
  });

  it('gives every row a height and writes the whole sheet in Times New Roman', () => {
    expect(Object.keys(sheet.rowHeights ?? {}).length).toBe(sheet.values.length);
    expect(sheet.styles?.[0]).toMatchObject({ range: { top: 0, left: 0, bottom: sheet.values.length - 1, right: 5 }, style: { fontName: 'Times New Roman' } });
  });

  it('converts column widths for a renderer with wider digits, keeping the same physical width', () => {
    const wide = buildScoreSheet(input(), { digitPx: 9.33 });
    (wide.columnWidths ?? []).forEach((w, c) => expect(Math.abs(columnPx(w, 9.33) - columnPx(sheet.columnWidths?.[c] ?? 0))).toBeLessThanOrEqual(1));
  });

  it('places page breaks so the closing block is on the last page, with table rows before it', () => {
    const long = answers.map((a) => ({ ...a, explanation: 'Đơn vị đã ban hành kế hoạch nhưng chậm so với thời hạn quy định do thay đổi nhân sự phụ trách. '.repeat(4) }));
    const big = buildScoreSheet(input({}, long));
    const breaks = big.print?.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(0);
    const totalRow = big.values.findIndex((r) => r[1] === 'TỔNG CỘNG');
    const lastBreak = breaks[breaks.length - 1];
    expect(lastBreak).toBeLessThan(totalRow - 1);
  });
});

describe('wrappedLines', () => {
  it.each([
    ['', 10, 1],
    ['Kế hoạch', 10, 1],
    ['Kế hoạch số 386/KH-UBND ngày 07/6/2024 của UBND tỉnh', 10, 7],
    ['Kế hoạch số 386/KH-UBND ngày 07/6/2024 của UBND tỉnh', 60, 1],
    ['dòng 1\ndòng 2\ndòng 3', 40, 3],
    ['https://vbdh.backan.gov.vn/van-ban/386-kh-ubnd-2024-rat-dai', 10, 6],
  ])('%p in %i characters takes %i lines', (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
  });

  it('never throws, is at least 1, and never grows when the column widens', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 40 }), (text, w, extra) => {
        const narrow = wrappedLines(text, w);
        expect(narrow).toBeGreaterThanOrEqual(1);
        expect(wrappedLines(text, w + extra)).toBeLessThanOrEqual(narrow);
      }),
    );
  });

  it('counts precomposed and decomposed Vietnamese alike', () => {
    const text = 'Ủy ban nhân dân tỉnh Bắc Kạn ban hành Kế hoạch cải cách hành chính';
    expect(wrappedLines(text.normalize('NFD'), 12)).toBe(wrappedLines(text, 12));
  });
});

describe('rowHeightFor', () => {
  it('grows with the longest wrapped cell and stops at Excel’s 409 points', () => {
    const one = rowHeightFor(['1.1', 'Ngắn'], [6, 38]);
    const three = rowHeightFor(['1.1', 'Kế hoạch số 386/KH-UBND ngày 07/6/2024 của UBND tỉnh'], [6, 10]);
    expect(three).toBeGreaterThan(one);
    expect(rowHeightFor(['x '.repeat(5000)], [5])).toBe(409);
  });
});

describe('orientationFor and widths', () => {
  it('is portrait when the columns fit a portrait A4 width, landscape otherwise', () => {
    expect(orientationFor([6, 38, 8, 9, 20])).toBe('portrait');
    expect(orientationFor([6, 38, 8, 9, 36, 28])).toBe('landscape');
  });

  it('round-trips widths through pixels', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.constantFrom(7, 7.33, 9.33), (w, d) => expect(Math.abs(columnPx(charsForPx(columnPx(w), d), d) - columnPx(w))).toBeLessThanOrEqual(1)));
  });
});

describe('paginate', () => {
  const none = new Set<number>();
  it.each([
    ['everything fits', [10, 10, 10], { capacity: 100, repeat: 5, keepWithNext: none, closing: 2, carry: 0 }, []],
    ['a full page breaks', [40, 40, 40, 10], { capacity: 100, repeat: 5, keepWithNext: none, closing: 3, carry: 0 }, [1]],
    ['the closing block moves whole', [30, 30, 30, 20, 20], { capacity: 100, repeat: 5, keepWithNext: none, closing: 3, carry: 0 }, [2]],
    ['the closing block takes a table row along', [30, 30, 30, 20, 20], { capacity: 100, repeat: 5, keepWithNext: none, closing: 3, carry: 1 }, [1]],
    ['a heading does not stay alone at the foot', [40, 40, 15, 30, 5], { capacity: 100, repeat: 5, keepWithNext: new Set([2]), closing: 4, carry: 0 }, [1]],
    ['repeated header rows count on later pages', [50, 50, 50, 50, 1], { capacity: 100, repeat: 20, keepWithNext: none, closing: 4, carry: 0 }, [1, 2]],
  ])('%s', (_, heights, opts, breaks) => {
    expect(paginate(heights, opts)).toEqual(breaks);
  });

  it('never lets a page overflow when rows fit a page', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 2, maxLength: 60 }), fc.integer({ min: 0, max: 2 }), (heights, carry) => {
        const opts = { capacity: 100, repeat: 10, keepWithNext: new Set([0, 3, 7]), closing: heights.length - 1, carry };
        const breaks = paginate(heights, opts);
        expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
        const starts = [0, ...breaks.map((b) => b + 1)];
        starts.forEach((s, p) => {
          const end = p + 1 < starts.length ? starts[p + 1] : heights.length;
          const used = (p > 0 ? opts.repeat : 0) + heights.slice(s, end).reduce((a, b) => a + b, 0);
          expect(used).toBeLessThanOrEqual(opts.capacity);
        });
      }),
    );
  });
});

describe('contentHash', () => {
  const reading = (ans: Answer[], s = set): Pick<UnitReading, 'set' | 'answers' | 'meta'> => ({ set: s, answers: ans, meta: { unit: 'Sở Tư pháp', year: 2024, source: 'metadata' } });
  const base = contentHash(reading(answers));

  it('is a SHA-256 hex and its short form is 8 characters', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(shortHash(base)).toBe(base.slice(0, 8));
  });

  it.each([
    ['a score', answers.map((a) => (a.code === '1.1' ? { ...a, selfScore: 0 } : a))],
    ['an evidence reference', answers.map((a) => (a.code === '3' ? { ...a, evidence: 'Quyết định số 16/QĐ-STP ngày 20/01/2024' } : a))],
    ['an added explanation', answers.map((a) => (a.code === '1.1' ? { ...a, explanation: 'Đã bổ sung' } : a))],
  ])('changes when %s changes', (_, changed) => {
    expect(contentHash(reading(changed))).not.toBe(base);
  });

  it('changes when a definition changes, not when a text is re-wrapped', () => {
    const renamed = { ...set, fields: [{ ...set.fields[0], name: `${set.fields[0].name} (sửa)` }, ...set.fields.slice(1)] };
    expect(contentHash(reading(answers, renamed))).not.toBe(base);
    const rewrapped = answers.map((a) => (a.code === '2' ? { ...a, explanation: 'Hoàn thành 90% kế hoạch\ndo thay đổi  nhân sự' } : a));
    expect(contentHash(reading(rewrapped))).toBe(base);
  });
});
