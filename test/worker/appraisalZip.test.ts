/**
 * "Tải tất cả": the requests made for a batch of unit files zipped by the worker's job.
 * Read back with fflate and JSZip (two independent readers): one entry per request, its
 * bytes the single file's bytes, names unique even when two units share a name, and the
 * UTF-8 flag set on a Vietnamese name so Windows Explorer shows it right.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { readWorkbookBuffer } from '../../src/xlsx/buffer';
import { zipFiles } from '../../src/xlsx/zipWrite';
import { runAppraisalJob, uniqueNames, type MadeRequest } from '../../src/worker/appraisal';
import { requestsZipName } from '../../src/taskpane/appraisal/jobs';
import { appraisedBytes } from '../workbook/appraisalFixture';

const blob = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>]);
const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => new DataView(b.buffer, b.byteOffset).getUint32(o, true);

/** Each entry's general purpose flags, from its central directory record and its local header. */
function flagsOf(zip: Uint8Array): { central: number; local: number }[] {
  const eocd = zip.length - 22;
  expect(u32(zip, eocd)).toBe(0x06054b50);
  const flags: { central: number; local: number }[] = [];
  for (let i = 0, at = u32(zip, eocd + 16); i < u16(zip, eocd + 10); i++) {
    expect(u32(zip, at)).toBe(0x02014b50);
    const local = u32(zip, at + 42);
    expect(u32(zip, local)).toBe(0x04034b50);
    flags.push({ central: u16(zip, at + 8), local: u16(zip, local + 6) });
    at += 46 + u16(zip, at + 28) + u16(zip, at + 30) + u16(zip, at + 32);
  }
  return flags;
}

const UTF8 = 0x0800;

async function madeFor(units: string[]): Promise<MadeRequest[]> {
  const files = await Promise.all(units.map(async (unit, i) => ({ name: `don-vi-${i + 1}.xlsx`, data: blob(await appraisedBytes({ '1': { self: 1, appraised: 0, reason: 'Ban hành muộn' }, '2': { self: 2, appraised: 1 } }, undefined, unit)) })));
  const out = await runAppraisalJob({ type: 'requests', files, options: {} });
  if (out.type !== 'requests') throw new Error(out.type);
  expect(out.skipped).toEqual([]);
  return out.made;
}

describe('the requests of a batch as one zip', () => {
  it('holds one entry per request, its bytes the single file\'s, names unique', async () => {
    // Two units of one name (a district's and a department's "Phòng Nội vụ", or one unit sent twice).
    const made = await madeFor(['Sở Tư pháp', 'Sở Y tế', 'Sở Tư pháp', 'Sở Tư Pháp']);
    expect(made.map((m) => m.name)).toEqual(['yeu-cau-giai-trinh-so-tu-phap.xlsx', 'yeu-cau-giai-trinh-so-y-te.xlsx', 'yeu-cau-giai-trinh-so-tu-phap.xlsx', 'yeu-cau-giai-trinh-so-tu-phap.xlsx']);
    const out = await runAppraisalJob({ type: 'zip', files: made.map((m) => ({ name: m.name, bytes: m.bytes })) });
    if (out.type !== 'zip') throw new Error(out.type);
    const names = ['yeu-cau-giai-trinh-so-tu-phap.xlsx', 'yeu-cau-giai-trinh-so-y-te.xlsx', 'yeu-cau-giai-trinh-so-tu-phap-2.xlsx', 'yeu-cau-giai-trinh-so-tu-phap-3.xlsx'];
    expect(out.names).toEqual(names);

    const entries = unzipSync(out.bytes);
    expect(Object.keys(entries)).toEqual(names);
    names.forEach((name, i) => expect(Buffer.from(entries[name]).equals(Buffer.from(made[i].bytes))).toBe(true));
    const jszip = await JSZip.loadAsync(out.bytes);
    for (const [i, name] of names.entries()) expect(Buffer.from(await jszip.file(name)!.async('uint8array')).equals(Buffer.from(made[i].bytes))).toBe(true);

    // An entry is a workbook Excel opens: the request of its unit.
    const third = await readWorkbookBuffer(entries[names[2]], names[2]);
    expect(third.sheets[0].values.flat().join(' ')).toContain('Sở Tư pháp');
  });

  it('keeps a Vietnamese name as UTF-8, read back as written by fflate and by unzip', () => {
    const bytes = new TextEncoder().encode('nội dung');
    const zip = zipFiles([{ name: 'Yêu cầu giải trình - Sở Tư pháp.xlsx', bytes }], new Date(2026, 11, 3, 9, 30, 12));
    expect(Object.keys(unzipSync(zip))).toEqual(['Yêu cầu giải trình - Sở Tư pháp.xlsx']);
    expect(flagsOf(zip)).toEqual([{ central: UTF8, local: UTF8 }]);
    // Info-ZIP's unzip, a reader that is not ours, tests the CRC and lists the name and the local time.
    const dir = mkdtempSync(join(tmpdir(), 'chiso-zip-'));
    writeFileSync(join(dir, 'a.zip'), zip);
    const unzip = (...args: string[]) => execFileSync('unzip', [...args, join(dir, 'a.zip')], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    // unzip is installed by scripts/ensure-system.sh: a machine without it fails here.
    const listed = unzip('-l');
    expect(unzip('-t')).toContain('No errors detected');
    expect(listed).toContain('Yêu cầu giải trình - Sở Tư pháp.xlsx');
    expect(listed).toContain('2026-12-03 09:30');
    unzip('-q', '-d', join(dir, 'out'));
    expect(readFileSync(join(dir, 'out', 'Yêu cầu giải trình - Sở Tư pháp.xlsx'), 'utf8')).toBe('nội dung');
  });

  it('makes names unique ignoring case, and names the zip by the local day', () => {
    expect(uniqueNames(['a.xlsx', 'A.xlsx', 'a-2.xlsx', 'b', 'b'])).toEqual(['a.xlsx', 'A-2.xlsx', 'a-2-2.xlsx', 'b', 'b-2']);
    expect(requestsZipName(new Date(2026, 0, 5, 23, 59))).toBe('yeu-cau-giai-trinh-05-01-2026.zip');
  });

  it('zips an empty batch as an empty zip', () => {
    expect(Object.keys(unzipSync(zipFiles([])))).toEqual([]);
  });
});
