import type { Answer } from '../../src/core/answers';
import { neverScored, unscoredCriteria, unscoredText } from '../../src/core/completeness';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { validateScores } from '../../src/core/validate';
import { sampleSet } from './criteriaFixture';

const index = lookupCriteria(sampleSet());

/** Every row of the fixture present, as a sheet has them; scores given for some. */
function sheet(scores: Record<string, Answer['selfScore']>, extra: Record<string, Partial<Answer>> = {}): Answer[] {
  return index.nodes.map((n) => ({ code: n.code, row: n.node.row, selfScore: scores[n.code] ?? null, ...extra[n.code] }));
}

describe('unscoredCriteria: the blank self-scored rows that keep a sheet from being validated', () => {
  test('every self-scored leaf left blank, in order, with its row; survey, bonus and parent rows are not counted', () => {
    expect(unscoredCriteria(index, sheet({ '1.1.1': 1, '1.2': 0.75 }))).toEqual([
      { code: '1.1.2', row: 11 },
      { code: '1.3', row: 13 },
      { code: '2.1', row: 15 },
      { code: '2.2', row: 16 },
      { code: '3.1', row: 19 },
    ]);
  });

  test('a row excused as "Không áp dụng" needs no score; a text or error value is not blank', () => {
    const answers = sheet({ '1.1.1': 1, '1.1.2': 'x', '1.2': { error: '#REF!' }, '1.3': 0, '2.1': 1, '3.1': 2 }, { '2.2': { declared: 'Không áp dụng' } });
    expect(unscoredCriteria(index, answers)).toEqual([]);
  });

  test('it counts exactly the rows SCORE_MISSING warns about', () => {
    const answers = sheet({ '1.1.1': 1, '2.1': 1 });
    const warned = validateScores(index, answers).filter((f) => f.code === 'SCORE_MISSING').map((f) => f.criterion);
    expect(unscoredCriteria(index, answers).map((u) => u.code)).toEqual(warned);
  });

  test('the pane text', () => {
    expect(unscoredText(3)).toBe('còn 3 tiêu chí chưa chấm');
    expect(unscoredText(1, 'en')).toBe('1 criterion not scored yet');
    expect(unscoredText(2, 'en')).toBe('2 criteria not scored yet');
    expect(unscoredText(0)).toBe('');
  });
});

describe('neverScored: a template sent back as received, not a unit at 0%', () => {
  test('every self-scored row blank: all of them, with their rows', () => {
    expect(neverScored(index, sheet({}))).toEqual(unscoredCriteria(index, sheet({})));
    expect(neverScored(index, sheet({})).length).toBe(5 + 2);
  });

  test('one score, even 0, or one appraised score makes it a scored sheet', () => {
    expect(neverScored(index, sheet({ '2.1': 0 }))).toEqual([]);
    expect(neverScored(index, sheet({}, { '1.3': { appraisedScore: 1 } }))).toEqual([]);
    expect(neverScored(index, sheet({}, { '1.3': { finalScore: '0,5' } }))).toEqual([]);
  });

  test('the bonus or survey rows alone scored do not count as scoring the sheet', () => {
    const bonusOrSurvey = index.nodes.filter((n) => n.isLeaf && (n.bonus || n.scoredBy !== 'self')).map((n) => n.code);
    expect(bonusOrSurvey.length).toBeGreaterThan(0);
    expect(neverScored(index, sheet(Object.fromEntries(bonusOrSurvey.map((c) => [c, 1])))).length).toBeGreaterThan(0);
  });
});
