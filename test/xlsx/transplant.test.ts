/**
 * Sheets the pane adds or rewrites, saved into the original file by the surgical writer:
 * real bytes (the sample workbook), read back by exceljs and LibreOffice, every untouched
 * part byte-identical, the package consistent (parts, relationships, content types,
 * styles), and a second save over the first replacing its sheets instead of doubling them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { loadWorkbook } from '../../src/xlsx/buffer';
import { PlanError, applyPlanSurgically } from '../../src/xlsx/surgical';

jest.setTimeout(120_000);

const tmp = mkdtempSync(join(tmpdir(), 'chiso-transplant-'));
const SAMPLE = readFileSync(join(__dirname, '..', '..', 'data', 'samples', 'so-tu-phap-2024.xlsx'));
const SUMMARY = 'Tổng hợp';
const LOG = 'Nhật ký thẩm định';
const TRICKY = ['=1+1', '+84 912 345 678', '-5 điểm', '@ghi chú'];

async function entries(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

/** What the pane does in the page: sheets added to the workbook exceljs opened. */
function addSummary(wb: ExcelJS.Workbook, title: string): void {
  const ws = wb.addWorksheet(SUMMARY);
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14, name: 'Times New Roman' };
  ws.mergeCells('A1:D1');
  ['Đơn vị', 'Điểm', 'Tỷ lệ', 'Ghi chú'].forEach((h, i) => {
    const cell = ws.getCell(3, i + 1);
    cell.value = h;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.getCell('A4').value = 'Sở Tư pháp';
  ws.getCell('B4').value = 78.25;
  ws.getCell('C4').value = 0.7825;
  ws.getCell('C4').numFmt = '0.0%';
  TRICKY.forEach((t, i) => (ws.getCell(5 + i, 4).value = t));
  ws.getCell('B9').value = { formula: 'SUM(B4:B8)' } as ExcelJS.CellFormulaValue;
  ws.getColumn(1).width = 32;
  // Selected as a tab (as a sheet read from a file keeps it): two selected tabs would open grouped.
  ws.views = [{ state: 'frozen', ySplit: 3, activeCell: 'A4', tabSelected: true } as unknown as ExcelJS.WorksheetView];
  ws.pageSetup.printTitlesRow = '3:3';
  const log = wb.addWorksheet(LOG, { state: 'veryHidden' });
  log.getCell('A1').value = 'Thẩm định lúc 2024-06-07T08:30';
}

async function saved(src: Buffer, edit: (wb: ExcelJS.Workbook) => void, sheets: string[]): Promise<Buffer> {
  const wb = await loadWorkbook(src, 'so.xlsx');
  edit(wb);
  const donor = Buffer.from(await wb.xlsx.writeBuffer());
  const plan = { blocks: [{ sheet: wb.worksheets[0].name, row: 0, col: 20, values: [['đã sửa']] }] };
  return (await applyPlanSurgically(src, plan, 'so.xlsx', { donor, sheets })).data;
}

async function excel(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** Parts, relationships, content types and style indexes that Excel checks when it opens a file. */
async function packageProblems(buf: Buffer): Promise<string[]> {
  const files = await entries(buf);
  const problems: string[] = [];
  for (const [name, bytes] of files) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser();
    try {
      parser.write(bytes.toString('utf8')).close();
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  const types = files.get('[Content_Types].xml')?.toString('utf8') ?? '';
  for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) if (!files.has(decodeURIComponent(m[1]))) problems.push(`override without part: ${m[1]}`);
  for (const [name, bytes] of files) {
    if (!name.endsWith('.rels')) continue;
    const base = posix.dirname(posix.dirname(name));
    for (const m of bytes.toString('utf8').matchAll(/<Relationship\b([^>]*)>/g)) {
      if (/TargetMode="External"/.test(m[1])) continue;
      const target = /Target="([^"]+)"/.exec(m[1])?.[1] ?? '';
      const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
      if (!files.has(path)) problems.push(`${name}: no part ${path}`);
    }
  }
  const book = files.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const sheets = [...book.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*sheetId="(\d+)"|<sheet\b[^>]*sheetId="(\d+)"[^>]*name="([^"]*)"/g)];
  const names = sheets.map((m) => (m[1] ?? m[4]).toLowerCase());
  const ids = sheets.map((m) => m[2] ?? m[3]);
  if (new Set(names).size !== names.length) problems.push('two sheets with one name');
  if (new Set(ids).size !== ids.length) problems.push('two sheets with one sheetId');
  const styles = files.get('xl/styles.xml')?.toString('utf8') ?? '';
  const xfs = /<cellXfs\b[^>]*count="(\d+)"[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  const xfCount = [...(xfs?.[2] ?? '').matchAll(/<xf\b/g)].length;
  if (Number(xfs?.[1]) !== xfCount) problems.push(`cellXfs count ${xfs?.[1]} for ${xfCount}`);
  for (const list of ['fonts', 'fills', 'borders']) {
    const m = new RegExp(`<${list}\\b[^>]*count="(\\d+)"`).exec(styles);
    const n = [...(new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(styles)?.[1] ?? '').matchAll(new RegExp(`<${list.slice(0, -1)}\\b`, 'g'))].length;
    if (Number(m?.[1]) !== n) problems.push(`${list} count ${m?.[1]} for ${n}`);
  }
  for (const [name, bytes] of files) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    for (const m of bytes.toString('utf8').matchAll(/<c\b[^>]*\bs="(\d+)"/g)) if (Number(m[1]) >= xfCount) problems.push(`${name}: style ${m[1]} of ${xfCount}`);
    if (/\bt="s"/.test(bytes.toString('utf8')) && !files.has('xl/sharedStrings.xml')) problems.push(`${name}: shared strings without the part`);
  }
  return problems;
}

