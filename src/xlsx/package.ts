/**
 * The .xlsx package as text parts: opening the zip (refusing what is not a workbook), the
 * sheets and their parts through workbook.xml and its relationships, and the small XML
 * helpers the surgical writer and the sheet transplant share.
 */
import { posix } from 'node:path';
import JSZip from 'jszip';
import { FileUnreadableError } from './errors';
import { isTruncatedZip } from './zip';
/** A plan that does not fit the workbook; the message is Vietnamese, then English. */
export class PlanError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
    this.name = 'PlanError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function openZip(buf: Buffer, name: string): Promise<JSZip> {
  const starts = (magic: number[]) => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
  if (buf.length === 0) throw new FileUnreadableError(name, 'empty-file');
  if (starts(CFB)) {
    const encrypted = buf.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new FileUnreadableError(name, encrypted ? 'encrypted' : 'legacy-xls');
  }
  if (!starts(ZIP)) throw new FileUnreadableError(name, 'not-xlsx');
  const zip = await JSZip.loadAsync(buf).catch(() => {
    throw new FileUnreadableError(name, isTruncatedZip(buf) ? 'truncated' : 'corrupt', '');
  });
  if (!zip.file('xl/workbook.xml')) throw new FileUnreadableError(name, zip.file(/^xl\//).length ? 'corrupt' : 'not-xlsx', 'xl/workbook.xml');
  return zip;
}

/** A part's text; only UTF-8 parts are edited (a UTF-16 part would need re-encoding). */
export async function partText(zip: JSZip, path: string, sheet: string): Promise<string> {
  const bytes = await zip.file(path)?.async('uint8array');
  if (!bytes) throw unsafe(sheet, `thiếu phần ${path}`, `part ${path} is missing`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw unsafe(sheet, 'mã hóa UTF-16', 'UTF-16 encoding');
  return Buffer.from(bytes).toString('utf8');
}

/** A part's text, or '' where the package has no such part. */
export async function optionalText(zip: JSZip, path: string): Promise<string> {
  return (await zip.file(path)?.async('string')) ?? '';
}

export interface SheetPart {
  path: string;
  kind: 'worksheet' | 'chartsheet' | 'other';
}

/** Sheet name -> its part, through xl/workbook.xml and its relationships. */
export async function sheetParts(zip: JSZip, name: string): Promise<Map<string, SheetPart>> {
  const workbook = await optionalText(zip, 'xl/workbook.xml');
  const rels = relationships(await optionalText(zip, 'xl/_rels/workbook.xml.rels'), 'xl');
  const out = new Map<string, SheetPart>();
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const attrs = attributes(m[1]);
    const sheetName = attrs.get('name');
    const id = [...attrs].find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const rel = id ? rels.get(decodeXml(id)) : undefined;
    if (sheetName === undefined || !rel) continue;
    const kind = rel.type.endsWith('/worksheet') ? 'worksheet' : rel.type.endsWith('/chartsheet') ? 'chartsheet' : 'other';
    out.set(decodeXml(sheetName), { path: rel.target, kind });
  }
  if (out.size === 0) throw new FileUnreadableError(name, 'no-sheets');
  return out;
}

export interface Relationship {
  type: string;
  target: string;
}

/** Relationship id -> type and part path; `base` is the folder of the part that owns the rels. */
export function relationships(xml: string, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (!id || !target || a.get('TargetMode') === 'External') continue;
    const t = decodeXml(target);
    out.set(decodeXml(id), { type: a.get('Type') ?? '', target: t.startsWith('/') ? t.slice(1) : posix.normalize(posix.join(base, t)) });
  }
  return out;
}

export function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** Attributes in document order, values as written (still escaped). */
export function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], m[2] ?? (m[3] ?? '').replace(/"/g, '&quot;'));
  return out;
}

export function decodeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_m, hex: string, dec: string, named: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] as string;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function unsafe(sheet: string, vi: string, en: string): PlanError {
  return cannotEdit(`trang "${sheet}"`, `Sheet "${sheet}"`, vi, en);
}

/** A package part the writer cannot edit safely (not one sheet's): the file is named. */
export function unsafeFile(file: string, vi: string, en: string): PlanError {
  return cannotEdit(`tệp ${file}`, file, vi, en);
}

/** What cannot be edited safely and why, with the one remedy: a save by Excel rewrites the package. */
function cannotEdit(whatVi: string, whatEn: string, vi: string, en: string): PlanError {
  return new PlanError(
    `Không ghi an toàn được vào ${whatVi} (${vi}); hãy mở tệp bằng Excel, lưu lại rồi thử lại.`,
    `${whatEn} cannot be edited safely (${en}); open the file in Excel, save it and try again.`,
  );
}
