import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { FileUnreadableError } from '../../src/xlsx/errors';
import { formatDate, loadWorkbook, readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/read';
import { REAL_WORLD_DIR, bufferOf, cfbFile, replacePart, sha256, zipOf } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'chiso-read-'));

async function unreadable(buf: Buffer, name = 'don-vi.xlsx'): Promise<FileUnreadableError> {
  try {
    await readWorkbookBuffer(buf, name);
  } catch (e) {
    if (e instanceof FileUnreadableError) return e;
    throw e;
  }
  throw new Error('expected FileUnreadableError');
}

describe('readWorkbookBuffer: values as Excel shows them', () => {
  let sheet: Awaited<ReturnType<typeof readWorkbookBuffer>>['sheets'][number];

  beforeAll(async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet('Tự chấm điểm');
      ws.getCell('B2').value = 'Kế hoạch số 15/KH-STP';
      ws.getCell('C2').value = 1.5;
      ws.getCell('D2').value = true;
      ws.getCell('E2').value = new Date(Date.UTC(2024, 0, 20));
      ws.getCell('F2').value = { richText: [{ text: 'Báo cáo ' }, { font: { bold: true }, text: 'số 120/BC-STP' }] };
      ws.getCell('B3').value = { formula: 'SUM(C2,C4)', result: 3.5 } as ExcelJS.CellFormulaValue;
      ws.getCell('C3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      ws.getCell('C4').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('D4').value = { text: 'Cổng thông tin Sở Tư pháp', hyperlink: 'https://sotuphap.backan.gov.vn/van-ban' };
      ws.getCell('E4').value = new Date(Date.UTC(2024, 5, 7, 14, 30));
      ws.mergeCells('B6:D7');
      ws.getCell('B6').value = 'Gộp ô';
      ws.getCell('G8').value = '=SUM(A1:A2)';
      wb.addWorksheet('Ẩn', { state: 'hidden' });
      wb.addWorksheet('meta', { state: 'veryHidden' }).getCell('A1').value = 'x';
    });
    const grid = await readWorkbookBuffer(buf, 'so-tu-phap.xlsx');
    sheet = grid.sheets[0];
    expect(grid.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Tự chấm điểm', 'visible'],
      ['Ẩn', 'hidden'],
      ['meta', 'veryHidden'],
    ]);
  });

  it.each([
    ['B2', 1, 1, 'Kế hoạch số 15/KH-STP'],
    ['C2', 1, 2, 1.5],
    ['D2', 1, 3, true],
    ['E2 (date)', 1, 4, '20/01/2024'],
    ['F2 (rich text)', 1, 5, 'Báo cáo số 120/BC-STP'],
    ['B3 (formula result)', 2, 1, 3.5],
    ['C3 (formula error)', 2, 2, { error: '#DIV/0!' }],
    ['C4 (error)', 3, 2, { error: '#REF!' }],
    ['D4 (hyperlink text)', 3, 3, 'Cổng thông tin Sở Tư pháp'],
    ['E4 (date and time)', 3, 4, '07/06/2024 14:30'],
    ['B6 (merge top-left)', 5, 1, 'Gộp ô'],
    ['C6 (inside merge)', 5, 2, null],
    ['G8 (text starting with =)', 7, 6, '=SUM(A1:A2)'],
    ['A1 (empty, kept so rows start at A1)', 0, 0, null],
  ])('%s', (_label, r, c, expected) => {
    expect(sheet.values[r][c]).toEqual(expected);
  });

  it('is rectangular from A1 to the last used cell', () => {
    expect(sheet.values).toHaveLength(8);
    expect(new Set(sheet.values.map((r) => r.length))).toEqual(new Set([7]));
  });

  it('keeps formula texts, merges and hyperlink targets beside the values', () => {
    expect(sheet.formulas?.[2][1]).toBe('=SUM(C2,C4)');
    expect(sheet.formulas?.[2][2]).toBe('=1/0');
    expect(sheet.formulas?.[7][6]).toBeNull();
    expect(sheet.merges).toEqual([{ top: 5, left: 1, bottom: 6, right: 3 }]);
    expect(sheet.links).toEqual({ D4: 'https://sotuphap.backan.gov.vn/van-ban' });
  });
});