describe('sheets the pane added, saved into the original file', () => {
  let out: Buffer;
  beforeAll(async () => {
    out = await saved(SAMPLE, (wb) => addSummary(wb, 'TỔNG HỢP ĐIỂM'), [SUMMARY, LOG]);
    writeFileSync(join(tmp, 'saved.xlsx'), out);
  });

  it('keeps every other part of the original byte-identical', async () => {
    const before = await entries(SAMPLE);
    const after = await entries(out);
    const changed = [...before].filter(([name, bytes]) => !after.get(name)?.equals(bytes)).map(([name]) => name);
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort());
    expect([...after.keys()].filter((n) => !before.has(n))).toHaveLength(2);
  });

  it('is a consistent package: parts, relationships, content types, names, style counts', async () => {
    expect(await packageProblems(out)).toEqual([]);
  });

  it('exceljs reads the new sheets with their values, text as text, styles, merges and print titles', async () => {
    const wb = await excel(out);
    expect(wb.worksheets.map((w) => w.name).slice(-2)).toEqual([SUMMARY, LOG]);
    const ws = wb.getWorksheet(SUMMARY)!;
    expect(ws.getCell('A1').value).toBe('TỔNG HỢP ĐIỂM');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14, name: 'Times New Roman' });
    expect(ws.getCell('B3').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('B3').border?.bottom?.style).toBe('thin');
    expect(ws.getCell('C4').numFmt).toBe('0.0%');
    expect(ws.getCell('B4').value).toBe(78.25);
    TRICKY.forEach((t, i) => {
      expect(ws.getCell(5 + i, 4).value).toBe(t);
      expect(ws.getCell(5 + i, 4).formula).toBeUndefined();
    });
    expect(ws.getCell('B9').formula).toBe('SUM(B4:B8)');
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.getColumn(1).width).toBe(32);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(wb.getWorksheet(LOG)!.state).toBe('veryHidden');
    expect(wb.worksheets[0].getCell('U1').value).toBe('đã sửa');
  });

  it('leaves the original cells their styles and only the original active tab selected', async () => {
    const [a, b] = [await excel(SAMPLE), await excel(out)];
    const [wa, wb] = [a.worksheets[0], b.worksheets[0]];
    for (const at of ['A1', 'A5', 'C10', 'D12']) expect(wb.getCell(at).style).toEqual(wa.getCell(at).style);
    const before = await entries(SAMPLE);
    const added = [...(await entries(out))].filter(([n]) => !before.has(n) && /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(added).toHaveLength(2);
    for (const [, bytes] of added) expect(bytes.toString('utf8')).not.toMatch(/tabSelected="1"|t="s"/);
  });

  it('saved twice: the second save replaces the sheets the first one added, styles are reused', async () => {
    const again = await saved(
      out,
      (wb) => {
        for (const name of [SUMMARY, LOG]) wb.removeWorksheet(wb.getWorksheet(name)!.id);
        addSummary(wb, 'TỔNG HỢP LẦN 2');
      },
      [SUMMARY, LOG],
    );
    expect(await packageProblems(again)).toEqual([]);
    const wb = await excel(again);
    expect(wb.worksheets.filter((w) => w.name === SUMMARY)).toHaveLength(1);
    expect(wb.getWorksheet(SUMMARY)!.getCell('A1').value).toBe('TỔNG HỢP LẦN 2');
    expect(wb.getWorksheet(SUMMARY)!.pageSetup.printTitlesRow).toBe('3:3');
    const [first, second] = [await entries(out), await entries(again)];
    expect(second.get('xl/styles.xml')?.equals(first.get('xl/styles.xml') as Buffer)).toBe(true);
    expect((second.get('xl/workbook.xml')?.toString('utf8').match(/_xlnm\.Print_Titles" localSheetId="2"/g) ?? []).length).toBe(1);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  });

  it('LibreOffice converts the saved file with the new sheet to PDF', () => {
    execFileSync('soffice', [`-env:UserInstallation=file://${join(tmp, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, join(tmp, 'saved.xlsx')], { timeout: 110_000, stdio: 'ignore' });
    const pdf = join(tmp, 'saved.pdf');
    expect(existsSync(pdf) && statSync(pdf).size).toBeGreaterThan(1000);
  });
});

describe('what is refused', () => {
  it('a new sheet with a picture: the parts it links to are not carried, so it is refused in both languages', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const attempt = saved(
      SAMPLE,
      (wb) => {
        const ws = wb.addWorksheet('Ảnh');
        ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'A1:B2');
      },
      ['Ảnh'],
    );
    await expect(attempt).rejects.toThrow(PlanError);
    await expect(attempt).rejects.toThrow(/Trang "Ảnh" có hình.*\/ Sheet "Ảnh" has pictures/);
  });

  it('a file whose styles cannot be found: refused naming the file, in both languages', async () => {
    const zip = await JSZip.loadAsync(SAMPLE);
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(/<Relationship\b[^>]*\/styles"[^>]*\/>/, '');
    const src = await zip.file('xl/_rels/workbook.xml.rels', rels).generateAsync({ type: 'nodebuffer' });
    const attempt = saved(src, (wb) => addSummary(wb, 'TỔNG HỢP'), [SUMMARY]);
    await expect(attempt).rejects.toThrow(PlanError);
    await expect(attempt).rejects.toThrow(
      'Không ghi an toàn được vào tệp so.xlsx (không có styles.xml); hãy mở tệp bằng Excel, lưu lại rồi thử lại. / so.xlsx cannot be edited safely (no styles.xml); open the file in Excel, save it and try again.',
    );
  });
});
