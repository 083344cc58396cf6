/**
 * @jest-environment jsdom
 *
 * Tester's F21 in the pane, over the strict stand-in with the bundled sets: a district
 * workbook made by hand (no metadata sheet, no method column) is checked against the
 * bundled district set, the header names that set, and a survey row is shown as scored by
 * the survey, not asked of the unit. A sheet no set fits says which set came closest and why.
 */
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import { createStandIn } from '../../src/preview/standin';
import { bundledSet } from '../handmade/bundled';
import { handRowsOf, handmadeWorkbook, type HandOptions } from '../handmade/handmade';
import { serviceOnStandIn } from './standinService';
import { click, render, type, waitFor, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const HUYEN = bundledSet('huyen');
const DISTRICT: HandOptions = { rows: handRowsOf(HUYEN, { methods: false }), body: ['ỦY BAN NHÂN DÂN', 'HUYỆN BA BỂ'], instructions: false };

async function serviceFor(o: HandOptions) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await handmadeWorkbook(o)) as unknown as ArrayBuffer);
  return serviceOnStandIn(createStandIn(wb), { today: '2025-01-15', bundledReference: true });
}

describe('a hand-made district workbook in the pane', () => {
  it('is checked against the bundled district set, which knows its survey rows', async () => {
    const result = await (await serviceFor(DISTRICT)).load();
    if (!result.ok) throw new Error('not read');
    expect(result.reference?.id).toBe(HUYEN.id);
    expect(result.reading.set.fields[0].children?.find((c) => c.code === '1.6')?.children?.[0]).toMatchObject({ code: '1.6.1', scoredBy: 'survey' });
    expect(result.findings.filter((f) => f.code === 'SET_NOT_MATCHED')).toEqual([]);
  });

  it('names the set in the header and shows a survey row as the survey\'s, with no score field', async () => {
    view = await render(<App service={await serviceFor(DISTRICT)} />);
    const c = view.container;
    await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull(), 50, 200);
    expect(c.querySelector('header')?.textContent).toContain(`Bộ tiêu chí ${HUYEN.id} (phiên bản ${HUYEN.version})`);
    await type(c.querySelector('input[type="search"]'), '1.6.1');
    await click(c.querySelector('[role="treeitem"][data-code="1.6.1"]'));
    await waitFor(() => expect(c.querySelector<HTMLElement>('[data-card]')?.dataset.card).toBe('1.6.1'), 50, 200);
    expect(c.querySelector('[data-card] input[data-field="selfScore"]')).toBeNull();
  });

  it('under a department letterhead: the header says no set is recognised, and the finding names the closest', async () => {
    const result = await (await serviceFor({ ...DISTRICT, body: ['UBND TỈNH BẮC KẠN', 'SỞ TƯ PHÁP'] })).load();
    if (!result.ok) throw new Error('not read');
    expect(result.reference).toBeUndefined();
    expect(result.findings.filter((f) => f.code === 'SET_NOT_MATCHED').map((f) => f.params.id)).toEqual([HUYEN.id]);
    view = await render(<App service={await serviceFor({ ...DISTRICT, body: ['UBND TỈNH BẮC KẠN', 'SỞ TƯ PHÁP'] })} />);
    const c = view.container;
    await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull(), 50, 200);
    expect(c.querySelector('header')?.textContent).toContain('Bộ tiêu chí: chưa nhận ra');
    expect(c.querySelector('header')?.textContent).not.toContain('Bảng chấm điểm');
  });

  it('numbered its own way (Roman fields, criteria across fields): shown in the set\'s numbering, as its findings are', async () => {
    const result = await (await serviceFor({ ...DISTRICT, rows: handRowsOf(HUYEN, { methods: false, roman: true }) })).load();
    if (!result.ok) throw new Error('not read');
    expect(result.reference?.id).toBe(HUYEN.id);
    expect(result.reading.set.fields.map((f) => f.code)).toEqual(HUYEN.fields.map((f) => f.code));
    // Sheet row 10 is field I, row 11 its first criterion "1" (the set's 1.1).
    expect([result.reading.rowOf.get('1'), result.reading.rowOf.get('1.1')]).toEqual([10, 11]);
    expect(result.reading.set.fields[0].children?.find((c) => c.code === '1.6')?.children?.[0]).toMatchObject({ code: '1.6.1', scoredBy: 'survey' });
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.criterion ?? ''}`)).toEqual([]);
    expect(result.findings.filter((f) => f.code === 'CODES_RENUMBERED')).toHaveLength(1);
    expect(result.findings.every((f) => f.criterion === undefined || result.reading.rowOf.has(f.criterion))).toBe(true);
  });
});
