/**
 * Writes .xlsx files: renders a WorkbookSpec (template, print sheet, consolidation) and
 * appends sheets with exceljs; applies a WritePlan to a copy of an existing workbook with
 * the surgical writer (surgical.ts), touching only the planned cells' XML.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { constants, deflateRawSync } from 'node:zlib';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { a1, type CellRange, type WritePlan, type WriteValue } from '../workbook/grid';
import type { CellStyle, SheetSpec, StreamedWorkbookSpec, ValidationRule, WorkbookSpec } from '../workbook/spec';
import { inspectForWrite } from './guard';
import { loadWorkbook } from './read';
import { recalcSums } from './recalc';
import { streamSpec, type ChunkDeflate } from './streamWrite';
import { PlanError, applyPlanSurgically, type SurgicalResult } from './surgical';

export { PlanError, type SurgicalResult } from './surgical';

/** exceljs, loaded on the first write: the CLI's reading commands never pay for its start. */
async function exceljs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export async function writeSpecToBuffer(spec: WorkbookSpec): Promise<Buffer> {
  const wb = new (await exceljs()).Workbook();
  for (const sheet of spec.sheets) await renderSheet(wb, sheet);
  return save(wb);
}

export async function writeSpecToFile(spec: WorkbookSpec, out: string): Promise<void> {
  await writeAtomically(out, bytes(await writeSpecToBuffer(spec)));
}

/** Node's zlib at level 1: a quarter of fflate's time on the summary's XML, for the same size. */
const zlibDeflate: ChunkDeflate = (chunk, final) => deflateRawSync(chunk, { level: 1, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });

/**
 * Writes `spec` through the streaming writer (large summaries): no exceljs model in
 * memory, and the file written as it is compressed, never held whole.
 */
export async function streamSpecToFile(spec: StreamedWorkbookSpec, out: string): Promise<void> {
  await writeAtomically(out, async (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      streamSpec(spec, (chunk) => writeSync(fd, chunk), { deflate: zlibDeflate });
    } finally {
      closeSync(fd);
    }
  });
}

/**
 * Applies the plan to a workbook given as bytes: only the planned cells change (and the
 * cached results of the SUMs over them), every other part keeps its bytes.
 */
export async function applyPlanToBuffer(src: Buffer, plan: WritePlan, name = 'workbook.xlsx'): Promise<SurgicalResult> {
  return applyPlanSurgically(src, plan, name);
}

/** Reads `src`, writes the planned cells, saves to `out`. `src` is only read unless it is `out`. */
export async function applyPlanToFile(src: string, plan: WritePlan, out: string): Promise<{ recalculated: string[] }> {
  const { data, recalculated } = await applyPlanToBuffer(await readFile(src), plan, basename(src));
  await writeAtomically(out, bytes(data));
  return { recalculated };
}

/** Appends the spec's sheets to a copy of the workbook `src`, saved to `out`. */
export async function addSheetsToFile(src: string, sheets: SheetSpec[], out: string, opts: { replace?: boolean } = {}): Promise<{ dropped: string[] }> {
  const buf = await readFile(src);
  const { dropped } = await inspectForWrite(buf, basename(src));
  const wb = await loadWorkbook(buf, basename(src));
  for (const spec of sheets) {
    const existing = wb.getWorksheet(spec.name);
    if (existing && !opts.replace) {
      throw new PlanError(`Trang tính "${spec.name}" đã có trong ${basename(src)}.`, `Sheet "${spec.name}" already exists in ${basename(src)}.`);
    }
    if (existing) wb.removeWorksheet(existing.id);
    await renderSheet(wb, spec);
  }
  await writeAtomically(out, bytes(await save(wb)));
  return { dropped };
}

/** Strings are literal text: exceljs stores them as shared strings, never as formulas. */
function setValue(cell: ExcelJS.Cell, value: WriteValue): void {
  if (value !== null && typeof value === 'object') cell.value = { formula: value.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
  else cell.value = value;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  recalcSums(wb, await exceljs());
  // Excel recomputes every formula on open; other readers see the cached results.
  wb.calcProperties.fullCalcOnLoad = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes `data` whole, for writeAtomically. */
const bytes = (data: Buffer) => (tmp: string) => writeFile(tmp, data);

/** `write` to a temporary file beside `out`, then rename: a failed save never leaves half a file. */
async function writeAtomically(out: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { force: true });
    // The user named `out`, not our temporary file: messages must say `out`.
    (e as NodeJS.ErrnoException).path = out;
    throw e;
  }
}

