/** The pure formula evaluator: Excel's results for the formulas score sheets use. */
import { evaluateFormula, recalculateSheet, type FormulaValue } from '../../src/workbook/formula';
import { columnIndex } from '../../src/workbook/columns';

/** A1 -> value cells for the lookup. */
function sheet(cells: Record<string, FormulaValue>) {
  const at = new Map<string, FormulaValue>();
  for (const [a1, v] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
    at.set(`${Number(m[2]) - 1},${columnIndex(m[1])}`, v);
  }
  return (row: number, col: number): FormulaValue => at.get(`${row},${col}`) ?? null;
}

const cells = sheet({ G10: 1, G11: 0.5, G12: '0,5', G13: 'x', G14: true, G15: null, A1: 'Có', A2: 'Không', A3: 'Có', B1: 2, B2: 3, B3: 4, E1: { error: '#REF!' } });
const ev = (f: string) => evaluateFormula(f, cells);

describe('evaluateFormula', () => {
  it.each([
    ['=SUM(G10:G15)', 1.5], // text, booleans and blanks in a range are skipped
    ['=SUM(G10,G11,2)', 3.5],
    ['=SUM(G10:G11)*2', 3],
    ['=G10+G11*2', 2],
    ['=(G10+G11)*2', 3],
    ['=2^3^2', 64], // left-associative, as Excel
    ['=-2^2', 4],
    ['=G15+1', 1], // a blank is 0
    ['=0.1+0.2', 0.3],
    ['=50%', 0.5],
    ['=ROUND(2.345,2)', 2.35],
    ['=ROUND(-2.5,0)', -3],
    ['=ROUND(1234.5,-2)', 1200],
    ['=IF(G10>0,"đạt","chưa")', 'đạt'],
    ['=IF(G15,1,2)', 2],
    ['=IF(G10=0,1)', false],
    ['=IF(G10>0,G15,1)', 0], // a blank result shows 0
    ['=SUMIF(A1:A3,"Có",B1:B3)', 6],
    ['=SUMIF(A1:A3,"<>Có",B1:B3)', 3],
    ['=SUMIF(B1:B3,">2")', 7],
    ['=SUMIF(A1:A3,"c*",B1)', 6], // wildcard, case-insensitive; the sum range takes the criteria's shape
    ['="Điểm: "&G10', 'Điểm: 1'],
    ['=G10<>G11', true],
    ['="a"<"B"', true],
    ['=1<"a"', true], // numbers sort before text
  ])('%s = %p', (f, expected) => expect(ev(f)).toEqual(expected));

  it('gives Excel error values', () => {
    expect(ev('=1/0')).toEqual({ error: '#DIV/0!' });
    expect(ev('=G13+1')).toEqual({ error: '#VALUE!' });
    expect(ev('=SUM(G13)')).toEqual(0); // a referenced text cell is skipped
    expect(ev('=SUM("x")')).toEqual({ error: '#VALUE!' }); // typed text is not
    expect(ev('=SUM(E1,1)')).toEqual({ error: '#REF!' });
    expect(ev('=IF(E1,1,2)')).toEqual({ error: '#REF!' });
  });

  it('leaves what it does not support to the cached value', () => {
    for (const f of ['=VLOOKUP(1,A1:B3,2,FALSE)', "='Tự chấm điểm'!G10", '=Sheet2!A1', '=SUM(', '=A1:A3', '=G10 G11']) expect(ev(f)).toBeUndefined();
    expect(evaluateFormula('=G10+1', () => undefined)).toBeUndefined();
  });
});

describe('recalculateSheet', () => {
  it('evaluates nested totals in dependency order and leaves cycles alone', () => {
    const formulas: Record<string, string> = { '0,1': '=SUM(B2:B3)', '1,1': '=SUM(C2:C3)', '3,0': '=A4' };
    const values: Record<string, FormulaValue> = { '1,2': 1, '2,2': 0.5, '2,1': 2 };
    const out = recalculateSheet(
      { formulaAt: (r, c) => formulas[`${r},${c}`], valueAt: (r, c) => values[`${r},${c}`] ?? null },
      [[0, 1], [1, 1], [3, 0]],
    );
    expect(out.get('0,1')).toBe(3.5);
    expect(out.get('1,1')).toBe(1.5);
    expect(out.has('3,0')).toBe(false);
  });
});
