/**
 * Hostile shapes and sizes (issue 11 §1): decided in well under a second and a few MB of
 * heap, never a dense rows x columns array of the used range, never an inflated bomb.
 * Files are small: the huge sizes are declared in the zip's directory, not stored.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { FileUnreadableError } from '../../src/xlsx/errors';
import { loadWorkbook } from '../../src/xlsx/buffer';
import { LIMITS } from '../../src/xlsx/zip';
import { bufferOf, declareSize, replacePart, zipOf } from './helpers';

async function sample(build?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  return bufferOf((wb) => {
    const ws = wb.addWorksheet('Tự chấm điểm');
    ws.getCell('A1').value = 'STT';
    ws.getCell('B1').value = 'Tiêu chí';
    for (let r = 2; r <= 40; r++) ws.getRow(r).values = [r - 1, `Tiêu chí ${r - 1}`, 1];
    build?.(ws, wb);
  });
}

async function withSheetXml(buf: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  return replacePart(buf, 'xl/worksheets/sheet1.xml', edit(xml));
}

/** Reads, and returns the time and heap growth with the result. */
async function measured<T>(f: () => Promise<T>): Promise<{ result: T | Error; ms: number; heapMb: number }> {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const result = await f().catch((e: unknown) => e as Error);
  return { result, ms: performance.now() - t0, heapMb: (process.memoryUsage().heapUsed - heap0) / 1024 / 1024 };
}

describe('far-away cells and merges are left out of the grid', () => {
  it('a stray cell at XFD1048576', async () => {
    const buf = await sample((ws) => (ws.getCell('XFD1048576').value = 'x'));
    const { result, ms, heapMb } = await measured(() => readWorkbookBuffer(buf, 'don-vi.xlsx'));
    if (result instanceof Error) throw result;
    const [sheet] = result.sheets;
    expect(sheet.values).toHaveLength(40);
    expect(sheet.values[0]).toHaveLength(3);
    expect(sheet.outside).toEqual({ cells: 1, first: 'XFD1048576' });
    expect(ms).toBeLessThan(2_000);
    expect(heapMb).toBeLessThan(50);
  });

  it('a merge N200:XFD1048576 is clipped to the data region', async () => {
    // The merge is written into the XML: exceljs itself would expand it cell by cell.
    const buf = await withSheetXml(
      await sample((ws) => (ws.getCell('N200').value = 'ghi chú')),
      (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="N200:XFD1048576"/></mergeCells>'),
    );
    const { result, ms } = await measured(() => readWorkbookBuffer(buf, 'don-vi.xlsx'));
    if (result instanceof Error) throw result;
    const [sheet] = result.sheets;
    expect(sheet.values).toHaveLength(200);
    expect(sheet.values[0]).toHaveLength(14);
    expect(sheet.values[199][13]).toBe('ghi chú');
    expect(sheet.merges).toEqual([{ top: 199, left: 13, bottom: 199, right: 13 }]);
    expect(ms).toBeLessThan(2_000);
  }, 60_000);

  it('a stray cell in the metadata sheet', async () => {
    const buf = await sample((_ws, wb) => {
      const meta = wb.addWorksheet('_chiso', { state: 'veryHidden' });
      meta.getCell('A1').value = 'unit';
      meta.getCell('B1').value = 'Sở Tư pháp';
      meta.getCell('XFD1048576').value = 1;
    });
    const { result, ms } = await measured(() => readWorkbookBuffer(buf, 'don-vi.xlsx'));
    if (result instanceof Error) throw result;
    expect(result.sheets[1].values).toEqual([['unit', 'Sở Tư pháp']]);
    expect(ms).toBeLessThan(2_000);
  });
});

describe('declared sizes are checked before anything is inflated', () => {
  const unreadable = async (buf: Buffer) => {
    const { result, ms, heapMb } = await measured(() => readWorkbookBuffer(buf, 'don-vi.xlsx'));
    expect(result).toBeInstanceOf(FileUnreadableError);
    expect(ms).toBeLessThan(1_000);
    expect(heapMb).toBeLessThan(50);
    return result as FileUnreadableError;
  };

  it('a sheet declaring 200 MB inflated is refused with the part, its size and the limit', async () => {
    const buf = declareSize(await sample(), 'xl/worksheets/sheet1.xml', 200 * 1024 * 1024);
    const e = await unreadable(buf);
    expect(e.kind).toBe('too-large');
    expect(e.reason('vi')).toContain('phần xl/worksheets/sheet1.xml giải nén ra 200.0 MB, vượt giới hạn 32 MB');
    expect(e.reason('en')).toContain('part xl/worksheets/sheet1.xml inflates to 200.0 MB, over the limit of 32 MB');
    expect(e.toFinding('vi').code).toBe('FILE_UNREADABLE');
  });

  it('parts that together declare more than the total limit', async () => {
    let buf = await sample((_ws, wb) => {
      for (let i = 0; i < 4; i++) wb.addWorksheet(`S${i}`).getCell('A1').value = i;
    });
    for (let i = 1; i <= 4; i++) buf = declareSize(buf, `xl/worksheets/sheet${i}.xml`, 30 * 1024 * 1024);
    expect((await unreadable(buf)).reason('en')).toMatch(/the parts to read inflate to 120\.\d MB, over the limit of 96 MB/);
  });

  it('a zip of more parts than the limit', async () => {
    const parts: Record<string, string> = { 'xl/workbook.xml': '<workbook/>' };
    for (let i = 0; i <= LIMITS.parts; i++) parts[`xl/media/p${i}.bin`] = '';
    const e = await unreadable(await zipOf(parts));
    expect(e.reason('vi')).toContain(`vượt giới hạn ${LIMITS.parts}`);
  });

  it('a part that inflates beyond what it declares is damaged, and stops there', async () => {
    const buf = declareSize(await sample(), 'xl/worksheets/sheet1.xml', 100);
    const e = await unreadable(buf);
    expect(e.kind).toBe('corrupt');
    expect(e.reason('vi')).toBe('nội dung tệp bị hỏng (phần xl/worksheets/sheet1.xml không đọc được); hãy mở bằng Excel, lưu lại rồi gửi lại');
  });

  it('the full exceljs load (before a write) checks the whole package too', async () => {
    const buf = declareSize(await sample(), 'xl/styles.xml', 300 * 1024 * 1024);
    await expect(loadWorkbook(buf, 'don-vi.xlsx')).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('damaged XML is named by its part, never by a parser or JavaScript message', async () => {
    const bad = await replacePart(await sample(), 'xl/worksheets/sheet1.xml', '<worksheet><sheetData><row><c r="A1"><v>1</v></c></sheetData>');
    const e = await unreadable(bad);
    expect(e.reason('en')).toBe('the file content is damaged (part xl/worksheets/sheet1.xml cannot be read); open it in Excel, save it and send it again');
  });
});
