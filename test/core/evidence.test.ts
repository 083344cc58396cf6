import fc from 'fast-check';
import { DOCUMENT_KINDS, kindByAbbreviation, kindsNamedIn } from '../../src/core/documentKinds';
import {
  parseEvidence,
  SharedDocuments,
  validateEvidence,
  type EvidenceContext,
  type EvidenceRow,
  type ParsedEvidence,
} from '../../src/core/evidence';
import { message, type FindingCode } from '../../src/core/findings';
import { evidenceLikeText } from './evidenceArbitraries';

/** A reference reduced to what a table can state: kind by id, no raw text. */
function summary(p: ParsedEvidence) {
  return {
    refs: p.refs.map((r) =>
      Object.fromEntries(
        Object.entries({ ...r, kind: r.kind?.id, raw: undefined, dateText: undefined, number: undefined }).filter(([, v]) => v !== undefined),
      ),
    ),
    links: p.links,
    malformed: p.malformedNumbers,
  };
}

describe('parseEvidence: realistic evidence cells', () => {
  test.each([
    [
      'Kế hoạch số 386/KH-UBND ngày 07/6/2024 của UBND tỉnh',
      { refs: [{ symbol: '386/KH-UBND', kind: 'ke-hoach', issuer: 'UBND', date: '2024-06-07' }], links: [], malformed: [] },
    ],
    [
      'QĐ 12/2023/QĐ-UBND',
      { refs: [{ symbol: '12/2023/QĐ-UBND', year: 2023, kind: 'quyet-dinh', issuer: 'UBND' }], links: [], malformed: [] },
    ],
    [
      'Công văn số 123/UBND-NC ngày 5/3/2024',
      { refs: [{ symbol: '123/UBND-NC', kind: 'cong-van', issuer: 'UBND-NC', date: '2024-03-05' }], links: [], malformed: [] },
    ],
    [
      'Báo cáo số 45/BC-SNV ngày 10 tháng 12 năm 2024, mục II',
      { refs: [{ symbol: '45/BC-SNV', kind: 'bao-cao', issuer: 'SNV', date: '2024-12-10', section: 'mục II' }], links: [], malformed: [] },
    ],
    [
      '- Kế hoạch số 386/KH-UBND ngày 07/6/2024;\n- Báo cáo 45/BC-SNV ngày 10/12/2024 (trang 5)\nhttps://vbdh.backan.gov.vn/vb/386.pdf',
      {
        refs: [
          { symbol: '386/KH-UBND', kind: 'ke-hoach', issuer: 'UBND', date: '2024-06-07' },
          { symbol: '45/BC-SNV', kind: 'bao-cao', issuer: 'SNV', date: '2024-12-10', section: 'trang 5' },
        ],
        links: ['https://vbdh.backan.gov.vn/vb/386.pdf'],
        malformed: [],
      },
    ],
    [
      'Quyết định số 1250/QĐ-UBND ngày 15/7/2024 ban hành Kế hoạch và Công văn 2156/UBND-NC ngày 20/8/2024',
      {
        refs: [
          { symbol: '1250/QĐ-UBND', kind: 'quyet-dinh', issuer: 'UBND', date: '2024-07-15' },
          { symbol: '2156/UBND-NC', kind: 'cong-van', issuer: 'UBND-NC', date: '2024-08-20' },
        ],
        links: [],
        malformed: [],
      },
    ],
    [
      'Kế hoạch 25/KH-SNV-CCHC ngày 02/02/2024 (điểm a khoản 1 Điều 3)',
      { refs: [{ symbol: '25/KH-SNV-CCHC', kind: 'ke-hoach', issuer: 'SNV-CCHC', date: '2024-02-02', section: 'điểm a khoản 1 Điều 3' }], links: [], malformed: [] },
    ],
    [
      'Số: 386 / KH - UBND, Bắc Kạn, ngày 07 tháng 6 năm 2024',
      { refs: [{ symbol: '386/KH-UBND', kind: 'ke-hoach', issuer: 'UBND', date: '2024-06-07' }], links: [], malformed: [] },
    ],
    [
      'Chỉ thị 05/CT-UBND ngày 01.3.2024; Chương trình 10/CTr-UBND ngày 5-1-2024; Quy định 02/QyĐ-SNV',
      {
        refs: [
          { symbol: '05/CT-UBND', kind: 'chi-thi', issuer: 'UBND', date: '2024-03-01' },
          { symbol: '10/CTr-UBND', kind: 'chuong-trinh', issuer: 'UBND', date: '2024-01-05' },
          { symbol: '02/QyĐ-SNV', kind: 'quy-dinh', issuer: 'SNV' },
        ],
        links: [],
        malformed: [],
      },
    ],
    [
      'Tờ trình số 88/TTr-SNV ngày 12/4/2024; Thông báo số 15/TB-VP ngày 30/4/2024',
      {
        refs: [
          { symbol: '88/TTr-SNV', kind: 'to-trinh', issuer: 'SNV', date: '2024-04-12' },
          { symbol: '15/TB-VP', kind: 'thong-bao', issuer: 'VP', date: '2024-04-30' },
        ],
        links: [],
        malformed: [],
      },
    ],
    [
      'Kế hoạch số 386/KH ngày 07/6/2024',
      { refs: [{ kind: 'ke-hoach', date: '2024-06-07' }], links: [], malformed: ['386/KH'] },
    ],
    [
      'Báo cáo 386 KH-UBND ngày 07/6/2024',
      { refs: [{ kind: 'bao-cao', date: '2024-06-07' }], links: [], malformed: ['386 KH-UBND'] },
    ],
    [
      'Văn bản số 386/ /UBND',
      { refs: [{ kind: 'van-ban' }], links: [], malformed: ['386/ /UBND'] },
    ],
    [
      'Kế hoạch số 386 ngày 07/6/2024 của UBND huyện',
      { refs: [{ kind: 'ke-hoach', date: '2024-06-07' }], links: [], malformed: ['386'] },
    ],
    [
      'Kế hoạch 386\\KH-UBND; quyết định 12/qđ-ubnd; Báo cáo 45/BC-',
      { refs: [{ kind: 'ke-hoach' }, { kind: 'quyet-dinh' }, { kind: 'bao-cao' }], links: [], malformed: ['386\\KH-UBND', '12/qđ-ubnd', '45/BC-'] },
    ],
    [
      'Công văn 123/UBND-VP ngày 31/02/2024',
      { refs: [{ symbol: '123/UBND-VP', kind: 'cong-van', issuer: 'UBND-VP', dateInvalid: true }], links: [], malformed: [] },
    ],
    [
      'Biên bản họp ngày 15/3/2024, trang 2-3',
      { refs: [{ kind: 'bien-ban', date: '2024-03-15', section: 'trang 2-3' }], links: [], malformed: [] },
    ],
    [
      'Đăng tải tại https://backan.gov.vn/cchc; xem thêm www.snv.backan.gov.vn',
      { refs: [], links: ['https://backan.gov.vn/cchc', 'www.snv.backan.gov.vn'], malformed: [] },
    ],
    [
      'Nghị định 30/2020/NĐ-CP; Thông tư 01/2023/TT-BNV; Luật số 80/2015/QH13',
      {
        refs: [
          { symbol: '30/2020/NĐ-CP', year: 2020, kind: 'nghi-dinh', issuer: 'CP' },
          { symbol: '01/2023/TT-BNV', year: 2023, kind: 'thong-tu', issuer: 'BNV' },
          { symbol: '80/2015/QH13', year: 2015, issuer: 'QH13' },
        ],
        links: [],
        malformed: [],
      },
    ],
    [
      'Đã thực hiện 100%, đạt 3/5 chỉ tiêu; tổng số 10 TTHC',
      { refs: [], links: [], malformed: [] },
    ],
    [
      'Giấy mời số 20/GM-UBND ngày 3/9/2024 dự hội nghị; Kế hoạch 48/KH-UBND, Phụ lục 2',
      {
        refs: [
          { symbol: '20/GM-UBND', kind: 'giay-moi', issuer: 'UBND', date: '2024-09-03' },
          { symbol: '48/KH-UBND', kind: 'ke-hoach', issuer: 'UBND', section: 'Phụ lục 2' },
        ],
        links: [],
        malformed: [],
      },
    ],
    [
      'QÐ 99/QÐ-UBND (Ð typed as the Icelandic eth)',
      { refs: [{ symbol: '99/QĐ-UBND', kind: 'quyet-dinh', issuer: 'UBND' }], links: [], malformed: [] },
    ],
    [
      'Kế hoạch số 386/KH-UBND (https://vbdh.backan.gov.vn/386.pdf) ngày 07/6/2024',
      { refs: [{ symbol: '386/KH-UBND', kind: 'ke-hoach', issuer: 'UBND', date: '2024-06-07' }], links: ['https://vbdh.backan.gov.vn/386.pdf'], malformed: [] },
    ],
    [
      'Báo cáo 07/BC-UBND, 08/BC-UBND và 09/BC-UBND',
      {
        refs: [
          { symbol: '07/BC-UBND', kind: 'bao-cao', issuer: 'UBND' },
          { symbol: '08/BC-UBND', kind: 'bao-cao', issuer: 'UBND' },
          { symbol: '09/BC-UBND', kind: 'bao-cao', issuer: 'UBND' },
        ],
        links: [],
        malformed: [],
      },
    ],
  ])('%p', (cell, expected) => {
    expect(summary(parseEvidence(cell))).toEqual(expected);
  });

  test('raw keeps each reference as written, without bullets and separators', () => {
    const p = parseEvidence('- Quyết định 10/QĐ-UBND ngày 2/1/2024 và Kế hoạch số 386/KH-UBND;\n+ Biên bản họp ngày 15/3/2024.');
    expect(p.refs.map((r) => r.raw)).toEqual([
      'Quyết định 10/QĐ-UBND ngày 2/1/2024',
      'Kế hoạch số 386/KH-UBND',
      'Biên bản họp ngày 15/3/2024',
    ]);
    expect(p.refs[0].number).toBe('10');
    expect(p.refs[0].dateText).toBe('2/1/2024');
  });

  test('property: never throws, and every link and raw text comes from the cell', () => {
    fc.assert(
      fc.property(evidenceLikeText, (s) => {
        const p = parseEvidence(s);
        const nfc = s.normalize('NFC').replace(/Ð/g, 'Đ').replace(/ð/g, 'đ');
        for (const l of p.links) expect(nfc).toContain(l);
        for (const r of p.refs) expect(r.raw.length).toBeGreaterThan(0);
      }),
    );
  });

  test.each([
    ['spaces after a number', `Kế hoạch số 386${' '.repeat(30000)}x`],
    ['closing brackets after a link', `https://backan.gov.vn/${')'.repeat(30000)}`],
    ['dots inside a link', `https://backan.gov.vn/${'.'.repeat(30000)}x`],
    ['spaces inside a reference', `Kế hoạch${' '.repeat(30000)}386/KH-UBND`],
    ['many references', 'Kế hoạch số 386/KH-UBND ngày 07/6/2024 mục II; '.repeat(600)],
  ])('a full cell (32,767 characters at most) of %s is read in linear time', (_name, cell) => {
    const started = Date.now();
    parseEvidence(cell);
    // Generous: a quadratic pattern takes minutes on these inputs.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  const withAbbreviation = DOCUMENT_KINDS.filter((k) => k.abbreviation !== undefined);
  const issuerPart = fc.stringMatching(/^[A-ZĐ]{2,5}$/).filter((p) => kindByAbbreviation(p) === undefined);

  test('property: "<Kind> số <n>/<ABBR>-<ISSUER> ngày <d>/<m>/<yyyy>" parses back to its parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...withAbbreviation),
        fc.integer({ min: 1, max: 99999 }),
        fc.array(issuerPart, { minLength: 1, maxLength: 2 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (kind, n, issuerParts, date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-').map(Number);
          const issuer = issuerParts.join('-');
          const name = kind.vi.charAt(0).toUpperCase() + kind.vi.slice(1);
          const cell = `${name} số ${n}/${kind.abbreviation}-${issuer} ngày ${d}/${m}/${y}`;
          const p = parseEvidence(cell);
          expect(p.malformedNumbers).toEqual([]);
          expect(p.refs).toHaveLength(1);
          expect(p.refs[0]).toMatchObject({
            raw: cell,
            symbol: `${n}/${kind.abbreviation}-${issuer}`,
            number: String(n),
            issuer,
            date: iso,
          });
          expect(p.refs[0].kind?.id).toBe(kind.id);
        },
      ),
    );
  });
});

const ctx: EvidenceContext = { period: { from: '2024-01-01', to: '2024-12-31' }, today: '2025-01-15' };
const KH = kindByAbbreviation('KH')!;
const BC = kindByAbbreviation('BC')!;
const QD = kindByAbbreviation('QĐ')!;

function row(over: Partial<EvidenceRow>): EvidenceRow {
  return { code: '1.1.1', score: 1, evidence: '', explanation: '', requiredKinds: [], ...over };
}

describe('validateEvidence', () => {
  const cases: [string, Partial<EvidenceRow>, { code: FindingCode; params: Record<string, string | number> }[]][] = [
    ['scored with neither evidence nor explanation', { score: 0.5 }, [{ code: 'EVIDENCE_MISSING', params: { value: 0.5 } }]],
    ['scored with only an explanation', { score: 1, explanation: 'Tài liệu đã gửi kèm hồ sơ giấy' }, []],
    ['scored 0 with nothing', { score: 0 }, []],
    ['no score with nothing', { score: undefined }, []],
    ['a good reference', { evidence: 'Kế hoạch số 386/KH-UBND ngày 07/6/2024 của UBND tỉnh' }, []],
    ['a malformed number', { evidence: 'Kế hoạch số 386/KH ngày 07/6/2024' }, [{ code: 'EVIDENCE_NUMBER_INVALID', params: { text: '386/KH' } }]],
    ['an impossible date', { evidence: 'Công văn 123/UBND-VP ngày 31/02/2024' }, [{ code: 'EVIDENCE_DATE_INVALID', params: { text: '31/02/2024' } }]],
    [
      'a date before the period',
      { evidence: 'Kế hoạch 210/KH-UBND ngày 15/12/2023' },
      [{ code: 'EVIDENCE_DATE_OUT_OF_PERIOD', params: { doc: '210/KH-UBND', date: '15/12/2023', from: '01/1/2024', to: '31/12/2024' } }],
    ],
    [
      'a report dated early the next year is accepted (issue 10 §4: the default window is 31 days after)',
      { evidence: 'Báo cáo số 05/BC-SNV ngày 10 tháng 1 năm 2025 kết quả CCHC năm 2024' },
      [],
    ],
    [
      'a date after the period beyond the window',
      { evidence: 'Báo cáo số 05/BC-SNV ngày 10 tháng 1 năm 2025', window: { daysAfter: 7 } },
      [{ code: 'EVIDENCE_DATE_OUT_OF_PERIOD', params: { doc: '05/BC-SNV', date: '10/1/2025', from: '01/1/2024', to: '31/12/2024' } }],
    ],
    [
      'a document dated early the next year that names the next year is out of the period',
      { evidence: 'Kế hoạch số 05/KH-SNV ngày 10/01/2025 về CCHC năm 2025' },
      [{ code: 'EVIDENCE_DATE_OUT_OF_PERIOD', params: { doc: '05/KH-SNV', date: '10/1/2025', from: '01/1/2024', to: '31/12/2024' } }],
    ],
    [
      'a plan dated in December of the year before that names the assessment year is accepted with an info finding',
      { evidence: 'Kế hoạch số 200/KH-UBND ngày 28/12/2023 về cải cách hành chính năm 2024' },
      [{ code: 'EVIDENCE_DATE_BEFORE_PERIOD', params: { doc: '200/KH-UBND', date: '28/12/2023', from: '01/1/2024' } }],
    ],
    [
      'a plan dated in December of the year before that does not name the assessment year',
      { evidence: 'Kế hoạch số 200/KH-UBND ngày 28/12/2023 tuyên truyền CCHC' },
      [{ code: 'EVIDENCE_DATE_OUT_OF_PERIOD', params: { doc: '200/KH-UBND', date: '28/12/2023', from: '01/1/2024', to: '31/12/2024' } }],
    ],
    [
      'a plan naming the assessment year but dated long before the period',
      { evidence: 'Kế hoạch số 200/KH-UBND ngày 15/10/2023 về CCHC năm 2024' },
      [{ code: 'EVIDENCE_DATE_OUT_OF_PERIOD', params: { doc: '200/KH-UBND', date: '15/10/2023', from: '01/1/2024', to: '31/12/2024' } }],
    ],
    [
      'a document number left blank, as in drafts',
      { evidence: 'Kế hoạch số /KH-STP ngày 10/01/2024' },
      [{ code: 'EVIDENCE_NUMBER_INVALID', params: { text: 'số /KH-STP' } }],
    ],
    [
      'a blank number after "Số:" with spaces',
      { evidence: 'Số:    /BC-UBND ngày 05/6/2024' },
      [{ code: 'EVIDENCE_NUMBER_INVALID', params: { text: 'Số: /BC-UBND' } }],
    ],
    [
      'a number without slashes is quoted whole',
      { evidence: 'Kế hoạch số 15 KH UBND ngày 10/01/2024' },
      [{ code: 'EVIDENCE_NUMBER_INVALID', params: { text: '15 KH UBND' } }],
    ],
    ['the last day of the period', { evidence: 'Báo cáo 99/BC-UBND ngày 31/12/2024' }, []],
    [
      'a date after today',
      { evidence: 'Báo cáo 99/BC-UBND ngày 20/1/2025' },
      [{ code: 'EVIDENCE_DATE_IN_FUTURE', params: { doc: '99/BC-UBND', date: '20/1/2025' } }],
    ],
    [
      'a date without a symbol out of the period',
      { evidence: 'Biên bản kiểm tra ngày 5/11/2023' },
      [{ code: 'EVIDENCE_DATE_OUT_OF_PERIOD', params: { doc: 'biên bản', date: '05/11/2023', from: '01/1/2024', to: '31/12/2024' } }],
    ],
    [
      'a report where a plan is asked for',
      { evidence: 'Báo cáo số 45/BC-SNV ngày 10/12/2024', requiredKinds: [KH] },
      [{ code: 'EVIDENCE_KIND_MISMATCH', params: { found: 'báo cáo', expected: 'kế hoạch' } }],
    ],
    [
      'a letter and a decision where a plan or a report is asked for',
      { evidence: 'Công văn 123/UBND-NC ngày 5/3/2024; QĐ 12/2024/QĐ-UBND', requiredKinds: [KH, BC] },
      [{ code: 'EVIDENCE_KIND_MISMATCH', params: { found: 'công văn, quyết định', expected: 'kế hoạch hoặc báo cáo' } }],
    ],
    ['one of the kinds asked for is cited', { evidence: 'Quyết định 10/QĐ-UBND; Kế hoạch 386/KH-UBND', requiredKinds: [KH] }, []],
    ['a decision issuing the plan asked for', { evidence: 'Quyết định 10/QĐ-UBND ngày 2/1/2024 ban hành Kế hoạch CCHC năm 2024', requiredKinds: [KH] }, []],
    ['a generic "văn bản" cannot be judged', { evidence: 'Văn bản số 12/2024/QH15', requiredKinds: [QD] }, []],
    ['no kind asked for', { evidence: 'Báo cáo số 45/BC-SNV ngày 10/12/2024', requiredKinds: [] }, []],
    ['requirement "văn bản" accepts any kind', { evidence: 'Báo cáo số 45/BC-SNV', requiredKinds: kindsNamedIn('Văn bản chỉ đạo') }, []],
    [
      'a javascript: link',
      { evidence: 'javascript:alert(1)' },
      [{ code: 'LINK_INVALID', params: { link: 'javascript:alert(1)', reason: 'đường dẫn javascript: có thể chạy mã độc, không phải trang tài liệu', reasonEn: 'a javascript: link can run code; it is not a document page' } }],
    ],
    ['a good link', { evidence: 'https://vbdh.backan.gov.vn/vb/386.pdf' }, []],
    [
      'everything wrong at once',
      {
        score: 2,
        evidence: 'Kế hoạch 386 KH-UBND ngày 31/4/2024; Báo cáo 45/BC-SNV ngày 20/1/2025\nfile:///D:/TLKC/bc.pdf',
        requiredKinds: [KH],
      },
      [
        { code: 'EVIDENCE_NUMBER_INVALID', params: { text: '386 KH-UBND' } },
        { code: 'EVIDENCE_DATE_INVALID', params: { text: '31/4/2024' } },
        { code: 'EVIDENCE_DATE_IN_FUTURE', params: { doc: '45/BC-SNV', date: '20/1/2025' } },
        {
          code: 'LINK_INVALID',
          params: {
            link: 'file:///D:/TLKC/bc.pdf',
            reason: 'đây là đường dẫn tới tệp trên một máy tính hoặc thư mục mạng nội bộ, người khác không mở được; hãy ghi số, ký hiệu văn bản hoặc một đường dẫn chia sẻ (https://...)',
            reasonEn: "this is a path to a file on one computer or a network folder, which nobody else can open; give the document number or a shared link (https://...)",
          },
        },
      ],
    ],
  ];

  test.each(cases)('%s', (_name, over, expected) => {
    const found = validateEvidence(row(over), ctx);
    expect(found.map((f) => ({ code: f.code, params: f.params }))).toEqual(expected);
    for (const f of found) {
      expect(f).toMatchObject({ criterion: '1.1.1', field: 'evidence' });
      expect(message(f)).not.toMatch(/\{\w+\}/);
    }
  });

  test('the kind mismatch is a warning, the others errors', () => {
    const [mismatch] = validateEvidence(row({ evidence: 'Báo cáo 45/BC-SNV', requiredKinds: [KH] }), ctx);
    expect(mismatch.severity).toBe('warning');
    expect(message(mismatch)).toBe('Tiêu chí 1.1.1 yêu cầu kế hoạch, nhưng tài liệu kiểm chứng là báo cáo. Kiểm tra lại loại văn bản.');
    const [missing] = validateEvidence(row({ score: 1 }), ctx);
    expect(missing.severity).toBe('error');
  });

  test('the same problem written twice is reported once', () => {
    const found = validateEvidence(row({ evidence: 'javascript:x; javascript:x' }), ctx);
    expect(found).toHaveLength(1);
  });

  test('property: never throws on any evidence text', () => {
    fc.assert(
      fc.property(evidenceLikeText, evidenceLikeText, fc.option(fc.double({ noNaN: true }), { nil: undefined }), (evidence, explanation, score) => {
        for (const f of validateEvidence(row({ evidence, explanation, score }), ctx)) expect(f.criterion).toBe('1.1.1');
      }),
    );
  });
});

/** The documents shared among rows as the sheet writes them: evidence texts. */
function sharedAmong(rows: readonly { code: string; field: string; evidence: string }[]) {
  const documents = new SharedDocuments();
  for (const { code, field, evidence } of rows) documents.add({ code, field, refs: parseEvidence(evidence).refs });
  return documents.findings();
}

describe('SharedDocuments', () => {
  const plan = 'Kế hoạch số 386/KH-UBND ngày 07/6/2024';

  test('a document under 3 criteria in 2 fields is reported once, on the first criterion', () => {
    const found = sharedAmong([
      { code: '1.1', field: '1', evidence: plan },
      { code: '1.2', field: '1', evidence: `Báo cáo 45/BC-SNV; ${plan}` },
      { code: '3.2.1', field: '3', evidence: 'kế hoạch 386/KH-UBND' },
      { code: '3.3', field: '3', evidence: 'Báo cáo 45/BC-SNV' },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'EVIDENCE_SHARED',
      severity: 'info',
      criterion: '1.1',
      params: { doc: '386/KH-UBND', count: 3, criteria: '1.1, 1.2, 3.2.1' },
    });
  });

  test.each([
    [
      'three criteria of one field',
      [
        { code: '1.1', field: '1', evidence: plan },
        { code: '1.2', field: '1', evidence: plan },
        { code: '1.3', field: '1', evidence: plan },
      ],
    ],
    [
      'two criteria in two fields',
      [
        { code: '1.1', field: '1', evidence: plan },
        { code: '2.1', field: '2', evidence: plan },
      ],
    ],
    [
      'one criterion citing it three times',
      [
        { code: '1.1', field: '1', evidence: `${plan}; ${plan}; ${plan}` },
        { code: '2.1', field: '2', evidence: plan },
      ],
    ],
    [
      'documents without a symbol',
      [
        { code: '1.1', field: '1', evidence: 'Biên bản họp ngày 15/3/2024' },
        { code: '2.1', field: '2', evidence: 'Biên bản họp ngày 15/3/2024' },
        { code: '3.1', field: '3', evidence: 'Biên bản họp ngày 15/3/2024' },
      ],
    ],
  ])('not reported: %s', (_name, rows) => {
    expect(sharedAmong(rows)).toEqual([]);
  });

  test('a symbol written with different spacing or without Đ is the same document', () => {
    const found = sharedAmong([
      { code: '1.1', field: '1', evidence: 'QĐ 12/QĐ-UBND' },
      { code: '2.1', field: '2', evidence: 'Quyết định 12 / QĐ - UBND' },
      { code: '5.1', field: '5', evidence: 'Quyet dinh 12/QD-UBND' },
    ]);
    expect(found.map((f) => f.params)).toEqual([{ doc: '12/QĐ-UBND', count: 3, criteria: '1.1, 2.1, 5.1' }]);
  });
});

describe('parseEvidence: a symbol written with spaces reads as the same symbol', () => {
  test.each([
    ['Kế hoạch số 386/KH-UBND', 'Kế hoạch số 386 / KH - UBND'],
    ['Quyết định 12/2023/QĐ-UBND', 'Quyết định 12 / 2023 / QĐ - UBND'],
    ['Công văn 123/UBND-NC', 'Công văn 123 / UBND - NC'],
    ['Báo cáo 45/BC-SNV-CCHC', 'Báo cáo 45/BC -SNV- CCHC'],
  ])('%s / %s', (tight, spaced) => {
    const a = parseEvidence(tight).refs[0];
    const b = parseEvidence(spaced).refs[0];
    expect(a.symbol).toBeDefined();
    expect([b.symbol, b.issuer, b.kind?.id, b.year]).toEqual([a.symbol, a.issuer, a.kind?.id, a.year]);
  });
  test('the issuer is what follows the kind, or the whole code without one', () => {
    expect(parseEvidence('Kế hoạch 386/KH-SNV-CCHC').refs[0]).toMatchObject({ symbol: '386/KH-SNV-CCHC', issuer: 'SNV-CCHC' });
    expect(parseEvidence('Văn bản 123/UBND-NC').refs[0]).toMatchObject({ symbol: '123/UBND-NC', issuer: 'UBND-NC' });
  });
});
