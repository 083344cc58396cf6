import fc from 'fast-check';
import { parseEvidence } from '../../src/core/evidence';
import { entryProblems, entryText, normalizeDate, parseEntries, serializeEntries, splitPastedCitation, type EvidenceEntry, type StructuredEntry } from '../../src/taskpane/evidenceEntries';

const entry = (e: Partial<StructuredEntry>): StructuredEntry => ({ kind: 'structured', symbol: '', date: '', issuer: '', subject: '', section: '', link: '', ...e });

describe('entryText', () => {
  it.each([
    [entry({ symbol: '15/KH-STP', date: '20/01/2024', issuer: 'Sở Tư pháp', section: 'mục II', link: 'https://stp.backan.gov.vn/kh15.pdf' }), 'Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp, mục II; https://stp.backan.gov.vn/kh15.pdf'],
    [entry({ symbol: '12/2023/QĐ-UBND', date: '05/3/2023', issuer: 'UBND tỉnh Bắc Kạn' }), 'Quyết định số 12/2023/QĐ-UBND ngày 05/3/2023 của UBND tỉnh Bắc Kạn'],
    [entry({ symbol: '123/UBND-NC', date: '07/6/2024' }), 'Công văn số 123/UBND-NC ngày 07/6/2024'],
    [entry({ date: '15/3/2024', issuer: 'UBND xã Nông Thượng' }), 'Văn bản ngày 15/3/2024 của UBND xã Nông Thượng'],
    [entry({ link: 'https://drive.google.com/file/d/abc' }), 'https://drive.google.com/file/d/abc'],
    [entry({}), ''],
    [{ kind: 'free', text: '  Biên bản   họp ngày 15/3/2024 ' } as EvidenceEntry, 'Biên bản họp ngày 15/3/2024'],
  ])('%j', (e, text) => expect(entryText(e)).toBe(text));

  it('is read by the core as the same document, date, section and link', () => {
    const text = entryText(entry({ symbol: '386/KH-UBND', date: '07/6/2024', issuer: 'UBND tỉnh', section: 'mục III', link: 'https://backan.gov.vn/kh386' }));
    const parsed = parseEvidence(text);
    expect(parsed.refs).toHaveLength(1);
    expect(parsed.refs[0]).toMatchObject({ symbol: '386/KH-UBND', date: '2024-06-07', section: 'mục III' });
    expect(parsed.refs[0].kind?.id).toBe('ke-hoach');
    expect(parsed.links).toEqual(['https://backan.gov.vn/kh386']);
  });
});

describe('parseEntries', () => {
  it('reads our own lines back as structured entries, one per line', () => {
    const cell = [
      'Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp, mục II; https://stp.backan.gov.vn/kh15.pdf',
      'Báo cáo số 120/BC-STP ngày 10/12/2024 của Sở Tư pháp, trang 5',
    ].join('\n');
    expect(parseEntries(cell)).toEqual([
      entry({ symbol: '15/KH-STP', date: '20/01/2024', issuer: 'Sở Tư pháp', section: 'mục II', link: 'https://stp.backan.gov.vn/kh15.pdf' }),
      entry({ symbol: '120/BC-STP', date: '10/12/2024', issuer: 'Sở Tư pháp', section: 'trang 5' }),
    ]);
  });

  it('reads a citation with its subject (trích yếu) as fields, not as free text', () => {
    expect(parseEntries('Kế hoạch số 210/KH-STP ngày 28/12/2023 tuyên truyền CCHC')).toEqual([
      entry({ symbol: '210/KH-STP', date: '28/12/2023', subject: 'tuyên truyền CCHC' }),
    ]);
    expect(parseEntries('Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp về tuyên truyền CCHC, mục II')).toEqual([
      entry({ symbol: '15/KH-STP', date: '20/01/2024', issuer: 'Sở Tư pháp', subject: 'tuyên truyền CCHC', section: 'mục II' }),
    ]);
  });

  it.each([
    'KH số 05/KH-UBND',
    'Biên bản họp ngày 15/3/2024',
    'Kế hoạch số 15/KH-STP và Báo cáo số 120/BC-STP',
    'Kế hoạch 386/KH ngày 07/6/2024',
    'Đang tổng hợp, sẽ bổ sung sau',
  ])('keeps a line the form would rewrite as free text: %s', (line) => {
    expect(parseEntries(line)).toEqual([{ kind: 'free', text: line }]);
  });

  it('skips blank lines and keeps the text of every other line', () => {
    const cell = '\r\nKế hoạch số 15/KH-STP ngày 20/01/2024\r\n\r\nghi chú tự do\n';
    expect(serializeEntries(parseEntries(cell))).toBe('Kế hoạch số 15/KH-STP ngày 20/01/2024\nghi chú tự do');
  });
});

