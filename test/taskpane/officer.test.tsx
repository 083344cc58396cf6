/** @jest-environment jsdom */
/**
 * What a unit officer needs beyond the form (issue 12): "Không áp dụng" where the set
 * allows it, the save state, undo of the pane's own last write, a failed write that
 * keeps the typed value, help, the target gap and English plurals.
 */
import { App } from '../../src/taskpane/App';
import type { CriteriaSet, CriterionNode } from '../../src/core/criteria';
import { MemoryService, cellFor, getCell, sampleGrid, sampleSet } from './fixture';
import { byLabel, byText, click, render, settle, type, waitFor, type Rendered } from './render';

jest.useFakeTimers();

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

/** The sample set as the bundled reference: "Không áp dụng" allowed on criterion 2 only. */
function referenceSet(): CriteriaSet {
  const set = sampleSet();
  const flag = (n: CriterionNode): CriterionNode => ({ ...n, ...(n.code === '2' ? { notApplicableAllowed: true } : {}), ...(n.children ? { children: n.children.map(flag) } : {}) });
  return { ...set, fields: set.fields.map(flag) };
}

async function open(service = new MemoryService(sampleGrid())): Promise<{ c: HTMLElement; service: MemoryService }> {
  view = await render(<App service={service} />);
  await waitFor(() => expect(view?.container.querySelector('[role="tree"]')).not.toBeNull());
  return { c: view.container, service };
}

const item = (c: HTMLElement, code: string) => c.querySelector<HTMLElement>(`[role="treeitem"][data-code="${code}"]`);
const card = (c: HTMLElement) => c.querySelector<HTMLElement>('[data-card]');
const progress = (c: HTMLElement) => c.querySelector('[data-progress]')?.textContent ?? '';

async function choose(c: HTMLElement, code: string) {
  await click(byText(c, 'button', 'Việc tiếp theo'));
  if (!item(c, code)) {
    for (const field of c.querySelectorAll('[role="treeitem"][aria-expanded="false"]')) await click(field.querySelector('[aria-hidden]'));
  }
  await click(item(c, code));
  await waitFor(() => expect(card(c)?.dataset.card).toBe(code));
}

describe('"Không áp dụng"', () => {
  it('is offered exactly where the reference set allows it, with its reason, and validator and totals agree', async () => {
    const service = new MemoryService(sampleGrid());
    service.reference = referenceSet();
    const { c } = await open(service);
    await choose(c, '1');
    expect(byLabel(c, 'Không áp dụng')).toBeNull();
    await choose(c, '2');
    expect(progress(c)).toContain('Điểm: 0/9');
    await click(byLabel(c, 'Không áp dụng'));
    // The reason is the explanation, required and marked invalid until given.
    const reason = byLabel(c, /Lý do không áp dụng/) as HTMLTextAreaElement;
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(card(c)?.textContent).toContain('Ghi lý do không áp dụng.');
    expect(card(c)?.querySelector('input[data-field="selfScore"]')).toBeNull();
    await type(reason, 'Năm 2024 đơn vị không được giao kế hoạch');
    expect(reason.getAttribute('aria-invalid')).not.toBe('true');
    // Totals: the row leaves the maximum (9 - 2); validation: no NOT_APPLICABLE_NOT_ALLOWED, not a row to do.
    expect(progress(c)).toContain('Điểm: 0/7');
    expect(item(c, '2')?.dataset.status).toBe('done');
    await settle(450);
    await waitFor(() => expect(service.writes.flat()).toContainEqual({ code: '2', declared: 'Không áp dụng', selfScore: null, explanation: 'Năm 2024 đơn vị không được giao kế hoạch' }));
    await waitFor(() => expect(c.textContent).not.toContain('không cho phép'));
    expect(getCell(service.grid, cellFor(service.grid, '2', 'declared'))).toBe('Không áp dụng');
  });
});

