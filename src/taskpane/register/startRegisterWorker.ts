/**
 * Starts the register worker: webpack 5 bundles src/worker/register.worker.ts (with the
 * .xlsx reader) as its own chunk from this `new Worker(new URL(...))` form. Imported only
 * when an .xlsx register is chosen, so tests and the pane's first chunk never load it.
 */
import type { RegisterWorker } from './registerFile';

export function startRegisterWorker(): RegisterWorker {
  return new Worker(new URL('../../worker/register.worker.ts', import.meta.url)) as unknown as RegisterWorker;
}
