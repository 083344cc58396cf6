/**
 * The zip container of an .xlsx, read with bounds: the central directory is listed
 * without inflating anything, the declared sizes are checked against LIMITS, and a part
 * is inflated in chunks that stop as soon as it outgrows what it declared. So a small
 * file that inflates to gigabytes, or a zip of ten thousand parts, is refused in
 * milliseconds instead of exhausting memory. No node API (the browser worker uses it).
 */
import { Inflate, inflateSync } from 'fflate';

/** Bounds for reading a unit's workbook; real score sheets are a few hundred KB inflated. */
export const LIMITS = {
  /** Entries in the zip (an .xlsx of 150 sheets with images has a few hundred). */
  parts: 2_000,
  /** Declared inflated size of one XML part read (a worksheet, the shared strings). */
  partBytes: 32 * 1024 * 1024,
  /** Declared inflated size of all parts read together. */
  totalBytes: 96 * 1024 * 1024,
  /** Declared inflated size of the whole package, for the exceljs (full model) load before a write. */
  packageBytes: 256 * 1024 * 1024,
} as const;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the central directory; inflation stops beyond it. */
  size: number;
  localOffset: number;
}

export class ZipError extends Error {
  constructor(
    readonly kind: 'not-zip' | 'truncated' | 'too-many-parts' | 'damaged',
    readonly detail = '',
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
  }
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

/** A zip cut off before its end record: a download or copy that did not finish. */
export function isTruncatedZip(buf: Uint8Array): boolean {
  try {
    listZip(buf);
    return false;
  } catch (e) {
    return e instanceof ZipError && e.kind === 'truncated';
  }
}

/** The entries of the central directory; throws ZipError before reading more than LIMITS.parts of them. */
export function listZip(buf: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_558); i--) {
    if (u32(buf, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  // A zip's first part header without its end record: the file was cut off (a download or copy not finished).
  if (eocd < 0) throw new ZipError(u32(buf, 0) === 0x04034b50 ? 'truncated' : 'not-zip');
  let count = u16(buf, eocd + 10);
  let offset = u32(buf, eocd + 16);
  // Zip64: the real count and offset are in the zip64 end record.
  if (eocd >= 20 && u32(buf, eocd - 20) === 0x07064b50) {
    const z = u64(buf, eocd - 12);
    if (z + 56 <= buf.length && u32(buf, z) === 0x06064b50) {
      count = u64(buf, z + 32);
      offset = u64(buf, z + 48);
    }
  }
  if (count > LIMITS.parts) throw new ZipError('too-many-parts', String(count));
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buf.length || u32(buf, offset) !== 0x02014b50) throw new ZipError('damaged', 'central directory');
    const nameLen = u16(buf, offset + 28);
    const extraLen = u16(buf, offset + 30);
    const commentLen = u16(buf, offset + 32);
    const name = decoder.decode(buf.subarray(offset + 46, offset + 46 + nameLen));
    let compressedSize = u32(buf, offset + 20);
    let size = u32(buf, offset + 24);
    let localOffset = u32(buf, offset + 42);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extra field: the 64-bit values present, in this order.
      for (let e = offset + 46 + nameLen; e + 4 <= offset + 46 + nameLen + extraLen; ) {
        const id = u16(buf, e);
        const len = u16(buf, e + 2);
        if (id === 1) {
          let p = e + 4;
          if (size === 0xffffffff) {
            size = u64(buf, p);
            p += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(buf, p);
            p += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(buf, p);
        }
        e += 4 + len;
      }
    }
    entries.set(name, { name, method: u16(buf, offset + 10), compressedSize, size, localOffset });
    offset += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Parts inflated in one go into a buffer of their declared size, rather than in chunks:
 * the chunked inflater checks and grows its buffer at every back-reference, which made it
 * a third of reading. The one-shot inflater keeps decoding past the buffer's end without
 * writing (a part larger than it declared is then refused), so its work is bounded by
 * the compressed size: at most ~1032 bytes per compressed byte, ~270 MB of dropped
 * output for 256 KB, a fraction of a second. Larger parts go in chunks, stopped early.
 */
const ONE_SHOT = { compressedBytes: 256 * 1024, bytes: 16 * 1024 * 1024 } as const;

function inflateWhole(data: Uint8Array, entry: ZipEntry): Uint8Array {
  // One byte more than declared: filling it means the part inflates beyond its size.
  const out = new Uint8Array(entry.size + 1);
  let got: Uint8Array;
  try {
    got = inflateSync(data, { out });
  } catch {
    throw new ZipError('damaged', entry.name);
  }
  if (got.length > entry.size) throw new ZipError('damaged', entry.name);
  return got;
}

/**
 * Inflates one entry in chunks, handing UTF-8 text to `onText` as it comes; throws
 * ZipError('damaged') when the data is broken or inflates beyond its declared size.
 */
export function streamEntryText(buf: Uint8Array, entry: ZipEntry, onText: (text: string) => void): void {
  const o = entry.localOffset;
  if (o + 30 > buf.length || u32(buf, o) !== 0x04034b50) throw new ZipError('damaged', entry.name);
  const start = o + 30 + u16(buf, o + 26) + u16(buf, o + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError('damaged', entry.name);
  const decoder = new TextDecoder('utf-8');
  if (entry.method === 0) {
    onText(decoder.decode(buf.subarray(start, end)));
    return;
  }
  if (entry.method !== 8) throw new ZipError('damaged', entry.name);
  if (entry.compressedSize <= ONE_SHOT.compressedBytes && entry.size <= ONE_SHOT.bytes) {
    onText(decoder.decode(inflateWhole(buf.subarray(start, end), entry)));
    return;
  }
  let produced = 0;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size) throw new ZipError('damaged', entry.name);
    onText(decoder.decode(chunk, { stream: true }));
  });
  const CHUNK = 64 * 1024;
  try {
    for (let p = start; p < end; p += CHUNK) inflate.push(buf.subarray(p, Math.min(end, p + CHUNK)), p + CHUNK >= end);
  } catch (e) {
    // fflate's own errors carry a numeric code; the parser's errors pass through as they are.
    if (typeof (e as { code?: unknown }).code === 'number') throw new ZipError('damaged', entry.name);
    throw e;
  }
  onText(decoder.decode());
}
