/** Text generators for the never-throws properties of the evidence parsers. */
import fc from 'fast-check';

/** Fragments of real evidence cells, so random texts come close to the patterns. */
const FRAGMENTS = [
  'ngày', 'tháng', 'năm', 'số', 'Số:', 'Kế hoạch', 'Báo cáo', 'Công văn', 'QĐ', 'KH', 'QyĐ', 'UBND', 'SNV-CCHC',
  '386', '07', '6', '2024', '12/2023', '31/02/2024', '/', '-', '.', '\\', ':', ';', ',', '(', ')', ' ', '  ', '\n',
  'https://', 'http://', 'www.', 'javascript:', 'data:text/html,', 'file:///', 'ftp://', '.gov.vn', 'mục', 'II',
  'trang', 'điểm a', 'khoản', 'Điều', 'Ð', 'đ', '\u0300', '%', 'localhost', '@', '[::1]', 'xn--',
];

export const evidenceLikeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')),
);
