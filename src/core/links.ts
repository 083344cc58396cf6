/**
 * Links in evidence cells: to the province's document system, a .gov.vn portal or a
 * shared drive. An appraiser must be able to open them, and the task pane must never
 * open anything but a web page (a `javascript:` link in a cell is an attack).
 */

export interface Reason {
  vi: string;
  en: string;
}

export type LinkCheck = { ok: true } | { ok: false; reason: Reason };

// Web links, `www.` without a scheme, and schemes that must be reported, not followed.
// `data:` and `file:` only in their URL shapes, so prose such as "file: báo cáo" is no link.
// ';' separates references in a cell, so it ends a link too.
const LINK_RE =
  /(?<![\p{L}\p{N}])(?:https?:[^\s<>";]+|www\.[^\s<>";]+|javascript:[^\s<>";]+|vbscript:[^\s<>";]+|data:[a-z]+\/[^\s<>";]+|data:,[^\s<>";]*|file:\/[^\s<>";]*|ftp:\/\/[^\s<>";]+)/giu;

// Punctuation that ends a sentence rather than the link: "xem https://a.gov.vn/x."
const TRAILING = /[.,;:!?'’”»…]/u;

/** Drops trailing punctuation and a closing bracket the link did not open. */
function trimLink(raw: string): string {
  // Unmatched closing brackets: counted once, then kept in step as characters are cut.
  const unmatched = { ')': count(raw, ')') - count(raw, '('), ']': count(raw, ']') - count(raw, '[') };
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
  return [...text.matchAll(LINK_RE)]
    .map((m) => ({ link: trimLink(m[0]), index: m.index }))
    .filter((m) => m.link.length > 0);
}

/** Every link in a text, in order (including ones `checkLink` rejects). */
export function findLinks(text: string): string[] {
  return findLinkMatches(text).map((m) => m.link);
}

const fail = (vi: string, en: string): LinkCheck => ({ ok: false, reason: { vi, en } });

const FORBIDDEN_SCHEMES: Record<string, Reason> = {
  'javascript:': { vi: 'đường dẫn javascript: có thể chạy mã độc, không phải trang tài liệu', en: 'a javascript: link can run code; it is not a document page' },
  'vbscript:': { vi: 'đường dẫn vbscript: có thể chạy mã độc, không phải trang tài liệu', en: 'a vbscript: link can run code; it is not a document page' },
  'data:': { vi: 'đường dẫn data: chứa nội dung nhúng, không trỏ tới tài liệu', en: 'a data: link embeds content instead of pointing to a document' },
  'file:': { vi: 'đường dẫn file: trỏ tới tệp trên máy tính của đơn vị, người thẩm định không mở được', en: 'a file: link points to a file on the unit\'s computer, which appraisers cannot open' },
  'ftp:': { vi: 'đường dẫn ftp: không mở được trên trình duyệt', en: 'an ftp: link does not open in a browser' },
};

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/**
 * Whether a link can be opened by an appraiser: an http(s) URL without spaces or
 * credentials, on a public host name (with a dot; not localhost or a loopback address).
 */
export function checkLink(url: string): LinkCheck {
  if (url.trim() === '') return fail('đường dẫn trống', 'the link is empty');
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
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('không đọc được đường dẫn', 'the link cannot be parsed');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return fail('đường dẫn chứa tên đăng nhập hoặc mật khẩu', 'the link contains a user name or password');
  }
  const host = parsed.hostname;
  if (host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '[::1]') {
    return fail('đường dẫn trỏ tới máy tính cá nhân (localhost)', 'the link points to the local computer (localhost)');
  }
  if (!IPV4.test(host) && !isDomainName(host)) {
    return fail(`tên miền "${host}" không hợp lệ`, `the host name "${host}" is invalid`);
  }
  return { ok: true };
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
