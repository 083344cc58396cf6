/**
 * The appraisal jobs of the pane's worker, free of any worker API so node tests drive them
 * on real .xlsx bytes: the explanation requests for the unit workbooks an officer picks
 * (through src/workbook/appraisal.ts, as `chiso request-explanation` makes them), a
 * request spec turned into .xlsx bytes, and the replies read back from filled requests.
 */
import type { Bilingual } from '../pipeline/consolidate';
import { readExplanationReplies, requestFileName, requestFor, type ExplanationReply, type RequestOptions } from '../workbook/appraisal';
import { readUnitWorkbook } from '../workbook/read';
import type { WorkbookSpec } from '../workbook/spec';
import { readWorkbookBuffer } from '../xlsx/buffer';
import { FileUnreadableError } from '../xlsx/errors';
import { streamSpecToBuffer } from '../xlsx/streamWrite';
import type { FileInput } from './protocol';

export type AppraisalJob =
  | { type: 'requests'; files: FileInput[]; options: RequestOptions }
  | { type: 'bytes'; spec: WorkbookSpec }
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
  | { type: 'replies'; files: RepliesOfFile[] }
  | { type: 'failed'; error: Bilingual };

/** The .xlsx bytes of a spec, written as the CLI's summaries are (no node API). */
export function specBytes(spec: WorkbookSpec): Uint8Array {
  const b = streamSpecToBuffer(spec);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
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
