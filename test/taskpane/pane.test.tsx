/** @jest-environment jsdom */
import { act } from 'react';
import { App } from '../../src/taskpane/App';
import { MemoryService, cellFor, getCell, sampleGrid } from './fixture';
import { byLabel, byText, click, key, render, settle, type, waitFor, type Rendered } from './render';

jest.useFakeTimers();

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

async function open(service = new MemoryService(sampleGrid())): Promise<{ c: HTMLElement; service: MemoryService }> {
  view = await render(<App service={service} />);
  await waitFor(() => expect(view?.container.querySelector('[role="tree"]')).not.toBeNull());
  return { c: view.container, service };
}

const item = (c: HTMLElement, code: string) => c.querySelector<HTMLElement>(`[role="treeitem"][data-code="${code}"]`);
const card = (c: HTMLElement) => c.querySelector<HTMLElement>('[data-card]');
const live = (c: HTMLElement) => c.querySelector('[data-live]')?.textContent ?? '';

async function choose(c: HTMLElement, code: string) {
  await click(byText(c, 'button', 'Việc tiếp theo')); // expands the tree onto the first row to do
  if (!item(c, code)) {
    for (const field of c.querySelectorAll('[role="treeitem"][aria-expanded="false"]')) await click(field.querySelector('[aria-hidden]'));
  }
  await click(item(c, code));
  await waitFor(() => expect(card(c)?.dataset.card).toBe(code));
}

