import { readFileSync } from 'node:fs';
import type { CriteriaSet } from '../../src/core/criteria';
import { checkCriteriaSet, lookupCriteria } from '../../src/core/criteriaSet';
import { message, type Finding } from '../../src/core/findings';
import { citationOf, crossCheckRegister, indexRegister, mergeRegisterFindings, suggestFromRegister, symbolKey, type Register, type RegisterEntry } from '../../src/core/register';
import { keyTerms, matchedWords, related } from '../../src/core/registerTerms';
import { csvToGrid } from '../../src/workbook/csv';
import { alignReading, readUnitWorkbook, validateReading, type UnitReading } from '../../src/workbook/read';
import { crossCheckReading, readRegister, type RegisterReading } from '../../src/workbook/register';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { SET, csvRegister, decree30Register, dmsRegister, unitWorkbook } from './registers';

const set = checkCriteriaSet(JSON.parse(readFileSync(SET, 'utf8'))).set as CriteriaSet;
const criteria = lookupCriteria(set);
const TODAY = '2025-01-15';

let reading: UnitReading;
const registers: Record<string, RegisterReading> = {};

beforeAll(async () => {
  const read = readUnitWorkbook(await readWorkbookBuffer(await unitWorkbook(), 'so-tu-phap.xlsx'), { file: 'so-tu-phap.xlsx' });
  if (!read.ok) throw new Error('the planted sample does not read');
  reading = alignReading(read, set).reading;
  registers['Nghị định 30 (.xlsx)'] = readRegister(await readWorkbookBuffer(await decree30Register(), 'd30.xlsx'), { file: 'd30.xlsx' });
  registers['hệ thống quản lý văn bản (.xlsx)'] = readRegister(await readWorkbookBuffer(await dmsRegister(), 'dms.xlsx'), { file: 'dms.xlsx' });
  registers['CSV'] = readRegister(csvToGrid(csvRegister(), { sheetName: 'so.csv' }), { file: 'so.csv' });
});

const codes = (list: readonly Finding[], code: string) => list.filter((f) => f.code === code).map((f) => f.criterion ?? `${f.sheet}!${f.cell}`);

