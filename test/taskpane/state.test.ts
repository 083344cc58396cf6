/** The pane's reducer and its pure helpers, without React. */
import { officeDisplayLanguage, officeIsSetSupported, officeTheme } from '../../src/excel/support';
import { cellsOf } from '../../src/taskpane/model';
import { initialState, paneModel, paneReducer, restoreOf, type PaneAction, type PaneState } from '../../src/taskpane/state';
import { keepRegister } from '../../src/taskpane/register/registerModel';
import { csvToGrid } from '../../src/workbook/csv';
import { readUnitWorkbook, validateReading, type UnitReading } from '../../src/workbook/read';
import { readRegister } from '../../src/workbook/register';
import { cellFor, sampleGrid, TODAY } from './fixture';

function reading(cells: Record<string, string | number> = {}): UnitReading {
  const r = readUnitWorkbook(sampleGrid(cells));
  if (!r.ok) throw new Error('the sample grid has no table');
  return r;
}

const run = (actions: PaneAction[], from: PaneState = initialState()) => actions.reduce(paneReducer, from);

describe('paneReducer', () => {
  it('keeps typed answers in the overlay until their batch is written, then offers to undo it', () => {
    const r = reading();
    const result = { ok: true as const, reading: r, findings: validateReading(r, { today: TODAY }), today: TODAY };
    const change = { code: '1', selfScore: 1 };
    let s = run([{ type: 'loaded', result }, { type: 'edited', change }]);
    expect(s.overlay).toEqual([change]);
    expect(paneModel(s.result, s.overlay)?.byCode.get('1')?.score).toBe(1);
    const undo = { restore: restoreOf(r, [change]), cells: cellsOf(r, [change]) };
    s = paneReducer(s, { type: 'written', changes: [change], undo, at: '14:58' });
    expect(s.overlay).toEqual([]);
    expect(s.save).toEqual({ kind: 'saved', at: '14:58', cells: [cellFor(sampleGrid(), '1', 'selfScore')] });
    expect(s.undo?.restore).toEqual([{ code: '1', selfScore: null }]);
    s = paneReducer(s, { type: 'undone', at: '14:59', cells: undo.cells });
    expect(s.undo).toBeUndefined();
    expect(s.generation).toBe(1);
  });

  it('keeps a failed batch in the overlay (the typed value is not lost) with its error', () => {
    const change = { code: '1', evidence: 'Kế hoạch số 15/KH-STP' };
    const error = new Error('offline');
    const s = run([{ type: 'edited', change }, { type: 'writeFailed', changes: [change], error }]);
    expect(s.overlay).toEqual([change]);
    expect(s.save).toEqual({ kind: 'failed', error, changes: [change] });
  });

  it('reveals a criterion with its ancestors expanded, and toggles them back', () => {
    let s = run([{ type: 'reveal', code: '1.2.3', ancestors: ['I', '1', '1.2'], tab: 'criteria' }]);
    expect([...s.expanded]).toEqual(['I', '1', '1.2']);
    expect(s.selected).toBe('1.2.3');
    s = paneReducer(s, { type: 'toggle', code: '1', open: false });
    expect([...s.expanded]).toEqual(['I', '1.2']);
  });

  it('a refresh after an external edit bumps the generation; a plain load does not', () => {
    const r = reading();
    const result = { ok: true as const, reading: r, findings: [], today: TODAY };
    expect(run([{ type: 'loaded', result }]).generation).toBe(0);
    expect(run([{ type: 'loaded', result, refresh: true }]).generation).toBe(1);
  });
});

describe('restoreOf', () => {
  it('gives back the previous value of every cell a batch writes, and nothing else', () => {
    const grid = sampleGrid();
    const r = reading({ [cellFor(grid, '2', 'selfScore')]: 1.5, [cellFor(grid, '2', 'evidence')]: 'Báo cáo số 3/BC-STP' });
    expect(restoreOf(r, [{ code: '2', selfScore: 2 }, { code: '1', evidence: 'x', explanation: 'y' }])).toEqual([
      { code: '2', selfScore: 1.5 },
      { code: '1', evidence: '', explanation: '' },
    ]);
  });
});

describe('Office.context guards', () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);
  it('reads nothing from Office.context before Office has initialised', () => {
    g.Office = {};
    expect(officeDisplayLanguage()).toBe('');
    expect(officeTheme()).toBe('light');
    expect(officeIsSetSupported('ExcelApi', '1.7')).toBe(false);
  });
});

describe('paneModel with a register', () => {
  const registerOf = (csv: string) => keepRegister('so.csv', readRegister(csvToGrid(csv, { sheetName: 'so.csv' }), { file: 'so.csv' }));

  it('adds the register findings on the sheet once, checks typed answers too, and keeps the pane up when the check fails', () => {
    const evidence = 'Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp';
    const r = reading({ [cellFor(sampleGrid(), '1', 'evidence')]: evidence });
    const result = { ok: true as const, reading: r, findings: validateReading(r, { today: TODAY }), today: TODAY };
    const kept = registerOf('Số, ký hiệu văn bản;Ngày tháng văn bản;Tên loại và trích yếu nội dung văn bản\n15/KH-STP;21/01/2024;Kế hoạch cải cách hành chính\n16/KH-STP;31/02/2024;Kế hoạch khác');
    const s = run([{ type: 'loaded', result }, { type: 'register', register: kept }]);
    const model = paneModel(s.result, s.overlay, s.register);
    const differs = model?.findings.filter((f) => f.code === 'EVIDENCE_DATE_DIFFERS') ?? [];
    expect(differs).toHaveLength(1);
    expect(differs[0].cell).toBe(cellFor(sampleGrid(), '1', 'evidence'));
    expect(model?.findings.some((f) => f.code === 'REGISTER_ROW_UNREADABLE')).toBe(false);
    expect(model?.findings.length).toBe(result.findings.length + 1);
    expect(model?.progress.errors).toBe(result.findings.filter((f) => f.severity === 'error').length + 1);
    expect(model?.byCode.get('1')?.status).toBe('error');
    expect(model?.register?.sheetFindings?.map((f) => f.code)).toEqual(['EVIDENCE_DATE_DIFFERS']);

    // A typed answer (not yet written) is checked against the register as it stands.
    const typed = paneModel(s.result, [{ code: '1', evidence: 'Kế hoạch số 15/KH-STP ngày 21/01/2024 của Sở Tư pháp' }], s.register);
    expect(typed?.findings.some((f) => f.code === 'EVIDENCE_DATE_DIFFERS')).toBe(false);

    const broken = { ...kept, check: () => { throw new Error('bad index'); } };
    const failed = paneModel(s.result, s.overlay, broken);
    expect(failed?.findings).toEqual(result.findings);
    expect(failed?.register?.error).toBe('bad index');
  });
});
