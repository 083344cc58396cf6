/** Header wordings as data: the bundled file, its schema, its documentation, and a province's own file. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { CellValue } from '../../src/core/answers';
import type { ColumnKey } from '../../src/workbook/columns';
import { message } from '../../src/core/findings';
import { checkHeaderSynonyms, classifyHeader, defaultHeaderMatcher, headerMatcher, matchWording } from '../../src/workbook/headers';
import { readUnitWorkbook } from '../../src/workbook/read';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { FIRST_DATA_ROW, handmadeWorkbook, type HandOptions } from './handmade';
import { detectLayout } from '../../src/workbook/layout';
import { synonymsTable } from './synonymsDoc';

const ROOT = resolve(__dirname, '../..');
const json = JSON.parse(readFileSync(resolve(ROOT, 'src/workbook/header-synonyms.json'), 'utf8')) as unknown;

describe('src/workbook/header-synonyms.json', () => {
  it('passes its JSON schema and checkHeaderSynonyms', () => {
    const schema = JSON.parse(readFileSync(resolve(ROOT, 'data/schema/header-synonyms.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(json)).toBe(true);
    expect(checkHeaderSynonyms(json).problems).toEqual([]);
  });

  it('is the list docs/workbook-format.md shows', () => {
    const doc = readFileSync(resolve(ROOT, 'docs/workbook-format.md'), 'utf8');
    const synonyms = checkHeaderSynonyms(json).synonyms!;
    expect(doc).toContain(synonymsTable(synonyms));
  });

  // Issue 10 §1: the wordings seen in hand-made sheets, and the official ones.
  it.each<[string, ColumnKey]>([
    ['Điểm tối đa', 'maxPoints'],
    ['Thang điểm', 'maxPoints'],
    ['Điểm chuẩn', 'maxPoints'],
    ['Tối đa', 'maxPoints'],
    ['Điểm tối đa được chấm', 'maxPoints'],
    ['Điểm tự đánh giá', 'selfScore'],
    ['Điểm tự chấm', 'selfScore'],
    ['Tự chấm điểm', 'selfScore'],
    ['Điểm đơn vị tự chấm', 'selfScore'],
    ['Điểm tự đánh giá, chấm điểm', 'selfScore'],
    ['ĐIỂM TỰ ĐÁNH GIÁ,\nCHẤM ĐIỂM', 'selfScore'],
    ['Tài liệu kiểm chứng', 'evidence'],
    ['Tài liệu minh chứng', 'evidence'],
    ['Minh chứng', 'evidence'],
    ['Hồ sơ kiểm chứng', 'evidence'],
    ['Giải trình', 'explanation'],
    ['Thuyết minh', 'explanation'],
    ['Điểm thẩm định', 'appraisedScore'],
    ['Điểm Hội đồng thẩm định', 'appraisedScore'],
    ['Ý kiến của Hội đồng thẩm định', 'appraisalReason'],
    ['Thẩm định lý do', 'appraisalReason'],
    ['Các yêu cầu và tài liệu kiểm chứng', 'evidenceRequirement'],
    ['Yêu cầu về tài liệu minh chứng', 'evidenceRequirement'],
    ['Mã tiêu chí', 'code'],
    ['Kết quả năm 2023', 'previousScore'],
    // Tester's F2: provincial wordings, and notes in parentheses that are not the wording.
    ['Điểm đơn vị tự đánh giá', 'selfScore'],
    ['Tài liệu kiểm chứng kèm theo', 'evidence'],
    ['Giải trình (nếu có)', 'explanation'],
    ['Ghi chú/Giải trình', 'explanation'],
    ['Văn bản kiểm chứng', 'evidence'],
    ['Điểm tự ĐG', 'selfScore'],
    ['Điểm đơn vị tự đánh giá\n(đơn vị tự chấm theo hướng dẫn tại cột cách tính điểm)', 'selfScore'],
    ['Tài liệu kiểm chứng kèm theo (ghi rõ số, ký hiệu, ngày tháng năm ban hành văn bản; đường dẫn)', 'evidence'],
    ['Giải trình (nếu có)\n(đối với tiêu chí không đạt điểm tối đa, đơn vị giải trình rõ lý do)', 'explanation'],
    ['Thang điểm\n(điểm tối đa của tiêu chí, tiêu chí thành phần)', 'maxPoints'],
  ])('%j -> %s', (text, key) => {
    expect(classifyHeader(text)).toBe(key);
  });

  it('never takes a title, a number or a lone "Điểm" for a header', () => {
    for (const t of ['Điểm', 'Số', '2024', 'TỔNG CỘNG', 'Đơn vị: Sở Tư pháp', 'UBND TỈNH BẮC KẠN', 'Độc lập - Tự do - Hạnh phúc']) {
      expect([t, classifyHeader(t)]).toEqual([t, undefined]);
    }
  });

  it('"Ghi chú" is the explanation column only when the sheet has no "Giải trình"', () => {
    const both = detectLayout({ name: 'S', values: [['STT', 'Tiêu chí', 'Tối đa', 'Tự chấm', 'Giải trình', 'Ghi chú'], ['1', 'A', 1, 1, null, null]] });
    const noteOnly = detectLayout({ name: 'S', values: [['STT', 'Tiêu chí', 'Tối đa', 'Tự chấm', 'Ghi chú'], ['1', 'A', 1, 1, null]] });
    expect(both.ok && both.layout.columns).toMatchObject({ explanation: 4, note: 5 });
    expect(noteOnly.ok && noteOnly.layout.columns).toMatchObject({ explanation: 4 });
    expect(noteOnly.ok && noteOnly.layout.columns.note).toBeUndefined();
  });
});

describe('a province adds its own wording without code', () => {
  const values: CellValue[][] = [
    ['Số hiệu', 'Tiêu chí', 'Điểm tối đa', 'Điểm do cơ quan chấm'],
    ['1', 'Công tác chỉ đạo', 2, 2],
  ];
  it('is not recognised with the bundled wordings, and is with the province file', () => {
    expect(detectLayout({ name: 'S', values }).ok).toBe(false);
    const own = JSON.parse(JSON.stringify(json)) as { columns: Record<string, { exact?: string[]; contains?: string[] }> };
    own.columns.code.exact!.push('Số hiệu');
    own.columns.selfScore.contains!.push('Điểm do … chấm');
    const checked = checkHeaderSynonyms(own);
    expect(checked.problems).toEqual([]);
    const r = detectLayout({ name: 'S', values }, headerMatcher(checked.synonyms!));
    expect(r.ok && r.layout.columns).toEqual({ code: 0, name: 1, maxPoints: 2, selfScore: 3 });
  });

  it('a broken file is refused with the path of each problem', () => {
    expect(checkHeaderSynonyms({ columns: { code: { exact: [] }, score: { contains: ['x'] }, name: { contains: ['…'] }, note: { contains: ['Ghi chú'], orColumnOf: 'note' } } }).problems).toEqual([
      'columns.code.exact: phải là danh sách cách ghi có chữ / must be a list of wordings with letters',
      'columns.code: cần "exact" hoặc "contains" / needs "exact" or "contains"',
      'columns.score: không phải cột đã biết / not a known column (code, name, maxPoints, declared, method, evidenceRequirement, selfScore, evidence, explanation, note, appraisedScore, appraisalReason, finalScore, finalReason, previousScore)',
      'columns.name.contains: phải là danh sách cách ghi có chữ / must be a list of wordings with letters',
      'columns.name: cần "exact" hoặc "contains" / needs "exact" or "contains"',
      'columns.note.orColumnOf: phải là một cột khác / must be another column',
      'columns.maxPoints: thiếu cột bắt buộc / required column missing',
      'columns.selfScore: thiếu cột bắt buộc / required column missing',
    ]);
  });
});

describe('hand-made sheets in provincial wordings (tester\'s F2)', () => {
  const COLUMNS = { code: 0, name: 1, maxPoints: 2, selfScore: 3, evidence: 4, explanation: 5 };
  const NOTES = {
    code: 'Số TT',
    name: 'Tiêu chí đánh giá',
    score: 'Điểm',
    max: 'Điểm tối đa',
    self: 'Điểm đơn vị tự đánh giá\n(đơn vị tự chấm theo hướng dẫn tại cột cách tính điểm)',
    evidence: 'Tài liệu kiểm chứng kèm theo (ghi rõ số, ký hiệu, ngày tháng năm ban hành văn bản; đường dẫn)',
    note: 'Giải trình (nếu có)\n(đối với tiêu chí không đạt điểm tối đa, đơn vị giải trình rõ lý do)',
  };
  it.each<[string, HandOptions]>([
    ['the listed wordings under a merged "Điểm"', { headers: { code: 'STT', name: 'Nội dung', score: 'Điểm', max: 'Thang điểm', self: 'Điểm đơn vị tự đánh giá', evidence: 'Tài liệu kiểm chứng kèm theo', note: 'Giải trình (nếu có)' } }],
    ['"Điểm tự chấm" merged over "Điểm tối đa" and "Điểm"', { headers: { code: 'TT', name: 'Lĩnh vực, tiêu chí', score: 'Điểm tự chấm', max: 'Điểm tối đa', self: 'Điểm', evidence: 'Tài liệu kiểm chứng', note: 'Ghi chú/Giải trình' } }],
    ['headers with notes in parentheses', { headers: NOTES }],
    [
      'headers split over two rows, unmerged',
      { splitHeaders: true, headers: { code: 'Số|TT', name: 'Nội dung|tiêu chí', score: 'Thang điểm', max: 'Tối đa', self: 'Tự chấm', evidence: 'Tài liệu kiểm chứng|kèm theo', note: 'Ghi chú/|Giải trình' } },
    ],
  ])('%s: every column found, the sheet read as the office wrote it', async (_label, o) => {
    const r = readUnitWorkbook(await readWorkbookBuffer(await handmadeWorkbook(o), 'tu-cham.xlsx'));
    if (!r.ok) throw new Error(r.findings.map((f) => message(f)).join('\n'));
    expect(r.layout.columns).toEqual(COLUMNS);
    expect(r.layout.firstDataRow).toBe(FIRST_DATA_ROW - 1);
    expect(r.answers.find((a) => a.code === '1.1')).toMatchObject({ selfScore: 1, evidence: expect.stringContaining('210/KH-STP') });
  });

  it('read whole, a header with a long note is too long to be a header', () => {
    const whole = (text: string) => matchWording(text, defaultHeaderMatcher());
    expect([whole(NOTES.evidence), whole(NOTES.note)]).toEqual([undefined, undefined]);
  });
});
