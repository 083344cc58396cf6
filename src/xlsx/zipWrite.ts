/**
 * A zip of whole files, for handing a batch (one workbook per unit) over as one download.
 * Entries are stored, not deflated: they are .xlsx files, already deflated, so deflating
 * again costs time for a few bytes. fflate flags a non-ASCII name as UTF-8 (general
 * purpose bit 11), so Windows Explorer reads a Vietnamese name as UTF-8 rather than as
 * code page 437. No node API (the browser worker uses it).
 */
import { zipSync, type Zippable } from 'fflate';

export interface ZipFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * "Made by" Unix with a regular file's rw-r--r-- mode: Info-ZIP's unzip (Linux, macOS)
 * converts the names of an MS-DOS-made zip from code page 437 even when they are flagged
 * UTF-8; Explorer and 7-Zip read a Unix-made zip as well.
 */
const UNIX = { os: 3, attrs: (0o100644 << 16) >>> 0 };

/** The zip of `files` in order, names as given (the caller makes them unique), dated `when` (local time). */
export function zipFiles(files: readonly ZipFile[], when: Date = new Date()): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[f.name] = [f.bytes, { level: 0, mtime: when, ...UNIX }];
  return zipSync(entries);
}
