/**
 * How the appraisal views reach the worker's jobs and hand a request to the officer: a
 * new workbook in Excel (ExcelApi 1.8), else a download named by unit (the preview, a
 * browser, an older Excel, with the reason said).
 */
import { localToday } from '../../core/clock';
import type { AppraisalJob, AppraisalOutcome } from '../../worker/appraisal';
import type { WorkbookService } from '../service';

export type RunJob = (job: AppraisalJob) => Promise<AppraisalOutcome>;

/** The real worker, loaded when first needed (tests pass runAppraisalJob itself). */
export const workerJob: RunJob = async (job) => (await import('./startWorker')).runInWorker(job);

/** The zip of a batch of requests, named as a single request is, by the local day it was made (dd-mm-yyyy). */
export function requestsZipName(now: Date = new Date()): string {
  return `yeu-cau-giai-trinh-${localToday(now).split('-').reverse().join('-')}.zip`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bytes offered as a download from the pane's own page: nothing leaves the machine. */
export function download(bytes: Uint8Array, name: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 'opened' as a new Excel workbook, or 'downloaded' (the host cannot create workbooks). */
export async function deliver(service: WorkbookService, bytes: Uint8Array, name: string): Promise<'opened' | 'downloaded'> {
  if (service.openWorkbook && service.supports('createWorkbook')) {
    await service.openWorkbook(bytes);
    return 'opened';
  }
  download(bytes, name);
  return 'downloaded';
}
