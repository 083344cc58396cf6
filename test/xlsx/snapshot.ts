/** Everything exceljs sees in a workbook, cell by cell, to prove a write changed nothing else. */
import ExcelJS from 'exceljs';

export type Snapshot = Map<string, string>;

/** Keys: `sheet!A1` for cells, `sheet#what` for sheet properties, `#names` and `#sheets` for the workbook. */
export async function snapshot(buf: Buffer): Promise<Snapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const out: Snapshot = new Map();
  const put = (key: string, v: unknown) => out.set(key, stable(v));
  put('#sheets', wb.worksheets.map((ws) => [ws.name, ws.state]));
  put('#names', wb.definedNames.model);
  for (const ws of wb.worksheets) {
    const model = ws.model as ExcelJS.WorksheetModel & Record<string, unknown>;
    put(`${ws.name}#merges`, [...model.merges].sort());
    put(`${ws.name}#cols`, ws.columns?.map((c) => [c.width, c.hidden, c.outlineLevel]));
    put(`${ws.name}#views`, ws.views);
    // exceljs writes useFirstPageNumber="1" with firstPageNumber 1: numbering starts at 1 either way.
    put(`${ws.name}#pageSetup`, { ...ws.pageSetup, useFirstPageNumber: undefined });
    put(`${ws.name}#headerFooter`, ws.headerFooter);
    put(`${ws.name}#protection`, model.sheetProtection);
    put(`${ws.name}#validations`, model.dataValidations);
    put(`${ws.name}#conditional`, model.conditionalFormattings);
    put(`${ws.name}#autoFilter`, ws.autoFilter);
    put(`${ws.name}#images`, ws.getImages().map((i) => [i.imageId, i.range.tl.nativeCol, i.range.tl.nativeRow]));
    // The row and cell models are what exceljs writes back: only cells present in the file.
    for (const row of model.rows as { number: number; height?: number; hidden?: boolean; style?: Partial<ExcelJS.Style>; cells: { address: string; style?: Partial<ExcelJS.Style> }[] }[]) {
      const { cells, ...props } = row;
      const present = cells.filter((c) => !isPlainBlank(c));
      const rowProps = { ...props, min: undefined, max: undefined, style: plainStyle(props.style) };
      // A row of plain blanks with no format of its own is no row at all.
      if (present.length > 0 || Object.keys(rowProps.style).length > 0 || props.height !== undefined || props.hidden) put(`${ws.name}#row${row.number}`, rowProps);
      for (const cell of present) put(`${ws.name}!${cell.address}`, { ...cell, style: plainStyle(cell.style) });
    }
  }
  return out;
}

/**
 * exceljs fills a row's `spans` with blank cells on load and drops them on save. A blank
 * without number format, alignment, protection, border or fill looks the same present or
 * absent, so it is left out of the comparison.
 */
function isPlainBlank(cell: { type?: number; style?: Partial<ExcelJS.Style> }): boolean {
  const s = cell.style ?? {};
  const noFill = !s.fill || (s.fill.type === 'pattern' && s.fill.pattern === 'none');
  const noBorder = !s.border || Object.keys(s.border).length === 0;
  return cell.type === ExcelJS.ValueType.Null && noFill && noBorder && !s.numFmt && !s.alignment && !s.protection;
}

/** Office's default font: a style that only names it, with no border and no fill, is the default style. */
const DEFAULT_FONT = stable({ name: 'Calibri', size: 11, family: 2, scheme: 'minor', color: { theme: 1 } });

/** The style without the parts that equal Excel's defaults (exceljs drops them on save). */
function plainStyle(style: Partial<ExcelJS.Style> | undefined): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = { ...(style ?? {}) };
  if (s.border && Object.keys(s.border).length === 0) delete s.border;
  if (s.fill && s.fill.type === 'pattern' && s.fill.pattern === 'none') delete s.fill;
  if (s.font && stable(s.font) === DEFAULT_FONT) delete s.font;
  return s;
}

/** JSON with sorted keys: exceljs does not keep the order of style properties. */
function stable(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}

/** Keys whose entries differ between two snapshots (or exist in one only). */
export function differences(a: Snapshot, b: Snapshot): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}
