/**
 * Issue 10 §1 on workbooks made by hand (test/handmade/handmade.ts, written with exceljs):
 * each kind gives exactly the findings expected, and no false alarm.
 */
import type { CriteriaSet } from '../../src/core/criteria';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { message, type Finding } from '../../src/core/findings';
import { computeTotals } from '../../src/core/totals';
import { parseColumnMapText } from '../../src/workbook/columns';
import { alignCodes } from '../../src/workbook/compare';
import { WorkbookError } from '../../src/workbook/errors';
import { submissionOf } from '../../src/workbook/submission';
import { alignReading, readUnitWorkbook, validateReading, type ReadOptions, type UnitReading } from '../../src/workbook/read';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { bundledSet } from './bundled';
import { HAND_HEADERS, handRows, handmadeWorkbook, referenceSet, type HandOptions } from './handmade';

const TODAY = '2025-03-01';
const UNITS = [
  { name: 'Sở Tư pháp', level: 'so' as const },
  { name: 'UBND huyện Ba Bể', level: 'huyen' as const },
];

async function read(o: HandOptions = {}, opts: ReadOptions = {}): Promise<UnitReading> {
  const r = readUnitWorkbook(await readWorkbookBuffer(await handmadeWorkbook(o), 'tu-cham.xlsx'), { file: 'tu-cham.xlsx', ...opts });
  if (!r.ok) throw new Error(r.findings.map((f) => message(f)).join('\n'));
  return r;
}

/** severity code criterion cell: what a finding says and where. */
const brief = (fs: Finding[]) => fs.map((f) => [f.severity, f.code, f.criterion ?? '-', f.cell ?? '-'].join(' '));

function total(r: UnitReading, reference: CriteriaSet): number {
  return computeTotals(lookupCriteria(reference), alignReading(r, reference).reading.answers).self;
}

