/** Header wordings as data: the bundled file, its schema, its documentation, and a province's own file. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { CellValue } from '../../src/core/answers';
import type { ColumnKey } from '../../src/workbook/columns';
import { checkHeaderSynonyms, classifyHeader, headerMatcher } from '../../src/workbook/headers';
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
