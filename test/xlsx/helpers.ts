/** Shared by the xlsx and cli tests: workbook bytes built in memory, hashes, paths. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** The real-world files copied into the repository (test/fixtures/real-world-xlsx, with their licence). */
export const REAL_WORLD_DIR = resolve(__dirname, '../fixtures/real-world-xlsx');

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export async function bufferOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The OLE (compound file) header Office writes for .xls and for encrypted .xlsx, with stream names. */
export function cfbFile(streams: string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(512 - header.length);
  return Buffer.concat([header, body, ...streams.map((s) => Buffer.from(s, 'utf16le')), Buffer.alloc(1024)]);
}

/** Rewrites one part of a zip (an .xlsx) and returns the new bytes. */
export async function replacePart(xlsx: Buffer, part: string, text: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file(part, text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

export async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * Rewrites the inflated size a zip's central directory declares for one part: a file of
 * a few KB that claims hundreds of MB, without storing them.
 */
export function declareSize(zip: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(part);
  for (let o = out.indexOf(0x02014b50 & 0xff); o >= 0; o = out.indexOf(0x50, o + 1)) {
    if (out.readUInt32LE(o) !== 0x02014b50) continue;
    const len = out.readUInt16LE(o + 28);
    if (len === name.length && out.subarray(o + 46, o + 46 + len).equals(name)) {
      out.writeUInt32LE(size, o + 24);
      return out;
    }
  }
  throw new Error(`no part ${part}`);
}