describe('a hand-made sheet of Sở Tư pháp (letterhead, Roman fields, methods in the name cell)', () => {
  it('finds the table under the letterhead and title on the second sheet, in the office\'s wording', async () => {
    const r = await read();
    expect(r.sheet).toBe('Bảng chấm điểm');
    // "Ghi chú" is the explanation: the sheet has no "Giải trình".
    expect(r.layout.columns).toEqual({ code: 0, name: 1, maxPoints: 2, selfScore: 3, evidence: 4, explanation: 5 });
    expect(r.layout.missing).toEqual(['declared', 'method', 'evidenceRequirement', 'note', 'appraisedScore', 'appraisalReason', 'finalScore', 'finalReason', 'previousScore']);
    expect([r.layout.headerTop, r.layout.firstDataRow]).toEqual([7, 9]);
    // The method written under the name is the method; a survey row is a survey row.
    const leaf = r.set.fields[0].children?.[0].children?.[0];
    expect(leaf).toMatchObject({ code: '1.1', name: 'Ban hành kế hoạch cải cách hành chính năm', method: '- Có ban hành: 1 điểm\n- Không ban hành: 0 điểm' });
    expect(r.set.fields[0].children?.[2]).toMatchObject({ code: '3', scoredBy: 'survey' });
    // TỔNG CỘNG and the signature are not criteria.
    expect(r.rows.filter((x) => x.kind === 'criterion')).toHaveLength(11);
  });

  it('names the unit from the letterhead, in the unit list\'s spelling', async () => {
    expect((await read({}, { units: UNITS })).meta).toEqual({ unit: 'Sở Tư pháp', unitFrom: 'letterhead', level: 'so', year: 2024, source: 'title' });
    // Without a list, as written.
    expect((await read()).meta).toMatchObject({ unit: 'SỞ TƯ PHÁP', level: 'so' });
    // Both lines in one merged cell.
    expect((await read({ letterhead: 'cell' }, { units: UNITS })).meta.unit).toBe('Sở Tư pháp');
    // A district written as its body on two lines.
    const district = await read({ body: ['ỦY BAN NHÂN DÂN', 'HUYỆN BA BỂ'] }, { units: UNITS });
    expect(district.meta).toMatchObject({ unit: 'UBND huyện Ba Bể', level: 'huyen', unitFrom: 'letterhead' });
    // A "Đơn vị:" line wins over the letterhead.
    expect((await read({ unitLine: 'Đơn vị: Sở Tư Pháp' }, { units: UNITS })).meta).toEqual({ unit: 'Sở Tư pháp', level: 'so', year: 2024, source: 'title' });
  });

  it('against the reference numbered 1, 1.1, 1.1.1: one CODES_RENUMBERED, nothing else, total counted', async () => {
    const ref = referenceSet();
    const r = await read({}, { units: UNITS });
    const found = validateReading(r, { reference: ref, today: TODAY });
    expect(brief(found)).toEqual(['warning CODES_RENUMBERED - A10']);
    expect(found[0].params).toEqual({ count: 11, example: 'I → 1, 1 → 1.1, 1.1 → 1.1.1' });
    expect(total(r, ref)).toBe(7);
    // Without a reference the sheet's own set: no finding at all.
    expect(brief(validateReading(r, { today: TODAY }))).toEqual([]);
  });

  it('only real additions and deletions are CRITERION_UNEXPECTED / CRITERION_MISSING, on their rows', async () => {
    // Row 2.2.2 deleted, a row of the office's own added in field I; the office numbered on.
    const rows = handRows().filter((x) => x.ref !== '2.2.2');
    const own = { code: '2', name: 'Sáng kiến cải cách hành chính của đơn vị\n- Có sáng kiến: 1 điểm\n- Không có: 0 điểm', max: 1, score: 1, evidence: 'Quyết định số 5/QĐ-STP ngày 02/05/2024' };
    rows.splice(4, 0, own);
    const renumber: Record<string, string> = { '1.2': '3', '1.3': '4', '2.1': '5', '2.2': '6', '2.2.1': '6.1' };
    for (const x of rows) if (x.ref !== undefined && renumber[x.ref]) x.code = renumber[x.ref];
    // Their sums follow: field I 3 + 1, criterion 6 and field II without the deleted row.
    rows.find((x) => x.ref === '1')!.score = 4;
    rows.find((x) => x.ref === '2.2')!.score = 1;
    rows.find((x) => x.ref === '2')!.score = 3;
    const r = await read({ rows }, { units: UNITS });
    const found = validateReading(r, { reference: referenceSet(), today: TODAY });
    expect(brief(found)).toEqual(['error CRITERION_UNEXPECTED 2 (dòng 14) A14', 'error CRITERION_MISSING 2.2.2 -', 'warning CODES_RENUMBERED - A10']);
    expect(message(found[0])).toBe('Tiêu chí 2 (dòng 14) không có trong bộ tiêu chí gốc. Xóa dòng này hoặc dùng đúng biểu mẫu.');
  });

  it('a title for 2023 against the 2024 set: one YEAR_MISMATCH, no date finding', async () => {
    const r = await read({ year: 2023 }, { units: UNITS });
    const found = validateReading(r, { reference: referenceSet(), today: TODAY });
    expect(brief(found)).toEqual(['error YEAR_MISMATCH - -', 'warning CODES_RENUMBERED - A10']);
    expect(found[0].params).toMatchObject({ found: 2023, expected: 2024 });
    expect(message(found[0], 'en')).toContain('The score sheet is for 2023');
  });

  it('a unit that cannot be named is a warning saying what is clear, and the user can name it', async () => {
    const r = await read({ letterhead: 'none' }, { units: UNITS });
    expect(r.meta.unit).toBeUndefined();
    const found = validateReading(r, { reference: referenceSet(), today: TODAY });
    expect(brief(found)).toEqual(['warning CODES_RENUMBERED - A10', 'warning UNIT_NOT_NAMED - -']);
    expect(message(found[1])).toContain('cấp đánh giá (sở, ban, ngành)');
    const named = await read({ letterhead: 'none' }, { units: UNITS, unit: 'sở tư pháp' });
    expect(named.meta).toMatchObject({ unit: 'Sở Tư pháp', unitFrom: 'user', level: 'so' });
    expect(brief(validateReading(named, { reference: referenceSet(), today: TODAY }))).toEqual(['warning CODES_RENUMBERED - A10']);
  });

  it('numbered as the reference: no finding at all', async () => {
    const r = await read({ rows: handRows(2024, 'reference') }, { units: UNITS });
    expect(brief(validateReading(r, { reference: referenceSet(), today: TODAY }))).toEqual([]);
    expect(total(r, referenceSet())).toBe(7);
  });
});

