/** @jest-environment jsdom */
import { App } from '../../src/taskpane/App';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { cellOf } from '../../src/workbook/read';
import { buildTemplate } from '../../src/workbook/template';
import { gridOfSpec } from '../workbook/grids';
import { MemoryService, getCell, sampleGrid, sampleSet } from './fixture';
import { byLabel, byText, click, render, settle, type, waitFor, type Rendered } from './render';

jest.useFakeTimers();

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

/** The sample template with the appraisal columns Sở Nội vụ fills. */
const appraisalGrid = () => gridOfSpec(buildTemplate(sampleSet(), { name: 'Sở Tư pháp', level: 'so' }, { withAppraisal: true }));

async function openAt(service: MemoryService, code: string): Promise<HTMLElement> {
  view = await render(<App service={service} />);
  const c = view.container;
  await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull());
  await type(c.querySelector('input[type="search"]'), code);
  await click(c.querySelector(`[role="treeitem"][data-code="${code}"]`));
  await waitFor(() => expect(c.querySelector<HTMLElement>('[data-card]')?.dataset.card).toBe(code));
  return c;
}

const appraisedInput = (c: HTMLElement) => c.querySelector('[data-field="appraisedScore"]');
const cellAt = (service: MemoryService, code: string, field: 'appraisedScore' | 'appraisalReason') =>
  cellOf(readUnitWorkbook(service.grid) as UnitReading, code, field as 'appraisedScore') as string;

describe('appraisal in the criterion card', () => {
  it('writes a valid appraised score and its reason like the other answers', async () => {
    const service = new MemoryService(appraisalGrid());
    const c = await openAt(service, '2');
    expect(c.querySelector('[data-appraisal]')?.textContent).toContain('Thẩm định');
    await type(appraisedInput(c), '1,5');
    await type(byLabel(c, 'Lý do thẩm định'), 'Báo cáo chưa nêu tỷ lệ hoàn thành kế hoạch');
    await settle(450);
    await waitFor(() => expect(service.writes).toHaveLength(1));
    expect(service.writes[0]).toEqual([{ code: '2', appraisedScore: 1.5, appraisalReason: 'Báo cáo chưa nêu tỷ lệ hoàn thành kế hoạch' }]);
    const reading = readUnitWorkbook(service.grid) as UnitReading;
    const answer = reading.answers.find((a) => a.code === '2');
    expect(answer?.appraisedScore).toBe(1.5);
    expect(answer?.appraisalReason).toBe('Báo cáo chưa nêu tỷ lệ hoàn thành kế hoạch');
  });

  it.each([
    ['above the maximum', '3', /vượt điểm tối đa 2/],
    ['not a level of the method', '0,5', /không thuộc các mức điểm của cách tính điểm/],
    ['not a number', 'hai', /không phải là số/],
    ['negative', '-1', /điểm âm/],
  ])('refuses a score %s with the Vietnamese reason, and writes nothing', async (_what, text, reason) => {
    const service = new MemoryService(appraisalGrid());
    const c = await openAt(service, '2');
    await type(appraisedInput(c), text);
    expect(c.querySelector('[data-appraisal]')?.textContent).toMatch(reason);
    expect(c.querySelector('[data-appraisal]')?.textContent).toContain('Điểm thẩm định này chưa được ghi vào bảng tính.');
    await settle(450);
    expect(service.writes).toHaveLength(0);
    expect(getCell(service.grid, cellAt(service, '2', 'appraisedScore'))).toBeNull();
  });

  it('asks for a reason when the appraised score differs from the self-score', async () => {
    const service = new MemoryService(appraisalGrid());
    const c = await openAt(service, '1');
    await click(byLabel(c, 'Có ban hành: 1 điểm'));
    await type(appraisedInput(c), '0');
    expect(byText(c, '[data-appraisal]', 'Ghi lý do khi điểm thẩm định khác điểm tự đánh giá.')).not.toBeNull();
    await type(appraisedInput(c), '1');
    expect(byText(c, '[data-appraisal]', 'Ghi lý do khi điểm thẩm định khác')).toBeNull();
  });

  it('is absent without the appraisal columns and on parent rows', async () => {
    const c = await openAt(new MemoryService(sampleGrid()), '2');
    expect(c.querySelector('[data-appraisal]')).toBeNull();
    await view?.unmount();
    const p = await openAt(new MemoryService(appraisalGrid()), 'I');
    expect(p.querySelector('[data-appraisal]')).toBeNull();
  });
});