describe('the tree', () => {
  it('shows fields with their status and opens on keyboard', async () => {
    const { c } = await open();
    const tree = c.querySelector('[role="tree"]') as HTMLElement;
    expect(tree.getAttribute('aria-label')).toBe('Lĩnh vực và tiêu chí');
    const first = item(c, 'I') as HTMLElement;
    expect(first.getAttribute('aria-expanded')).toBe('false');
    expect(first.getAttribute('aria-label')).toContain('chưa chấm');
    expect(first.tabIndex).toBe(0);
    // Focus moves the tree's roving tab stop: a state update, inside act as a user's action.
    await act(async () => first.focus());
    await key(first, 'ArrowRight');
    expect(item(c, 'I')?.getAttribute('aria-expanded')).toBe('true');
    await key(item(c, 'I'), 'ArrowDown');
    expect(document.activeElement).toBe(item(c, '1'));
    await key(item(c, '1'), 'Enter');
    expect(card(c)?.dataset.card).toBe('1');
    expect(item(c, '1')?.getAttribute('aria-selected')).toBe('true');
    await key(item(c, '1'), 'ArrowLeft');
    expect(document.activeElement).toBe(item(c, 'I'));
  });

  it('updates a row status as the score is entered, and writes one batch after the pause', async () => {
    const { c, service } = await open();
    await choose(c, '1');
    expect(item(c, '1')?.dataset.status).toBe('todo');
    await click(byLabel(c, 'Có ban hành: 1 điểm'));
    // Score 1 without evidence or explanation: an error until one is given.
    expect(item(c, '1')?.dataset.status).toBe('error');
    await type(byLabel(c, 'Giải trình'), 'Kế hoạch đang trình ký, bổ sung sau');
    expect(item(c, '1')?.dataset.status).toBe('done');
    expect(service.writes).toHaveLength(0);
    await settle(450);
    await waitFor(() => expect(service.writes).toHaveLength(1));
    expect(service.writes[0]).toEqual([{ code: '1', selfScore: 1, explanation: 'Kế hoạch đang trình ký, bổ sung sau' }]);
    expect(getCell(service.grid, cellFor(service.grid, '1', 'selfScore'))).toBe(1);
    await waitFor(() => expect(live(c)).toMatch(/Đã kiểm tra: \d+ lỗi, \d+ cảnh báo\./));
  });

  it('filters by code or words without diacritics', async () => {
    const { c } = await open();
    await type(c.querySelector('input[type="search"]'), 'cong khai');
    expect([...c.querySelectorAll('[role="treeitem"]')].map((e) => (e as HTMLElement).dataset.code)).toEqual(['II', '5']);
    expect(byText(c, '[role="status"]', 'tiêu chí khớp')?.textContent).toBe('1 tiêu chí khớp');
    await type(c.querySelector('input[type="search"]'), 'II');
    expect([...c.querySelectorAll('[role="treeitem"]')].map((e) => (e as HTMLElement).dataset.code)).toEqual(['II', '4', '5']);
  });

  it('picks up an edit typed in the sheet and re-validates it', async () => {
    const { c, service } = await open();
    await choose(c, '2');
    service.editCell(cellFor(service.grid, '2', 'selfScore'), 1);
    await settle(350);
    await waitFor(() => expect(item(c, '2')?.dataset.status).toBe('error'));
    expect(card(c)?.textContent).toContain('Điểm 1 không thuộc các mức điểm của cách tính điểm tiêu chí 2. Các mức hợp lệ: 0; 1,5; 2.');
    expect((card(c)?.querySelector('input[data-field="selfScore"]') as HTMLInputElement).value).toBe('1');
  });

  it('follows the row selected in the sheet', async () => {
    const { c, service } = await open();
    const row = Number(cellFor(service.grid, '5', 'selfScore').slice(1));
    await settle();
    await click(null).catch(() => undefined);
    await act(async () => service.selectRow(row));
    await waitFor(() => expect(card(c)?.dataset.card).toBe('5'));
    expect(item(c, 'II')?.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('the card', () => {
  it('refuses a score above the maximum with the Vietnamese message, and writes nothing', async () => {
    const { c, service } = await open();
    await choose(c, '1');
    await type(card(c)?.querySelector('input[data-field="selfScore"]') ?? null, '3');
    expect(card(c)?.textContent).toContain('Điểm 3 vượt điểm tối đa 1 của tiêu chí 1. Nhập điểm không quá 1.');
    expect(card(c)?.textContent).toContain('Điểm này chưa được ghi vào bảng tính.');
    expect(live(c)).toContain('vượt điểm tối đa');
    await settle(500);
    expect(service.writes).toEqual([]);
    await type(card(c)?.querySelector('input[data-field="selfScore"]') ?? null, '1');
    expect(card(c)?.textContent).not.toContain('vượt điểm tối đa');
  });

  it('offers the method lines as choices and the declared figure with its suggested score', async () => {
    const { c, service } = await open();
    await choose(c, '2');
    const radios = [...(card(c) as HTMLElement).querySelectorAll('[role="radiogroup"] label')].map((l) => l.textContent);
    expect(radios).toEqual(['Hoàn thành 100% kế hoạch: 2 điểm', 'từ 80% đến dưới 100%: 1,5 điểm', 'dưới 80%: 0 điểm']);
    await type(byLabel(c, 'Tỷ lệ (%)'), '85%');
    expect(card(c)?.textContent).toContain('Điểm gợi ý theo số liệu kê khai: 1,5');
    await click(byText(card(c) as HTMLElement, 'button', 'Dùng điểm gợi ý'));
    expect((byLabel(c, 'từ 80% đến dưới 100%: 1,5 điểm') as HTMLInputElement).checked).toBe(true);
    await settle(450);
    await waitFor(() => expect(service.writes.flat()).toContainEqual({ code: '2', declared: '85%', selfScore: 1.5 }));
  });

  it('writes structured evidence as readable text and reads it back', async () => {
    const { c, service } = await open();
    await choose(c, '1');
    await click(byText(card(c) as HTMLElement, 'button', 'Thêm tài liệu'));
    await type(byLabel(c, 'Số, ký hiệu'), '15/KH-STP');
    await type(byLabel(c, 'Ngày ban hành'), '20/01/2024');
    await type(byLabel(c, 'Cơ quan ban hành'), 'Sở Tư pháp');
    await type(byLabel(c, 'Mục, trang'), 'mục II');
    await type(byLabel(c, 'Đường dẫn'), 'https://stp.backan.gov.vn/kh15.pdf');
    const open1 = byText(card(c) as HTMLElement, 'a', 'Mở đường dẫn') as HTMLAnchorElement;
    expect(open1.href).toBe('https://stp.backan.gov.vn/kh15.pdf');
    expect(open1.rel).toBe('noopener noreferrer');
    await settle(450);
    const text = 'Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp, mục II; https://stp.backan.gov.vn/kh15.pdf';
    await waitFor(() => expect(getCell(service.grid, cellFor(service.grid, '1', 'evidence'))).toBe(text));
    // The sheet is re-read (as after reopening the pane): the fields come back from the text.
    service.editCell('A1', 'x');
    await settle(350);
    await waitFor(() => expect((byLabel(c, 'Số, ký hiệu') as HTMLInputElement).value).toBe('15/KH-STP'));
    expect((byLabel(c, 'Ngày ban hành') as HTMLInputElement).value).toBe('20/01/2024');
    expect((byLabel(c, 'Cơ quan ban hành') as HTMLInputElement).value).toBe('Sở Tư pháp');
    expect((byLabel(c, 'Mục, trang') as HTMLInputElement).value).toBe('mục II');
  });

  it('does not open a link that is not http(s), and flags an evidence date outside the year', async () => {
    const { c } = await open();
    await choose(c, '5');
    await click(byText(card(c) as HTMLElement, 'button', 'Thêm tài liệu'));
    await type(byLabel(c, 'Số, ký hiệu'), '7/TB-STP');
    await type(byLabel(c, 'Ngày ban hành'), '03/3/2023');
    await click(byLabel(c, 'Có công khai đầy đủ: 2 điểm'));
    expect(card(c)?.textContent).toContain('nằm ngoài kỳ đánh giá');
    // A link that is not http(s) is neither opened nor written.
    await type(byLabel(c, 'Đường dẫn'), 'javascript:alert(1)');
    expect(byText(card(c) as HTMLElement, 'a', 'Mở đường dẫn')).toBeNull();
    expect(card(c)?.textContent).toContain('Chỉ mở được đường dẫn http:// hoặc https:// hợp lệ.');
  });

  it('requires an explanation when the score is above 0 without evidence', async () => {
    const { c } = await open();
    await choose(c, '5');
    const explanation = () => byLabel(c, 'Giải trình') as HTMLTextAreaElement;
    expect(explanation().required).toBe(false);
    await click(byLabel(c, 'Có công khai đầy đủ: 2 điểm'));
    expect(explanation().required).toBe(true);
    expect(card(c)?.textContent).toContain('Bắt buộc: điểm lớn hơn 0 mà chưa có tài liệu kiểm chứng.');
    expect(card(c)?.textContent).toContain('chưa có tài liệu kiểm chứng hoặc giải trình');
    await type(explanation(), 'Niêm yết tại bộ phận một cửa, chưa có văn bản');
    expect(card(c)?.textContent).not.toContain('chưa có tài liệu kiểm chứng hoặc giải trình');
  });
});

describe('navigation and the summary', () => {
  it('next problem goes from one problem row to the next and selects it in the sheet', async () => {
    const grid = sampleGrid();
    const { setCell } = await import('./fixture');
    setCell(grid, cellFor(grid, '1', 'selfScore'), 5);
    setCell(grid, cellFor(grid, '5', 'selfScore'), 'hai');
    const { c, service } = await open(new MemoryService(grid));
    await click(byText(c, 'button', 'Lỗi tiếp theo'));
    expect(card(c)?.dataset.card).toBe('1');
    await click(byText(c, 'button', 'Lỗi tiếp theo'));
    expect(card(c)?.dataset.card).toBe('5');
    expect(service.selections.at(-1)).toEqual({ code: '5', field: 'selfScore' });
    expect(live(c)).toContain('5 Công khai thủ tục hành chính đúng quy định');
  });

  it('groups findings by severity, each a link to its criterion and cell', async () => {
    const grid = sampleGrid();
    const { setCell } = await import('./fixture');
    const cell = cellFor(grid, '1', 'selfScore');
    setCell(grid, cell, 5);
    const { c, service } = await open(new MemoryService(grid));
    await click(byText(c, 'button', 'Phát hiện'));
    const groups = [...c.querySelectorAll<HTMLElement>('[data-severity]')].map((g) => g.dataset.severity);
    expect(groups).toEqual(['error', 'warning']);
    const go = byText(c, '[data-severity="error"] button', `Đến ô ${cell}`);
    await click(go);
    expect(card(c)?.dataset.card).toBe('1');
    expect(service.selections.at(-1)).toEqual({ code: '1', field: 'selfScore' });
  });
});

describe('language and theme', () => {
  it('switches to English and back', async () => {
    const { c } = await open();
    await choose(c, '1');
    await type(card(c)?.querySelector('input[data-field="selfScore"]') ?? null, '3');
    await click(byText(c, 'button', 'English'));
    expect(c.querySelector('main')?.getAttribute('lang')).toBe('en');
    expect(byText(c, 'button', 'Next problem')).not.toBeNull();
    expect(c.querySelector('[role="tree"]')?.getAttribute('aria-label')).toBe('Fields and criteria');
    expect(card(c)?.textContent).toContain('Score 3 exceeds the maximum 1 of criterion 1. Enter at most 1.');
    await click(byText(c, 'button', 'Tiếng Việt'));
    expect(byText(c, 'button', 'Lỗi tiếp theo')).not.toBeNull();
  });
});