describe.each(['Nghị định 30 (.xlsx)', 'hệ thống quản lý văn bản (.xlsx)', 'CSV'])('the planted cases against the register of %s', (layout) => {
  const check = () => crossCheckReading(reading, criteria, registers[layout]);

  it('a cited document of the unit absent from the register: EVIDENCE_NOT_IN_REGISTER (warning) on its evidence cell', () => {
    const found = check().findings.filter((f) => f.code === 'EVIDENCE_NOT_IN_REGISTER');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', criterion: '1.2', sheet: 'Tự chấm điểm', cell: 'H13', params: { doc: '98/BC-STP' } });
  });

  it('a date typo: EVIDENCE_DATE_DIFFERS (error) quoting both dates and the register row', () => {
    const [f] = check().findings.filter((x) => x.code === 'EVIDENCE_DATE_DIFFERS');
    expect(f).toMatchObject({ severity: 'error', criterion: '1.1.2', cell: 'H12', params: { doc: '312/BC-STP', cited: '10/12/2024' } });
    expect(message(f, 'vi')).toMatch(/ghi ngày 10\/12\/2024, nhưng sổ đăng ký văn bản đi ghi ngày 12\/12\/2024/);
    expect(message(f, 'en')).toMatch(/cited as dated 10\/12\/2024, but the register .* dates it 12\/12\/2024/);
    expect(check().findings.filter((x) => x.code === 'EVIDENCE_DATE_DIFFERS')).toHaveLength(1);
  });

  it('a kind mismatch the text hides and the register shows: EVIDENCE_KIND_MISMATCH from the register, merged once', () => {
    const validation = validateReading(reading, { reference: set, today: TODAY });
    // "Công văn ... về kế hoạch ..." names a plan: the text-based check stays silent.
    expect(codes(validation, 'EVIDENCE_KIND_MISMATCH')).toEqual([]);
    const c = check();
    expect(c.kindSettled).toContain('2.2.1');
    const merged = mergeRegisterFindings(validation, c);
    const f = merged.filter((x) => x.code === 'EVIDENCE_KIND_MISMATCH');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ criterion: '2.2.1', cell: 'H29' });
    expect(message(f[0], 'vi')).toBe('Tiêu chí 2.2.1 yêu cầu kế hoạch, nhưng tài liệu kiểm chứng là công văn (theo sổ đăng ký văn bản đi). Kiểm tra lại loại văn bản.');
    expect(message(f[0], 'en')).toBe('Criterion 2.2.1 asks for plan, but the evidence is official letter (per the register of outgoing documents). Check the kind of document.');
  });

  it('an unrelated summary: EVIDENCE_SUMMARY_UNRELATED (info) quoting the trích yếu; related ones are not flagged', () => {
    const f = check().findings.filter((x) => x.code === 'EVIDENCE_SUMMARY_UNRELATED');
    expect(f.map((x) => [x.criterion, x.severity, x.params.doc])).toEqual([['1.6', 'info', '40/KH-STP']]);
    expect(String(f[0].params.summary)).toContain('Hội thao');
  });

  it('a register row with a broken date: REGISTER_ROW_UNREADABLE with the register file, and its sheet, row and cell (a workbook) or its line (a CSV)', () => {
    const f = check().findings.filter((x) => x.code === 'REGISTER_ROW_UNREADABLE');
    expect(f).toHaveLength(1);
    const file = registers[layout].file;
    expect(f[0].file).toBe(file);
    expect(message(f[0], 'vi')).toContain('"31/02/2024"');
    if (layout === 'CSV') {
      // The line as a text editor counts it: the header is line 1, and the summary of 27/KH-STP spans lines 4 and 5.
      expect(f[0]).toMatchObject({ row: 8 });
      expect(f[0].sheet).toBeUndefined();
      expect(message(f[0], 'vi')).toBe('Dòng 8 của tệp so.csv có ngày tháng "31/02/2024" không đọc được, nên văn bản ở dòng này không được đối chiếu. Ghi ngày tháng theo dạng 05/02/2024.');
      expect(message(f[0], 'en')).toBe('Line 8 of so.csv has an unreadable date "31/02/2024", so its document is not cross-checked. Write the date as 05/02/2024.');
    } else {
      expect(f[0].cell).toMatch(/^[A-Z]+\d+$/);
      expect(message(f[0], 'vi')).toContain(`Dòng ${f[0].row} của sổ đăng ký ${file} (trang "${f[0].sheet}", ô ${f[0].cell})`);
      expect(message(f[0], 'en')).toContain(`Row ${f[0].row} of the register ${file} (sheet "${f[0].sheet}", cell ${f[0].cell})`);
    }
  });

  it('a date that differs names the register row: a workbook\'s sheet and row, a CSV\'s line', () => {
    const [f] = check().findings.filter((x) => x.code === 'EVIDENCE_DATE_DIFFERS');
    const entry = check().citations.find((c) => c.ref.symbol === '312/BC-STP')?.entry;
    if (layout === 'CSV') {
      expect(message(f, 'vi')).toContain('(dòng 13 của tệp so.csv)');
      expect(message(f, 'en')).toContain('(line 13 of so.csv)');
    } else expect(message(f, 'vi')).toContain(`(${registers[layout].file}, ${entry?.sheet}, dòng ${entry?.row})`);
  });

  it('documents of other issuers are not expected in the register; the per-unit summary', () => {
    const c = check();
    expect(c.citations.find((x) => x.ref.symbol === '12/QĐ-UBND')?.status).toBe('otherIssuer');
    expect(c.summary).toEqual({ cited: 13, found: 11, dateDiffers: 1, notFound: 1, kindMismatch: 1, unrelated: 1, otherIssuers: 1, issuer: 'STP', unreadableRows: 1 });
    // A document cited in the year before the period, on the 2023 sheet or in the same list.
    expect(c.citations.find((x) => x.ref.symbol === '210/KH-STP')?.status).toBe('found');
  });

  it('suggests the review report for 2.3.2 (no evidence) and not the plan, the awards report or last year\'s report', () => {
    const s = check().suggestions.filter((x) => x.criterion === '2.3.2');
    expect(s.map((x) => x.entry.symbol)).toEqual(['318/BC-STP']);
    expect(s[0]).toMatchObject({ cell: 'H33', sheet: 'Tự chấm điểm' });
    expect(s[0].citation).toMatch(/^Báo cáo số 318\/BC-STP ngày 15\/12\/2024 về kết quả rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2024$/);
    // Why, as the summary writes it ("VBQPPL" of the criterion spelt out).
    expect(s[0].matched).toEqual(['rà soát', 'hệ thống hóa', 'quy phạm pháp luật']);
    // Criteria with evidence get no suggestion; one shared word is not enough.
    const all = check().suggestions;
    expect(all.some((x) => x.criterion === '1.1.1')).toBe(false);
    expect(all.some((x) => x.entry.symbol === '320/BC-STP' || x.entry.symbol === '150/BC-STP')).toBe(false);
    expect(all.filter((x) => x.entry.symbol === '40/KH-STP')).toEqual([]);
  });

  it('a weak fit is not offered: for 1.3.3 (no evidence) the inspection plan and report share only "kiểm tra" and "cải cách hành chính", which 5 of the register\'s summaries hold', () => {
    // 1.3.3 "Xử lý các vấn đề phát hiện qua kiểm tra", under 1.3 about inspecting CCHC: a row of the sheet, without evidence.
    expect(reading.answers.some((a) => a.code === '1.3.3')).toBe(true);
    expect(reading.answers.find((a) => a.code === '1.3.3')?.evidence ?? '').toBe('');
    expect(check().suggestions.filter((x) => x.criterion === '1.3.3')).toEqual([]);
  });
});

