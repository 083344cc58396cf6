/** The appraisal worker: request workbooks and replies read off the pane's main thread (./appraisal.ts). */
import { runAppraisalJob, type AppraisalJob, type AppraisalOutcome } from './appraisal';

const post = (m: AppraisalOutcome) => (self as unknown as { postMessage(m: AppraisalOutcome): void }).postMessage(m);

self.onmessage = async (event: MessageEvent<AppraisalJob>) => {
  try {
    post(await runAppraisalJob(event.data));
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    post({ type: 'failed', error: { vi: text, en: text } });
  }
};
