import fc from 'fast-check';
import { message } from '../../src/core/findings';
import { parseCodeCell, parseCodeText, resolveCodes } from '../../src/workbook/codes';

describe('parseCodeText', () => {
  it.each([
    ['I', 'I'],
    ['II.', 'II'],
    [' IX. ', 'IX'],
    ['1', '1'],
    ['1.', '1'],
    ['1.1', '1.1'],
    ['1.10', '1.10'],
    ['1.1.1', '1.1.1'],
    ['1.1.1.', '1.1.1'],
    ['1,2', '1.2'],
    ['01.2', '1.2'],
    ['1. 2', '1.2'],
  ])('%j -> %s', (text, code) => {
    expect(parseCodeText(text)).toBe(code);
  });

  it.each(['', 'Ghi chú', 'Tổng cộng', 'a)', '0', '1.0', 'IIII', '1..2', 'Điểm cộng'])('%j is not a code', (text) => {
    expect(parseCodeText(text)).toBeUndefined();
  });

  it('never throws, and a code it returns reads back as itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\s?([IVX]{1,4}|\d{1,2}(\.\d{1,2}){0,3})\.?\s?$/)), (s) => {
        const code = parseCodeText(s);
        if (code !== undefined) expect(parseCodeText(code)).toBe(code);
      }),
    );
  });
});

describe('parseCodeCell', () => {
  it('reads numbers, and flags a one-digit fraction as possibly missing its zero', () => {
    expect(parseCodeCell(2)).toEqual({ kind: 'code', code: '2' });
    expect(parseCodeCell(1.12)).toEqual({ kind: 'code', code: '1.12' });
    expect(parseCodeCell(1.1)).toEqual({ kind: 'number', typed: 1.1, literal: '1.1', padded: '1.10' });
    expect(parseCodeCell(0.1 + 0.2 + 1)).toEqual({ kind: 'number', typed: 0.1 + 0.2 + 1, literal: '1.3', padded: '1.30' });
  });
  it.each([null, undefined, true, 0, -1, 1e9, Number.NaN, { error: '#REF!' }])('%p is no code', (v) => {
    expect(parseCodeCell(v)).toBeUndefined();
  });
});

describe('resolveCodes', () => {
  const cells = (values: (string | number | null)[]) => values.map((value, i) => ({ row: 10 + i, value }));

  it('reads 1.1 after 1.9 as 1.10, and says so', () => {
    const { codes, findings } = resolveCodes(cells(['1', 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.1, 1.11, '2', 2.1]));
    expect(codes).toEqual(['1', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '2', '2.1']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'CODE_AMBIGUOUS',
      severity: 'warning',
      row: 20,
      criterion: '1.10',
      params: { row: 20, typed: 1.1, candidates: '1.1 / 1.10', chosen: '1.10', certain: 'yes' },
    });
    expect(message(findings[0])).toContain('dòng 20');
    expect(message(findings[0])).toContain('1,1');
  });

  it('keeps the literal reading when the sequence settles nothing, and warns', () => {
    const { codes, findings } = resolveCodes(cells(['1', 1.1, 1.5]));
    expect(codes).toEqual(['1', '1.1', '1.5']);
    expect(findings.map((f) => [f.params.chosen, f.params.certain])).toEqual([['1.5', 'no']]);
  });

  it('leaves rows without a code (notes, blanks, totals) without one', () => {
    const { codes, findings } = resolveCodes(cells(['I', null, 'Ghi chú: xem hướng dẫn', '1', '', 'Tổng cộng']));
    expect(codes).toEqual(['I', undefined, undefined, '1', undefined, undefined]);
    expect(findings).toEqual([]);
  });

  it('text codes fix the sequence: 1.10 as text is never ambiguous', () => {
    const seq = ['1', ...Array.from({ length: 9 }, (_, i) => `1.${i + 1}`), '1.10', 1.2];
    const { codes, findings } = resolveCodes(cells(seq));
    expect(codes[10]).toBe('1.10');
    // 1.2 after 1.10: neither 1.2 nor 1.20 is next (1.11): literal kept, warned.
    expect(codes[11]).toBe('1.2');
    expect(findings).toHaveLength(1);
  });
});
