/**
 * Links in evidence cells: to the province's document system, a .gov.vn portal or a
 * shared drive. An appraiser must be able to open them, and the task pane must never
 * open anything but a web page (a `javascript:` link in a cell is an attack).
 */

import type { Answer } from './answers';
import type { CriteriaLookup } from './criteriaSet';
import { finding, rowPlace, type Finding } from './findings';
import { execAll } from './text';

export interface Reason {
  vi: string;
  en: string;
}

/**
 * `privateHost`: the link opens only inside one network (10.x, 192.168.x, ...), perhaps a
 * province's intranet: acceptable, but an appraiser outside that network cannot open it.
 */
export type LinkCheck = { ok: true; privateHost?: string } | { ok: false; reason: Reason };

// Web links, `www.` without a scheme, and schemes that must be reported, not followed.
// `data:` and `file:` only in their URL shapes, so prose such as "file: báo cáo" is no link.
// ';' separates references in a cell, so it ends a link too.
// A path on one computer or a network share (`D:\CCHC 2024\ke hoach.pdf`, `\\server\share\x`)
// may hold spaces: it runs to its first file extension, else to the first space.
const LINK_RE =
  /(?<![\p{L}\p{N}])(?:https?:[^\s<>";]+|www\.[^\s<>";]+|javascript:[^\s<>";]+|vbscript:[^\s<>";]+|data:[a-z]+\/[^\s<>";]+|data:,[^\s<>";]*|file:\/[^\s<>";]*|ftp:\/\/[^\s<>";]+|(?:[a-z]:|\\\\[^\s\\;,]+)\\(?:[^\n;,<>"|?*]*?\.[a-z0-9]{2,5}(?![\p{L}\p{N}])|[^\s;,<>"|?*]*))/giu;

const WWW = /www\./i;

