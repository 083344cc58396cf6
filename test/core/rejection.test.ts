import { finding } from '../../src/core/findings';
import { findingPlace, rejectionText } from '../../src/core/rejection';

describe('rejection reasons for Sở Nội vụ', () => {
  test('the place: sheet and cell, else sheet and row, else nothing', () => {
    expect(findingPlace(finding('DUPLICATE_CODE', {}, { sheet: 'Tự chấm', cell: 'A12', row: 12 }), 'vi')).toBe('trang "Tự chấm", ô A12');
    expect(findingPlace(finding('DUPLICATE_CODE', {}, { sheet: 'Tự chấm', row: 12 }), 'en')).toBe('sheet "Tự chấm", row 12');
    expect(findingPlace(finding('UNIT_NOT_EXPECTED', { unit: 'X' }, { file: 'x.xlsx' }), 'vi')).toBe('');
  });

  test('located, and asking the unit to send the file again instead of telling it what to edit', () => {
    const f = finding('DUPLICATE_CODE', { code: '1.2', rows: '12, 14' }, { sheet: 'Tự chấm', cell: 'A14', row: 14 });
    expect(rejectionText(f, 'vi')).toBe('Trang "Tự chấm", ô A14: Mã 1.2 xuất hiện nhiều lần (dòng 12, 14). Đề nghị đơn vị giữ một dòng cho mỗi tiêu chí và gửi lại tệp.');
    expect(rejectionText(f, 'en')).toBe('Sheet "Tự chấm", cell A14: Code 1.2 appears more than once (rows 12, 14). Ask the unit to keep one row per criterion and send the file again.');
  });

  test('a reason naming its sheet is not prefixed with it again; a file-level reason has no place', () => {
    const layout = finding('LAYOUT_NOT_FOUND', { sheet: 'Sheet1', missing: 'cột điểm' }, { sheet: 'Sheet1' });
    expect(rejectionText(layout, 'vi')).toMatch(/^Không tìm thấy bảng chấm điểm trong trang tính "Sheet1": thiếu cột điểm\. Đề nghị đơn vị/);
    expect(rejectionText(finding('UNIT_NOT_EXPECTED', { unit: 'Sở Mẫu' }, { file: 'x.xlsx' }), 'vi')).toMatch(/^Đơn vị "Sở Mẫu" không có trong danh sách đơn vị\. Bổ sung danh sách/);
  });

  test('a code without a wording of its own keeps the catalogue message, located', () => {
    const f = finding('FILE_WRONG_YEAR', { found: '2023', expected: '2024' }, { sheet: 'Tự chấm', row: 3 });
    expect(rejectionText(f, 'vi')).toBe('Trang "Tự chấm", dòng 3: Tệp là bảng tự chấm điểm năm 2023, không phải năm 2024. Đề nghị đơn vị gửi bảng của năm 2024.');
  });
});
