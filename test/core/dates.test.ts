import fc from 'fast-check';
import { dateAt, findDates, parseVietDate } from '../../src/core/dates';
import { evidenceLikeText } from './evidenceArbitraries';

describe('parseVietDate', () => {
  test.each([
    ['ngày 07/6/2024', '2024-06-07'],
    ['07/06/2024', '2024-06-07'],
    ['7-6-2024', '2024-06-07'],
    ['07.6.2024', '2024-06-07'],
    ['ngày 07 tháng 6 năm 2024', '2024-06-07'],
    ['Ngày 10 tháng 12 năm 2024', '2024-12-10'],
    ['ngay 10 thang 12 nam 2024', '2024-12-10'],
    ['ngày 07 tháng 6 năm 2024'.normalize('NFD'), '2024-06-07'],
    ['Ngày: 31/12/2023', '2023-12-31'],
    ['  29/02/2024 ', '2024-02-29'],
    ['1/1/2025', '2025-01-01'],
  ])('%p -> %s', (text, iso) => {
    expect(parseVietDate(text)).toEqual({ valid: true, iso });
  });

  test.each(['31/02/2024', '29/02/2023', '31/4/2024', '0/6/2024', '07/13/2024', '07/00/2024', 'ngày 32 tháng 1 năm 2024', '07/6/2204', '07/6/1024'])(
    '%p is date-shaped but invalid',
    (text) => {
      expect(parseVietDate(text)).toEqual({ valid: false });
    },
  );

  test.each(['', 'abc', '07/6/24', '07/6-2024', '2024-06-07', 'ngày 07/6/2024 của UBND', '386/KH-UBND', 'tháng 6 năm 2024'])(
    '%p is not a date',
    (text) => {
      expect(parseVietDate(text)).toBeUndefined();
    },
  );

  test('property: never throws; a valid result is a real ISO day', () => {
    fc.assert(
      fc.property(evidenceLikeText, (s) => {
        const r = parseVietDate(s);
        if (r?.valid) expect(new Date(`${r.iso}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.iso);
      }),
    );
  });

  test('property: every real day written d/m/yyyy, dd.mm.yyyy or in words reads back', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.nat(3), (date, form) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-');
        const text = [
          `ngày ${Number(d)}/${Number(m)}/${y}`,
          `${d}.${m}.${y}`,
          `${d}-${Number(m)}-${y}`,
          `ngày ${d} tháng ${Number(m)} năm ${y}`,
        ][form];
        expect(parseVietDate(text)).toEqual({ valid: true, iso });
      }),
    );
  });
});

describe('findDates', () => {
  test('finds each date with its index and text', () => {
    const text = 'Kế hoạch số 12/2023/QĐ-UBND ngày 07/6/2024; Báo cáo ngày 10 tháng 12 năm 2024, sửa ngày 31/02/2024.';
    const found = findDates(text);
    expect(found.map((d) => d.raw)).toEqual(['07/6/2024', 'ngày 10 tháng 12 năm 2024', '31/02/2024']);
    for (const d of found) expect(text.slice(d.index, d.index + d.raw.length)).toBe(d.raw);
    expect(found.map((d) => (d.valid ? d.iso : 'invalid'))).toEqual(['2024-06-07', '2024-12-10', 'invalid']);
  });

  test.each([
    'Số 30/2020/NĐ-CP',
    'https://backan.gov.vn/2024/06/07/tin.html',
    'đạt 3/5 xã, 10/12 chỉ tiêu',
    'mã 1.07.6.20245',
  ])('no date in %p', (text) => {
    expect(findDates(text)).toEqual([]);
  });

  test('property: never throws and every match is where it says', () => {
    fc.assert(
      fc.property(evidenceLikeText, (s) => {
        for (const d of findDates(s)) expect(s.slice(d.index, d.index + d.raw.length)).toBe(d.raw);
      }),
    );
  });
});

describe('dateAt', () => {
  // Dates and near-dates as cells write them, glued to what may come around them.
  const piece = fc.constantFrom('20/01/2024', '5/2/2024', '5-2-2024', '05.02.2024', '31/02/2024', '1/13/2024', '20/01/24', '120/01/2024', '20/011/2024', '20/01/20245',
    '20/01-2024', '07 tháng 6 năm 2024', 'ngày 07/6/2024', '١/٢/2024', '20/01/2024/', '20/01/2024.5', '20/01/2024-5', '20/01/2024.', '20/01/2024٣', 'a', 'Đ', 'ố', ' ', '/', '.', '-', '1', '\u00a0');
  const text = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));

  test('the hand reading of the short form gives what the pattern gives, at every position', () => {
    fc.assert(
      fc.property(fc.oneof(text, evidenceLikeText), (t) => {
        for (let i = 0; i <= t.length; i++) expect(dateAt(t, i)).toEqual(dateAt(t, i, false));
      }),
      { numRuns: 3000 },
    );
  });

  test('reads the short form with its day checked', () => {
    expect(dateAt('ngày 20/01/2024 về', 5)).toEqual({ valid: true, iso: '2024-01-20', index: 5, raw: '20/01/2024' });
    expect(dateAt('ngày 31/02/2024', 5)).toEqual({ valid: false, index: 5, raw: '31/02/2024' });
    expect(dateAt('x20/01/2024', 1)).toBeUndefined();
  });
});
