/**
 * @jest-environment jsdom
 *
 * The start screen of a workbook with no score table, over the strict stand-in (tester's
 * F14): what to do next in plain words, the language switch, the official form created
 * from the bundled set of the chosen level (never over a sheet holding data), and the
 * column choice shown at once only where a sheet holds data (a hand-made table).
 */
import ExcelJS from 'exceljs';
import { act } from 'react';
import { App } from '../../src/taskpane/App';
import { createStandIn } from '../../src/preview/standin';
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