async function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec): Promise<void> {
  const ws = wb.addWorksheet(spec.name, { state: spec.visibility ?? 'visible' });
  spec.values.forEach((row, r) => row.forEach((v, c) => v !== null && setValue(ws.getCell(r + 1, c + 1), v)));
  // exceljs takes a width of exactly 9 for "no width" and omits it (Excel would show 8.43).
  spec.columnWidths?.forEach((w, c) => (ws.getColumn(c + 1).width = w === 9 ? 9.001 : w));
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const m of spec.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const rule of spec.styles ?? []) forEachCell(rule.range, (r, c) => applyStyle(ws.getCell(r + 1, c + 1), rule.style));
  for (const rule of spec.validations ?? []) addValidation(ws, rule);
  if (spec.freeze) ws.views = [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }];
  if (spec.autoFilter) ws.autoFilter = rangeA1(spec.autoFilter);
  if (spec.print) {
    const p = spec.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: p.orientation,
      ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false }),
      margins: p.margins,
      ...(p.titleRows ? { printTitlesRow: `${p.titleRows[0] + 1}:${p.titleRows[1] + 1}` } : {}),
      ...(p.printArea ? { printArea: rangeA1(p.printArea) } : {}),
    };
    // exceljs writes a manual break after the 1-based row it is added on.
    for (const r of p.rowBreaks ?? []) ws.getRow(r + 1).addPageBreak();
    ws.headerFooter = {
      ...(p.centerHeader ? { oddHeader: `&C${p.centerHeader}` } : {}),
      ...(p.centerFooter ? { oddFooter: `&C${p.centerFooter}` } : {}),
    };
  }
  // No password: protection prevents accidental edits of the definition columns, not attacks.
  if (spec.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      formatCells: false,
    });
  }
}

function forEachCell(range: CellRange, fn: (r: number, c: number) => void): void {
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) fn(r, c);
}

/** Rules apply in order: a later rule changes only the properties it names. */
function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.color !== undefined || s.fontName !== undefined) {
    cell.font = {
      ...cell.font,
      ...(s.fontName !== undefined ? { name: s.fontName } : {}),
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
      ...(s.color !== undefined ? { color: { argb: `FF${s.color}` } } : {}),
    };
  }
  if (s.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } };
  if (s.wrap !== undefined || s.hAlign !== undefined || s.vAlign !== undefined) {
    cell.alignment = {
      ...cell.alignment,
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.hAlign !== undefined ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign !== undefined ? { vertical: s.vAlign } : {}),
    };
  }
  if (s.border === 'thin') {
    const thin: Partial<ExcelJS.Border> = { style: 'thin' };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  } else if (s.border === 'none') {
    cell.border = {};
  }
  if (s.numberFormat !== undefined) cell.numFmt = s.numberFormat;
  if (s.locked !== undefined) cell.protection = { ...cell.protection, locked: s.locked };
}

/** exceljs keeps validations by address (ranges allowed) but does not type `dataValidations`. */
function addValidation(ws: ExcelJS.Worksheet, rule: ValidationRule): void {
  // Excel refuses (and "repairs" the file) beyond these lengths: title 32, error 225, prompt 255.
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    error: rule.message.slice(0, 225),
    showInputMessage: true,
    prompt: rule.message.slice(0, 255),
  };
  // A literal list is one quoted, comma-separated formula of at most 255 characters;
  // a longer list falls back to its bounds.
  const list = rule.kind === 'list' ? `"${rule.values.join(',')}"` : '';
  const validation =
    rule.kind === 'list' && list.length <= 255
      ? { ...common, type: 'list', formulae: [list] }
      : { ...common, type: 'decimal', operator: 'between', formulae: bounds(rule) };
  (ws as unknown as { dataValidations: { add(address: string, v: object): void } }).dataValidations.add(rangeA1(rule.range), validation);
}

function bounds(rule: ValidationRule): number[] {
  if (rule.kind === 'decimal') return [rule.min, rule.max];
  const numbers = rule.values.map(Number).filter(Number.isFinite);
  return [Math.min(...numbers), Math.max(...numbers)];
}

function rangeA1(r: CellRange): string {
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}
