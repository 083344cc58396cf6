/**
 * The appraisal jobs of the pane's worker, free of any worker API so node tests drive them
 * on real .xlsx bytes: the explanation requests for the unit workbooks an officer picks
 * (through src/workbook/appraisal.ts, as `chiso request-explanation` makes them), a
 * request spec turned into .xlsx bytes, the requests made zipped into one download, and
 * the replies read back from filled requests.
 */
import type { Bilingual } from '../pipeline/consolidate';
import { readExplanationReplies, requestFileName, requestFor, type ExplanationReply, type RequestOptions } from '../workbook/appraisal';
import { readUnitWorkbook } from '../workbook/read';
import type { WorkbookSpec } from '../workbook/spec';
import { readWorkbookBuffer } from '../xlsx/buffer';
import { FileUnreadableError } from '../xlsx/errors';
import { streamSpecToBuffer } from '../xlsx/streamWrite';
import { zipFiles, type ZipFile } from '../xlsx/zipWrite';
import type { FileInput } from './protocol';

export type AppraisalJob =
  | { type: 'requests'; files: FileInput[]; options: RequestOptions }
  | { type: 'bytes'; spec: WorkbookSpec }
  | { type: 'zip'; files: ZipFile[] }
  | { type: 'replies'; files: FileInput[] };

/** A request made for one unit's workbook. */
export interface MadeRequest {
  source: string;
  unit: string;
  /** The download's (or new workbook's) name, by unit. */
  name: string;
  count: number;
  bytes: Uint8Array;
}

export type RepliesOfFile =
  | { source: string; ok: true; unit?: string; sheet: string; replies: ExplanationReply[]; unanswered: string[] }
  | { source: string; ok: false; vi: string; en: string };

export type AppraisalOutcome =
  | { type: 'requests'; made: MadeRequest[]; skipped: ({ source: string } & Bilingual)[] }
  | { type: 'bytes'; bytes: Uint8Array }
  /** `names`: the entries' names, in the order of the job's files. */
  | { type: 'zip'; bytes: Uint8Array; names: string[] }
  | { type: 'replies'; files: RepliesOfFile[] }
  | { type: 'failed'; error: Bilingual };

/** The .xlsx bytes of a spec, written as the CLI's summaries are (no node API). */
export function specBytes(spec: WorkbookSpec): Uint8Array {
  const b = streamSpecToBuffer(spec);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * The names made unique inside one zip, ignoring case as Windows does: two units may share
 * a name (or differ only by diacritics, which the file name drops), and a zip with two
 * entries of one name loses one when unpacked. The second becomes `name-2.xlsx`, and so on.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${stem}-${n}${ext}`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

async function gridOf(f: FileInput) {
  return readWorkbookBuffer(new Uint8Array(await f.data.arrayBuffer()), f.name);
}

function unreadable(f: FileInput, e: unknown): { source: string } & Bilingual {
  if (e instanceof FileUnreadableError) return { source: f.name, vi: e.message, en: e.message };
  const text = e instanceof Error ? e.message : String(e);
  return { source: f.name, vi: `${f.name}: ${text}`, en: `${f.name}: ${text}` };
}

export async function runAppraisalJob(job: AppraisalJob): Promise<AppraisalOutcome> {
  if (job.type === 'bytes') return { type: 'bytes', bytes: specBytes(job.spec) };
  if (job.type === 'zip') {
    const names = uniqueNames(job.files.map((f) => f.name));
    return { type: 'zip', bytes: zipFiles(job.files.map((f, i) => ({ name: names[i], bytes: f.bytes }))), names };
  }
  if (job.type === 'replies') {
    const files: RepliesOfFile[] = [];
    for (const f of job.files) {
      try {
        const got = readExplanationReplies(await gridOf(f));
        files.push(got.ok ? { source: f.name, ...got } : { source: f.name, ok: false, vi: `${f.name}: ${got.vi}`, en: `${f.name}: ${got.en}` });
      } catch (e) {
        files.push({ ok: false, ...unreadable(f, e) });
      }
    }
    return { type: 'replies', files };
  }
  const made: MadeRequest[] = [];
  const skipped: ({ source: string } & Bilingual)[] = [];
  for (const f of job.files) {
    try {
      const reading = readUnitWorkbook(await gridOf(f), { file: f.name });
      if (!reading.ok) {
        skipped.push({ source: f.name, vi: `${f.name}: không tìm thấy bảng chấm điểm.`, en: `${f.name}: no score table found.` });
        continue;
      }
      const r = requestFor(reading, f.name, job.options);
      if (!r.ok) skipped.push({ source: f.name, vi: r.vi, en: r.en });
      else made.push({ source: f.name, unit: r.unit, name: requestFileName(r.unit), count: r.diffs.length, bytes: specBytes(r.spec) });
    } catch (e) {
      skipped.push(unreadable(f, e));
    }
  }
  return { type: 'requests', made, skipped };
}
