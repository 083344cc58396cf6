/**
 * Reading unit workbooks on several cores: a few worker threads, each loading this module,
 * read files handed out one at a time (a large file does not hold up a whole share). The
 * results come back in input order, the same as reading the files one after another.
 * A thread that dies on a file (out of memory, a crash in a parser) rejects that file
 * only: a new thread takes over the rest.
 *
 * The CLI runs TypeScript through tsx, so a worker registers tsx before loading this file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readContext, readerFailed, readSubmission, type ConsolidationInputs } from '../pipeline/consolidate';
import type { Source } from '../pipeline/criteria';
import type { SubmissionResult } from '../workbook/submission';

/** Marks the workers this module starts (another worker that imports it stays passive). */
const ROLE = 'chiso-read-unit-files';

/** Heap of one reading thread: a hostile file costs its thread, never the run. */
export const READER_MEMORY_MB = 1024;

interface Job {
  at: number;
  path: string;
}

type Reply = { at: number; result: SubmissionResult } | { at: number; error: string };

/** A file on disk as a pipeline source. */
/** Read in one call: fs/promises' readFile (open, stat, chunked reads, close, each a promise) cost more than reading a workbook's XML. */
export const fileSource = (path: string): Source => ({ name: basename(path), read: async () => readFileSync(path) });

export interface PoolOptions {
  jobs: number;
  /** Heap limit of each thread, in MB (default READER_MEMORY_MB). */
  memoryMb?: number;
}

/**
 * Reads `files` with `jobs` workers. `onDone(i)` is called for each file in input order,
 * as soon as it and every file before it are read. Never rejects for a file: a thread
 * that throws or dies leaves a FILE_UNREADABLE result for the file it was reading.
 */
export async function readFilesPooled(files: readonly string[], inputs: ConsolidationInputs, opts: PoolOptions, onDone: (i: number) => void): Promise<SubmissionResult[]> {
  const results: (SubmissionResult | undefined)[] = new Array(files.length);
  const live = new Set<Worker>();
  let next = 0;
  let reported = 0;
  try {
    await new Promise<void>((resolve) => {
      const settle = (at: number, result: SubmissionResult) => {
        if (results[at] !== undefined) return;
        results[at] = result;
        while (reported < files.length && results[reported] !== undefined) onDone(reported++);
        if (reported === files.length) resolve();
      };
      const start = () => {
        if (next >= files.length) return;
        const w = startWorker(inputs, opts.memoryMb ?? READER_MEMORY_MB);
        live.add(w);
        let current: number | undefined;
        const give = () => {
          if (next >= files.length) {
            current = undefined;
            return;
          }
          current = next++;
          w.postMessage({ at: current, path: files[current] } satisfies Job);
        };
        const died = (why: string) => {
          if (!live.delete(w)) return;
          const at = current;
          current = undefined;
          if (at !== undefined) {
            const oom = /OUT_OF_MEMORY|heap/i.test(why);
            settle(
              at,
              readerFailed(basename(files[at]), '', {
                vi: oom ? 'tệp cần quá nhiều bộ nhớ để đọc (có thể là tệp bị hỏng hoặc có vùng dữ liệu khổng lồ); hãy mở bằng Excel, xóa phần thừa, lưu lại rồi gửi lại' : `trình đọc dừng đột ngột khi đọc tệp (${why}); hãy mở bằng Excel, lưu lại rồi gửi lại`,
                en: oom ? 'the file needs too much memory to read (it may be damaged or hold a huge data range); open it in Excel, delete the excess, save it and send it again' : `the reader stopped while reading the file (${why}); open it in Excel, save it and send it again`,
              }),
            );
          }
          void w.terminate();
          start();
        };
        w.on('message', (reply: Reply) => {
          const at = reply.at;
          settle(at, 'error' in reply ? readerFailed(basename(files[at]), '', { vi: reply.error, en: reply.error }) : reply.result);
          give();
        });
        w.on('error', (e: Error & { code?: string }) => died(e.code ?? e.message));
        w.on('exit', (code) => died(`exit ${code}`));
        give();
      };
      if (files.length === 0) resolve();
      for (let k = 0; k < Math.min(opts.jobs, files.length); k++) start();
    });
  } finally {
    const stopping = [...live];
    live.clear();
    await Promise.all(stopping.map((w) => w.terminate()));
  }
  return results as SubmissionResult[];
}

function startWorker(inputs: ConsolidationInputs, memoryMb: number): Worker {
  // An evaluated CommonJS entry: it registers tsx, as bin/chiso.js does, then loads this
  // module, which serves (below). exceljs is loaded first, from the cache's point of view
  // the same module: through tsx's hook its hundreds of files take twice as long to load.
  // Once compiled to .js this file loads as it is.
  const q = (id: string) => JSON.stringify(require.resolve(id));
  const load = __filename.endsWith('.ts') ? `require(${q('exceljs')});require(${q('tsx/cjs')});` : '';
  return new Worker(`${load}require(${JSON.stringify(__filename)});`, {
    eval: true,
    workerData: { role: ROLE, inputs },
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
  });
}

/** In a worker: index the sets once, then read each file the main thread sends. */
function serve(inputs: ConsolidationInputs): void {
  const port = parentPort;
  if (!port) return;
  const ctx = readContext(inputs);
  port.on('message', (job: Job) => {
    // readSubmission does not throw for a bad file; a message here is a bug worth seeing whole.
    readSubmission(fileSource(job.path), ctx).then(
      (result) => port.postMessage({ at: job.at, result } satisfies Reply),
      (e: unknown) => port.postMessage({ at: job.at, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Reply),
    );
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve((workerData as { inputs: ConsolidationInputs }).inputs);
