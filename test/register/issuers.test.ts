/**
 * A district's (or commune's) own documents are `…/KH-UBND`, `…/QĐ-UBND`, exactly like the
 * province's. Planted: a district register (UBND huyện Bảo Thắng) and citations of province
 * plans (named as such, one colliding with a district number), of the district's own
 * plans, of another district's, and ambiguous ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CriteriaSet } from '../../src/core/criteria';
import { checkCriteriaSet, lookupCriteria } from '../../src/core/criteriaSet';
import { message, type Finding } from '../../src/core/findings';
import { crossCheckRegister, type Register, type RegisterEntry } from '../../src/core/register';
import { citedIssuer, issuerVerdict, unitIssuer } from '../../src/core/registerIssuers';
import { registerSummaryText } from '../../src/cli/register';
import { alignReading, readUnitWorkbook } from '../../src/workbook/read';
import { crossCheckReading } from '../../src/workbook/register';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { ROOT, unitWorkbook } from './registers';

const load = (name: string) => lookupCriteria(checkCriteriaSet(JSON.parse(readFileSync(join(ROOT, 'data/criteria', name), 'utf8'))).set as CriteriaSet);
const huyen = load('huyen-2024.json');
const xa = load('xa-2024.json');
const so = load('so-2024.json');

const KH = { id: 'ke-hoach', abbreviation: 'KH', vi: 'kế hoạch', en: 'plan' };

function entry(symbol: string, date: string, summary: string): RegisterEntry {
  const [d, m, y] = date.split('/');
  return { sheet: 'Năm 2024', row: 5, symbol, number: symbol.split('/')[0], kind: KH, issuer: 'UBND', date: `${y}-${m}-${d}`, dateText: date, summary };
}

/** The district's register: its own plans, numbered from 1 as the province's are. */
const district: Register = {
  file: 'so-dang-ky-bao-thang.xlsx',
  entries: [
    entry('12/KH-UBND', '20/01/2024', 'Kế hoạch cải cách hành chính năm 2024 của UBND huyện Bảo Thắng'),
    entry('27/KH-UBND', '05/02/2024', 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2024'),
    // The province's plan 45/KH-UBND is of 10/03/2024: the district has its own 45, of another date.
    entry('45/KH-UBND', '02/02/2024', 'Kế hoạch tuyên truyền cải cách hành chính năm 2024'),
    entry('60/KH-UBND', '01/04/2024', 'Kế hoạch rà soát thủ tục hành chính năm 2024'),
  ],
  problems: [],
};

const cite = (code: string, evidence: string, row = 11) => ({ code, selfScore: 1, evidence, row });
const codes = (list: readonly Finding[], code: string) => list.filter((f) => f.code === code).map((f) => f.criterion);

describe('an issuer named in a citation (diacritics and case ignored)', () => {
  it.each([
    ['Kế hoạch số 386/KH-UBND ngày 15/3/2024 của UBND tỉnh', 'tinh', ''],
    ['Kế hoạch số 386/KH-UBND ngày 15/3/2024 của UBND tỉnh Lào Cai về kiểm tra CCHC', 'tinh', 'lao cai'],
    ['Quyết định của Chủ tịch UBND tỉnh số 12/QĐ-UBND ngày 5/1/2024', 'tinh', ''],
    ['Ke hoach so 386/KH-UBND ngay 15/3/2024 cua Uy ban nhan dan tinh', 'tinh', ''],
    ['Nghị quyết số 5/NQ-HĐND ngày 1/2/2024 của HĐND tỉnh', 'tinh', ''],
    ['Kế hoạch số 30-KH/TU ngày 1/2/2024 của Tỉnh ủy', 'tinh', ''],
    ['Kế hoạch số 7/KH-UBND ngày 1/2/2024 của UBND thành phố Hà Nội', 'tinh', 'ha noi'],
    ['Kế hoạch số 7/KH-UBND ngày 1/2/2024 của UBND thành phố Lào Cai', 'huyen', 'lao cai'],
    ['KẾ HOẠCH SỐ 12/KH-UBND NGÀY 1/2/2024 CỦA UBND HUYỆN BẢO THẮNG VỀ KIỂM TRA', 'huyen', 'bao thang'],
    ['Kế hoạch số 12 / KH-UBND ngày 1/2/2024 của Ủy ban nhân dân huyện Mường Khương', 'huyen', 'muong khuong'],
    ['Kế hoạch số 12/KH-UBND ngày 1/2/2024 của UBND huyện Bảo Thắng thực hiện Kế hoạch của UBND tỉnh', 'huyen', 'bao thang'],
    ['Kế hoạch số 3/KH-UBND ngày 1/2/2024 của UBND xã Phong Niên', 'xa', 'phong nien'],
    ['Kế hoạch số 7/KH-UBND ngày 1/2/2024 của UBND Quận 1', 'huyen', '1'],
    ['Kế hoạch số 7/KH-UBND ngày 1/2/2024 của UBND TP. Lào Cai', 'huyen', 'lao cai'],
    ['Kế hoạch số 7/KH-UBND ngày 1/2/2024 của UBND TP Hồ Chí Minh', 'tinh', 'ho chi minh'],
    ['Kế hoạch số 7/KH-UBND ngày 1/2/2024 của UBND TX Sa Pa', 'huyen', 'sa pa'],
  ])('%s', (text, level, place) => {
    expect(citedIssuer(text)).toMatchObject({ level, place });
  });

  it.each([
    'Kế hoạch số 386/KH-UBND ngày 15/3/2024',
    // The recipient is no issuer.
    'Báo cáo số 25/BC-UBND ngày 5/12/2024 gửi UBND tỉnh',
    'Tờ trình số 4/TTr-UBND ngày 5/12/2024 trình HĐND huyện',
    // Another document's issuer, further on.
    'Kế hoạch số 12/KH-UBND ngày 1/2/2024 thực hiện Kế hoạch của UBND tỉnh',
    'Kế hoạch số 12/KH-UBND ngày 1/2/2024 về kiểm tra tại UBND xã',
  ])('names no issuer: %s', (text) => {
    expect(citedIssuer(text)).toBeUndefined();
  });

  it('reads the unit\'s level and place from its name, else its level', () => {
    expect(unitIssuer('UBND huyện Bảo Thắng', undefined)).toEqual({ level: 'huyen', place: 'bao thang' });
    expect(unitIssuer('Ủy ban nhân dân xã Tả Phời', undefined)).toEqual({ level: 'xa', place: 'ta phoi' });
    expect(unitIssuer('Thị xã Sa Pa', undefined)).toEqual({ level: 'huyen', place: 'sa pa' });
    expect(unitIssuer('Sở Tư pháp', 'so')).toEqual({ place: '' });
    expect(unitIssuer(undefined, 'xa')).toEqual({ level: 'xa', place: '' });
  });

  it('decides: the province is always another; the same level and place is the unit\'s own; another place or level is another\'s', () => {
    const unit = unitIssuer('UBND huyện Bảo Thắng', 'huyen');
    expect(issuerVerdict(citedIssuer('Kế hoạch số 1/KH-UBND của UBND tỉnh'), unit)).toBe('other');
    expect(issuerVerdict(citedIssuer('Kế hoạch số 1/KH-UBND của UBND huyện Bảo Thắng'), unit)).toBe('own');
    expect(issuerVerdict(citedIssuer('Kế hoạch số 1/KH-UBND của UBND huyện'), unit)).toBe('own');
    expect(issuerVerdict(citedIssuer('Kế hoạch số 1/KH-UBND của UBND huyện Bát Xát'), unit)).toBe('other');
    expect(issuerVerdict(citedIssuer('Kế hoạch số 1/KH-UBND của UBND xã Phong Niên'), unit)).toBe('other');
    expect(issuerVerdict(citedIssuer('Kế hoạch số 1/KH-UBND'), unit)).toBe('unknown');
    // Without the unit's level nothing is decided.
    expect(issuerVerdict(citedIssuer('Kế hoạch số 1/KH-UBND của UBND huyện Bát Xát'), { place: '' })).toBe('unknown');
    expect(issuerVerdict(citedIssuer('Kế hoạch số 1/KH-UBND của UBND tỉnh'), { place: '' })).toBe('unknown');
  });
});

describe('a district\'s register against citations of UBND documents', () => {
  const answers = [
    // Its own plan, found.
    cite('1.1.1', 'Kế hoạch số 12/KH-UBND ngày 20/01/2024 về cải cách hành chính năm 2024', 11),
    // The province's plans, named as such: not expected in the district's register, even where the district has its own 45 of another date.
    cite('1.1.2', 'Kế hoạch số 386/KH-UBND ngày 15/3/2024 của UBND tỉnh', 12),
    cite('1.2', 'Kế hoạch số 45/KH-UBND ngày 10/3/2024 của UBND tỉnh Lào Cai về tuyên truyền CCHC', 13),
    // Its own plan, named as its own, not in the register: the warning as before.
    cite('1.3.1', 'Kế hoạch số 99/KH-UBND ngày 05/02/2024 của UBND huyện Bảo Thắng', 14),
    // Another district's plan.
    cite('1.3.2', 'Kế hoạch số 98/KH-UBND ngày 05/02/2024 của UBND huyện Bát Xát', 15),
    // Ambiguous and not in the register: maybe the province's.
    cite('1.3.3', 'Kế hoạch số 388/KH-UBND ngày 18/3/2024 về kiểm tra CCHC', 16),
  ];

  const check = () => crossCheckRegister(huyen, answers, district, { unit: 'UBND huyện Bảo Thắng' });

  it('finds its own plan; takes the province\'s plans as another issuer\'s, with no date error for a number the district also used', () => {
    const c = check();
    const status = (symbol: string) => c.citations.find((x) => x.ref.symbol === symbol)?.status;
    expect(status('12/KH-UBND')).toBe('found');
    expect(status('386/KH-UBND')).toBe('otherIssuer');
    expect(status('45/KH-UBND')).toBe('otherIssuer');
    expect(status('98/KH-UBND')).toBe('otherIssuer');
    expect(codes(c.findings, 'EVIDENCE_DATE_DIFFERS')).toEqual([]);
  });

  it('warns of its own plan not in the register; an ambiguous citation is only a note (info) saying how to make it clear', () => {
    const c = check();
    expect(codes(c.findings, 'EVIDENCE_NOT_IN_REGISTER')).toEqual(['1.3.1']);
    const ambiguous = c.findings.filter((f) => f.code === 'EVIDENCE_ISSUER_AMBIGUOUS');
    expect(ambiguous.map((f) => [f.criterion, f.severity, f.row, f.field])).toEqual([['1.3.3', 'info', 16, 'evidence']]);
    expect(message(ambiguous[0], 'vi')).toContain('388/KH-UBND ở tiêu chí 1.3.3');
    expect(message(ambiguous[0], 'vi')).toContain('UBND tỉnh cũng dùng ký hiệu này');
    expect(message(ambiguous[0], 'vi')).toContain('"Kế hoạch số 388/KH-UBND ngày 18/3/2024 của UBND tỉnh"');
    expect(message(ambiguous[0], 'en')).toContain('the provincial UBND signs UBND too');
    expect(c.citations.find((x) => x.ref.symbol === '388/KH-UBND')?.status).toBe('issuerAmbiguous');
    expect(c.summary).toMatchObject({ cited: 2, found: 1, notFound: 1, otherIssuers: 3, issuerAmbiguous: 1, issuer: 'UBND' });
  });

  it('takes the level from the set when no name is given (a set for districts only)', () => {
    const c = crossCheckRegister(huyen, answers, district);
    expect(codes(c.findings, 'EVIDENCE_ISSUER_AMBIGUOUS')).toEqual(['1.3.3']);
    // Without the name, "UBND huyện Bát Xát" cannot be told from the unit: checked as its own.
    expect(codes(c.findings, 'EVIDENCE_NOT_IN_REGISTER')).toEqual(['1.3.1', '1.3.2']);
  });

  it('without a district\'s or commune\'s level (a department\'s set, no unit named), every citation is checked as before', () => {
    const c = crossCheckRegister(so, answers, district, { issuer: 'UBND' });
    expect(codes(c.findings, 'EVIDENCE_ISSUER_AMBIGUOUS')).toEqual([]);
    expect(c.summary.issuerAmbiguous).toBeUndefined();
    expect(c.citations.find((x) => x.ref.symbol === '386/KH-UBND')?.status).toBe('notFound');
    expect(c.citations.find((x) => x.ref.symbol === '45/KH-UBND')?.status).toBe('dateDiffers');
    expect(c.citations.find((x) => x.ref.symbol === '388/KH-UBND')?.status).toBe('notFound');
  });

  it('a register hit is the unit\'s own, even with no issuer named', () => {
    const c = crossCheckRegister(huyen, [cite('1.1.1', 'Kế hoạch số 27/KH-UBND ngày 05/02/2024')], district, { unit: 'UBND huyện Bảo Thắng' });
    expect(c.citations[0].status).toBe('found');
    expect(c.findings.filter((f) => f.code !== 'EVIDENCE_SUMMARY_UNRELATED')).toEqual([]);
  });

  it('a report sent to the province is the district\'s own: "gửi UBND tỉnh" names the recipient', () => {
    const c = crossCheckRegister(huyen, [cite('1.2', 'Báo cáo số 25/BC-UBND ngày 05/12/2024 gửi UBND tỉnh')], district, { unit: 'UBND huyện Bảo Thắng' });
    expect(c.citations[0].status).toBe('issuerAmbiguous');
  });
});

describe('a commune\'s register', () => {
  const commune: Register = { file: 'so-dang-ky-phong-nien.csv', entries: [entry('3/KH-UBND', '10/01/2024', 'Kế hoạch cải cách hành chính năm 2024 của UBND xã Phong Niên')], problems: [] };

  it('takes the district\'s and the province\'s plans as others\'; an unnamed one may be either', () => {
    const answers = [
      cite('1.1.1', 'Kế hoạch số 3/KH-UBND ngày 10/01/2024', 11),
      cite('1.1.2', 'Kế hoạch số 27/KH-UBND ngày 05/02/2024 của UBND huyện Bảo Thắng', 12),
      cite('1.2', 'Kế hoạch số 386/KH-UBND ngày 15/3/2024 của UBND tỉnh', 13),
      cite('1.3.1', 'Kế hoạch số 40/KH-UBND ngày 15/3/2024', 14),
    ];
    const c = crossCheckRegister(xa, answers, commune, { unit: 'UBND xã Phong Niên' });
    expect(c.citations.map((x) => x.status)).toEqual(['found', 'otherIssuer', 'otherIssuer', 'issuerAmbiguous']);
    const f = c.findings.find((x) => x.code === 'EVIDENCE_ISSUER_AMBIGUOUS');
    expect(f && message(f, 'vi')).toContain('UBND tỉnh và UBND huyện cũng dùng ký hiệu này');
  });
});

describe('the unit as the workbook names it', () => {
  it('crossCheckReading takes the unit\'s name and level from the reading; the CLI summary counts the unclear ones', async () => {
    const read = readUnitWorkbook(await readWorkbookBuffer(await unitWorkbook(), 'don-vi.xlsx'), { file: 'don-vi.xlsx' });
    if (!read.ok) throw new Error('the planted sample does not read');
    const reading = alignReading(read, so.set).reading;
    // The sample's 2.1.1 cites "Quyết định số 12/QĐ-UBND ngày 10/01/2024 của UBND tỉnh".
    const status = (c: ReturnType<typeof crossCheckReading>) => c.citations.find((x) => x.ref.symbol === '12/QĐ-UBND')?.status;
    const asDistrict = crossCheckReading({ ...reading, meta: { ...reading.meta, unit: 'UBND huyện Bảo Thắng', level: 'huyen' } }, so, district);
    expect(status(asDistrict)).toBe('otherIssuer');
    // The department it is (Sở Tư pháp), told its symbol is UBND: checked as before.
    expect(status(crossCheckReading(reading, so, district, { issuer: 'UBND' }))).toBe('notFound');
    // Named by the caller, over the reading's.
    expect(status(crossCheckReading(reading, so, district, { issuer: 'UBND', unit: 'UBND xã Phong Niên' }))).toBe('otherIssuer');

    const c = crossCheckRegister(huyen, [cite('1.3.3', 'Kế hoạch số 388/KH-UBND ngày 18/3/2024')], district, { unit: 'UBND huyện Bảo Thắng' });
    expect(registerSummaryText(c.summary, 'so.xlsx', 'vi')).toContain('1 văn bản không rõ của đơn vị hay của cấp trên');
    expect(registerSummaryText(c.summary, 'so.xlsx', 'en')).toContain("1 not in the register and not clearly the unit's or a higher level's");
  });
});
