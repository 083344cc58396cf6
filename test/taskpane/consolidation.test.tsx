/** @jest-environment jsdom */
import { act } from 'react';
import { App } from '../../src/taskpane/App';
import { ConsolidationMode } from '../../src/taskpane/consolidation/ConsolidationMode';
import type { ConsolidationWorker } from '../../src/taskpane/consolidation/worker';
import type { ConsolidateReport, ConsolidateRequest, WorkerMessage } from '../../src/worker/protocol';
import { SUMMARY_SHEET } from '../../src/workbook/summary';
import { MemoryService, TODAY, sampleGrid, sampleSet } from './fixture';
import { byText, click, render, waitFor, type Rendered } from './render';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

// jsdom's Blob has no text(); every Office host's browser has.
Blob.prototype.text ??= function (this: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(this);
  });
};

/** The worker boundary: records what the pane posts, and lets the test answer as the worker would. */
class FakeWorker implements ConsolidationWorker {
  onmessage: ConsolidationWorker['onmessage'] = null;
  onerror: ConsolidationWorker['onerror'] = null;
  requests: ConsolidateRequest[] = [];
  terminated = false;
  postMessage(request: ConsolidateRequest): void {
    this.requests.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  async send(m: WorkerMessage): Promise<void> {
    await act(async () => this.onmessage?.({ data: m }));
  }
}

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const xlsx = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

async function choose(input: Element | null, files: File[]): Promise<void> {
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function mode(service = new MemoryService(sampleGrid())) {
  const workers: FakeWorker[] = [];
  const closed = jest.fn();
  view = await render(
    <ConsolidationMode
      service={service}
      openSet={sampleSet()}
      today={TODAY}
      onClose={closed}
      startWorker={() => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      }}
    />,
  );
  return { c: view.container, service, workers, closed };
}

const REPORT: ConsolidateReport = {
  ranked: 2,
  rejected: [{ file: '999-tep-hong.xlsx', reasons: [{ vi: 'Tệp 999-tep-hong.xlsx bị hỏng, không đọc được.', en: 'File 999-tep-hong.xlsx is corrupt.' }] }],
  duplicates: [{ unit: 'Sở Tư pháp', files: ['001-so-tu-phap.xlsx', '001-so-tu-phap-ban-sua.xlsx'] }],
  missing: ['UBND huyện Ba Bể'],
  inputProblems: [],
  sets: [],
};
const JSON_OUT = { units: [], rejected: [], duplicates: [], missing: [] };
const PRINT = { name: 'Báo cáo tổng hợp', values: [['BÁO CÁO']] };

describe('Tổng hợp', () => {
  it('sends the chosen files and the open workbook’s criteria to the worker, shows progress, then writes the sheets and the problems', async () => {
    const { c, service, workers } = await mode();
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('001-so-tu-phap.xlsx'), xlsx('002-so-noi-vu.xlsx'), new File(['x'], 'ghi-chu.txt')]);
    expect(c.querySelector('[data-chosen]')?.textContent).toBe('2 tệp đã chọn');
    await click(c.querySelector('[data-action="consolidate"]'));
    expect(workers).toHaveLength(1);
    const req = workers[0].requests[0];
    expect(req.files.map((f) => f.name)).toEqual(['001-so-tu-phap.xlsx', '002-so-noi-vu.xlsx']);
    expect(req.criteria).toEqual({ kind: 'sets', sets: [expect.objectContaining({ id: 'mau-test-2024' })] });
    expect(req.today).toBe(TODAY);

    await workers[0].send({ type: 'progress', n: 2, total: 2, name: '002-so-noi-vu.xlsx' });
    expect(c.querySelector('[role="progressbar"]')).not.toBeNull();
    expect(byText(c, '[role="status"]', 'Tệp 2/2')?.textContent).toBe('Tệp 2/2: 002-so-noi-vu.xlsx');

    const sheets = [{ name: SUMMARY_SHEET, values: [['TỔNG HỢP']] }, { name: 'Nhật ký kiểm tra', values: [['NHẬT KÝ']] }];
    await workers[0].send({ type: 'done', sheets, json: JSON_OUT, report: REPORT, print: PRINT });
    await waitFor(() => expect(c.querySelector('[data-results]')).not.toBeNull());
    expect(workers[0].terminated).toBe(true);
    expect(service.sheetWrites).toEqual([{ sheets, show: SUMMARY_SHEET }]);
    expect(c.querySelector('[data-rejected]')?.textContent).toContain('bị hỏng, không đọc được');
    expect(c.querySelector('[data-duplicates]')?.textContent).toContain('Sở Tư pháp: 001-so-tu-phap.xlsx, 001-so-tu-phap-ban-sua.xlsx');
    expect(c.querySelector('[data-missing]')?.textContent).toContain('UBND huyện Ba Bể');
    expect(c.querySelector('[data-results]')?.textContent).toContain('Đã xếp hạng 2 đơn vị.');
  });

