/**
 * @jest-environment jsdom
 *
 * The appraisal round trip in the pane over the strict stand-in (src/preview/standin), on
 * an appraised workbook made as .xlsx in code: the final appraisal recorded in the card
 * and refused when the row cannot take it, every appraisal change appended to the log
 * sheet (never rewritten), the explanation request downloaded by unit name, the replies
 * read back with each criterion leading to its card.
 */
import { Blob as NodeBlob } from 'node:buffer';
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import { createStandIn, type StandIn } from '../../src/preview/standin';
import { serviceOnStandIn } from './standinService';
import { LOG_SHEET, LOG_HEADERS } from '../../src/workbook/appraisalLog';
import { localSerial } from '../../src/core/clock';
import { REQUEST_SHEET } from '../../src/workbook/appraisal';
import { runAppraisalJob, type AppraisalJob } from '../../src/worker/appraisal';
import AppraisalView from '../../src/taskpane/appraisal/AppraisalView';
import { withAppraisalLog } from '../../src/taskpane/appraisal/loggedService';
import { readWorkbookBuffer } from '../../src/xlsx/buffer';
import { appraisedBytes } from '../workbook/appraisalFixture';
import { chooseFiles, byText, click, render, settle, type, waitFor, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const ROWS = {
  '1': { self: 1, appraised: 0, reason: 'Kế hoạch ban hành sau thời hạn' },
  '2': { self: 2, appraised: 1.5, reason: 'Báo cáo chưa nêu tỷ lệ hoàn thành' },
};

async function open(): Promise<{ standIn: StandIn; workbook: ExcelJS.Workbook; bytes: Buffer }> {
  const bytes = await appraisedBytes(ROWS);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { standIn: createStandIn(workbook), workbook, bytes };
}

const serviceOver = (standIn: StandIn) => serviceOnStandIn(standIn);

/** The log sheet's rows as the stand-in's workbook holds them. */
function logOf(workbook: ExcelJS.Workbook): unknown[][] {
  const ws = workbook.getWorksheet(LOG_SHEET);
  if (!ws) return [];
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) rows.push(LOG_HEADERS.map((_, i) => ws.getRow(r).getCell(i + 1).value ?? null));
  return rows;
}

async function card(c: HTMLElement, code: string): Promise<void> {
  await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull(), 50, 200);
  await type(c.querySelector('input[type="search"]'), code);
  await click(c.querySelector(`[role="treeitem"][data-code="${code}"]`));
  await waitFor(() => expect(c.querySelector<HTMLElement>('[data-card]')?.dataset.card).toBe(code), 50, 200);
}

