import { formatDateLong, formatDateShort, formatNumber } from '../../src/core/format';
import { CATALOGUE, finding, message } from '../../src/core/findings';

describe('format', () => {
  test.each([
    [11.5, 'vi', '11,5'],
    [11.5, 'en', '11.5'],
    [0.25, 'vi', '0,25'],
    [3, 'vi', '3'],
    [1 / 3, 'vi', '0,3333'],
  ] as const)('formatNumber(%p, %s) = %s', (n, lang, out) => {
    expect(formatNumber(n, lang)).toBe(out);
  });

  test('dates', () => {
    expect(formatDateShort('2024-06-07')).toBe('07/6/2024');
    expect(formatDateLong('2024-06-07')).toBe('ngày 07 tháng 6 năm 2024');
    expect(formatDateLong('2024-06-07', 'en')).toBe('7 June 2024');
  });
});

describe('findings', () => {
  test('message fills parameters with Vietnamese numbers', () => {
    const f = finding('SCORE_ABOVE_MAX', { value: 1.5, max: 1 }, { criterion: '1.1.2' });
    expect(f.severity).toBe('error');
    expect(message(f)).toBe('Điểm 1,5 vượt điểm tối đa 1 của tiêu chí 1.1.2. Nhập điểm không quá 1.');
    expect(message(f, 'en')).toBe('Score 1.5 exceeds the maximum 1 of criterion 1.1.2. Enter at most 1.');
  });

  test('every message leaves no placeholder but those it is given', () => {
    for (const code of Object.keys(CATALOGUE) as (keyof typeof CATALOGUE)[]) {
      const names = [...CATALOGUE[code].vi.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const enNames = [...CATALOGUE[code].en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(new Set(enNames)).toEqual(new Set(names));
      const params = Object.fromEntries(names.map((n) => [n, 'x']));
      expect(message(finding(code, params, { criterion: '1' }))).not.toMatch(/\{\w+\}/);
    }
  });
});

test('a language-specific parameter is rendered from its English twin in English', () => {
  const f = finding('LINK_INVALID', { link: 'javascript:x', reason: 'không phải http', reasonEn: 'not http' }, { criterion: '2' });
  expect(message(f)).toContain('không phải http');
  expect(message(f, 'en')).toContain('invalid: not http.');
});