/** Summaries of a year's other documents, sharing nothing with the criteria tried here. */
const OTHER_TOPICS = [
  'Báo cáo công tác thi đua, khen thưởng',
  'Kế hoạch tổ chức Hội thao chào mừng ngày thành lập ngành',
  'Thông báo lịch tiếp công dân của lãnh đạo Sở',
  'Báo cáo kết quả công tác trợ giúp pháp lý',
  'Quyết định cử công chức đi học lớp bồi dưỡng nghiệp vụ',
  'Kế hoạch phòng cháy, chữa cháy tại trụ sở',
  'Báo cáo tình hình sử dụng kinh phí',
  'Công văn góp ý dự thảo luật đất đai',
];

function entry(over: Partial<RegisterEntry>): RegisterEntry {
  return { sheet: 'S', row: 2, symbol: '27/KH-STP', number: '27', issuer: 'STP', date: '2024-02-05', dateText: '05/02/2024', summary: '', ...over };
}

describe('the register check in core', () => {
  it('keys symbols without case, diacritics, spaces or leading zeros', () => {
    expect(symbolKey('027 / KH-STP')).toBe(symbolKey('27/kh-stp'));
    expect(symbolKey('12/2023/QĐ-UBND')).toBe(symbolKey('12/2023/QD-UBND'));
    expect(symbolKey('27/KH-STP')).not.toBe(symbolKey('27/KH-SNV'));
  });

  it('writes the citation of an entry as evidence is written', () => {
    const kh = { id: 'ke-hoach', abbreviation: 'KH', vi: 'kế hoạch', en: 'plan' };
    expect(citationOf(entry({ kind: kh, summary: 'Kế hoạch kiểm tra công tác CCHC' }))).toBe('Kế hoạch số 27/KH-STP ngày 05/02/2024 về kiểm tra công tác CCHC');
    expect(citationOf(entry({ summary: 'V/v đôn đốc báo cáo' }))).toBe('Văn bản số 27/KH-STP ngày 05/02/2024 về đôn đốc báo cáo');
    const cv = { id: 'cong-van', vi: 'công văn', en: 'official letter' };
    expect(citationOf(entry({ symbol: '45/STP-VP', kind: cv, summary: 'Về việc tổ chức tập huấn' }))).toBe('Công văn số 45/STP-VP ngày 05/02/2024 về tổ chức tập huấn');
  });

  it('infers the unit\'s issuer from the register, or takes the one given', () => {
    const reg: Register = { entries: [entry({}), entry({ symbol: '2/BC-STP', issuer: 'STP' }), entry({ symbol: '3/UBND-VP', issuer: 'UBND-VP' })], problems: [] };
    expect(indexRegister(reg).issuer).toBe('stp');
    const answers = [{ code: '1.1.1', selfScore: 1, evidence: 'Kế hoạch số 99/KH-STP ngày 05/02/2024; Kế hoạch số 98/KH-UBND ngày 05/02/2024', row: 11 }];
    const inferred = crossCheckRegister(criteria, answers, reg);
    expect(inferred.summary).toMatchObject({ cited: 1, notFound: 1, otherIssuers: 1, issuer: 'STP' });
    const given = crossCheckRegister(criteria, answers, reg, { issuer: 'UBND' });
    expect(codes(given.findings, 'EVIDENCE_NOT_IN_REGISTER')).toEqual(['1.1.1']);
    expect(given.findings[0].params.doc).toBe('98/KH-UBND');
  });

  it('takes the entry of the cited date among years that reuse a number', () => {
    const reg: Register = { entries: [entry({ date: '2023-02-01', dateText: '01/02/2023' }), entry({})], problems: [] };
    const c = crossCheckRegister(criteria, [{ code: '1.1.1', selfScore: 1, evidence: 'Kế hoạch số 27/KH-STP ngày 05/02/2024', row: 11 }], reg);
    expect(c.summary).toMatchObject({ cited: 1, found: 1, dateDiffers: 0 });
    expect(c.citations[0].entry?.date).toBe('2024-02-05');
  });

  it('leaves the text-based kind check alone where the register cannot settle it (a document not in the register)', () => {
    const reg: Register = { entries: [entry({})], problems: [] };
    const answers = [{ code: '2.2.1', selfScore: 0.5, evidence: 'Báo cáo số 5/BC-STP ngày 05/02/2024', row: 29 }];
    const c = crossCheckRegister(criteria, answers, reg);
    expect(c.kindSettled).toEqual([]);
    const textual: Finding = { severity: 'warning', code: 'EVIDENCE_KIND_MISMATCH', criterion: '2.2.1', params: {} };
    expect(mergeRegisterFindings([textual], c)).toContain(textual);
  });

  it('a register that proves the kind right drops the text-based warning', () => {
    const kh = { id: 'ke-hoach', abbreviation: 'KH', vi: 'kế hoạch', en: 'plan' };
    const reg: Register = { entries: [entry({ symbol: '5/STP-VP', issuer: 'STP-VP', kind: kh, summary: 'Kế hoạch theo dõi tình hình thi hành pháp luật năm 2024' })], problems: [] };
    const c = crossCheckRegister(criteria, [{ code: '2.2.1', selfScore: 0.5, evidence: 'Văn bản số 5/STP-VP ngày 05/02/2024', row: 29 }], reg);
    expect(c.kindSettled).toEqual(['2.2.1']);
    const textual: Finding = { severity: 'warning', code: 'EVIDENCE_KIND_MISMATCH', criterion: '2.2.1', params: {} };
    expect(mergeRegisterFindings([textual], c).filter((f) => f.code === 'EVIDENCE_KIND_MISMATCH')).toEqual([]);
  });

  it('offers no suggestion outside the period, nor of another issuer', () => {
    const bc = { id: 'bao-cao', abbreviation: 'BC', vi: 'báo cáo', en: 'report' };
    const summary = 'Báo cáo kết quả rà soát, hệ thống hóa văn bản quy phạm pháp luật';
    const reg: Register = {
      entries: [
        entry({ symbol: '1/BC-STP', kind: bc, summary, date: '2023-06-01' }),
        entry({ symbol: '2/BC-STP', kind: bc, summary, date: '2025-03-01' }),
        entry({ symbol: '3/BC-STP', kind: bc, summary, date: '2024-06-01' }),
        entry({ symbol: '4/BC-STP', kind: bc, summary: 'Báo cáo tình hình', date: '2024-06-01' }),
        entry({ symbol: '5/BC-STP', kind: bc, summary: 'Báo cáo tình hình', date: '2024-06-01' }),
        entry({ symbol: '6/BC-SNV', issuer: 'SNV', kind: bc, summary, date: '2024-06-01' }),
        ...OTHER_TOPICS.map((t, i) => entry({ symbol: `${20 + i}/BC-STP`, kind: bc, summary: t, date: '2024-06-01' })),
      ],
      problems: [],
    };
    const s = suggestFromRegister(criteria, [{ code: '2.3.2', row: 33 }], reg).filter((x) => x.criterion === '2.3.2');
    expect(s.map((x) => x.entry.symbol)).toEqual(['3/BC-STP']);
  });
});

