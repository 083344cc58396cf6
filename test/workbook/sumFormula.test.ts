import { sumFormulaRows } from '../../src/workbook/sumFormula';

const G = 6; // column G, 0-based

describe('sumFormulaRows: the rows a total formula adds in its own column', () => {
  test.each<[string, number[] | undefined]>([
    ['=SUM(G11:G13)', [11, 12, 13]],
    ['=sum(g11:g12)', [11, 12]],
    ['=SUM(G9,G24,G39)', [9, 24, 39]],
    ['=G9+G12', [9, 12]],
    ['=SUM(G11:G12)+G14', [11, 12, 14]],
    ['=SUM($G$11:$G$12)', [11, 12]],
    ['= SUM( G11 : G12 )', [11, 12]],
    ['=G10', [10]],
  ])('%s', (formula, rows) => {
    expect(sumFormulaRows(formula, G)).toEqual(rows);
  });

  test.each([
    ['another column', '=SUM(F11:F13)'],
    ['a range across columns', '=SUM(F11:G13)'],
    ['a constant added', '=SUM(G11:G12)+1'],
    ['another function', '=ROUND(SUM(G11:G12),2)'],
    ['a subtraction', '=G11-G12'],
    ['a row counted twice', '=SUM(G11:G12,G12)'],
    ['another sheet', "=SUM('Tổng hợp'!G11:G12)"],
    ['a reversed range', '=SUM(G12:G11)'],
    ['a whole-column-like range', '=SUM(G1:G1048576)'],
    ['unbalanced brackets', '=SUM(G11:G12'],
    ['no formula', null],
  ])('not a plain sum: %s', (_name, formula) => {
    expect(sumFormulaRows(formula, G)).toBeUndefined();
  });
});