describe('properties', () => {
  const kinds = fc.constantFrom('KH', 'BC', 'QĐ', 'TB', 'HD', 'CTr');
  const issuers = fc.constantFrom('UBND', 'STP', 'SNV-CCHC', 'UBND-NC');
  const symbol = fc.oneof(
    fc.constant(''),
    fc.tuple(fc.integer({ min: 1, max: 9999 }), kinds, issuers).map(([n, k, i]) => `${n}/${k}-${i}`),
    fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 2015, max: 2024 }), kinds, issuers).map(([n, y, k, i]) => `${n}/${y}/${k}-${i}`),
  );
  const date = fc.oneof(fc.constant(''), fc.date({ min: new Date('2020-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => `${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`));
  const issuer = fc.constantFrom('', 'Sở Tư pháp', 'UBND tỉnh Bắc Kạn', 'Sở Nội vụ', 'UBND huyện Ba Bể');
  const section = fc.constantFrom('', 'mục II', 'trang 5', 'Phụ lục 2', 'điểm a khoản 1 Điều 3');
  const link = fc.constantFrom('', 'https://backan.gov.vn/vb/386', 'http://stp.backan.gov.vn/a.pdf', 'https://drive.google.com/file/d/1AbC');
  const subject = fc.constantFrom('', 'tuyên truyền CCHC', 'về cải cách hành chính', 'kiểm soát thủ tục hành chính', 'về số hóa hồ sơ');
  // After an issuer the form writes "về" itself: the entry holds the subject without it.
  const structured = fc
    .record({ kind: fc.constant('structured' as const), symbol, date, issuer, subject, section, link })
    .map((e) => (e.issuer !== '' ? { ...e, subject: e.subject.replace(/^về /u, '') } : e));

  it('parse ∘ format = id on every citation of a document the validator reads (a symbol)', () => {
    fc.assert(
      fc.property(structured.filter((e) => e.symbol !== ''), (e) => {
        expect(parseEntries(entryText(e))).toEqual([e]);
        expect(parseEvidence(entryText(e)).refs.map((r) => r.symbol)).toEqual([e.symbol]);
      }),
    );
  });

  it('structured entries round-trip through the cell text', () => {
    fc.assert(
      fc.property(fc.array(structured, { maxLength: 4 }), (entries) => {
        const kept = entries.filter((e) => entryText(e) !== '');
        const back = parseEntries(serializeEntries(entries));
        // A date or section needs a document to hang on: without symbol, issuer or date it is free text.
        expect(serializeEntries(back)).toBe(serializeEntries(kept));
        back.forEach((b, i) => {
          if (b.kind === 'structured') expect(b).toEqual(kept[i]);
        });
      }),
    );
  });

  it('never throws and never loses text on arbitrary cells', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (cell) => {
        const entries = parseEntries(cell);
        const lines = cell.split(/\r\n|\r|\n/).map((l) => l.normalize('NFC').replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
        expect(entries.map(entryText)).toEqual(lines);
      }),
    );
  });
});

describe('entering evidence', () => {
  it('splits a whole citation pasted into "Số, ký hiệu" into its fields', () => {
    expect(splitPastedCitation('Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp về tuyên truyền CCHC; https://stp.backan.gov.vn/kh15.pdf')).toEqual(
      entry({ symbol: '15/KH-STP', date: '20/01/2024', issuer: 'Sở Tư pháp', subject: 'tuyên truyền CCHC', link: 'https://stp.backan.gov.vn/kh15.pdf' }),
    );
    expect(splitPastedCitation('15/KH-STP')).toBeUndefined();
    expect(splitPastedCitation('abc')).toBeUndefined();
  });

  it.each([
    ['2024-01-10', '10/1/2024'],
    ['07/6/2024', '07/6/2024'],
    ['7-6-2024', '07/6/2024'],
    ['ngày 07 tháng 6 năm 2024', '07/6/2024'],
    ['31/02/2024', undefined],
    ['2024-13-01', undefined],
    ['hôm qua', undefined],
  ])('date %s is written %s', (typed, written) => expect(normalizeDate(typed)).toBe(written));

  it('refuses what is not a number/symbol, a date or an http(s) link, each under its own field', () => {
    expect(entryProblems(entry({ symbol: 'abc', date: '2024-01-10', link: 'stp.backan.gov.vn/kh15' }))).toEqual({
      symbol: expect.objectContaining({ vi: expect.stringContaining('"abc" không phải số, ký hiệu') }),
      link: expect.objectContaining({ vi: expect.stringContaining('https://') }),
    });
    expect(entryProblems(entry({ date: '31/02/2024' })).date?.vi).toContain('không phải ngày hợp lệ');
    expect(entryProblems(entry({ symbol: '12/2023/QĐ-UBND', date: '07/6/2024', link: 'https://backan.gov.vn/a' }))).toEqual({});
  });
});
