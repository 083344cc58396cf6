/**
 * @jest-environment jsdom
 *
 * The evidence editor over the strict stand-in, on a real .xlsx made in code: an evidence
 * cell the officer only visits (focus, leave every field) is never written, so its rich
 * text and hyperlink stay as they were (tester's F11); a real edit is written.
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
import { byLabel, click, render, settle, type, waitFor, type Rendered } from './render';

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
async function workbookWithEvidence(): Promise<{ workbook: ExcelJS.Workbook; evidence: (code: string) => ExcelJS.Cell }> {
  const spec = buildTemplate(sampleSet(), { name: 'Sở Tư pháp', level: 'so' });
  const reading = readUnitWorkbook({ sheets: spec.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? null : v))) })) });
  if (!reading.ok) throw new Error('template not read');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeSpecToBuffer(spec)) as unknown as ArrayBuffer);
  const ws = workbook.getWorksheet(reading.sheet) as ExcelJS.Worksheet;
  const evidence = (code: string) => ws.getCell(reading.rowOf.get(code) as number, (reading.layout.columns.evidence as number) + 1);
  evidence('1').value = RICH;
  evidence('2').value = LINKED;
  return { workbook, evidence };
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