describe('the fit of a suggestion', () => {
  const bc = { id: 'bao-cao', abbreviation: 'BC', vi: 'báo cáo', en: 'report' };
  const suggest = (summaries: readonly string[], code: string) => {
    const reg: Register = { entries: summaries.map((summary, i) => entry({ symbol: `${i + 1}/BC-STP`, kind: bc, summary, date: '2024-06-01' })), problems: [] };
    return suggestFromRegister(criteria, [], reg).filter((x) => x.criterion === code);
  };
  const report = 'Báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2024';

  it('weighs the words shared by their rarity in the register: the same report fits where its words are rare, not where most summaries hold them', () => {
    // 1.3.3 "Xử lý các vấn đề phát hiện qua kiểm tra" (under inspecting CCHC): the report shares "kiểm tra" and CCHC.
    const rare = suggest([report, ...OTHER_TOPICS], '1.3.3');
    expect(rare.map((x) => x.entry.summary)).toEqual([report]);
    expect(rare[0].matched).toEqual(['kiểm tra', 'cải cách hành chính']);
    expect(rare[0].score).toBeGreaterThanOrEqual(5);
    // CCHC in most of the year's summaries: it says little, and "kiểm tra" alone is not enough.
    const cchc = OTHER_TOPICS.slice(0, 6).map((t) => `${t} gắn với cải cách hành chính`);
    expect(suggest([report, ...cchc, ...OTHER_TOPICS.slice(6)], '1.3.3')).toEqual([]);
  });

  it('one word is never enough, however rare; a longer phrase shared counts as its words', () => {
    // "kiểm tra" alone, in one summary of nine.
    expect(suggest(['Kế hoạch kiểm tra phòng cháy, chữa cháy', ...OTHER_TOPICS], '1.3.3')).toEqual([]);
    // 2.2.1 "Ban hành kế hoạch theo dõi tình hình thi hành pháp luật": the plan shares one phrase of two words (thi hành, pháp luật ...).
    const plan = 'Kế hoạch theo dõi tình hình thi hành pháp luật năm 2024';
    const s = suggest([plan, ...OTHER_TOPICS], '2.2.1');
    expect(s.map((x) => x.matched)).toEqual([['tình hình thi hành pháp luật']]);
  });
});

