/**
 * Starts the consolidation worker: webpack 5 bundles src/worker/consolidate.worker.ts (with
 * exceljs) as its own chunk from this `new Worker(new URL(...))` form. Loaded only when a
 * run starts, so tests (and the first chunk) never touch it.
 */
import type { ConsolidationWorker } from './worker';

export function startConsolidationWorker(): ConsolidationWorker {
  return new Worker(new URL('../../worker/consolidate.worker.ts', import.meta.url)) as unknown as ConsolidationWorker;
}
