/**
 * The consolidation worker: parses the units' workbooks off the pane's main thread and
 * posts progress, then the output. The pane cancels by terminating it.
 */
import { InputError } from '../pipeline/consolidate';
import { runRequest } from './consolidation';
import type { ConsolidateRequest, WorkerMessage } from './protocol';

const post = (m: WorkerMessage) => (self as unknown as { postMessage(m: WorkerMessage): void }).postMessage(m);

self.onmessage = async (event: MessageEvent<ConsolidateRequest>) => {
  try {
    post(await runRequest(event.data, (n, total, name) => post({ type: 'progress', n, total, name })));
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    post({ type: 'failed', error: e instanceof InputError ? e.text : { vi: text, en: text } });
  }
};
