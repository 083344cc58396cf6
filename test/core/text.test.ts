import fc from 'fast-check';
import { normalizeText } from '../../src/core/text';

describe('normalizeText', () => {
  test.each([
    ['Điểm tự đánh giá', 'diem tu danh gia'],
    ['  ĐIỂM   TỐI  ĐA ', 'diem toi da'],
    ['Tài liệu\nkiểm chứng', 'tai lieu kiem chung'],
    ['Giải trình', 'giai trinh'],
    ['Số liệu kê khai', 'so lieu ke khai'],
    ['Không áp dụng', 'khong ap dung'],
    // The same words typed in decomposed Unicode (as some keyboards and PDFs produce).
    ['Cách tính điểm'.normalize('NFD'), 'cach tinh diem'],
    ['STT', 'stt'],
  ])('%p -> %p', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  test('is idempotent and leaves no Vietnamese letter, capital or double space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const n = normalizeText(s);
        expect(normalizeText(n)).toBe(n);
        expect(n).not.toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđA-Z]|\s\s|^\s|\s$/);
      }),
    );
  });
});
