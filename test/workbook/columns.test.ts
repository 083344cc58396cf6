import { columnIndex, type ColumnKey } from '../../src/workbook/columns';
import { columnLetter } from '../../src/workbook/grid';
import { classifyHeader } from '../../src/workbook/headers';

describe('classifyHeader', () => {
  it.each<[string, ColumnKey | undefined]>([
    ['STT', 'code'],
    ['Số TT', 'code'],
    ['Mã', 'code'],
    ['TT', 'code'],
    ['Tiêu chí, tiêu chí thành phần', 'name'],
    ['Lĩnh vực/Tiêu chí/Nội dung', 'name'],
    ['Nội dung', 'name'],
    ['Điểm tối đa', 'maxPoints'],
    ['ĐIỂM\nTỐI ĐA', 'maxPoints'],
    ['Điểm chuẩn', 'maxPoints'],
    ['Số liệu kê khai', 'declared'],
    ['Kê khai', 'declared'],
    ['Cách tính điểm', 'method'],
    ['Cách chấm điểm', 'method'],
    ['Hướng dẫn chấm điểm', 'method'],
    ['Các yêu cầu và tài liệu kiểm chứng', 'evidenceRequirement'],
    ['Yêu cầu tài liệu kiểm chứng', 'evidenceRequirement'],
    ['Điểm tự đánh giá', 'selfScore'],
    ['Điểm tự chấm', 'selfScore'],
    ['Tự chấm', 'selfScore'],
    ['Diem tu danh gia', 'selfScore'],
    ['Tài liệu kiểm chứng', 'evidence'],
    ['TLKC', 'evidence'],
    ['Giải trình', 'explanation'],
    ['Ghi chú', 'note'],
    ['Điểm thẩm định', 'appraisedScore'],
    ['Lý do thẩm định', 'appraisalReason'],
    ['Ý kiến thẩm định', 'appraisalReason'],
    ['Điểm năm 2023', 'previousScore'],
    ['Kết quả năm trước', 'previousScore'],
    ['Điểm năm trước', 'previousScore'],
    ['Điểm', undefined],
    ['(1)', undefined],
    ['BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH TỈNH BẮC KẠN NĂM 2024', undefined],
  ])('%j -> %s', (text, key) => {
    expect(classifyHeader(text)).toBe(key);
  });
});

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i <-> %s', (n, s) => {
    expect(columnLetter(n)).toBe(s);
    expect(columnIndex(s)).toBe(n);
    expect(columnIndex(s.toLowerCase())).toBe(n);
  });
  it('refuses what is not a column', () => {
    expect(columnIndex('A1')).toBeUndefined();
    expect(columnIndex('')).toBeUndefined();
  });
});
