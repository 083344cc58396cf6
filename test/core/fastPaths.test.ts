/**
 * The fast paths of issue 15's validation work give what the computations they replace
 * gave (kept here as the reference): execAll against matchAll, the link pre-check
 * against the pattern run on every text, findDates (year pre-check, numbered group,
 * calendar arithmetic) against the named-group pattern and Date.UTC. The pre-checks of
 * the evidence parser are held by test/core/validateFrozen.test.ts and evidence.test.ts.
 */
import fc from 'fast-check';
import { findDates, type DateMatch } from '../../src/core/dates';
import { findLinkMatches } from '../../src/core/links';
import { execAll } from '../../src/core/text';
import { evidenceLikeText } from './evidenceArbitraries';

// The patterns as they were before the pre-checks (src/core/links.ts, src/core/dates.ts).
const LINK_RE =
  /(?<![\p{L}\p{N}])(?:https?:[^\s<>";]+|www\.[^\s<>";]+|javascript:[^\s<>";]+|vbscript:[^\s<>";]+|data:[a-z]+\/[^\s<>";]+|data:,[^\s<>";]*|file:\/[^\s<>";]*|ftp:\/\/[^\s<>";]+|(?:[a-z]:|\\\\[^\s\\;,]+)\\(?:[^\n;,<>"|?*]*?\.[a-z0-9]{2,5}(?![\p{L}\p{N}])|[^\s;,<>"|?*]*))/giu;
const NGAY = String.raw`ng[àa]\u0300?y`;
const LONG = String.raw`(?:${NGAY}\s+)?(\d{1,2})\s+th[áa]\u0301?ng\s+(\d{1,2}),?\s+n[ăa]\u0306?m\s+(\d{4})`;
const SHORT = String.raw`(\d{1,2})(?<sep>[/.\-])(\d{1,2})\k<sep>(\d{4})`;
const DATE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}/.\-])(?:${LONG}|${SHORT})(?![\p{N}/]|[.\-]\p{N})`, 'giu');

/** The links as matched on every text, without the pre-check (trimming is the module's: compared on the raw matches' starts). */
function linkStartsReference(text: string): number[] {
  return [...text.matchAll(LINK_RE)].map((m) => m.index);
}

function toParsedReference(day: string, month: string, year: string) {
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (y < 1945 || y > 2099 || m < 1 || m > 12 || d < 1) return { valid: false as const };
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return { valid: false as const };
  return { valid: true as const, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function findDatesReference(text: string): DateMatch[] {
  return [...text.matchAll(DATE_RE)].map((g) => ({
    ...(g[1] !== undefined ? toParsedReference(g[1], g[2], g[3]) : toParsedReference(g[4], g[6], g[7])),
    index: g.index,
    raw: g[0],
  }));
}

const LINKISH = ['https://', 'http:', 'www.', 'WWW.', 'javascript:', 'data:text/html,', 'data:,', 'file:///', 'ftp://', 'C:\\', '\\\\srv\\a', 'x.pdf', ' ', ';', ':', '\\', 'ſ', 'K'];
const linkText = fc.oneof(evidenceLikeText, fc.array(fc.constantFrom(...LINKISH, 'a', 'b.gov.vn', '/'), { maxLength: 10 }).map((p) => p.join('')));
const DATEISH = ['ngày', 'ngay', 'nga\u0300y', 'tháng', 'thang', 'năm', 'nam', ' ', '/', '.', '-', '29', '28', '31', '30', '02', '2', '12', '13', '2024', '2023', '1900', '2100', '2000', '1944', 'x', ','];
const dateText = fc.oneof(evidenceLikeText, fc.array(fc.constantFrom(...DATEISH), { maxLength: 14 }).map((p) => p.join('')));

test('execAll gives the matches matchAll gives, empty matches and astral characters included', () => {
  const patterns = [/a*/gu, /\d+/g, /(?:)/g, /[\p{L}]+/gu, /x|/gu, /.(?=b)/g];
  fc.assert(
    fc.property(fc.constantFrom(...patterns), fc.string({ unit: 'grapheme' }), (re, text) => {
      const got = execAll(re, text).map((m) => [m.index, ...m]);
      expect(got).toEqual([...text.matchAll(re)].map((m) => [m.index, ...m]));
      expect(re.lastIndex).toBe(0);
    }),
    { numRuns: 1500 },
  );
});

test('the link pre-check skips only texts where the pattern finds nothing', () => {
  fc.assert(
    fc.property(linkText, (text) => {
      const skipped = !text.includes(':') && !text.includes('\\') && !/www\./i.test(text);
      if (skipped) expect(linkStartsReference(text)).toEqual([]);
      expect(findLinkMatches(text).every((m) => linkStartsReference(text).includes(m.index))).toBe(true);
    }),
    { numRuns: 3000 },
  );
  expect(findLinkMatches('xem WWW.backan.gov.vn')).toEqual([{ link: 'WWW.backan.gov.vn', index: 4 }]);
  expect(findLinkMatches('\\\\srv\\cchc\\kh.pdf')).toEqual([{ link: '\\\\srv\\cchc\\kh.pdf', index: 0 }]);
});

test('findDates equals the named-group pattern and Date.UTC days', () => {
  fc.assert(fc.property(dateText, (text) => expect(findDates(text)).toEqual(findDatesReference(text))), { numRuns: 4000 });
  // Every day of the accepted years, leap days included.
  for (let y = 1945; y <= 2099; y++) {
    for (let m = 1; m <= 12; m++) {
      for (const d of [28, 29, 30, 31]) {
        const text = `ngày ${d}/${m}/${y}`;
        expect(findDates(text)).toEqual(findDatesReference(text));
      }
    }
  }
});
