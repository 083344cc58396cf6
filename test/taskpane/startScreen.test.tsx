/**
 * @jest-environment jsdom
 *
 * The start screen of a workbook with no score table, over the strict stand-in (tester's
 * F14): what to do next in plain words, the language switch, the official form created
 * from the bundled set of the chosen level (never over a sheet holding data), and the
 * column choice shown at once only where a sheet holds data (a hand-made table); the
 * sample fetched from beside the pane and opened as a new workbook.
 */
import ExcelJS from 'exceljs';
import { act } from 'react';
import { App } from '../../src/taskpane/App';
import { createStandIn } from '../../src/preview/standin';
import { MemoryService } from './fixture';
import { serviceOnStandIn } from './standinService';
import { byLabel, byText, click, render, type, waitFor, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

async function open(fill: (wb: ExcelJS.Workbook) => void = (wb) => void wb.addWorksheet('Sheet1')) {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  view = await render(<App service={serviceOnStandIn(createStandIn(workbook), { bundledReference: true })} writeDelayMs={20} reloadDelayMs={20} />);
  const c = view.container;
  await waitFor(() => expect(c.querySelector('[data-start]')).not.toBeNull(), 50, 200);
  return { c, workbook };
}

const select = async (el: HTMLElement | null, value: string) => {
  const s = el as HTMLSelectElement;
  await act(async () => {
    s.value = value;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
};

it('an empty workbook: three ways on, in plain words, and the language switch', async () => {
  const { c } = await open();
  const start = c.querySelector('[data-start]') as HTMLElement;
  expect(start.querySelector('h1')?.textContent).toBe('Sổ làm việc chưa có bảng tự chấm điểm');
  expect([...start.querySelectorAll('[data-choice] h2')].map((h) => h.textContent)).toEqual(['Tạo biểu mẫu tự chấm điểm', 'Xem bảng mẫu', 'Bảng tự lập: chọn cột']);
  // Nothing hand-made to map: the column choice waits behind its button.
  expect(c.querySelector('[data-column]')).toBeNull();
  await click(c.querySelector('[data-action="show-mapping"]'));
  expect(c.querySelector('[data-column]')).not.toBeNull();

  await click(c.querySelector('[data-action="switch-lang"]'));
  expect(start.querySelector('h1')?.textContent).toBe('This workbook has no self-scoring table yet');
  expect(c.querySelector('[data-action="create-form"]')?.textContent).toBe('Create the form');
  expect(c.querySelector('[data-action="switch-lang"]')?.textContent).toBe('Tiếng Việt');
});

it('creates the official form of the chosen level in the workbook, then shows it; a unit name is asked for first', async () => {
  const { c, workbook } = await open();
  await click(c.querySelector('[data-action="create-form"]'));
  expect(c.textContent).toContain('Nhập tên đơn vị để ghi vào biểu mẫu.');
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Sheet1']);

  await select(byLabel(c, 'Cấp'), 'huyen');
  await type(byLabel(c, 'Tên đơn vị'), 'UBND huyện Ba Bể');
  await click(c.querySelector('[data-action="create-form"]'));
  await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull(), 50, 200);
  expect(c.querySelector('header h1')?.textContent).toBe('UBND huyện Ba Bể');
  expect(c.querySelector('header')?.textContent).toContain('UBND cấp huyện');
  expect(workbook.worksheets[0].name).toBe('Sheet1');
  expect(workbook.worksheets.length).toBeGreaterThan(1);
});

it('a hand-made sheet: the column choice is shown at once; a sheet of the form’s name holding data is never replaced', async () => {
  const first = await open((wb) => void wb.addWorksheet('Sheet1'));
  await type(byLabel(first.c, 'Tên đơn vị'), 'Sở Tư pháp');
  await click(first.c.querySelector('[data-action="create-form"]'));
  await waitFor(() => expect(first.c.querySelector('[role="tree"]')).not.toBeNull(), 50, 200);
  const formSheet = first.workbook.worksheets[1].name;
  await view?.unmount();

  const { c, workbook } = await open((wb) => {
    const ws = wb.addWorksheet(formSheet);
    ws.getCell('A1').value = 'Bảng tự lập của đơn vị';
    ws.getCell('B2').value = 'Tiêu chí';
  });
  expect(c.querySelector('[data-column]')).not.toBeNull();
  await type(byLabel(c, 'Tên đơn vị'), 'Sở Tư pháp');
  await click(c.querySelector('[data-action="create-form"]'));
  await waitFor(() => expect(c.querySelector('[data-start-outcome]')?.textContent).toContain(`Sổ làm việc đã có trang "${formSheet}" chứa dữ liệu`), 50, 200);
  expect(workbook.worksheets.map((w) => w.name)).toEqual([formSheet]);
  expect(workbook.getWorksheet(formSheet)?.getCell('A1').value).toBe('Bảng tự lập của đơn vị');
  expect(byText(c, 'button', 'Chọn cột')).toBeNull();
});

describe('"Mở bảng mẫu"', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('opens the sample served next to the pane as a new workbook, or says why it could not', async () => {
    const opened: Uint8Array[] = [];
    const requested: string[] = [];
    let status = 200;
    globalThis.fetch = (async (url: string) => {
      requested.push(url);
      return { ok: status === 200, status, arrayBuffer: async () => new Uint8Array([80, 75, 3, 4]).buffer } as Response;
    }) as typeof fetch;
    const service = new MemoryService({ sheets: [{ name: 'Sheet1', values: [] }] });
    (service as unknown as { openWorkbook(bytes: Uint8Array): Promise<void> }).openWorkbook = async (bytes) => void opened.push(bytes);
    view = await render(<App service={service} />);
    const c = view.container;
    await waitFor(() => expect(c.querySelector('[data-start]')).not.toBeNull(), 50, 200);

    await click(c.querySelector('[data-action="open-sample"]'));
    await waitFor(() => expect(c.querySelector('[data-start-outcome]')?.textContent).toBe('Đã mở bảng mẫu so-tu-phap-2024.xlsx trong một sổ làm việc mới.'));
    expect(requested).toEqual(['samples/so-tu-phap-2024.xlsx']);
    expect(opened.map((b) => [...b])).toEqual([[80, 75, 3, 4]]);

    status = 404;
    await click(c.querySelector('[data-action="open-sample"]'));
    await waitFor(() => expect(c.querySelector('[data-start-outcome]')?.textContent).toContain('Không tải được bảng mẫu (HTTP 404).'));
    expect(opened).toHaveLength(1);
    expect(service.sheetWrites).toEqual([]);
  });
});
