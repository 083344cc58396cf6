/** @jest-environment jsdom */
/**
 * Tester F6: the "Tổng cộng" row's TOTAL_MISMATCH has no criterion. In the pane's
 * "Phát hiện" tab it names its row and offers "Đến ô" to its cell, as the CLI names
 * Sheet!D21; a hand-made workbook (real .xlsx) over the Excel stand-in.
 */
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import { createStandIn } from '../../src/preview/standin';
import { handmadeWorkbook } from '../handmade/handmade';
import { serviceOnStandIn } from './standinService';
import { byText, click, render, settle, waitFor, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

it('the typed "Tổng cộng" row that disagrees is named by its row and goes to its cell', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await handmadeWorkbook()) as unknown as ArrayBuffer);
  const ws = workbook.worksheets.find((w) => w.getCell('B21').value === 'TỔNG CỘNG') as ExcelJS.Worksheet;
  expect(ws.getCell('D21').value).toBe(7);
  ws.getCell('D21').value = 0;
  const standIn = createStandIn(workbook);
  view = await render(<App service={serviceOnStandIn(standIn)} />);
  const c = view.container;
  await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull(), 50, 200);
  await click(byText(c, 'button[role="tab"]', 'Phát hiện'));
  await waitFor(() => expect(c.querySelector('[role="region"] li[data-finding="TOTAL_MISMATCH"]')).not.toBeNull(), 50, 200);
  const item = c.querySelector('[role="region"] li[data-finding="TOTAL_MISMATCH"]') as HTMLElement;
  expect(item.textContent).toContain('Tổng điểm 0 của dòng 21 khác tổng điểm các tiêu chí con (7).');
  const go = item.querySelector('button');
  expect(go?.textContent).toBe('Đến ô D21');
  await click(go ?? null);
  await settle(50);
  expect(standIn.selection).toEqual({ sheet: ws.name, address: 'D21' });
});
