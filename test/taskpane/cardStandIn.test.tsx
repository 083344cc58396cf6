/**
 * @jest-environment jsdom
 *
 * The criterion card over the strict stand-in, on a real .xlsx made in code: an evidence
 * cell the officer only visits (focus, leave every field) is never written, so its rich
 * text and hyperlink stay as they were (tester's F11); a real edit is written. A rate
 * out of 0-100 or not a number is refused beside the field and not written (F18).
 */
import ExcelJS from 'exceljs';
import { act } from 'react';
import { App } from '../../src/taskpane/App';
import { createStandIn } from '../../src/preview/standin';
import { readUnitWorkbook } from '../../src/workbook/read';
import { buildTemplate } from '../../src/workbook/template';
import { writeSpecToBuffer } from '../../src/xlsx/write';
import { sampleSet } from './fixture';
import { serviceOnStandIn } from './standinService';
import { byLabel, byText, click, render, settle, type, waitFor, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const RICH: ExcelJS.CellRichTextValue = {
  richText: [{ text: 'Kế hoạch số 15/KH-STP ', font: { bold: true } }, { text: 'ngày 20/01/2024 của Sở Tư pháp' }],
};
const LINKED: ExcelJS.CellHyperlinkValue = { text: 'Báo cáo số 30/BC-STP ngày 05/12/2024', hyperlink: 'https://stp.example.gov.vn/bc30.pdf' };

/** The sample template with criterion 1's evidence in rich text and criterion 2's behind a hyperlink. */
async function workbookWithEvidence(): Promise<{ workbook: ExcelJS.Workbook; evidence: (code: string) => ExcelJS.Cell; declared: (code: string) => ExcelJS.Cell }> {
  const spec = buildTemplate(sampleSet(), { name: 'Sở Tư pháp', level: 'so' });
  const reading = readUnitWorkbook({ sheets: spec.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? null : v))) })) });
  if (!reading.ok) throw new Error('template not read');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeSpecToBuffer(spec)) as unknown as ArrayBuffer);
  const ws = workbook.getWorksheet(reading.sheet) as ExcelJS.Worksheet;
  const cell = (column: 'evidence' | 'declared') => (code: string) => ws.getCell(reading.rowOf.get(code) as number, (reading.layout.columns[column] as number) + 1);
  const evidence = cell('evidence');
  evidence('1').value = RICH;
  evidence('2').value = LINKED;
  return { workbook, evidence, declared: cell('declared') };
}

async function openCard(c: HTMLElement, code: string): Promise<void> {
  await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull(), 50, 200);
  await type(c.querySelector('input[type="search"]'), code);
  await click(c.querySelector(`[role="treeitem"][data-code="${code}"]`));
  await waitFor(() => expect(c.querySelector<HTMLElement>('[data-card]')?.dataset.card).toBe(code), 50, 200);
}

/** Focus into and out of every field of the evidence editor, as tabbing through it does. */
async function visitEvidence(c: HTMLElement): Promise<void> {
  for (const el of c.querySelectorAll<HTMLElement>('[data-evidence-editor] input, [data-evidence-editor] textarea')) {
    await act(async () => {
      el.focus();
      el.blur();
    });
  }
}

it('an evidence cell only visited keeps its rich text and hyperlink; an edit is written', async () => {
  const { workbook, evidence } = await workbookWithEvidence();
  view = await render(<App service={serviceOnStandIn(createStandIn(workbook))} writeDelayMs={20} reloadDelayMs={20} />);
  const c = view.container;
  for (const code of ['1', '2']) {
    await openCard(c, code);
    await visitEvidence(c);
    await settle(100);
  }
  expect((byLabel(c, 'Ngày ban hành') as HTMLInputElement).value).toBe('05/12/2024');
  expect(evidence('1').value).toEqual(RICH);
  expect(evidence('2').value).toEqual(LINKED);

  // A real change is written (the control: visiting would be written the same way).
  await type(byLabel(c, 'Ngày ban hành'), '06/12/2024');
  await waitFor(() => expect(evidence('2').value).toBe('Báo cáo số 30/BC-STP ngày 06/12/2024'), 50, 200);
  expect(evidence('1').value).toEqual(RICH);
});

it.each([
  ['120', 'Tỷ lệ 120% của tiêu chí 2 nằm ngoài khoảng từ 0 đến 100', 'The rate 120% of criterion 2 is outside 0 to 100'],
  ['mười', 'Tỷ lệ "mười" của tiêu chí 2 không phải là số', 'The rate "mười" of criterion 2 is not a number'],
])('a rate "%s" is refused beside its field, in both languages, and not written; "12,5" is', async (typed, vi, en) => {
  const { workbook, declared } = await workbookWithEvidence();
  view = await render(<App service={serviceOnStandIn(createStandIn(workbook))} writeDelayMs={20} reloadDelayMs={20} />);
  const c = view.container;
  await openCard(c, '2');
  const rate = () => byLabel(c, /^(Tỷ lệ|Rate) \(%\)/) as HTMLInputElement;
  const said = () => (rate().getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  await type(rate(), typed);
  await settle(100);
  expect(rate().getAttribute('aria-invalid')).toBe('true');
  expect(said()).toContain(vi);
  expect(said()).toContain('Tỷ lệ này chưa được ghi vào bảng tính.');
  expect(c.querySelector('[data-live]')?.textContent).toContain(vi);
  expect(declared('2').value).toBeNull();

  await click(byText(c, 'button', 'English'));
  expect(said()).toContain(en);

  await type(rate(), '12,5');
  await waitFor(() => expect(declared('2').value).toBe('12,5'), 50, 200);
  expect(rate().getAttribute('aria-invalid')).not.toBe('true');
});