describe('columns named by hand', () => {
  const odd = { ...HAND_HEADERS, self: 'Điểm do cơ quan chấm', evidence: 'Văn bản' };

  it('a header no wording knows is LAYOUT_NOT_FOUND; the map reads it, detection filling the rest', async () => {
    const buf = await handmadeWorkbook({ headers: odd });
    const grid = await readWorkbookBuffer(buf, 'x.xlsx');
    const failed = readUnitWorkbook(grid);
    expect(failed.ok).toBe(false);
    const map = parseColumnMapText('score=D, evidence=E');
    if (!map.ok) throw new Error(map.en);
    const r = readUnitWorkbook(grid, { columns: map, units: UNITS });
    if (!r.ok) throw new Error('not read');
    expect(r.layout.columns).toEqual({ code: 0, name: 1, maxPoints: 2, selfScore: 3, evidence: 4, explanation: 5 });
    expect(brief(validateReading(r, { reference: referenceSet(), today: TODAY }))).toEqual(['warning CODES_RENUMBERED - A10']);
  });

  it('a map that leaves a required column out is refused naming it', async () => {
    const grid = await readWorkbookBuffer(await handmadeWorkbook({ headers: { ...odd, code: 'Số hiệu' } }), 'x.xlsx');
    expect(() => readUnitWorkbook(grid, { columns: { columns: { selfScore: 3 } } })).toThrow(WorkbookError);
    expect(() => readUnitWorkbook(grid, { columns: { columns: { selfScore: 3 } } })).toThrow(/Chưa chọn cột STT/);
  });

  it.each([
    ['max', /"max" lacks "=<column>"/],
    ['max=D,score=D', /max and score are both column D/],
    ['points=D', /"points" is not a column name/],
    ['max=4', /"4" is not a column letter/],
    ['max=D,max=E', /Column max is given twice/],
    ['header=0', /header row must be a row number/],
    [' , ', /No column given/],
  ])('%j is refused: %s', (text, why) => {
    const r = parseColumnMapText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.en).toMatch(why);
  });

  it('reads names, aliases and the header row', () => {
    expect(parseColumnMapText('code=a,name=B,maxPoints=C,score=d,appraisal=AB,header=9')).toEqual({ ok: true, columns: { code: 0, name: 1, maxPoints: 2, selfScore: 3, appraisedScore: 27 }, headerRow: 9 });
  });
});

describe('consolidation of a hand-made sheet', () => {
  it('counts the scores of a sheet numbered its own way under the reference codes', async () => {
    const ref = referenceSet();
    const r = await read({}, { units: UNITS });
    const s = submissionOf('tu-cham.xlsx', 'h', r, { sets: [ref], indexes: [lookupCriteria(ref)], today: TODAY });
    expect(s.submission).toMatchObject({ unit: 'Sở Tư pháp', level: 'so', totals: { self: 7, applicableMax: 10 } });
    expect(s.submission.findings.map((f) => f.code)).toEqual(['CODES_RENUMBERED']);
    expect(s.current?.get('1.1.2')).toBe(2);
  });
});

describe('alignCodes on the bundled sở set', () => {
  const ref = bundledSet('so');
  const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

  it('the set numbered by hand (Roman fields in capitals, criteria across fields): every row matched once', () => {
    let k = 0;
    const roman: CriteriaSet = {
      ...ref,
      fields: ref.fields.map((f, i) => ({
        ...f,
        code: ROMAN[i],
        name: f.name.toUpperCase(),
        children: (f.children ?? []).map((c) => {
          const n = ++k;
          return { ...c, code: String(n), children: (c.children ?? []).map((s, j) => ({ ...s, code: `${n}.${j + 1}` })) };
        }),
      })),
    };
    const a = alignCodes(roman, ref)!;
    expect(a.codes.size).toBe(120);
    expect(new Set(a.codes.values()).size).toBe(120);
    expect(a.codes.get('II')).toBe('2');
    expect(a.renumbered.length).toBe(120);
  });

  it('the set as the reference numbers it: nothing to align', () => {
    expect(alignCodes(ref, ref)).toBeUndefined();
  });
});

describe('a code column without codes', () => {
  it('is named as the wrong column', async () => {
    const grid = await readWorkbookBuffer(await handmadeWorkbook(), 'x.xlsx');
    expect(() => readUnitWorkbook(grid, { columns: { columns: { code: 6 } } })).toThrow('Cột G của trang tính "Bảng chấm điểm" không có mã tiêu chí nào (I, 1, 1.1, ...). Chọn cột STT đúng.');
  });
});
