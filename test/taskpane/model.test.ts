import { validateReading, readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { cellOf } from '../../src/workbook/read';
import { applyChanges, buildModel, codeAtRow, mergeChanges, nextProblem, nextTodo, scoreErrors, scoreInput, search, suggestedScore, targetsOf, ancestorsOf } from '../../src/taskpane/model';
import type { CellValue } from '../../src/core/answers';
import { TODAY, cellFor, sampleGrid, setCell } from './fixture';

function modelOf(cells: Record<string, CellValue> = {}, grid = sampleGrid()) {
  const addressed = Object.fromEntries(Object.entries(cells));
  for (const [a, v] of Object.entries(addressed)) {
    const [code, field] = a.split(':');
    const cell = cellFor(grid, code, field as 'selfScore');
    setCell(grid, cell, v);
  }
  const reading = readUnitWorkbook(grid) as UnitReading;
  return buildModel(reading, validateReading(reading, { today: TODAY }));
}

describe('buildModel', () => {
  it('builds the tree of fields and criteria in sheet order', () => {
    const m = modelOf();
    expect(m.tree.map((n) => n.code)).toEqual(['I', 'II']);
    expect(m.tree[0].children.map((n) => n.code)).toEqual(['1', '2', '3']);
    expect(m.order.map((n) => n.code)).toEqual(['I', '1', '2', '3', 'II', '4', '5']);
  });

  it('gives each row a status: to do, done, error, warning, survey; parents take the worst', () => {
    const m = modelOf({
      '1:selfScore': 1,
      '1:evidence': 'Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp',
      '2:selfScore': 5,
      '5:selfScore': 2,
      '5:evidence': 'Thông báo số 7/TB-STP ngày 03/3/2024',
      '5:declared': 'Không',
    });
    const status = Object.fromEntries(m.order.map((n) => [n.code, n.status]));
    expect(status).toEqual({ I: 'error', '1': 'done', '2': 'error', '3': 'todo', II: 'warning', '4': 'survey', '5': 'warning' });
    expect(m.byCode.get('2')?.findings.map((f) => f.code)).toContain('SCORE_ABOVE_MAX');
    expect(m.byCode.get('5')?.findings.map((f) => f.code)).toContain('SCORE_DIFFERS_FROM_DECLARED');
  });

  it('counts progress: rows done of self-scored rows, score of the applicable maximum, errors and warnings', () => {
    const m = modelOf({ '1:selfScore': 1, '1:evidence': 'Kế hoạch số 15/KH-STP ngày 20/01/2024', '3:selfScore': '1,5', '3:explanation': 'Có 1 vi phạm nhỏ' });
    expect(m.progress).toMatchObject({ done: 2, total: 4, score: 2.5, applicableMax: 9 });
    expect(m.progress.errors).toBe(m.findings.filter((f) => f.severity === 'error').length);
    expect(m.progress.warnings).toBe(m.findings.filter((f) => f.severity === 'warning').length);
    expect(m.progress.warnings).toBeGreaterThanOrEqual(2); // scores missing on 2 and 5
  });

  it('a parent with every child scored by the survey is a survey row', () => {
    const grid = sampleGrid();
    const m = modelOf({}, grid);
    expect(m.byCode.get('4')?.status).toBe('survey');
    expect(m.byCode.get('II')?.status).toBe('todo');
  });
});

describe('navigation', () => {
  const m = modelOf({ '1:selfScore': 3, '5:selfScore': 'hai' });

  it('next to do walks the unscored self-scored rows and wraps around', () => {
    expect(nextTodo(m)?.code).toBe('2');
    expect(nextTodo(m, '2')?.code).toBe('3');
    expect(nextTodo(m, '3')?.code).toBe('2');
  });

  it('next problem walks rows with errors or warnings of their own, not missing scores', () => {
    expect(nextProblem(m)?.code).toBe('1');
    expect(nextProblem(m, '1')?.code).toBe('5');
    expect(nextProblem(m, '5')?.code).toBe('1');
  });

  it('finds nothing when nothing is left', () => {
    const done = modelOf({ '1:selfScore': 0, '2:selfScore': 0, '3:selfScore': 2, '3:evidence': 'Báo cáo số 9/BC-STP ngày 02/12/2024', '5:selfScore': 0 });
    expect(nextTodo(done)).toBeUndefined();
  });
});

describe('search', () => {
  const m = modelOf();
  it.each([
    ['1', ['1']],
    ['II', ['II', '4', '5']],
    ['ke hoach', ['1', '2']],
    ['KẾ HOẠCH thực hiện', ['2']],
    ['thu tuc hanh chinh', ['II', '5']],
    ['  ', []],
    ['không có gì', []],
  ])('%s', (query, codes) => {
    expect(search(m, query)).toEqual(codes);
  });
});

describe('helpers', () => {
  const grid = sampleGrid();
  const reading = readUnitWorkbook(grid) as UnitReading;

  it('locates cells and rows both ways', () => {
    const cell = cellOf(reading, '2', 'selfScore') as string;
    expect(cell).toMatch(/^G\d+$/);
    expect(codeAtRow(reading, Number(cell.slice(1)))).toBe('2');
    expect(cellOf(reading, '9')).toBeUndefined();
    expect(ancestorsOf(buildModel(reading, []), '5')).toEqual(['II']);
  });

  it('applies local changes without touching the original reading', () => {
    const next = applyChanges(reading, [{ code: '1', selfScore: 1, evidence: 'KH số 1/KH-STP' }]);
    expect(next.answers.find((a) => a.code === '1')).toMatchObject({ selfScore: 1, evidence: 'KH số 1/KH-STP' });
    expect(reading.answers.find((a) => a.code === '1')?.selfScore).toBeNull();
  });

  it('merges changes per row, later fields winning', () => {
    expect(mergeChanges([{ code: '1', selfScore: 1 }, { code: '2', selfScore: 0 }, { code: '1', selfScore: 0, evidence: 'x' }])).toEqual([
      { code: '1', selfScore: 0, evidence: 'x' },
      { code: '2', selfScore: 0 },
    ]);
  });

  it.each([
    ['1,5', 1.5],
    [' 2 ', 2],
    ['', null],
    ['hai', 'hai'],
  ])('scoreInput(%j)', (text, value) => expect(scoreInput(text)).toEqual(value));

  it('refuses a score above the maximum, not a level, or on a survey row, with the core finding', () => {
    expect(scoreErrors(reading, '1', 3, TODAY).map((f) => f.code)).toEqual(['SCORE_ABOVE_MAX']);
    expect(scoreErrors(reading, '2', 1, TODAY).map((f) => f.code)).toEqual(['SCORE_NOT_ALLOWED']);
    expect(scoreErrors(reading, '4', 1, TODAY).map((f) => f.code)).toEqual(['SURVEY_ROW_SCORED']);
    expect(scoreErrors(reading, '3', 1.25, TODAY)).toEqual([]);
    expect(scoreErrors(reading, '2', 1.5, TODAY)).toEqual([]);
  });

  it('suggests the score of the declared figure', () => {
    const m = modelOf({ '2:declared': '85%', '1:declared': 'Có' });
    expect(suggestedScore(m, '2')).toBe(1.5);
    expect(suggestedScore(m, '1')).toBe(1);
    expect(suggestedScore(m, '3')).toBeUndefined();
  });
});

describe('targetsOf', () => {
  it('takes last year from the sheet, raises those below max, keeps max, largest recoverable first', () => {
    const m = modelOf({ '1:previousScore': 1, '2:previousScore': 1.5, '3:previousScore': 1, '5:previousScore': 0, '2:selfScore': 1.5, '5:selfScore': 2, '5:evidence': 'Thông báo số 7/TB-STP ngày 03/3/2024' });
    const v = targetsOf(m);
    expect(v.gaps.map((g) => [g.code, g.target, g.gap])).toEqual([
      ['1', 1, 1],
      ['2', 2, 0.5],
      ['3', 1.25, 1.25],
      ['5', 2, 0],
    ]);
    expect(v.recoverable.map((g) => g.code)).toEqual(['3', '1', '2']);
    expect(v.byField).toEqual([
      { code: 'I', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', target: 4.25, current: 1.5 },
      { code: 'II', name: 'Cải cách thủ tục hành chính', target: 2, current: 2 },
    ]);
  });

  it('has no targets without a last-year column value', () => {
    expect(targetsOf(modelOf()).gaps).toEqual([]);
  });
});
