/** @jest-environment jsdom */
import { finding } from '../../src/core/findings';
import { formatCheckedAt } from '../../src/workbook/contentHash';
import { METADATA_SHEET, readMetadata } from '../../src/workbook/metadata';
import { DRAFT_MARK, SCORE_SHEET } from '../../src/workbook/print';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import type { SheetSpec } from '../../src/workbook/spec';
import { App } from '../../src/taskpane/App';
import { buildPrintSheet } from '../../src/taskpane/print/printSheet';
import { MemoryService, TODAY, cellFor, sampleGrid, setCell } from './fixture';
import { byLabel, byText, click, render, waitFor, type Rendered } from './render';

jest.useFakeTimers();

// Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

async function open(service: MemoryService): Promise<HTMLElement> {
  view = await render(<App service={service} />);
  await waitFor(() => expect(view?.container.querySelector('[role="tree"]')).not.toBeNull());
  return view.container;
}

/** The draft mark in a cell and in the page header (so on every printed page). */
const isDraft = (spec: SheetSpec): boolean =>
  spec.values.flat().some((v) => typeof v === 'string' && v.startsWith(DRAFT_MARK)) && (spec.print?.centerHeader ?? '').includes(DRAFT_MARK);

/** Every self-scored row filled with its maximum and an evidence reference: a workbook without errors. */
function completeGrid() {
  const grid = sampleGrid();
  for (const [code, score] of [['1', 1], ['2', 2], ['3', 2], ['5', 2]] as const) {
    setCell(grid, cellFor(grid, code, 'selfScore'), score);
    setCell(grid, cellFor(grid, code, 'evidence'), `Kế hoạch số 38${code}/KH-STP ngày 07/6/2024 của Sở Tư pháp`);
  }
  return grid;
}

describe('In phiếu', () => {
  it('writes a draft when the workbook has errors, selects it and says how to print', async () => {
    const grid = sampleGrid();
    setCell(grid, cellFor(grid, '1', 'selfScore'), 5); // above the maximum of 1: an error
    const service = new MemoryService(grid);
    const c = await open(service);
    await click(c.querySelector('[data-action="print"]'));
    await waitFor(() => expect(c.querySelector('[data-print-result]')).not.toBeNull());
    expect(service.sheetWrites).toHaveLength(1);
    const { sheets, show } = service.sheetWrites[0];
    expect(sheets.map((s) => s.name)).toEqual([SCORE_SHEET]);
    expect(show).toBe(SCORE_SHEET);
    expect(isDraft(sheets[0])).toBe(true);
    const result = c.querySelector('[data-print-result]')?.textContent ?? '';
    expect(result).toContain('Tệp > In');
    expect(result).toMatch(/còn \d+ lỗi nên phiếu là bản nháp/);
    // The new sheet comes after the score table: the next reading still finds the table.
    await click(byText(c, 'button', 'Đọc lại'));
    expect((readUnitWorkbook(service.grid) as UnitReading).sheet).toBe(grid.sheets[0].name);
  });

  it("prints the parent authority the workbook's letterhead names, as the CLI does", async () => {
    const grid = sampleGrid();
    const top = grid.sheets[0].values[0]?.[0];
    expect(typeof top === 'string' && /CỘNG HÒA/i.test(top)).toBe(false);
    setCell(grid, 'A1', 'UBND TỈNH BẮC KẠN');
    const service = new MemoryService(grid);
    const c = await open(service);
    await click(c.querySelector('[data-action="print"]'));
    await waitFor(() => expect(service.sheetWrites).toHaveLength(1));
    const printed = service.sheetWrites[0].sheets[0].values.flat().filter((v): v is string => typeof v === 'string');
    expect(printed).toContain('UBND TỈNH BẮC KẠN');
    expect(printed.some((v) => v.includes('TÊN CƠ QUAN, TỔ CHỨC CHỦ QUẢN'))).toBe(false);
  });

  it('stamps a checked sheet when there is no error, and explains page setup skipped before ExcelApi 1.9', async () => {
    const service = new MemoryService(completeGrid());
    service.missing.add('pageLayout');
    const c = await open(service);
    await click(c.querySelector('[data-action="print"]'));
    await waitFor(() => expect(c.querySelector('[data-print-result]')).not.toBeNull());
    const spec = service.sheetWrites[0].sheets[0];
    expect(isDraft(spec)).toBe(false);
    expect(spec.values.flat()).toContain('STT');
    const result = c.querySelector('[data-print-result]')?.textContent ?? '';
    expect(result).not.toMatch(/bản nháp/);
    expect(result).toContain('Chưa áp dụng được một số thiết lập');
    expect(result).toContain('ExcelApi 1.9');
  });

  it('records the check of a clean sheet in the metadata sheet, in the same write, keeping its other keys', async () => {
    const service = new MemoryService(completeGrid());
    const before = readMetadata(service.grid);
    const c = await open(service);
    await click(c.querySelector('[data-action="print"]'));
    await waitFor(() => expect(c.querySelector('[data-print-result]')).not.toBeNull());
    expect(service.sheetWrites).toHaveLength(1);
    const { sheets, show } = service.sheetWrites[0];
    expect(sheets.map((s) => s.name)).toEqual([SCORE_SHEET, METADATA_SHEET]);
    expect(show).toBe(SCORE_SHEET);
    expect(sheets[1].visibility).toBe('veryHidden');
    const after = readMetadata(service.grid);
    expect(after).toEqual({ ...before, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/) });
    // The stamp shows the recorded time and the first 8 characters of the recorded hash.
    const stamp = sheets[0].values.flat().find((v) => typeof v === 'string' && v.startsWith('Đã kiểm tra lúc'));
    expect(stamp).toBe(`Đã kiểm tra lúc ${formatCheckedAt(after!.checkedAt!)}, mã ${after!.contentHash!.slice(0, 8)}`);
    // Unchanged, the workbook matches its check; a score edited afterwards does not.
    const codes = async () => ((await service.load()) as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(await codes()).not.toContain('CONTENT_CHANGED_SINCE_CHECK');
    setCell(service.grid, cellFor(service.grid, '2', 'selfScore'), 1.5);
    expect(await codes()).toContain('CONTENT_CHANGED_SINCE_CHECK');
  });

  it('records no check for a draft', async () => {
    const grid = completeGrid();
    setCell(grid, cellFor(grid, '1', 'selfScore'), 5);
    const service = new MemoryService(grid);
    const before = readMetadata(service.grid);
    const c = await open(service);
    await click(c.querySelector('[data-action="print"]'));
    await waitFor(() => expect(c.querySelector('[data-print-result]')).not.toBeNull());
    expect(service.sheetWrites[0].sheets.map((s) => s.name)).toEqual([SCORE_SHEET]);
    expect(readMetadata(service.grid)).toEqual(before);
    expect(before?.contentHash).toBeUndefined();
  });

  it('writes answers still waiting in the queue before building the sheet', async () => {
    const grid = completeGrid();
    setCell(grid, cellFor(grid, '1', 'selfScore'), null);
    const service = new MemoryService(grid);
    const writesAtPrint: number[] = [];
    const writeSheets = service.writeSheets.bind(service);
    service.writeSheets = async (sheets, show) => {
      writesAtPrint.push(service.writes.length);
      return writeSheets(sheets, show);
    };
    const c = await open(service);
    await click(byText(c, 'button', 'Việc tiếp theo'));
    await click(byLabel(c, 'Có ban hành: 1 điểm'));
    expect(service.writes).toHaveLength(0); // still debounced
    await click(c.querySelector('[data-action="print"]'));
    await waitFor(() => expect(writesAtPrint).toHaveLength(1));
    expect(writesAtPrint[0]).toBe(1);
    expect(service.writes[0]).toEqual([{ code: '1', selfScore: 1 }]);
    expect(isDraft(service.sheetWrites[0].sheets[0])).toBe(false);
  });
});

