import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WorkbookSpec } from '../../src/workbook/spec';
import type { WritePlan } from '../../src/workbook/grid';
import { FileUnreadableError } from '../../src/xlsx/errors';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/read';
import { PlanError, addSheetsToFile, applyPlanToBuffer, applyPlanToFile, writeSpecToBuffer } from '../../src/xlsx/write';
import { REAL_WORLD_DIR, bufferOf, sha256 } from './helpers';
import { differences, snapshot } from './snapshot';

const tmp = mkdtempSync(join(tmpdir(), 'chiso-write-'));

const SPEC: WorkbookSpec = {
  sheets: [
    {
      name: 'Tự chấm điểm',
      values: [
        ['BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
        ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
        ['1', 'Công tác chỉ đạo, điều hành', 3, { formula: '=SUM(D4:D5)' }, null],
        ['1.1', 'Ban hành kế hoạch CCHC', 2, 1.5, 'Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp'],
        ['1.2', 'Báo cáo CCHC', 1, 0.25, '=HYPERLINK("javascript:alert(1)")'],
        [null, 'Ghi chú', null, null, '+84 209 3870 123'],
        [null, null, null, null, '-0,5 điểm do nộp chậm'],
        [null, null, null, null, '@Sở Tư pháp'],
        [null, 'TỔNG CỘNG', 3, { formula: 'SUM(D3)' }],
      ],
      columnWidths: [7, 45, 9, 10, 36],
      rowHeights: { 1: 48 },
      merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
      styles: [
        { range: { top: 1, left: 0, bottom: 1, right: 4 }, style: { bold: true, fill: 'D9E2F3', wrap: true, hAlign: 'center', vAlign: 'middle' } },
        { range: { top: 1, left: 0, bottom: 8, right: 4 }, style: { border: 'thin' } },
        { range: { top: 3, left: 3, bottom: 4, right: 4 }, style: { locked: false, numberFormat: '0.00' } },
        { range: { top: 3, left: 4, bottom: 4, right: 4 }, style: { numberFormat: '@', color: 'B71C1C', italic: true, fontSize: 11 } },
      ],
      validations: [
        { range: { top: 3, left: 3, bottom: 3, right: 3 }, kind: 'list', values: [0, 1, 2], message: 'Điểm tự đánh giá của tiêu chí 1.1: 0; 1 hoặc 2.' },
        { range: { top: 4, left: 3, bottom: 4, right: 3 }, kind: 'decimal', min: 0, max: 1, message: 'Điểm từ 0 đến 1.' },
      ],
      protect: true,
      freeze: { rows: 2, cols: 2 },
      print: {
        orientation: 'landscape',
        paperSize: 'A4',
        fitToWidth: true,
        titleRows: [1, 1],
        margins: { top: 0.6, bottom: 0.6, left: 0.8, right: 0.4, header: 0.3, footer: 0.3 },
        centerHeader: 'Sở Tư pháp',
        centerFooter: 'Trang &P/&N',
        printArea: { top: 0, left: 0, bottom: 8, right: 4 },
      },
    },
    { name: '_ChiSoCCHC', visibility: 'veryHidden', values: [['format', 'chiso-cchc/1']] },
  ],
};

describe('writeSpecToBuffer renders every SheetSpec feature', () => {
  let buf: Buffer;
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    buf = await writeSpecToBuffer(SPEC);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    ws = wb.getWorksheet('Tự chấm điểm') as ExcelJS.Worksheet;
  });

  it.each(['E5', 'E6', 'E7', 'E8'])('text starting with = + - @ in %s stays text', (addr) => {
    expect(ws.getCell(addr).type).toBe(ExcelJS.ValueType.String);
  });

  it('writes formulas only where the spec says, with their SUM results', async () => {
    const xml = await (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')?.async('string');
    expect(xml?.match(/<f>[^<]*<\/f>/g)).toEqual(['<f>SUM(D4:D5)</f>', '<f>SUM(D3)</f>']);
    expect(ws.getCell('D3').value).toEqual({ formula: 'SUM(D4:D5)', result: 1.75 });
    expect(ws.getCell('D9').value).toEqual({ formula: 'SUM(D3)', result: 1.75 });
    const grid = await readWorkbookBuffer(buf, 't.xlsx');
    expect(grid.sheets[0].values[4][4]).toBe('=HYPERLINK("javascript:alert(1)")');
    expect(grid.sheets[0].values[2][3]).toBe(1.75);
  });

  it('asks Excel to recompute formulas on open', async () => {
    const xml = await (await JSZip.loadAsync(buf)).file('xl/workbook.xml')?.async('string');
    expect(xml).toMatch(/fullCalcOnLoad="1"/);
  });

  it('widths, heights, merges', () => {
    expect([1, 2, 3, 4, 5].map((c) => Math.round(ws.getColumn(c).width ?? 0))).toEqual([7, 45, 9, 10, 36]);
    expect(ws.getRow(2).height).toBe(48);
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('C1').master.address).toBe('A1');
  });

  it('styles combine in order', () => {
    const header = ws.getCell('B2');
    expect(header.font.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } });
    expect(header.alignment).toMatchObject({ wrapText: true, horizontal: 'center', vertical: 'middle' });
    expect(header.border.top?.style).toBe('thin');
    const evidence = ws.getCell('E4');
    expect(evidence.numFmt).toBe('@');
    expect(evidence.font).toMatchObject({ italic: true, size: 11, color: { argb: 'FFB71C1C' } });
    expect(evidence.protection.locked).toBe(false);
    expect(evidence.border.left?.style).toBe('thin');
    expect(ws.getCell('D4').numFmt).toBe('0.00');
    expect(ws.getCell('C4').protection?.locked).not.toBe(false);
  });

  it('data validation with messages', () => {
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv.D4).toMatchObject({ type: 'list', formulae: ['"0,1,2"'], showErrorMessage: true, error: 'Điểm tự đánh giá của tiêu chí 1.1: 0; 1 hoặc 2.' });
    expect(dv.D5).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1], error: 'Điểm từ 0 đến 1.' });
  });

  it('protection without password, freeze panes', () => {
    const p = (ws.model as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(p).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(p.hashValue).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
  });

  it('page setup: A4 landscape, fit to width, titles, margins, header/footer, print area', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2', printArea: 'A1:E9' });
    expect(ws.pageSetup.margins).toEqual({ top: 0.6, bottom: 0.6, left: 0.8, right: 0.4, header: 0.3, footer: 0.3 });
    expect(ws.headerFooter).toMatchObject({ oddHeader: '&CSở Tư pháp', oddFooter: '&CTrang &P/&N' });
  });

  it('veryHidden sheets', () => {
    expect(wb.getWorksheet('_ChiSoCCHC')?.state).toBe('veryHidden');
  });

  it('a list too long for Excel falls back to its bounds', async () => {
    const values = Array.from({ length: 200 }, (_, i) => i / 4);
    const out = await writeSpecToBuffer({
      sheets: [{ name: 'A', values: [[1]], validations: [{ range: { top: 0, left: 0, bottom: 0, right: 0 }, kind: 'list', values, message: 'x' }] }],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out as unknown as ExcelJS.Buffer);
    const dv = (back.worksheets[0] as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv.A1).toMatchObject({ type: 'decimal', formulae: [0, 49.75] });
  });
});

