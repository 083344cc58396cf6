/**
 * @jest-environment jsdom
 *
 * Tester's F2 in the pane: a hand-made sheet whose evidence column has a header no wording
 * knows. The criterion card says so right where the evidence goes and offers "Chọn cột";
 * the choice is recorded in the metadata sheet and the column is read from then on.
 */
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import { createStandIn } from '../../src/preview/standin';
import { METADATA_SHEET } from '../../src/workbook/metadata';
import { HAND_HEADERS, handmadeWorkbook } from '../handmade/handmade';
import { serviceOnStandIn } from './standinService';
import { click, render, type, waitFor, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

it('"Chọn cột" in the card records the column and the card then edits the evidence there', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await handmadeWorkbook({ headers: { ...HAND_HEADERS, evidence: 'Văn bản đính kèm' } })) as unknown as ArrayBuffer);
  const service = serviceOnStandIn(createStandIn(wb), { today: '2025-01-15' });
  const first = await service.load();
  expect(first.ok && first.reading.layout.columns.evidence).toBe(undefined);
  expect(first.ok && first.spareColumns).toEqual([{ column: 4, header: 'Văn bản đính kèm' }]);

  view = await render(<App service={service} />);
  const c = view.container;
  await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull(), 50, 200);
  await type(c.querySelector('input[type="search"]'), '1.1');
  await click(c.querySelector('[role="treeitem"][data-code="1.1"]'));
  await waitFor(() => expect(c.querySelector<HTMLElement>('[data-card]')?.dataset.card).toBe('1.1'), 50, 200);
  const offer = c.querySelector('[data-choose-column="evidence"]');
  expect(offer?.textContent).toContain('Không tìm thấy cột "Tài liệu kiểm chứng" trong bảng tính.');
  await click(offer?.querySelector('[data-action="choose-column"]') ?? null);
  expect(c.querySelector('[data-choose-column="evidence"] select')?.textContent).toBe('Cột E: Văn bản đính kèm');
  await click(c.querySelector('[data-action="use-column"]'));
  await waitFor(() => expect(c.querySelector('[data-choose-column="evidence"]')).toBeNull(), 50, 200);

  const meta = wb.getWorksheet(METADATA_SHEET);
  expect(meta?.state).toBe('veryHidden');
  const again = await service.load();
  expect(again.ok && again.reading.layout.columns.evidence).toBe(4);
  expect(again.ok && again.reading.answers.find((a) => a.code === '1.1')?.evidence).toContain('210/KH-STP');
});
