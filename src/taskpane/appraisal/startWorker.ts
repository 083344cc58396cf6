/**
 * Runs one appraisal job in its own Web Worker (webpack bundles src/worker/appraisal.worker.ts
 * as a chunk from this `new Worker(new URL(...))` form). Loaded on first use only.
 */
import type { AppraisalJob, AppraisalOutcome } from '../../worker/appraisal';

export function runInWorker(job: AppraisalJob): Promise<AppraisalOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../worker/appraisal.worker.ts', import.meta.url));
    worker.onmessage = (event: MessageEvent<AppraisalOutcome>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ type: 'failed', error: { vi: event.message, en: event.message } });
    };
    worker.postMessage(job);
  });
}