describe('applyPlanToFile writes exactly the planned cells', () => {
  const real = join(REAL_WORLD_DIR, 'test-issue-877.xlsx');
  const plan: WritePlan = {
    blocks: [
      { sheet: 'Ersatzteilliste', row: 45, col: 0, values: [['Kế hoạch số 15/KH-STP', 1.5, '=1+1'], [null, { formula: '=SUM(B46)' }, true]] },
      { sheet: 'Leiterprüfung', row: 600, col: 7, values: [['Giải trình: chưa có văn bản']] },
    ],
  };
  const planned = ['Ersatzteilliste!A46', 'Ersatzteilliste!B46', 'Ersatzteilliste!C46', 'Ersatzteilliste!A47', 'Ersatzteilliste!B47', 'Ersatzteilliste!C47', 'Leiterprüfung!H601'];

  it('everything else is as before; the source is untouched', async () => {
    const out = join(tmp, 'out-877.xlsx');
    const before = sha256(real);
    await applyPlanToFile(real, plan, out);
    expect(sha256(real)).toBe(before);
    const a = await snapshot(readFileSync(real));
    const b = await snapshot(readFileSync(out));
    const changed = differences(a, b);
    // Besides the written cells and the rows they create, nothing (the surgical writer keeps
    // the bold format of the blank row 66 that exceljs used to drop).
    expect(changed.filter((k) => !planned.includes(k) && !/#row(46|47|601)$/.test(k))).toEqual([]);
    // A47 was blank and is written blank: no change to see.
    expect(planned.filter((k) => !changed.includes(k))).toEqual(['Ersatzteilliste!A47']);
    const grid = await readWorkbookFile(out);
    const sheet = grid.sheets.find((s) => s.name === 'Ersatzteilliste');
    expect(sheet?.values[45].slice(0, 3)).toEqual(['Kế hoạch số 15/KH-STP', 1.5, '=1+1']);
    expect(sheet?.values[46].slice(0, 3)).toEqual([null, 1.5, true]);
    expect(sheet?.formulas?.[46][1]).toBe('=SUM(B46)');
  });

  it('recomputes the SUM totals that depend on the written cells', async () => {
    const src = await bufferOf((wb) => {
      const ws = wb.addWorksheet('Tự chấm điểm');
      ws.getCell('D2').value = 1;
      ws.getCell('D3').value = 0.5;
      ws.getCell('D1').value = { formula: 'SUM(D2:D3)', result: 1.5 } as ExcelJS.CellFormulaValue;
    });
    const { data } = await applyPlanToBuffer(src, { blocks: [{ sheet: 'Tự chấm điểm', row: 1, col: 3, values: [[2], [0.75]] }] });
    expect((await readWorkbookBuffer(data, 'x.xlsx')).sheets[0].values.map((r) => r[3])).toEqual([2.75, 2, 0.75]);
  });

  it('refuses a sheet that is not there and a cell inside a merge', async () => {
    const src = await bufferOf((wb) => {
      const ws = wb.addWorksheet('A');
      ws.mergeCells('A1:B1');
    });
    await expect(applyPlanToBuffer(src, { blocks: [{ sheet: 'B', row: 0, col: 0, values: [[1]] }] })).rejects.toThrow(PlanError);
    await expect(applyPlanToBuffer(src, { blocks: [{ sheet: 'A', row: 0, col: 1, values: [[1]] }] })).rejects.toThrow(/B1 of sheet "A" is inside a merged area/);
    await expect(applyPlanToBuffer(src, { blocks: [{ sheet: 'A', row: 0, col: 0, values: [[1, null]] }] })).resolves.toMatchObject({ recalculated: [] });
  });
});

describe('what exceljs cannot carry', () => {
  it('a validation over the whole sheet is refused when adding sheets, naming sheet and range', async () => {
    const src = join(REAL_WORLD_DIR, 'test-issue-1842.xlsx');
    const e = await addSheetsToFile(src, [{ name: 'Tổng hợp', values: [] }], join(tmp, 'x.xlsx')).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(FileUnreadableError);
    expect((e as FileUnreadableError).reason('vi')).toContain('Sheet1!A1:XFD1048576');
  });

  it('whole-column validations still load', async () => {
    const src = await bufferOf((wb) => {
      const ws = wb.addWorksheet('A');
      ws.getCell('A1').value = 1;
      (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add('G1:G1048576', { type: 'decimal', operator: 'between', formulae: [0, 2] });
    });
    const { data } = await applyPlanToBuffer(src, { blocks: [{ sheet: 'A', row: 0, col: 0, values: [[2]] }] });
    expect((await readWorkbookBuffer(data, 'x.xlsx')).sheets[0].values).toEqual([[2]]);
  }, 60_000);

  it('charts are reported as missing from a copy with added sheets', async () => {
    const { dropped } = await addSheetsToFile(join(REAL_WORLD_DIR, 'chart-sheet.xlsx'), [{ name: 'Tổng hợp', values: [] }], join(tmp, 'chart.xlsx'));
    expect(dropped).toContain('biểu đồ / charts');
  });
});

describe('addSheetsToFile', () => {
  it('appends sheets to a copy and keeps the rest', async () => {
    const src = join(tmp, 'gold.xlsx');
    copyFileSync(join(REAL_WORLD_DIR, 'gold.xlsx'), src);
    const out = join(tmp, 'gold-out.xlsx');
    await addSheetsToFile(src, [{ name: 'Tổng hợp', values: [['Đơn vị', 'Chỉ số'], ['Sở Tư pháp', 0.8125]] }], out);
    const a = await snapshot(readFileSync(src));
    const b = await snapshot(readFileSync(out));
    expect(differences(a, b).filter((k) => !k.startsWith('Tổng hợp'))).toEqual(['#sheets']);
    const grid = await readWorkbookFile(out);
    expect(grid.sheets.at(-1)?.values).toEqual([['Đơn vị', 'Chỉ số'], ['Sở Tư pháp', 0.8125]]);
    await expect(addSheetsToFile(out, [{ name: 'Tổng hợp', values: [] }], join(tmp, 'again.xlsx'))).rejects.toThrow(/already exists/);
    await addSheetsToFile(out, [{ name: 'Tổng hợp', values: [['mới']] }], join(tmp, 'again.xlsx'), { replace: true });
    expect((await readWorkbookFile(join(tmp, 'again.xlsx'))).sheets.at(-1)?.values).toEqual([['mới']]);
  });
});