describe('the final appraisal and the log, over the strict stand-in', () => {
  it('records the final score and reason, logs each change with its stage, appends and never rewrites', async () => {
    const { standIn, workbook } = await open();
    view = await render(<App service={serviceOver(standIn)} writeDelayMs={20} reloadDelayMs={20} />);
    const c = view.container;
    await card(c, '2');
    expect(c.querySelector('[data-final]')?.textContent).toContain('Thẩm định lần 2');
    await type(c.querySelector('[data-field="finalReason"]'), 'Đơn vị đã bổ sung báo cáo');
    await waitFor(() => expect(logOf(workbook)).toHaveLength(2), 50, 200);
    await type(c.querySelector('[data-field="finalScore"]'), '2');
    await waitFor(() => expect(logOf(workbook)).toHaveLength(3), 50, 200);
    const first = logOf(workbook);
    expect(first[0]).toEqual([...LOG_HEADERS]);
    expect(first.slice(1).map((r) => r.slice(1))).toEqual([
      ['2', 'thẩm định lần 2', 'Lý do thẩm định lần 2', null, 'Đơn vị đã bổ sung báo cáo', null, null],
      ['2', 'thẩm định lần 2', 'Điểm thẩm định lần 2', null, 2, 'Đơn vị đã bổ sung báo cáo', null],
    ]);
    // The time is a date cell (a serial of the local clock, to the minute) shown dd/mm/yyyy hh:mm.
    const log = workbook.getWorksheet(LOG_SHEET) as ExcelJS.Worksheet;
    expect(first[1][0]).toBeCloseTo(localSerial(), 1);
    expect(log.getCell('A2').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(log.getCell('A3').numFmt).toBe('dd/mm/yyyy hh:mm');

    // The first appraisal changed afterwards: one more row below, the earlier rows as they were.
    await card(c, '1');
    await type(c.querySelector('[data-field="appraisedScore"]'), '1');
    await waitFor(() => expect(logOf(workbook)).toHaveLength(4), 50, 200);
    const second = logOf(workbook);
    expect(second.slice(0, 3)).toEqual(first);
    expect(second[3].slice(1)).toEqual(['1', 'thẩm định lần 1', 'Điểm thẩm định', 0, 1, 'Kế hoạch ban hành sau thời hạn', null]);
    expect(log.getCell('A4').numFmt).toBe('dd/mm/yyyy hh:mm');

    // The sheet holds the final score; the reader returns it.
    const grid = await readWorkbookBuffer(new Uint8Array(await workbook.xlsx.writeBuffer()), 'after.xlsx');
    const { readUnitWorkbook } = await import('../../src/workbook/read');
    const r = readUnitWorkbook(grid);
    expect(r.ok && r.answers.find((a) => a.code === '2')).toMatchObject({ finalScore: 2, finalReason: 'Đơn vị đã bổ sung báo cáo' });
  });

  it('refuses a final score the row cannot take: nothing written, nothing logged', async () => {
    const { standIn, workbook } = await open();
    view = await render(<App service={serviceOver(standIn)} writeDelayMs={20} reloadDelayMs={20} />);
    const c = view.container;
    await card(c, '2');
    await type(c.querySelector('[data-field="finalScore"]'), '0,5');
    expect(c.querySelector('[data-final]')?.textContent).toMatch(/không thuộc các mức điểm của cách tính điểm/);
    expect(c.querySelector('[data-final]')?.textContent).toContain('Điểm thẩm định lần 2 này chưa được ghi vào bảng tính.');
    await settle(200);
    expect(logOf(workbook)).toEqual([]);
  });
});

/** jsdom's Blob has no arrayBuffer(): read it with FileReader. */
function blobBytes(b: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

describe('the Thẩm định tab', () => {
  const files = new Map<string, Uint8Array>();
  // jsdom's File has no arrayBuffer(): the job reads the bytes registered under the file's name.
  const runJob = (job: AppraisalJob) =>
    runAppraisalJob(job.type === 'bytes' ? job : ({ ...job, files: job.files.map((f) => ({ name: f.name, data: new NodeBlob([files.get(f.name) as Uint8Array]) as unknown as Blob })) } as AppraisalJob));

  it('downloads the request named by unit, reads a reply back, and leads from a criterion to its card', async () => {
    const { standIn, workbook } = await open();
    const service = withAppraisalLog(serviceOver(standIn));
    const downloads: { name: string; blob: Blob }[] = [];
    const urls = new Map<string, Blob>();
    URL.createObjectURL = (b: Blob) => {
      const u = `blob:${urls.size}`;
      urls.set(u, b);
      return u;
    };
    URL.revokeObjectURL = () => undefined;
    const clickLink = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, blob: urls.get(this.href) as Blob });
    });
    // React's act() warnings are printed through console.error: none may come (state updated outside the user's action).
    const consoleError = jest.spyOn(console, 'error');
    const loaded = await service.load();
    if (!loaded.ok) throw new Error('not read');
    const { buildModel } = await import('../../src/taskpane/model');
    const gone: string[] = [];
    view = await render(<AppraisalView model={buildModel(loaded.reading, loaded.findings)} service={service} onGo={(code) => gone.push(code)} announce={() => undefined} runJob={runJob} />);
    const c = view.container;
    expect(c.textContent).toContain('2 tiêu chí có điểm thẩm định khác điểm tự đánh giá.');
    await click(c.querySelector('[data-action="request-explanation"]'));
    await waitFor(() => expect(downloads).toHaveLength(1), 50, 200);
    expect(downloads[0].name).toBe('yeu-cau-giai-trinh-so-tu-phap.xlsx');
    expect(c.textContent).toContain('Đã tải xuống yeu-cau-giai-trinh-so-tu-phap.xlsx');

    // The unit answers criterion 2 only.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await blobBytes(downloads[0].blob));
    wb.getWorksheet(REQUEST_SHEET)!.getCell('I9').value = 'Báo cáo số 12/BC-STP đã nêu tỷ lệ 100%';
    wb.getWorksheet(REQUEST_SHEET)!.getCell('J9').value = 'https://stp.backan.gov.vn/bc-12';
    files.set('tra-loi-stp.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    // Chosen as a user does, inside act: the view's state changes as the file is taken.
    await chooseFiles(c.querySelector('[data-input="replies"]'), [new File(['x'], 'tra-loi-stp.xlsx')]);
    await waitFor(() => expect(c.querySelector('[data-reply="2"]')).not.toBeNull(), 50, 200);
    expect(c.querySelector('[data-reply="2"]')?.textContent).toContain('Báo cáo số 12/BC-STP đã nêu tỷ lệ 100%');
    expect(c.querySelector('[data-reply="2"]')?.textContent).toContain('https://stp.backan.gov.vn/bc-12');
    expect(c.querySelector('[data-unanswered]')?.textContent).toBe('Chưa giải trình: 1');
    await click(c.querySelector('[aria-label="Tiêu chí 2: mở để thẩm định lần 2"]'));
    expect(gone).toEqual(['2']);
    // The replies of the open unit go to its log on request.
    await click(byText(c, 'button', 'Ghi giải trình vào nhật ký'));
    await waitFor(() => expect(logOf(workbook).map((r) => r.slice(1))).toEqual([[...LOG_HEADERS].slice(1), ['2', 'giải trình', 'Giải trình của đơn vị', null, 'Báo cáo số 12/BC-STP đã nêu tỷ lệ 100%', null, 'https://stp.backan.gov.vn/bc-12']]), 50, 200);
    clickLink.mockRestore();
    expect(consoleError.mock.calls.map((args) => String(args[0])).filter((m) => m.includes('not wrapped in act'))).toEqual([]);
    consoleError.mockRestore();
  });
});
