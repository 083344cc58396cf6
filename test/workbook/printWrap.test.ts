/** Issue 11 §5: a printed sheet never clips a long evidence or explanation text. */
import { PrintRows, rowHeightFor, splitWrapped } from '../../src/workbook/print';

const words = (n: number) => Array.from({ length: n }, (_v, i) => `Kế-hoạch-${i}`).join(' ');

describe('a text taller than the tallest row goes on in the rows below', () => {
  it('every word printed once, in order, each row within Excel\'s 409 pt', () => {
    const text = `${words(900)}\nĐoạn hai: ${words(50)}`;
    const b = new PrintRows([6, 30, 40]);
    const first = b.add(['1.1', 'Tiêu chí', text]);
    expect(first).toBe(0);
    expect(b.values.length).toBeGreaterThan(1);
    expect(b.heights.every((h) => h <= 409)).toBe(true);
    expect(b.values.map((r) => r[2]).join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
    // The other cells stay on the criterion's row only.
    expect(b.values[0].slice(0, 2)).toEqual(['1.1', 'Tiêu chí']);
    expect(b.values.slice(1).every((r) => r[0] === null && r[1] === null)).toBe(true);
  });

  it('a text that fits is one row, unchanged; a row height never needed beyond the cap', () => {
    expect(splitWrapped('Kế hoạch số 15/KH-STP', 30, 10)).toEqual(['Kế hoạch số 15/KH-STP']);
    const b = new PrintRows([40]);
    b.add(['ngắn']);
    expect(b.values).toEqual([['ngắn']]);
    for (const piece of splitWrapped(words(2000), 40, 29)) expect(rowHeightFor([piece], [40])).toBeLessThan(409);
  });

  it('a merged line (the title, the notes) is split the same way and keeps its merge on every row', () => {
    const b = new PrintRows([10, 10, 10]);
    b.line(words(1500));
    expect(b.values.length).toBeGreaterThan(1);
    expect(b.merges).toHaveLength(b.values.length);
  });
});
