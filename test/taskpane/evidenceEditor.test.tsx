/** @jest-environment jsdom */
/** The evidence fields as an officer fills them: pasted citations, dates, refused input. */
import { act } from 'react';
import { App } from '../../src/taskpane/App';
import { MemoryService, cellFor, getCell, sampleGrid } from './fixture';
import { byLabel, byText, click, render, settle, type, waitFor, type Rendered } from './render';

jest.useFakeTimers();

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const card = (c: HTMLElement) => c.querySelector<HTMLElement>('[data-card]') as HTMLElement;

async function openCard(code: string) {
  const service = new MemoryService(sampleGrid());
  view = await render(<App service={service} />);
  const c = view.container;
  await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull());
  await click(byText(c, 'button', 'Việc tiếp theo'));
  for (const field of c.querySelectorAll('[role="treeitem"][aria-expanded="false"]')) await click(field.querySelector('[aria-hidden]'));
  await click(c.querySelector(`[role="treeitem"][data-code="${code}"]`));
  await waitFor(() => expect(card(c)?.dataset.card).toBe(code));
  await click(byText(card(c), 'button', 'Thêm tài liệu'));
  return { c, service, evidence: () => getCell(service.grid, cellFor(service.grid, code, 'evidence')) };
}

const blur = async (el: Element | null) =>
  act(async () => {
    (el as HTMLElement).dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    (el as HTMLElement).dispatchEvent(new FocusEvent('blur'));
  });

const input = (c: HTMLElement, label: string) => byLabel(c, label) as HTMLInputElement;

it('a whole citation pasted into "Số, ký hiệu" fills the fields and is written once', async () => {
  const { c, evidence } = await openCard('1');
  await type(input(c, 'Số, ký hiệu'), 'Kế hoạch số 15/KH-STP ngày 2024-01-20 của Sở Tư pháp về tuyên truyền CCHC');
  expect(input(c, 'Số, ký hiệu').value).toBe('15/KH-STP');
  expect(input(c, 'Ngày ban hành').value).toBe('20/1/2024');
  expect(input(c, 'Cơ quan ban hành').value).toBe('Sở Tư pháp');
  expect(input(c, 'Trích yếu').value).toBe('tuyên truyền CCHC');
  await settle(450);
  await waitFor(() => expect(evidence()).toBe('Kế hoạch số 15/KH-STP ngày 20/1/2024 của Sở Tư pháp về tuyên truyền CCHC'));
});

it('an ISO date is written in the Vietnamese form', async () => {
  const { c, evidence } = await openCard('1');
  await type(input(c, 'Số, ký hiệu'), '15/KH-STP');
  await type(input(c, 'Ngày ban hành'), '2024-01-10');
  await blur(input(c, 'Ngày ban hành'));
  expect(input(c, 'Ngày ban hành').value).toBe('10/1/2024');
  await settle(450);
  await waitFor(() => expect(evidence()).toBe('Kế hoạch số 15/KH-STP ngày 10/1/2024'));
});

it.each([
  ['Số, ký hiệu', 'abc', '"abc" không phải số, ký hiệu văn bản'],
  ['Ngày ban hành', '31/02/2024', 'không phải ngày hợp lệ'],
  ['Đường dẫn', 'stp.backan.gov.vn/kh15.pdf', 'thiếu phần https://'],
])('%s "%s" is refused under its field, marked invalid, focused, and not written', async (label, value, message) => {
  const { c, evidence } = await openCard('1');
  const before = evidence();
  await type(input(c, label), value);
  await blur(input(c, label));
  await settle();
  const field = input(c, label);
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(document.activeElement).toBe(field);
  const describedBy = (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  expect(describedBy).toContain(message);
  // Only this field is invalid.
  expect(card(c).querySelectorAll('[aria-invalid="true"]')).toHaveLength(1);
  await settle(450);
  expect(evidence()).toBe(before);
});
