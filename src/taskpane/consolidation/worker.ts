/** What the consolidation mode needs of a Web Worker: a fake one stands in for it in tests. */
import type { ConsolidateRequest, WorkerMessage } from '../../worker/protocol';

export interface ConsolidationWorker {
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  /** The worker's script failed (did not load, or threw outside a run). */
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(request: ConsolidateRequest): void;
  terminate(): void;
}

export type StartWorker = () => ConsolidationWorker;