describe('saving and undo', () => {
  it('says when and where it wrote, and "Hoàn tác" puts the previous values back', async () => {
    const { c, service } = await open();
    await choose(c, '1');
    await click(byLabel(c, 'Có ban hành: 1 điểm'));
    await type(byLabel(c, 'Giải trình'), 'Kế hoạch đang trình ký');
    await settle(450);
    const scoreCell = cellFor(service.grid, '1', 'selfScore');
    const explanationCell = cellFor(service.grid, '1', 'explanation');
    await waitFor(() => expect(c.querySelector('[data-save="saved"]')?.textContent).toMatch(new RegExp(`^Đã ghi vào bảng tính lúc \\d\\d:\\d\\d \\(${scoreCell}, ${explanationCell}\\)\\.`)));
    expect(getCell(service.grid, scoreCell)).toBe(1);
    expect(progress(c)).toContain('1/4 dòng đã chấm');
    await click(c.querySelector('[data-action="undo"]'));
    await waitFor(() => expect(c.querySelector('[data-save="undone"]')).not.toBeNull());
    expect(service.writes[service.writes.length - 1]).toEqual([{ code: '1', selfScore: null, explanation: '' }]);
    expect(getCell(service.grid, scoreCell)).toBeNull();
    expect(progress(c)).toContain('0/4 dòng đã chấm');
    // The card shows the sheet again, and there is nothing more to undo.
    expect((card(c)?.querySelector('input[data-field="selfScore"]') as HTMLInputElement).value).toBe('');
    expect(c.querySelector('[data-action="undo"]')).toBeNull();
  });

  it('a failed write says so, keeps the typed value, and "Thử ghi lại" writes it', async () => {
    const { c, service } = await open();
    await choose(c, '1');
    service.failNextWrite = new Error('Mất kết nối với Excel');
    await type(byLabel(c, 'Giải trình'), 'Bổ sung sau');
    await settle(450);
    await waitFor(() => expect(c.querySelector('[data-save="failed"]')?.textContent).toContain('Chưa ghi được vào bảng tính: Mất kết nối với Excel'));
    expect((byLabel(c, 'Giải trình') as HTMLTextAreaElement).value).toBe('Bổ sung sau');
    expect(getCell(service.grid, cellFor(service.grid, '1', 'explanation'))).not.toBe('Bổ sung sau');
    await click(byText(c, 'button', 'Thử ghi lại'));
    await settle(450);
    await waitFor(() => expect(getCell(service.grid, cellFor(service.grid, '1', 'explanation'))).toBe('Bổ sung sau'));
    expect(c.querySelector('[data-save="saved"]')).not.toBeNull();
  });
});

describe('help and the header', () => {
  it('"Hướng dẫn" lists the key steps and the open criterion\'s method and evidence, copyable', async () => {
    const { c } = await open();
    await choose(c, '2');
    await click(byText(c, 'button[role="tab"]', 'Hướng dẫn'));
    await waitFor(() => expect(c.querySelector('[data-help]')).not.toBeNull());
    expect(c.querySelectorAll('[data-help] ol li').length).toBeGreaterThanOrEqual(5);
    const texts = [...c.querySelectorAll('[data-copy-text]')].map((e) => e.textContent);
    expect(texts).toEqual([sampleSet().fields[0].children![1].method, sampleSet().fields[0].children![1].evidence]);
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    await click(byText(c, 'button', 'Sao chép'));
    expect(writeText).toHaveBeenCalledWith(sampleSet().fields[0].children![1].method);
  });

  it('shows the gap to the target from last year\'s column, and it shrinks as rows are scored', async () => {
    const grid = sampleGrid();
    const service = new MemoryService(sampleGrid({ [cellFor(grid, '1', 'previousScore')]: 0, [cellFor(grid, '2', 'previousScore')]: 1.5 }));
    const { c } = await open(service);
    const gap = () => c.querySelector('[data-target-gap]')?.textContent ?? '';
    const before = gap();
    expect(before).toMatch(/^Còn thiếu [\d,]+ điểm so với mục tiêu 2024; còn có thể đạt thêm [\d,]+ điểm\.$/);
    await choose(c, '2');
    await click(byLabel(c, 'Hoàn thành 100% kế hoạch: 2 điểm'));
    await waitFor(() => expect(gap()).not.toBe(before));
  });

  it('English counts take their plural forms', async () => {
    const service = new MemoryService(sampleGrid());
    service.language = 'en-US';
    const { c } = await open(service);
    expect(item(c, 'I')?.getAttribute('aria-label')).toMatch(/ 5 points, /);
    await type(c.querySelector('input[type="search"]'), 'cong khai');
    expect(byText(c, '[role="status"]', 'match')?.textContent).toBe('1 criterion matches');
    expect(progress(c)).not.toMatch(/\b1 (errors|warnings)\b/);
    expect(c.textContent).not.toMatch(/\b1 points\b|\b1 criteria\b/);
  });
});