describe('key terms', () => {
  it('spells CCHC out, drops kind names, numbers and stop words, and compares pairs of syllables', () => {
    const c = keyTerms('Ban hành kế hoạch kiểm tra cải cách hành chính năm 2024');
    expect([...c.pairs].sort()).toEqual(['cchc', 'kiem tra']);
    expect(related(keyTerms('Kế hoạch kiểm tra công tác CCHC'), c)).toBe(true);
    expect(related(keyTerms('Kế hoạch tổ chức Hội thao chào mừng ngày thành lập ngành'), c)).toBe(false);
    expect(related(keyTerms('Báo cáo năm 2024'), c)).toBe(false);
  });

  it('shows the words that hold shared terms as the text writes them: one word for overlapping pairs, abbreviations as written', () => {
    const shared = new Set(['kiem tra', 'cchc', 'thu tuc', 'tuc hanh', 'hanh chinh']);
    expect(matchedWords('Kế hoạch Kiểm tra công tác CCHC và thủ tục hành chính năm 2024', shared, '')).toEqual(['kiểm tra', 'CCHC', 'thủ tục hành chính']);
    expect(matchedWords('Báo cáo giải quyết TTHC, kiểm tra', shared, '')).toEqual(['TTHC', 'kiểm tra']);
    // The stop syllables before a word, where the other text has them together.
    expect(matchedWords('Rà soát văn bản quy phạm pháp luật', new Set(['pham phap', 'phap luat']), ' van ban quy pham phap luat ')).toEqual(['quy phạm pháp luật']);
    expect(matchedWords('Rà soát văn bản quy phạm pháp luật', new Set(['pham phap', 'phap luat']), ' pham phap luat ')).toEqual(['phạm pháp luật']);
  });
});
