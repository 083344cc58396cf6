import fc from 'fast-check';
import {
  CONG_VAN,
  DOCUMENT_KINDS,
  GENERIC_KIND,
  foldVietnamese,
  kindByAbbreviation,
  kindMentions,
  kindsNamedIn,
} from '../../src/core/documentKinds';

const ids = (kinds: readonly { id: string }[]) => kinds.map((k) => k.id);

describe('DOCUMENT_KINDS', () => {
  test('ids and abbreviations are unique; every kind has both names', () => {
    expect(new Set(ids(DOCUMENT_KINDS)).size).toBe(DOCUMENT_KINDS.length);
    const abbrs = DOCUMENT_KINDS.flatMap((k) => (k.abbreviation ? [k.abbreviation] : []));
    expect(new Set(abbrs).size).toBe(abbrs.length);
    for (const k of DOCUMENT_KINDS) {
      expect(k.vi).toBe(k.vi.toLowerCase());
      expect(k.en.length).toBeGreaterThan(0);
    }
  });

  test('công văn and văn bản have no abbreviation', () => {
    expect(CONG_VAN.abbreviation).toBeUndefined();
    expect(GENERIC_KIND.abbreviation).toBeUndefined();
  });
});

describe('kindByAbbreviation', () => {
  test.each([
    ['KH', 'ke-hoach'],
    ['QĐ', 'quyet-dinh'],
    ['QyĐ', 'quy-dinh'],
    ['CTr', 'chuong-trinh'],
    ['CT', 'chi-thi'],
    ['TTr', 'to-trinh'],
    ['HĐ', 'hop-dong'],
    ['HD', 'huong-dan'],
    ['ĐA', 'de-an'],
    ['DA', 'du-an'],
    ['BGN', 'ban-ghi-nho'],
    ['GUQ', 'giay-uy-quyen'],
    ['PB', 'phieu-bao'],
    ['kh', 'ke-hoach'],
    ['QD', 'quyet-dinh'], // typed without Vietnamese input
    ['QÐ', 'quyet-dinh'], // Icelandic eth for Đ
    ['CD', 'cong-dien'],
    [' BC ', 'bao-cao'],
  ])('%s -> %s', (abbr, id) => {
    expect(kindByAbbreviation(abbr)?.id).toBe(id);
  });

  test.each(['UBND', 'SNV', '', 'K', 'QH13'])('%p is no kind', (abbr) => {
    expect(kindByAbbreviation(abbr)).toBeUndefined();
  });
});

describe('kindsNamedIn', () => {
  test.each([
    ['Kế hoạch CCHC năm; Báo cáo kết quả thực hiện', ['ke-hoach', 'bao-cao']],
    ['Báo cáo kết quả thực hiện kế hoạch CCHC', ['bao-cao', 'ke-hoach']],
    ['KE HOACH cai cach hanh chinh', ['ke-hoach']],
    ['Quyết định ban hành Quy chế làm việc; Quy định về ...', ['quyet-dinh', 'quy-che', 'quy-dinh']],
    ['Biên bản kiểm tra, giấy mời họp', ['bien-ban', 'giay-moi']],
    ['Bản thoả thuận hợp tác (hoặc bản ghi nhớ)', ['ban-thoa-thuan', 'ban-ghi-nho']],
    ['Văn bản chỉ đạo, đôn đốc', ['van-ban']],
    ['Đề án vị trí việc làm; dự án đầu tư', ['de-an', 'du-an']],
    // Names citing one document are not kinds asked for.
    ['Báo cáo theo Quyết định số 876/QĐ-BNV và Nghị định 30/2020/NĐ-CP', ['bao-cao']],
    // Whole words only: "thông tin" is not "thông tư", "kế hoạchh" is no plan.
    ['Số liệu thống kê, thông tin về cán bộ', []],
    ['kế hoạchh', []],
    // Overlapping names: the longer one wins.
    ['Chương trình công tác năm', ['chuong-trinh']],
    ['', []],
  ])('%p', (text, expected) => {
    expect(ids(kindsNamedIn(text))).toEqual(expected);
  });

  test('a kind named twice is listed once', () => {
    expect(ids(kindsNamedIn('Kế hoạch năm; kế hoạch quý; Báo cáo'))).toEqual(['ke-hoach', 'bao-cao']);
  });

  test('mentions carry positions in the original text', () => {
    const text = 'Đã ban hành Kế hoạch số 386/KH-UBND';
    const [m] = kindMentions(text);
    expect(text.slice(m.index, m.index + m.length)).toBe('Kế hoạch');
    expect(m.citesNumber).toBe(true);
  });
});

describe('foldVietnamese', () => {
  test('folds diacritics and đ, keeps length', () => {
    expect(foldVietnamese('Đề án  Quyết ĐỊNH')).toBe('de an  quyet dinh');
  });

  test('property: the result always has the length of the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const nfc = s.normalize('NFC');
      expect(foldVietnamese(nfc)).toHaveLength(nfc.length);
    }));
  });
});
