import type { CellStyle, SheetSpec } from '../../src/workbook/spec';
import { definitionHash } from '../../src/workbook/compare';
import { a1 } from '../../src/workbook/grid';
import { readMetadata } from '../../src/workbook/metadata';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { buildTemplate, TEMPLATE_SHEET } from '../../src/workbook/template';
import { gridOfSpec } from './grids';
import { romanSet, withoutRows } from './sets';

const unit = { name: 'Sở Tư pháp', level: 'so' as const };

/** The style a cell ends up with: rules apply in order, later properties win. */
function styleAt(sheet: SheetSpec, row: number, col: number): CellStyle {
  const out: CellStyle = {};
  for (const r of sheet.styles ?? []) {
    const { top, left, bottom, right } = r.range;
    if (row >= top && row <= bottom && col >= left && col <= right) Object.assign(out, r.style);
  }
  return out;
}

function rowOfCode(sheet: SheetSpec, code: string): number {
  return sheet.values.findIndex((r) => r[0] === code);
}

function readBack(spec: ReturnType<typeof buildTemplate>): UnitReading {
  const r = readUnitWorkbook(gridOfSpec(spec));
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r;
}

describe('buildTemplate', () => {
  const set = romanSet();
  const spec = buildTemplate(set, unit, { issuer: 'UBND TỈNH BẮC KẠN' });
  const sheet = spec.sheets[0];

  it('makes the score sheet and the veryHidden metadata sheet', () => {
    expect(spec.sheets.map((s) => [s.name, s.visibility ?? 'visible'])).toEqual([
      [TEMPLATE_SHEET, 'visible'],
      ['_ChiSoCCHC', 'veryHidden'],
    ]);
    expect(readMetadata(gridOfSpec(spec))).toEqual({
      format: 'chiso-cchc/1',
      setId: 'mau-so-2024',
      setVersion: '1',
      unit: 'Sở Tư pháp',
      level: 'so',
      year: 2024,
      definitionHash: definitionHash(set),
      sheet: TEMPLATE_SHEET,
      headerRow: 8,
      columnMap: { code: 'A', name: 'B', maxPoints: 'C', declared: 'D', method: 'E', evidenceRequirement: 'F', selfScore: 'G', evidence: 'H', explanation: 'I', note: 'J' },
    });
  });

  it('has the administrative header, the title, the unit and the set lines', () => {
    const texts = sheet.values.slice(0, 7).flat().filter((v) => v !== null);
    expect(texts).toEqual([
      'UBND TỈNH BẮC KẠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TƯ PHÁP',
      'Độc lập - Tự do - Hạnh phúc',
      'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024',
      'Đơn vị: Sở Tư pháp',
      'Bộ tiêu chí: Bộ tiêu chí mẫu Chỉ số CCHC các sở, ban, ngành (MẪU) (mã mau-so-2024, phiên bản 1) - BỘ TIÊU CHÍ MẪU, không phải bộ tiêu chí chính thức',
    ]);
    expect(buildTemplate(set, unit).sheets[0].values[0][0]).toBe('TÊN CƠ QUAN, TỔ CHỨC CHỦ QUẢN');
    expect(sheet.values[7]).toEqual([
      'STT',
      'Tiêu chí, tiêu chí thành phần',
      'Điểm tối đa',
      'Số liệu kê khai',
      'Cách tính điểm',
      'Các yêu cầu và tài liệu kiểm chứng',
      'Điểm tự đánh giá',
      'Tài liệu kiểm chứng',
      'Giải trình',
      'Ghi chú',
    ]);
  });

  it('writes one row per node, codes as text, sums on parent rows and a total', () => {
    expect(sheet.values.slice(8).map((r) => r[0])).toEqual(['I', '1', ...Array.from({ length: 10 }, (_, i) => `1.${i + 1}`), '2', 'II', '3', '4', '5', '6', 'III', '7', null]);
    expect(sheet.values[rowOfCode(sheet, 'I')][6]).toEqual({ formula: '=SUM(G10,G21)' });
    expect(sheet.values[rowOfCode(sheet, '1')][6]).toEqual({ formula: '=SUM(G11:G20)' });
    expect(sheet.values[rowOfCode(sheet, 'II')][6]).toEqual({ formula: '=SUM(G23:G26)' });
    const total = sheet.values[sheet.values.length - 1];
    expect(total[1]).toBe('TỔNG CỘNG');
    expect(total[2]).toBe(11); // the bonus section adds to the total, not to the maximum
    expect(total[6]).toEqual({ formula: '=SUM(G9,G22,G27)' });
  });

  it('validates each self-scored leaf from its method; survey rows get none', () => {
    const rule = (code: string) => sheet.validations?.find((v) => v.range.top === rowOfCode(sheet, code) && v.range.left === 6);
    expect(rule('2')).toMatchObject({ kind: 'list', values: [0, 1.5, 2], range: { bottom: rowOfCode(sheet, '2'), right: 6 } });
    expect(rule('2')?.message).toBe('Điểm tự đánh giá của tiêu chí 2: 0; 1,5; 2 (tối đa 2).');
    expect(rule('6')).toMatchObject({ kind: 'decimal', min: 0, max: 1 });
    expect(rule('5')).toBeUndefined();
    expect(rule('1')).toBeUndefined(); // a parent: its score is a sum
    expect(sheet.validations).toHaveLength(10 + 1 + 3 + 1);
  });

  it('locks definitions, sums and survey rows; unlocks the entry cells; protects the sheet', () => {
    const leaf = rowOfCode(sheet, '1.10');
    expect(styleAt(sheet, leaf, 6).locked).toBe(false); // self-score
    expect(styleAt(sheet, leaf, 7).locked).toBe(false); // evidence
    expect(styleAt(sheet, leaf, 8).locked).toBe(false); // explanation
    expect(styleAt(sheet, leaf, 3).locked).toBe(false); // declared
    expect(styleAt(sheet, leaf, 1).locked).not.toBe(false); // name
    expect(styleAt(sheet, leaf, 2).locked).not.toBe(false); // maximum
    expect(styleAt(sheet, rowOfCode(sheet, '1'), 6).locked).not.toBe(false); // a sum
    expect(styleAt(sheet, rowOfCode(sheet, '5'), 6).locked).not.toBe(false); // survey
    expect(styleAt(sheet, leaf, 2)).toMatchObject({ numberFormat: '0.##', border: 'thin', wrap: true });
    expect(styleAt(sheet, rowOfCode(sheet, 'II'), 1).bold).toBe(true);
    expect(sheet.protect).toBe(true);
    expect(sheet.freeze).toEqual({ rows: 8, cols: 2 });
  });

  it('prints on A4 landscape, fit to width, header repeated, page numbers in the footer', () => {
    expect(sheet.print).toMatchObject({
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
      titleRows: [7, 7],
      centerFooter: 'Trang &P/&N',
      printArea: { top: 0, left: 0, bottom: sheet.values.length - 1, right: 9 },
    });
  });

  it('reads back into the same set, with the metadata and without findings', () => {
    const r = readBack(spec);
    expect(withoutRows(r.set.fields)).toEqual(set.fields);
    expect(r.set).toMatchObject({ id: set.id, version: set.version, year: 2024, levels: ['so'] });
    expect(r.meta).toMatchObject({ unit: 'Sở Tư pháp', level: 'so', year: 2024, source: 'metadata', definitionHash: definitionHash(set) });
    expect(definitionHash(r.set)).toBe(definitionHash(set));
    expect(r.findings).toEqual([]);
    expect(r.rowOf.get('1.10')).toBe(rowOfCode(sheet, '1.10') + 1);
    // Every answer cell is empty, the sums unevaluated.
    expect(r.answers.find((a) => a.code === '1.10')).toEqual({ code: '1.10', row: 20, declared: null, selfScore: null, evidence: null, explanation: null });
  });

  it('reads back from the title lines alone when the metadata sheet is lost', () => {
    const grid = gridOfSpec(spec);
    grid.sheets.pop();
    const r = readUnitWorkbook(grid);
    if (!r.ok) throw new Error('not read');
    expect(withoutRows(r.set.fields)).toEqual(set.fields);
    expect(r.meta).toEqual({ unit: 'Sở Tư pháp', level: 'so', year: 2024, source: 'title' });
  });

  it('shows an edited definition through the hash', () => {
    const grid = gridOfSpec(spec);
    const row = rowOfCode(sheet, '3');
    grid.sheets[0].values[row][2] = 2;
    const r = readUnitWorkbook(grid);
    expect(r.ok && r.findings.map((f) => [f.code, f.sheet])).toEqual([['DEFINITION_EDITED', TEMPLATE_SHEET]]);
  });

  it('adds the appraisal and last-year columns, validated and summed too', () => {
    const full = buildTemplate(set, unit, { withAppraisal: true, withPrevious: true });
    const s = full.sheets[0];
    // The first appraisal, the final one (thẩm định lần 2) beside it, then last year's.
    expect(s.values[7].slice(10)).toEqual(['Điểm thẩm định', 'Lý do thẩm định', 'Điểm thẩm định lần 2', 'Lý do thẩm định lần 2', 'Điểm năm 2023']);
    expect(s.values[rowOfCode(s, '1')][10]).toEqual({ formula: '=SUM(K11:K20)' });
    expect(s.values[rowOfCode(s, '1')][12]).toEqual({ formula: '=SUM(M11:M20)' });
    expect(s.values[rowOfCode(s, '1')][14]).toEqual({ formula: '=SUM(O11:O20)' });
    for (const col of [10, 12]) expect(s.validations?.some((v) => v.range.left === col && v.range.top === rowOfCode(s, '2'))).toBe(true);
    for (const col of [11, 12, 13]) expect(styleAt(s, rowOfCode(s, '2'), col).locked).toBe(false);
    const r = readBack(full);
    expect(r.layout.columns).toMatchObject({ appraisedScore: 10, appraisalReason: 11, finalScore: 12, finalReason: 13, previousScore: 14 });
    expect(withoutRows(r.set.fields)).toEqual(set.fields);
    expect(a1(r.layout.headerTop, r.layout.columns.previousScore as number)).toBe('O8');
  });
});
