/**
 * The consolidation worker: parses the units' workbooks off the pane's main thread and
 * posts progress, then the output sheets. The pane cancels by terminating it.
 */
import { consolidateSources, InputError, parseInputs } from './consolidation';
import type { ConsolidateRequest, WorkerMessage } from './protocol';

const post = (m: WorkerMessage) => (self as unknown as { postMessage(m: WorkerMessage): void }).postMessage(m);

self.onmessage = async (event: MessageEvent<ConsolidateRequest>) => {
  const req = event.data;
  try {
    const inputs = parseInputs(req);
    const files = req.files.map((f) => ({ name: f.name, read: async () => new Uint8Array(await f.data.arrayBuffer()) }));
    const { sheets, report } = await consolidateSources(files, inputs, (n, total, name) => post({ type: 'progress', n, total, name }));
    post({ type: 'done', sheets, report });
  } catch (e) {
    const error = e instanceof InputError ? e.text : { vi: e instanceof Error ? e.message : String(e), en: e instanceof Error ? e.message : String(e) };
    post({ type: 'failed', error });
  }
};
