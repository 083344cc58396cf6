/**
 * A zip of whole files, for handing a batch (one workbook per unit) over as one download.
 * Entries are stored, not deflated: they are .xlsx files, already deflated, so deflating
 * again costs time for a few bytes. Every name carries the UTF-8 flag (general purpose
 * bit 11), which fflate sets only for non-ASCII names: Windows Explorer then reads a
 * Vietnamese name as UTF-8 rather than as code page 437. No ZIP64: a batch is 150 to 700
 * workbooks of well under a megabyte, and larger input is refused, not written wrong.
 * No node API (the browser worker uses it).
 */

export interface ZipFile {
  name: string;
  bytes: Uint8Array;
}

const UTF8_FLAG = 0x0800;
/**
 * "Made by" Unix, zip 2.0, with a regular file's rw-r--r-- mode: Info-ZIP's unzip (Linux,
 * macOS) converts the names of an MS-DOS-made zip from code page 437 even when they are
 * flagged UTF-8, and Explorer and 7-Zip read a Unix-made zip as well.
 */
const MADE_BY = (3 << 8) | 20;
const FILE_MODE = (0o100644 << 16) >>> 0;
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time of `when` (local, as Explorer shows it), 2-second resolution. */
function dosTime(when: Date): { time: number; date: number } {
  const year = Math.min(Math.max(when.getFullYear(), 1980), 2107);
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/** The zip of `files` in order, names as given (the caller makes them unique). */
export function zipFiles(files: readonly ZipFile[], when: Date = new Date()): Uint8Array {
  if (files.length > MAX_ENTRIES) throw new RangeError(`zip: ${files.length} files, at most ${MAX_ENTRIES}`);
  const encoder = new TextEncoder();
  const { time, date } = dosTime(when);
  const entries = files.map((f) => ({ name: encoder.encode(f.name), bytes: f.bytes, crc: crc32(f.bytes) }));
  const localSize = entries.reduce((n, e) => n + 30 + e.name.length + e.bytes.length, 0);
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  if (localSize + centralSize > MAX_OFFSET) throw new RangeError('zip: larger than 4 GiB');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  // The fields local and central headers share, from "version needed" to the name's length.
  const common = (e: (typeof entries)[number]) => {
    u16(20);
    u16(UTF8_FLAG);
    u16(0);
    u16(time);
    u16(date);
    u32(e.crc);
    u32(e.bytes.length);
    u32(e.bytes.length);
    u16(e.name.length);
    u16(0);
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    u32(0x04034b50);
    common(e);
    out.set(e.name, at);
    at += e.name.length;
    out.set(e.bytes, at);
    at += e.bytes.length;
  }
  entries.forEach((e, i) => {
    u32(0x02014b50);
    u16(MADE_BY);
    common(e);
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(FILE_MODE);
    u32(offsets[i]);
    out.set(e.name, at);
    at += e.name.length;
  });
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralSize);
  u32(localSize);
  u16(0);
  return out;
}
