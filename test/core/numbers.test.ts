import fc from 'fast-check';
import { formatNumber } from '../../src/core/format';
import { parsePercent, parseScore, parseVietNumber } from '../../src/core/numbers';

describe('parseVietNumber', () => {
  test.each([
    ['0,5', 0.5],
    ['1.5', 1.5],
    [' 2 ', 2],
    ['1,0', 1],
    ['-0,5', -0.5],
    ['0,25', 0.25],
    ['+3', 3],
    [',5', 0.5],
    ['\u00a01,75\u00a0', 1.75], // non-breaking spaces copied from Word
  ])('%p -> %p', (text, value) => {
    expect(parseVietNumber(text)).toBe(value);
  });

  test.each(['abc', '1,5,2', '1.000,5', '', '  ', '1,', '1 5', '0,5 điểm', '1e3', 'NaN', '--1', '%'])(
    '%p is not a number',
    (text) => {
      expect(parseVietNumber(text)).toBeUndefined();
    },
  );

  test('a digit string too long for a double is rejected, not Infinity', () => {
    expect(parseVietNumber('9'.repeat(400))).toBeUndefined();
  });

  test('never throws, and returns only finite numbers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const n = parseVietNumber(s);
        expect(n === undefined || Number.isFinite(n)).toBe(true);
      }),
    );
  });

  test('formatNumber(n, "vi") reads back as n for numbers with at most 4 decimals', () => {
    const numbers = fc
      .tuple(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 0, max: 4 }))
      .map(([i, k]) => i / 10 ** k);
    fc.assert(
      fc.property(numbers, (n) => {
        expect(parseVietNumber(formatNumber(n, 'vi'))).toBe(n);
      }),
    );
  });
});

describe('parseScore', () => {
  test.each([
    [1, 1],
    [0.75, 0.75],
    ['0,5', 0.5],
    ['1.5', 1.5],
    [' 2 ', 2],
    ['1,0', 1],
    ['-0,5', -0.5],
  ] as const)('%p reads as %p', (cell, value) => {
    expect(parseScore(cell)).toEqual({ ok: true, value });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    [{ error: '#REF!' }, 'error'],
    [{ error: '#VALUE!' }, 'error'],
    [NaN, 'error'],
    ['abc', 'text'],
    ['1,5,2', 'text'],
    ['1.000,5', 'text'],
    ['0,5 điểm', 'text'],
    [true, 'text'],
    [false, 'text'],
  ] as const)('%p is rejected as %s', (cell, reason) => {
    expect(parseScore(cell)).toEqual({ ok: false, reason });
  });

  test('never throws on any text, and agrees with parseVietNumber', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const r = parseScore(s);
        const n = parseVietNumber(s);
        if (r.ok) expect(r.value).toBe(n);
        else expect([s.trim() === '' ? 'empty' : 'text', n]).toEqual([r.reason, undefined]);
      }),
    );
  });
});

describe('parsePercent', () => {
  test.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['80 %', 80],
    ['0', 0],
    ['100', 100],
  ])('%p -> %p', (text, value) => {
    expect(parsePercent(text)).toEqual({ ok: true, value });
  });
  test.each([
    ['120', 'range'],
    ['-5', 'range'],
    ['100,5', 'range'],
    ['abc', 'text'],
    ['%', 'text'],
    ['1.000,5', 'text'],
    ['  ', 'empty'],
  ])('%p is refused as %p', (text, reason) => {
    expect(parsePercent(text)).toEqual({ ok: false, reason });
  });
});