describe('readWorkbookBuffer: files that are not readable workbooks', () => {
  it.each([
    ['a CSV renamed .xlsx', Buffer.from('STT,Tiêu chí,Điểm\n1,Kế hoạch,2\n'), 'not-xlsx'],
    ['a text file', Buffer.from('Báo cáo tự chấm điểm năm 2024'), 'not-xlsx'],
    ['a 0-byte file', Buffer.alloc(0), 'empty-file'],
    ['an Excel 97-2003 file', cfbFile(['Workbook', 'SummaryInformation']), 'legacy-xls'],
    ['a password-protected .xlsx', cfbFile(['EncryptionInfo', 'EncryptedPackage']), 'encrypted'],
  ])('%s', async (_label, buf, kind) => {
    const e = await unreadable(buf);
    expect(e.kind).toBe(kind);
    expect(e.code).toBe('FILE_UNREADABLE');
    expect(e.message).toContain('don-vi.xlsx');
  });

  it('says in Vietnamese to remove the password', async () => {
    const f = (await unreadable(cfbFile(['EncryptionInfo']))).toFinding('vi');
    expect(f).toMatchObject({ code: 'FILE_UNREADABLE', severity: 'error', file: 'don-vi.xlsx' });
    expect(f.params.reason).toBe('tệp được đặt mật khẩu, hãy bỏ mật khẩu rồi gửi lại');
    expect((await unreadable(cfbFile(['EncryptionInfo']))).reason('en')).toMatch(/password-protected/);
  });

  it('a .docx (a zip without a workbook) is not an .xlsx', async () => {
    const docx = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect((await unreadable(docx)).kind).toBe('not-xlsx');
  });

  it('corrupt sheet XML', async () => {
    const good = await bufferOf((wb) => (wb.addWorksheet('A').getCell('A1').value = 1));
    const bad = await replacePart(good, 'xl/worksheets/sheet1.xml', '<worksheet><sheetData><row><c r="A1"><v>1</v></c></sheetData>');
    const e = await unreadable(bad);
    expect(e.kind).toBe('corrupt');
    expect(e.reason('vi')).toMatch(/^nội dung tệp bị hỏng/);
  });

  it('a workbook cut off before its end (a download not finished) is incomplete, not "not an .xlsx", on both readers', async () => {
    const good = await bufferOf((wb) => (wb.addWorksheet('A').getCell('A1').value = 1));
    const cut = good.subarray(0, Math.floor(good.length * 0.6));
    const e = await unreadable(cut);
    expect(e.kind).toBe('truncated');
    expect(e.reason('vi')).toMatch(/^tệp không đầy đủ: bị cắt ngang .* hãy lấy lại tệp gốc đầy đủ/);
    await expect(loadWorkbook(cut, 'don-vi.xlsx')).rejects.toMatchObject({ kind: 'truncated' });
    // A text file is still not a workbook.
    expect((await unreadable(Buffer.from('PK? không phải zip'))).kind).toBe('not-xlsx');
  });

  it('a workbook without sheets', async () => {
    expect((await unreadable(await bufferOf(() => undefined))).kind).toBe('no-sheets');
  });

  it('a missing file names it', async () => {
    await expect(readWorkbookFile(join(tmp, 'khong-co.xlsx'))).rejects.toMatchObject({ kind: 'io', file: 'khong-co.xlsx' });
  });

  it('any bytes give a grid or a FileUnreadableError, never another error', async () => {
    const good = await bufferOf((wb) => (wb.addWorksheet('A').getCell('A1').value = 'x'));
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.nat(good.length - 1), fc.boolean(), async (bytes, at, splice) => {
        // Either random bytes, or a real .xlsx with a stretch of it overwritten.
        const buf = splice ? Buffer.concat([good.subarray(0, at), Buffer.from(bytes), good.subarray(at + bytes.length)]) : Buffer.from(bytes);
        try {
          await readWorkbookBuffer(buf, 'x.xlsx');
        } catch (e) {
          expect(e).toBeInstanceOf(FileUnreadableError);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('readWorkbookFile: shapes of real files', () => {
  it('a sheet of merged cells', async () => {
    const path = join(tmp, 'merges.xlsx');
    writeFileSync(
      path,
      await bufferOf((wb) => {
        const ws = wb.addWorksheet('Gộp');
        for (let r = 0; r < 50; r++) {
          ws.mergeCells(r * 2 + 1, 1, r * 2 + 2, 3);
          ws.getCell(r * 2 + 1, 1).value = `Tiêu chí ${r + 1}`;
        }
      }),
    );
    const before = sha256(path);
    const [sheet] = (await readWorkbookFile(path)).sheets;
    expect(sheet.merges).toHaveLength(50);
    expect(sheet.values[98][0]).toBe('Tiêu chí 50');
    expect(sheet.values[99]).toEqual([null, null, null]);
    expect(sha256(path)).toBe(before);
  });

  it('formulas everywhere, shared formulas included', async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet('Công thức');
      for (let r = 1; r <= 20; r++) {
        ws.getCell(r, 1).value = r;
        ws.getCell(r, 2).value =
          r === 1 ? ({ formula: 'A1*2', result: 2, shareType: 'shared', ref: 'B1:B20' } as ExcelJS.CellFormulaValue) : ({ sharedFormula: 'B1', result: r * 2 } as ExcelJS.CellSharedFormulaValue);
        ws.getCell(r, 3).value = { formula: `IFERROR(B${r}/0,"lỗi")`, result: 'lỗi' } as ExcelJS.CellFormulaValue;
      }
    });
    const [sheet] = (await readWorkbookBuffer(buf, 'f.xlsx')).sheets;
    expect(sheet.values[19]).toEqual([20, 40, 'lỗi']);
    expect(sheet.formulas?.[19]).toEqual([null, '=A20*2', '=IFERROR(B20/0,"lỗi")']);
  });

  it('dates of 1904 workbooks read as Excel shows them', () => {
    expect(formatDate(new Date(Date.UTC(1904, 0, 1)))).toBe('01/01/1904');
    expect(formatDate(new Date(Number.NaN))).toBe('');
  });

  it(
    'a 100,000-row sheet loads',
    async () => {
      const path = join(tmp, 'big.xlsx');
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
      const ws = writer.addWorksheet('Dữ liệu');
      for (let i = 1; i <= 100_000; i++) ws.addRow([i, `1.${i}`, `Tiêu chí số ${i}`, i % 3, 'Kế hoạch số 15/KH-STP ngày 20/01/2024']).commit();
      await writer.commit();
      const t0 = Date.now();
      const [sheet] = (await readWorkbookFile(path)).sheets;
      console.log(`100,000 rows read in ${Date.now() - t0} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
      expect(sheet.values).toHaveLength(100_000);
      expect(sheet.values[99_999]).toEqual([100_000, '1.100000', 'Tiêu chí số 100000', 1, 'Kế hoạch số 15/KH-STP ngày 20/01/2024']);
    },
    180_000,
  );
});

describe('every real-world file reads or gives a clear message, and stays untouched', () => {
  const files = readdirSync(REAL_WORLD_DIR).filter((f) => f.endsWith('.xlsx'));

  it('finds the shared fixtures', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)('%s', async (file) => {
    const path = join(REAL_WORLD_DIR, file);
    const before = sha256(path);
    try {
      const grid = await readWorkbookFile(path);
      expect(grid.sheets.length).toBeGreaterThan(0);
      for (const s of grid.sheets) expect(s.values.every((row) => row.length === (s.values[0]?.length ?? 0))).toBe(true);
    } catch (e) {
      expect(e).toBeInstanceOf(FileUnreadableError);
      expect((e as FileUnreadableError).toFinding('vi').params.reason).toBeTruthy();
      expect((e as Error).message).toContain(file);
    }
    expect(sha256(path)).toBe(before);
  });

  it.each([
    ['invalid-xml.xlsx', 'corrupt'],
    ['missing-bits.xlsx', 'corrupt'],
  ])('%s is reported as %s', async (file, kind) => {
    await expect(readWorkbookFile(join(REAL_WORLD_DIR, file))).rejects.toMatchObject({ kind });
  });

  it('a validation over the whole sheet (A1:XFD1048576) does not hang the reader', async () => {
    const grid = await readWorkbookFile(join(REAL_WORLD_DIR, 'test-issue-1842.xlsx'));
    expect(grid.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('hidden sheets, merges and hyperlinks of a real file', async () => {
    const grid = await readWorkbookFile(join(REAL_WORLD_DIR, 'test-issue-877.xlsx'));
    const hidden = grid.sheets.filter((s) => s.visibility === 'hidden').map((s) => s.name);
    expect(hidden).toContain('Ersatzteilliste');
    expect(grid.sheets.find((s) => s.name === 'Leiterprüfung')?.merges?.length).toBeGreaterThan(100);
  });
});