// Punctuation that ends a sentence rather than the link: "xem https://a.gov.vn/x."
const TRAILING = /[.,;:!?'’”»…]/u;

/** Drops trailing punctuation and a closing bracket the link did not open. */
function trimLink(raw: string): string {
  // Unmatched closing brackets: counted once, then kept in step as characters are cut.
  const unmatched = {
    ')': count(raw, ')') - count(raw, '('),
    ']': count(raw, ']') - count(raw, '['),
  };
  let end = raw.length;
  for (;;) {
    const last = raw.charAt(end - 1);
    if (TRAILING.test(last)) end--;
    else if ((last === ')' || last === ']') && unmatched[last] > 0) {
      unmatched[last]--;
      end--;
    } else return raw.slice(0, end);
  }
}

const count = (s: string, ch: string): number => s.split(ch).length - 1;

export interface LinkMatch {
  link: string;
  index: number;
}

/** Every link in a text with its position, trailing punctuation removed. */
export function findLinkMatches(text: string): LinkMatch[] {
  if (!mayHoldLink(text)) return [];
  return execAll(LINK_RE, text).map((m) => ({ link: trimLink(m[0]), index: m.index })).filter((m) => m.link.length > 0);
}

/**
 * Every kind of link has a colon (a scheme, a drive), a backslash (a share) or `www.`:
 * most evidence cells have none of them, and the pattern is not run.
 */
function mayHoldLink(text: string): boolean {
  return text.includes(':') || text.includes('\\') || WWW.test(text);
}

/** Every link in a text, in order (including ones `checkLink` rejects). */
export function findLinks(text: string): string[] {
  return findLinkMatches(text).map((m) => m.link);
}

const fail = (vi: string, en: string): LinkCheck => ({
  ok: false,
  reason: { vi, en },
});

/** A path on one computer (issue 10 §4): nobody else can open it. */
const LOCAL_PATH: Reason = {
  vi: 'đây là đường dẫn tới tệp trên một máy tính hoặc thư mục mạng nội bộ, người khác không mở được; hãy ghi số, ký hiệu văn bản hoặc một đường dẫn chia sẻ (https://...)',
  en: 'this is a path to a file on one computer or a network folder, which nobody else can open; give the document number or a shared link (https://...)',
};

const FORBIDDEN_SCHEMES: Record<string, Reason> = {
  'javascript:': {
    vi: 'đường dẫn javascript: có thể chạy mã độc, không phải trang tài liệu',
    en: 'a javascript: link can run code; it is not a document page',
  },
  'vbscript:': {
    vi: 'đường dẫn vbscript: có thể chạy mã độc, không phải trang tài liệu',
    en: 'a vbscript: link can run code; it is not a document page',
  },
  'data:': {
    vi: 'đường dẫn data: chứa nội dung nhúng, không trỏ tới tài liệu',
    en: 'a data: link embeds content instead of pointing to a document',
  },
  'file:': LOCAL_PATH,
  'ftp:': {
    vi: 'đường dẫn ftp: không mở được trên trình duyệt',
    en: 'an ftp: link does not open in a browser',
  },
};

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/**
 * Whether a link can be opened by an appraiser: an http(s) URL without spaces or
 * credentials, on a public host name (with a dot; not localhost or a loopback address).
 */
export function checkLink(url: string): LinkCheck {
  if (url.trim() === '') return fail('đường dẫn trống', 'the link is empty');
  if (/^(?:[a-z]:[\\/]|\\\\)/i.test(url)) return { ok: false, reason: LOCAL_PATH };
  if (/\s/.test(url)) return fail('đường dẫn chứa dấu cách', 'the link contains spaces');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return fail('thiếu phần https:// ở đầu đường dẫn', 'the link does not start with https://');
  }
  const forbidden = FORBIDDEN_SCHEMES[`${scheme}:`];
  if (forbidden) return { ok: false, reason: forbidden };
  if (scheme !== 'http' && scheme !== 'https') {
    return fail(`giao thức "${scheme}:" không được hỗ trợ`, `the "${scheme}:" scheme is not supported`);
  }
  if (!/^https?:\/\/[^/]/i.test(url)) {
    return fail('sau http: hoặc https: phải là // và tên miền', 'http: or https: must be followed by // and a host name');
  }
  // Browsers read `\` as `/`: `https://evil.example\@backan.gov.vn/` opens evil.example.
  if (url.includes('\\')) {
    return fail(
      'đường dẫn chứa dấu \\, trình duyệt có thể mở một trang khác với trang đường dẫn hiển thị',
      'the link contains a \\, so a browser may open another site than the one it shows',
    );
  }
  const rawHost = /^https?:\/\/(?:[^/?#@]*@)?([^/?#:]*)/i.exec(url)?.[1] ?? '';
  if (mixedScripts(rawHost)) {
    return fail(
      `tên miền "${rawHost}" trộn chữ của nhiều bảng chữ cái (ví dụ chữ Kirin giống chữ Latinh), có thể là trang giả mạo`,
      `the host name "${rawHost}" mixes alphabets (e.g. Cyrillic letters that look Latin); it may be a lookalike site`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('không đọc được đường dẫn', 'the link cannot be parsed');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return fail('đường dẫn chứa tên đăng nhập hoặc mật khẩu', 'the link contains a user name or password');
  }
  const host = parsed.hostname.replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '[::1]') {
    return fail('đường dẫn trỏ tới máy tính cá nhân (localhost)', 'the link points to the local computer (localhost)');
  }
  if (host.startsWith('[')) return ipv6(host);
  if (IPV4.test(host)) return ipv4(host);
  if (!isDomainName(host)) {
    return fail(`tên miền "${host}" không hợp lệ`, `the host name "${host}" is invalid`);
  }
  return { ok: true };
}

/** Addresses no document is published at, and addresses only one network reaches. */
function ipv4(host: string): LinkCheck {
  const [a, b] = host.split('.').map(Number);
  if (a === 0 || a >= 224) return fail(`địa chỉ ${host} không phải địa chỉ của một trang web`, `${host} is not the address of a web site`);
  if (a === 169 && b === 254) {
    return fail(
      `địa chỉ ${host} là địa chỉ nội bộ của máy (link-local, dịch vụ siêu dữ liệu đám mây), không phải trang tài liệu`,
      `${host} is a link-local address (cloud metadata service), not a document page`,
    );
  }
  const isPrivate = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  return isPrivate ? { ok: true, privateHost: host } : { ok: true };
}

function ipv6(host: string): LinkCheck {
  const h = host.slice(1, -1);
  if (h === '::' || /^fe[89ab]/.test(h) || h.startsWith('::ffff:')) {
    return fail(`địa chỉ ${host} không phải địa chỉ của một trang tài liệu công khai`, `${host} is not the address of a public document page`);
  }
  return /^f[cd]/.test(h) ? { ok: true, privateHost: host } : { ok: true };
}

/** A label that mixes letters of several scripts (Latin with Cyrillic or Greek): a lookalike. */
function mixedScripts(host: string): boolean {
  if (/^[\x00-\x7f]*$/.test(host)) return false;
  return host.split('.').some((label) => {
    const scripts = new Set<string>();
    for (const ch of label) {
      if (/\p{Script=Latin}/u.test(ch)) scripts.add('latin');
      else if (/\p{Script=Cyrillic}/u.test(ch)) scripts.add('cyrillic');
      else if (/\p{Script=Greek}/u.test(ch)) scripts.add('greek');
      else if (/\p{L}/u.test(ch)) scripts.add('other');
    }
    return scripts.size > 1;
  });
}

/** A dotted name whose labels are letters, digits and inner hyphens, ending in a letter TLD. */
function isDomainName(host: string): boolean {
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1];
  // Punycode (xn--) labels come from Vietnamese domain names such as "sởnộivụ.vn".
  return labels.every((l) => LABEL.test(l)) && (/^[a-z]{2,}$/i.test(tld) || /^xn--/i.test(tld));
}

/** For the task pane: open a link only when it is an acceptable http(s) web address. */
export function isSafeHttpUrl(url: string): boolean {
  return checkLink(url).ok;
}

/**
 * Link findings validateEvidence does not give, on every row of the table: dangerous links
 * in the evidence of rows it skips (survey rows, headings), links only one network opens
 * (LINK_PRIVATE), and hyperlinks behind cells, checked with the same rules and reported
 * when they open another page than the text shows (LINK_TARGET_DIFFERS).
 */
export function checkRowLinks(answers: readonly Answer[], index: CriteriaLookup): Finding[] {
  // The rows validateUnit hands to validateEvidence: self-scored leaves.
  const checked = (code: string) => {
    const n = index.byCode.get(code);
    return n !== undefined && n.isLeaf && n.scoredBy === 'self';
  };
  const out: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding) => {
    const key = `${f.code}|${f.criterion}|${f.field}|${JSON.stringify(f.params)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  for (const a of answers) {
    const evidence = textOf(a.evidence);
    // The usual row has no link and no hyperlink: nothing to list (5000 rows, no arrays made).
    if (!mayHoldLink(evidence) && a.links === undefined) continue;
    for (const link of findLinks(evidence)) {
      const check = checkLink(link);
      if (!check.ok && !checked(a.code)) add(finding('LINK_INVALID', { link, reason: check.reason.vi, reasonEn: check.reason.en }, rowPlace(a.code, 'evidence', a.row)));
      if (check.ok && check.privateHost) add(finding('LINK_PRIVATE', { link, host: check.privateHost }, rowPlace(a.code, 'evidence', a.row)));
    }
    for (const h of a.links ?? []) {
      const check = checkLink(h.target);
      if (!check.ok) {
        add(
          finding(
            'LINK_INVALID',
            {
              link: h.target,
              reason: `siêu liên kết ẩn sau chữ "${clip(h.shown)}": ${check.reason.vi}`,
              reasonEn: `the hyperlink behind the text "${clip(h.shown)}": ${check.reason.en}`,
            },
            rowPlace(a.code, h.field, a.row),
          ),
        );
        continue;
      }
      if (check.privateHost) add(finding('LINK_PRIVATE', { link: h.target, host: check.privateHost }, rowPlace(a.code, h.field, a.row)));
      const shownLinks = findLinks(h.shown);
      if (shownLinks.length > 0 && !shownLinks.some((l) => sameLink(l, h.target))) {
        add(finding('LINK_TARGET_DIFFERS', { shown: clip(h.shown), link: h.target }, rowPlace(a.code, h.field, a.row)));
      }
    }
  }
  return out;
}

function textOf(v: Answer['evidence']): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

/** The same page: scheme and host case-insensitive, a trailing slash ignored. */
function sameLink(a: string, b: string): boolean {
  const norm = (s: string) => {
    try {
      return new URL(/^www\./i.test(s) ? `https://${s}` : s).href.replace(/\/$/, '');
    } catch {
      return s;
    }
  };
  return norm(a) === norm(b);
}
