/**
 * @jest-environment jsdom
 *
 * "Tải tất cả" in the consolidation mode's requests (AppraisalForFiles), on real appraised
 * .xlsx made in code: offered once two or more requests are made, the zip made by the
 * worker's job from the requests' bytes, downloaded by the batch's day and announced; in
 * English the same; a failed zip job said, nothing downloaded.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { unzipSync } from 'fflate';
import AppraisalForFiles from '../../src/taskpane/appraisal/ForFiles';
import { requestsZipName } from '../../src/taskpane/appraisal/jobs';
import { I18nContext, makeI18n } from '../../src/taskpane/i18n';
import type { Lang } from '../../src/core/format';
import { runAppraisalJob, type AppraisalJob, type AppraisalOutcome } from '../../src/worker/appraisal';
import { appraisedBytes } from '../workbook/appraisalFixture';
import { MemoryService, sampleGrid } from './fixture';
import { byText, click, render, waitFor, type Rendered } from './render';

let view: Rendered | undefined;
const downloads: { name: string; blob: Blob }[] = [];
const urls = new Map<string, Blob>();
let clickLink: jest.SpyInstance;

beforeEach(() => {
  downloads.length = 0;
  URL.createObjectURL = (b: Blob) => {
    const u = `blob:${urls.size}`;
    urls.set(u, b);
    return u;
  };
  URL.revokeObjectURL = () => undefined;
  clickLink = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: urls.get(this.href) as Blob });
  });
});

afterEach(async () => {
  clickLink.mockRestore();
  await view?.unmount();
  view = undefined;
});

const DIFFERS = { '1': { self: 1, appraised: 0, reason: 'Ban hành muộn' } };

function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

/** The pane over the units' files; jobs run in-process (jsdom's File has no arrayBuffer(): the bytes go by name). */
async function paneFor(units: string[], opts: { lang?: Lang; zip?: (job: AppraisalJob) => Promise<AppraisalOutcome> } = {}) {
  const bytes = new Map<string, Uint8Array>();
  for (const [i, unit] of units.entries()) bytes.set(`don-vi-${i}.xlsx`, await appraisedBytes(DIFFERS, undefined, unit));
  const jobs: AppraisalJob[] = [];
  const runJob = (job: AppraisalJob) => {
    jobs.push(job);
    if (job.type === 'zip' && opts.zip) return opts.zip(job);
    return runAppraisalJob(job.type === 'requests' ? { ...job, files: job.files.map((f) => ({ name: f.name, data: new NodeBlob([bytes.get(f.name) as Uint8Array]) as unknown as Blob })) } : job);
  };
  const files = [...bytes.keys()].map((name) => new File(['x'], name));
  view = await render(
    <I18nContext.Provider value={makeI18n(opts.lang ?? 'vi')}>
      <AppraisalForFiles files={files} service={new MemoryService(sampleGrid())} runJob={runJob} />
    </I18nContext.Provider>,
  );
  const c = view.container;
  await click(c.querySelector('[data-action="request-files"]'));
  await waitFor(() => expect(c.querySelectorAll('[data-made]')).toHaveLength(units.length), 50, 200);
  return { c, jobs };
}

describe('Tải tất cả', () => {
  it('zips the requests made in the worker\'s job, downloads the zip named by the day, announces it', async () => {
    const { c, jobs } = await paneFor(['Sở Tư pháp', 'Sở Y tế']);
    const made = jobs.length;
    await click(byText(c, 'button', 'Tải tất cả (2 tệp, .zip)'));
    await waitFor(() => expect(downloads).toHaveLength(1), 50, 200);
    const zipJob = jobs[made];
    expect(zipJob.type === 'zip' && zipJob.files.map((f) => f.name)).toEqual(['yeu-cau-giai-trinh-so-tu-phap.xlsx', 'yeu-cau-giai-trinh-so-y-te.xlsx']);
    expect(downloads[0].name).toBe(requestsZipName());
    expect(downloads[0].blob.type).toBe('application/zip');
    const entries = unzipSync(await blobBytes(downloads[0].blob));
    expect(Object.keys(entries)).toEqual(['yeu-cau-giai-trinh-so-tu-phap.xlsx', 'yeu-cau-giai-trinh-so-y-te.xlsx']);
    if (zipJob.type === 'zip') expect(Buffer.from(entries['yeu-cau-giai-trinh-so-y-te.xlsx']).equals(Buffer.from(zipJob.files[1].bytes))).toBe(true);
    const said = `Đã tải xuống ${requestsZipName()} gồm 2 tệp yêu cầu giải trình: giải nén rồi gửi mỗi tệp cho đơn vị có tên trong tệp.`;
    expect(c.querySelector('[data-appraisal-files] > [role="status"]')?.textContent).toBe(said);
  });

  it('speaks English in English, and is not offered for a single request', async () => {
    const { c } = await paneFor(['Sở Tư pháp', 'Sở Y tế', 'Sở Nội vụ'], { lang: 'en' });
    await click(byText(c, 'button', 'Download all (3 files, .zip)'));
    await waitFor(() => expect(c.querySelector('[data-appraisal-files] > [role="status"]')?.textContent).toBe(`${requestsZipName()} downloaded with 3 request workbooks: unzip it and send each file to the unit named in it.`), 50, 200);
    await view?.unmount();
    const one = await paneFor(['Sở Tư pháp']);
    expect(one.c.querySelector('[data-action="request-zip"]')).toBeNull();
  });

  it('says a failed zip and downloads nothing', async () => {
    const { c } = await paneFor(['Sở Tư pháp', 'Sở Y tế'], { zip: async () => ({ type: 'failed', error: { vi: 'hết bộ nhớ', en: 'out of memory' } }) });
    await click(c.querySelector('[data-action="request-zip"]'));
    await waitFor(() => expect(c.textContent).toContain('Không tạo hoặc đọc được tệp: hết bộ nhớ'), 50, 200);
    expect(downloads).toEqual([]);
  });
});
