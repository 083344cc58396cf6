/**
 * Reading unit workbooks on several cores: a few worker threads, each loading this module,
 * read files handed out one at a time (a large file does not hold up a whole share). The
 * results come back in input order, the same as reading the files one after another.
 *
 * The CLI runs TypeScript through tsx, so a worker registers tsx before loading this file.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { indexCriteriaSet } from '../core/criteriaSet';
import { readUnitFile, type FileResult, type ReadContext } from './consolidate';

/** Marks the workers this module starts (another worker that imports it stays passive). */
const ROLE = 'chiso-read-unit-files';

interface Job {
  at: number;
  path: string;
}

type Reply = { at: number; result: FileResult } | { at: number; error: string };

/**
 * Reads `files` with `jobs` workers. `onDone(i)` is called for each file in input order,
 * as soon as it and every file before it are read. Rejects on the first error a worker
 * throws (a bad file is a result, not an error), after stopping every worker.
 */
export async function readFilesPooled(files: readonly string[], ctx: ReadContext, jobs: number, onDone: (i: number) => void): Promise<FileResult[]> {
  const results: (FileResult | undefined)[] = new Array(files.length);
  const workers: Worker[] = [];
  let next = 0;
  let reported = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const give = (w: Worker) => {
        if (next >= files.length) {
          if (running === 0) resolve();
          return;
        }
        const job: Job = { at: next, path: files[next] };
        next++;
        running++;
        w.postMessage(job);
      };
      for (let k = 0; k < Math.min(jobs, files.length); k++) {
        const w = startWorker(ctx);
        workers.push(w);
        w.on('message', (reply: Reply) => {
          running--;
          if ('error' in reply) {
            reject(new Error(`${files[reply.at]}: ${reply.error}`));
            return;
          }
          results[reply.at] = reply.result;
          while (reported < files.length && results[reported] !== undefined) onDone(reported++);
          give(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
        });
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as FileResult[];
}

function startWorker(ctx: ReadContext): Worker {
  // An evaluated CommonJS entry: it registers tsx, as bin/chiso.js does, then loads this
  // module, which serves (below). exceljs is loaded first, from the cache's point of view
  // the same module: through tsx's hook its hundreds of files take twice as long to load.
  // Once compiled to .js this file loads as it is.
  const q = (id: string) => JSON.stringify(require.resolve(id));
  const load = __filename.endsWith('.ts') ? `require(${q('exceljs')});require(${q('tsx/cjs')});` : '';
  return new Worker(`${load}require(${JSON.stringify(__filename)});`, { eval: true, workerData: { role: ROLE, ctx } });
}

/** In a worker: index the sets once, then read each file the main thread sends. */
function serve(ctx: ReadContext): void {
  const port = parentPort;
  if (!port) return;
  const indexes = ctx.sets.map(indexCriteriaSet);
  port.on('message', (job: Job) => {
    readUnitFile(job.path, ctx, indexes).then(
      (result) => port.postMessage({ at: job.at, result } satisfies Reply),
      (e: unknown) => port.postMessage({ at: job.at, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Reply),
    );
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve((workerData as { ctx: ReadContext }).ctx);
