/**
 * Tester's F21: a district workbook made by hand (no metadata sheet; letterhead, codes with
 * a trailing dot, the method in the name cell) is matched to the bundled district set by
 * its level and its criteria, so survey rows are known as survey rows. When no bundled
 * set fits, SET_NOT_MATCHED names the closest set and why.
 */
import { flattenSet } from '../../src/core/criteria';
import { message } from '../../src/core/findings';
import { readUnitWorkbook, validateReading, type UnitReading } from '../../src/workbook/read';
import { withReferenceFlags } from '../../src/workbook/reference';
import { matchSet } from '../../src/workbook/setMatch';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { bundledSet } from './bundled';
import { handRows, handRowsOf, handmadeWorkbook, type HandOptions } from './handmade';

const SETS = [bundledSet('so'), bundledSet('huyen'), bundledSet('xa')];
// No method text on the sheet: only the set knows which rows the survey scores.
const DISTRICT: HandOptions = { rows: handRowsOf(bundledSet('huyen'), { methods: false }), body: ['ỦY BAN NHÂN DÂN', 'HUYỆN BA BỂ'], instructions: false };

async function read(o: HandOptions): Promise<UnitReading> {
  const r = readUnitWorkbook(await readWorkbookBuffer(await handmadeWorkbook(o), 'ba-be.xlsx'), { file: 'ba-be.xlsx' });
  if (!r.ok) throw new Error(r.findings.map((f) => message(f)).join('\n'));
  return r;
}

const surveyLeaves = (r: UnitReading) => flattenSet(r.set).filter((x) => !x.children?.length && x.scoredBy === 'survey').length;

describe('a hand-made district workbook', () => {
  it('names no set and says its level through the letterhead', async () => {
    const r = await read(DISTRICT);
    expect(r.meta).toMatchObject({ unit: 'ỦY BAN NHÂN DÂN HUYỆN BA BỂ', level: 'huyen', year: 2024 });
    expect(r.meta.setId).toBeUndefined();
    // Without a reference the sheet's own set carries the sheet's name and knows no survey row.
    expect(r.set.id).toBe('Bảng chấm điểm');
    expect(surveyLeaves(r)).toBe(0);
  });

  it('is matched to the bundled district set, whatever the order of the sets', async () => {
    const r = await read(DISTRICT);
    expect(matchSet(r, SETS)).toEqual({ set: SETS[1] });
    expect(matchSet(r, [...SETS].reverse())).toEqual({ set: SETS[1] });
  });

  it('then knows the survey rows and is named as the set', async () => {
    const r = withReferenceFlags(await read(DISTRICT), SETS[1]);
    expect(surveyLeaves(r)).toBe(22);
    expect([r.set.id, r.set.version]).toEqual([SETS[1].id, SETS[1].version]);
    const found = validateReading(r, { reference: SETS[1], today: '2025-01-15' });
    expect(found.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.criterion ?? ''}`)).toEqual([]);
  });

  it('with its level unknown (no letterhead) is still matched by its criteria', async () => {
    const r = await read({ ...DISTRICT, letterhead: 'none' });
    expect(r.meta.level).toBeUndefined();
    expect(matchSet(r, SETS).set?.id).toBe(SETS[1].id);
  });
});

describe('no bundled set fits: the closest is named with the reason', () => {
  it('a district sheet under a department letterhead: the level differs', async () => {
    const r = await read({ ...DISTRICT, body: ['UBND TỈNH BẮC KẠN', 'SỞ TƯ PHÁP'] });
    const m = matchSet(r, SETS);
    expect(m.set).toBeUndefined();
    expect(m.finding).toMatchObject({ code: 'SET_NOT_MATCHED', severity: 'warning', params: { id: SETS[1].id } });
    expect(message(m.finding!, 'vi')).toContain(`gần nhất là "${SETS[1].title}" (${SETS[1].id}) nhưng bảng là của sở, ban, ngành, bộ tiêu chí dành cho UBND cấp huyện.`);
    expect(message(m.finding!, 'en')).toContain('the sheet is for departments, the set for district People’s Committees');
  });

  it('a department sheet of a few criteria of its own: too few criteria in common, counted', async () => {
    const r = await read({ rows: handRows() });
    const m = matchSet(r, SETS);
    expect(m.set).toBeUndefined();
    expect(m.finding?.params.id).toBe(SETS[0].id);
    expect(message(m.finding!, 'vi')).toMatch(/chỉ \d+\/\d+ tiêu chí của bộ có tên trùng với một dòng của bảng và \d+\/11 dòng của bảng có trong bộ/);
  });

  it('a workbook naming a set that is not at hand gets none and no finding', async () => {
    const r = await read(DISTRICT);
    expect(matchSet({ ...r, meta: { ...r.meta, setId: 'tinh-khac-2024' } }, SETS)).toEqual({});
    expect(matchSet({ ...r, meta: { ...r.meta, setId: SETS[2].id } }, SETS)).toEqual({ set: SETS[2] });
  });
});