  it('Hủy terminates the worker and writes nothing, even if a late message arrives', async () => {
    const { c, service, workers } = await mode();
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('a.xlsx')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    await workers[0].send({ type: 'progress', n: 1, total: 1, name: 'a.xlsx' });
    await click(c.querySelector('[data-action="cancel"]'));
    expect(workers[0].terminated).toBe(true);
    expect(c.textContent).toContain('Đã hủy. Sổ làm việc không bị thay đổi.');
    await workers[0].send({ type: 'done', sheets: [{ name: SUMMARY_SHEET, values: [] }], json: JSON_OUT, report: REPORT, print: PRINT });
    expect(service.sheetWrites).toHaveLength(0);
    expect(c.querySelector('[data-action="cancel"]')).toBeNull();
  });

  it('takes dropped workbooks, and passes chosen criteria files to the worker', async () => {
    const { c, workers } = await mode();
    const drop = c.querySelector('[data-drop]') as HTMLElement;
    await act(async () => {
      const e = new Event('drop', { bubbles: true }) as Event & { dataTransfer: unknown };
      e.dataTransfer = { files: [xlsx('xa-1.xlsx'), xlsx('xa-2.xlsx')] };
      drop.dispatchEvent(e);
    });
    expect(c.querySelector('[data-chosen]')?.textContent).toBe('2 tệp đã chọn');
    await click(byText(c, 'label', 'Tệp bộ tiêu chí (.json)'));
    const json = JSON.stringify(sampleSet());
    await choose(c.querySelector('input[type="file"][accept^=".json"][multiple]'), [new File([json], 'bo-tieu-chi.json')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    await waitFor(() => expect(workers).toHaveLength(1));
    expect(workers[0].requests[0].criteria).toEqual({ kind: 'files', files: [{ name: 'bo-tieu-chi.json', data: expect.any(File) }] });
  });

  it('says what is missing instead of starting', async () => {
    const { c, workers } = await mode();
    await click(c.querySelector('[data-action="consolidate"]'));
    expect(c.textContent).toContain('Chưa chọn tệp nào.');
    expect(workers).toHaveLength(0);
  });

  it('shows the worker’s failure in Vietnamese', async () => {
    const { c, workers, service } = await mode();
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('a.xlsx')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    await workers[0].send({ type: 'failed', error: { vi: 'Danh sách đơn vị dv.json không hợp lệ.', en: 'Invalid unit list.' } });
    expect(c.textContent).toContain('Chưa tổng hợp được: Danh sách đơn vị dv.json không hợp lệ.');
    expect(service.sheetWrites).toHaveLength(0);
  });
});

describe('the mode in the pane', () => {
  it('opens from the toolbar (loaded on demand) and goes back to the form', async () => {
    view = await render(<App service={new MemoryService(sampleGrid())} />);
    const c = view.container;
    await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull());
    await click(c.querySelector('[data-action="open-consolidate"]'));
    await waitFor(() => expect(c.querySelector('[data-mode="consolidate"]')).not.toBeNull());
    expect(c.querySelector('[role="tree"]')).toBeNull();
    await click(byText(c, 'button', 'Quay lại bảng chấm điểm'));
    await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull());
  });
});