describe('buildPrintSheet', () => {
  const reading = () => readUnitWorkbook(completeGrid()) as UnitReading;

  it.each([
    // Jest runs in Việt Nam time (test/setup/timezone.ts); the stamp is the local clock's.
    ['2024-06-07T01:30:00Z', '2024-06-07T08:30'],
    ['2024-12-31T18:00:00Z', '2025-01-01T01:00'],
  ])('stamps the local time of %s on the metadata sheet', (utc, local) => {
    const built = buildPrintSheet(reading(), [], TODAY, new Date(utc));
    const meta = built.sheets[1].values.flat();
    expect(meta).toContain(local);
  });

  it('never takes the name of the score table itself', () => {
    const r = { ...reading(), sheet: SCORE_SHEET };
    expect(buildPrintSheet(r, [], TODAY, new Date()).spec.name).not.toBe(SCORE_SHEET);
    expect(buildPrintSheet(reading(), [], TODAY, new Date()).spec.name).toBe(SCORE_SHEET);
  });

  it('counts errors only: warnings still give a checked sheet', () => {
    const warning = finding('EVIDENCE_SHARED', { codes: '1, 2' }, { criterion: '2', severity: 'warning' });
    const error = finding('SCORE_ABOVE_MAX', { value: 5, max: 1, where: 'tiêu chí 1' }, { criterion: '1' });
    expect(buildPrintSheet(reading(), [warning], TODAY, new Date()).errors).toBe(0);
    const draft = buildPrintSheet(reading(), [warning, error], TODAY, new Date());
    expect(draft.errors).toBe(1);
    expect(isDraft(draft.spec)).toBe(true);
    expect(isDraft(buildPrintSheet(reading(), [warning], TODAY, new Date()).spec)).toBe(false);
  });
});
