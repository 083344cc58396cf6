/**
 * The evidence parser's fast path for the commonest citation ("Kế hoạch số 27/KH-STP ngày
 * 05/02/2024 về ...") and its NFC pre-check give what the general reading gives, on many
 * varied citations: odd spellings (decomposed diacritics as Windows-1258 writes them, the
 * Icelandic eth, NBSP), "số" missing, two documents in one cell, links, malformed numbers,
 * sections and second dates after the date.
 */
import fc from 'fast-check';
import { parseEvidence } from '../../src/core/evidence';
import { evidenceLikeText } from './evidenceArbitraries';

const general = (text: string) => parseEvidence(text, false);

const KIND_WORDS = ['Kế hoạch', 'kế hoạch', 'Ke hoach', 'Ke\u0302\u0301 hoa\u0323ch', 'Quyết định', 'Báo cáo', 'Công văn', 'Thông báo', 'Biên bản', 'Văn bản', 'Tờ trình', ''];
const NUMBER_WORDS = [' số ', ' số: ', ' Số ', ' so ', ' so\u0302\u0301 ', ' ', '\u00a0số\u00a0', ' số', ' sô ', ''];
const SYMBOLS = [
  '27/KH-STP', '386/KH-UBND', '12/2023/QĐ-UBND', '12/2023/QD-UBND', '5/BC-SNV-CCHC', '123/UBND-NC', '386/KH', '386/kh-ubnd',
  '386 KH-UBND', '386/ /UBND', '07/QÐ-UBND', '45/TB-VP', '9/TTr-STP', '1/CTr-UBND', '386/KH-', '12/2023/QĐ', '1234567/KH-STP', '27 / KH - STP',
  // Read by hand (tight) or left to the pattern: a spaced part after a tight one, letters glued on, odd parts.
  '27/KH-STP - VP', '27/KH-STP\u00a0-\u00a0VP', '27/KH-STPab', '27/KHab-STP', '27/KH-STPĐ', '27/KH-STPế', '27/KH-1', '27/KH--STP', '27/2024/KH-STP', '27/202/KH-STP',
  '27/KH-ĐSTP', '27/KH-đ', '27/KH-STP1', '27/KH-S2P-VP',
];
const GAPS = [' ngày ', ' ngay ', ' Ngày ', '\u00a0ngày\u00a0', ', ngày ', ' nga\u0300y ', ' ngày\n', ' ', '', ' ban hành ngày '];
const DATES = ['05/02/2024', '5/2/2024', '5-2-2024', '5.2.2024', '31/02/2024', '29/02/2024', '1/13/2024', '07 tháng 6 năm 2024', '20/01/2204', '20/01/24', '05/02/2024/', '05/02/2024.5', ''];
const TAILS = [
  '', ' về triển khai công tác CCHC', ' (bản 3)', ' năm 2024', ' của Sở Tư pháp', ' mục II', ', trang 5', ' điểm a khoản 1 Điều 3', ' số 5', ' Kế hoạch số 15 KH UBND',
  ' 15 KH-UBND', ' https://stp.gov.vn/kh27', ' www.stp.gov.vn', ' ngày 1/2/2024', ' 6 tháng 3 năm 2024', ' 7-3-2024', '; Báo cáo số 12/BC-UBND ngày 3/4/2024', '\nBáo cáo 12/BC-UBND',
  ' và Quyết định 876/QĐ-BNV', ' ban hành Quyết định', ' so: 12', '.', ' và', ' 2023', ' lần 2', ' C:\\CCHC\\kh.pdf', '\u00a0về\u00a0việc', ' QĐ-UBND',
];
const PREFIXES = ['', '- ', '1. ', 'a) ', '• ', 'Căn cứ ', 'xem ', 'https://a.gov.vn/x ', '2024: ', '/ '];

const citation = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    fc.constantFrom(...KIND_WORDS),
    fc.constantFrom(...NUMBER_WORDS),
    fc.constantFrom(...SYMBOLS),
    fc.constantFrom(...GAPS),
    fc.constantFrom(...DATES),
    fc.array(fc.constantFrom(...TAILS), { maxLength: 3 }),
  )
  .map(([prefix, kind, number, symbol, gap, date, tails]) => `${prefix}${kind}${number}${symbol}${gap}${date}${tails.join('')}`);

/** One cell: citations separated as officers separate them, sometimes with noise. */
const cell = fc
  .array(fc.oneof({ weight: 6, arbitrary: citation }, { weight: 1, arbitrary: evidenceLikeText }), { minLength: 1, maxLength: 3 })
  .chain((parts) => fc.constantFrom('; ', ';', '\n', '\r\n', ' ', '. ').map((sep) => parts.join(sep)));

test('the fast path reads varied citations as the general reading does', () => {
  fc.assert(
    fc.property(cell, (text) => {
      expect(parseEvidence(text)).toEqual(general(text));
    }),
    { numRuns: 5000 },
  );
});

test('every symbol, gap and date, with the kind words, number words and tails in turn, reads as the general reading does', () => {
  const tails = ['', ' (bản 3)', ' mục II', ' 15 KH-UBND', ' so: 12', ' 6 tháng 3 năm 2024'];
  let i = 0;
  for (const symbol of SYMBOLS)
    for (const gap of GAPS)
      for (const date of DATES) {
        i++;
        const text = `${KIND_WORDS[i % KIND_WORDS.length]}${NUMBER_WORDS[i % NUMBER_WORDS.length]}${symbol}${gap}${date}${tails[i % tails.length]}`;
        expect(parseEvidence(text)).toEqual(general(text));
      }
});

test('a number after the symbol that "số" before it claims is malformed on both readings', () => {
  // The symbol between "số" and the number is masked: "số ... 5" reads as "số 5".
  for (const text of ['Kế hoạch số 27/KH-STP 5', 'Kế hoạch số 27/KH-STP : 5', 'Kế hoạch số 27/KH-STP ngày 05/02/2024 5', 'Kế hoạch 27/KH-STP 5 (bản 3)']) {
    expect(parseEvidence(text)).toEqual(general(text));
  }
  expect(parseEvidence('Kế hoạch số 27/KH-STP 5').malformedNumbers).toEqual(['5']);
});

test('the commonest citation is read in full', () => {
  expect(parseEvidence('Kế hoạch số 27/KH-STP ngày 05/02/2024 về triển khai mục II (bản 3); Báo cáo 12/BC-UBND')).toEqual({
    refs: [
      {
        raw: 'Kế hoạch số 27/KH-STP ngày 05/02/2024 về triển khai mục II (bản 3)',
        symbol: '27/KH-STP',
        number: '27',
        kind: expect.objectContaining({ id: 'ke-hoach' }),
        issuer: 'STP',
        date: '2024-02-05',
        dateText: '05/02/2024',
        section: 'mục II',
      },
      { raw: 'Báo cáo 12/BC-UBND', symbol: '12/BC-UBND', number: '12', kind: expect.objectContaining({ id: 'bao-cao' }), issuer: 'UBND' },
    ],
    links: [],
    malformedNumbers: [],
  });
});
