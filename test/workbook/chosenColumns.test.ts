/** A column chosen in the card ("Chọn cột") is read only while its header is the one it had when chosen. */
import { detectLayout, headerTexts, withChosenColumns, type Layout } from '../../src/workbook/layout';
import { readMetadata, metadataSheetSpec } from '../../src/workbook/metadata';
import { readUnitWorkbook } from '../../src/workbook/read';
import type { SheetGrid } from '../../src/workbook/grid';

const sheet = (header: string[]): SheetGrid => ({
  name: 'S',
  values: [header, ['1', 'Công tác chỉ đạo', 2, 2, 'KH số 1/KH-UBND', ''], ['1.1', 'Ban hành kế hoạch', 2, 2, 'KH số 2/KH-UBND', '']],
});
const HEADER = ['STT', 'Tiêu chí', 'Tối đa', 'Tự chấm', 'Văn bản đính kèm', 'Ghi chú'];
const layoutOf = (s: SheetGrid): Layout => {
  const r = detectLayout(s);
  if (!r.ok) throw new Error('no table');
  return r.layout;
};

describe('withChosenColumns', () => {
  it('adds the chosen column while its header is unchanged', () => {
    const s = sheet(HEADER);
    const layout = layoutOf(s);
    expect(layout.columns.evidence).toBeUndefined();
    expect(headerTexts(s, layout)).toEqual(HEADER);
    const chosen = withChosenColumns(layout, s, { evidence: { column: 'E', header: 'Văn bản đính kèm' } });
    expect(chosen.columns.evidence).toBe(4);
    expect(chosen.missing).not.toContain('evidence');
  });

  it('ignores it once a column was inserted before it, or when another item took it', () => {
    const moved = sheet(['STT', 'Tiêu chí', 'Tối đa', 'Tự chấm', 'Số liệu kê khai', 'Văn bản đính kèm', 'Ghi chú']);
    expect(withChosenColumns(layoutOf(moved), moved, { evidence: { column: 'E', header: 'Văn bản đính kèm' } }).columns.evidence).toBeUndefined();
    const s = sheet(HEADER);
    expect(withChosenColumns(layoutOf(s), s, { evidence: { column: 'F', header: 'Ghi chú' } }).columns.evidence).toBeUndefined();
  });

  it('is read from the metadata sheet by readUnitWorkbook, for the sheet it names only', () => {
    const meta = (sheetName: string) => {
      const spec = metadataSheetSpec({ format: 'chiso-cchc/1', sheet: sheetName, chosenColumns: { evidence: { column: 'E', header: 'Văn bản đính kèm' } } });
      return { name: spec.name, values: spec.values as string[][], visibility: 'veryHidden' as const };
    };
    const wb = (name: string) => ({ sheets: [sheet(HEADER), meta(name)] });
    expect(readMetadata(wb('S'))?.chosenColumns).toEqual({ evidence: { column: 'E', header: 'Văn bản đính kèm' } });
    const read = readUnitWorkbook(wb('S'));
    expect(read.ok && read.layout.columns.evidence).toBe(4);
    const other = readUnitWorkbook(wb('Khác'));
    expect(other.ok && other.layout.columns.evidence).toBeUndefined();
  });
});
