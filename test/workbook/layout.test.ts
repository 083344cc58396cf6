import fc from 'fast-check';
import type { CellValue } from '../../src/core/answers';
import { message } from '../../src/core/findings';
import { WorkbookError } from '../../src/workbook/errors';
import type { SheetGrid } from '../../src/workbook/grid';
import { detectLayout, detectWorkbookLayout, layoutFromMapping } from '../../src/workbook/layout';
import { reorderedSheet, soTuPhapSheet } from './grids';

describe('detectLayout', () => {
  it('finds a two-row header with "Điểm" merged over "Tối đa | Tự đánh giá | Thẩm định", below the title lines', () => {
    const r = detectLayout(soTuPhapSheet());
    if (!r.ok) throw new Error(message(r.finding));
    expect(r.layout).toEqual({
      sheet: 'Tự chấm điểm',
      headerTop: 6,
      headerBottom: 7,
      firstDataRow: 9, // the "(1) (2) ..." numbering row is skipped
      lastDataRow: 33, // the signature line
      columns: { code: 0, name: 1, maxPoints: 2, selfScore: 3, appraisedScore: 4, method: 5, evidence: 6, explanation: 7, note: 8 },
      missing: ['declared', 'evidenceRequirement', 'appraisalReason', 'finalScore', 'finalReason', 'previousScore'],
      titleRows: [0, 1, 3, 4, 5],
    });
  });

  it('finds a one-row header with the columns in another order', () => {
    const r = detectLayout(reorderedSheet());
    if (!r.ok) throw new Error(message(r.finding));
    expect(r.layout.headerTop).toBe(3);
    expect(r.layout.headerBottom).toBe(3);
    expect(r.layout.firstDataRow).toBe(4);
    expect(r.layout.lastDataRow).toBe(6);
    // No "Giải trình" column: "Ghi chú" serves as the explanation (src/workbook/header-synonyms.json, orColumnOf).
    expect(r.layout.columns).toEqual({
      explanation: 0,
      selfScore: 1,
      code: 2,
      name: 3,
      maxPoints: 4,
      evidence: 5,
      evidenceRequirement: 6,
      method: 7,
      previousScore: 8,
      declared: 9,
    });
  });

  it('finds the header without merge information (adapters that drop merges)', () => {
    const sheet = soTuPhapSheet();
    delete sheet.merges;
    const r = detectLayout(sheet);
    if (!r.ok) throw new Error(message(r.finding));
    expect(r.layout.columns).toMatchObject({ code: 0, name: 1, maxPoints: 2, selfScore: 3, appraisedScore: 4 });
  });

  it('names the missing required columns in Vietnamese', () => {
    const sheet: SheetGrid = {
      name: 'Sheet1',
      values: [['Đơn vị: Sở Nội vụ'], ['STT', 'Nội dung', 'Tài liệu kiểm chứng', 'Ghi chú'], ['1', 'Kế hoạch', null, null]],
    };
    const r = detectLayout(sheet);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.finding).toMatchObject({ code: 'LAYOUT_NOT_FOUND', sheet: 'Sheet1', params: { sheet: 'Sheet1', missing: 'Điểm tối đa, Điểm tự đánh giá' } });
    expect(message(r.finding)).toContain('thiếu Điểm tối đa, Điểm tự đánh giá');
  });

  it('reports every required column for an empty sheet', () => {
    const r = detectLayout({ name: 'Trống', values: [] });
    expect(r.ok ? undefined : r.finding.params.missing).toBe('STT, Tiêu chí, tiêu chí thành phần, Điểm tối đa, Điểm tự đánh giá');
  });

  it('never throws, whatever the grid', () => {
    const header = fc.constantFrom('STT', 'Tiêu chí', 'Điểm', 'Tối đa', 'Tự đánh giá', 'Điểm tối đa', 'Điểm tự đánh giá', 'Ghi chú', 'TLKC', '(1)');
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.boolean(),
      fc.string(),
      header,
      fc.record({ error: fc.constantFrom('#REF!', '#VALUE!', '#N/A') }),
    );
    const range = fc.record({ top: fc.nat(40), left: fc.nat(15), bottom: fc.nat(40), right: fc.nat(15) });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 }), fc.array(range, { maxLength: 5 }), (values, merges) => {
        const r = detectLayout({ name: 'x', values, merges });
        if (r.ok) {
          expect(r.layout.firstDataRow).toBeGreaterThan(r.layout.headerBottom);
          expect(r.layout.lastDataRow).toBeGreaterThanOrEqual(r.layout.firstDataRow - 1);
        } else expect(r.finding.code).toBe('LAYOUT_NOT_FOUND');
      }),
    );
  });
});

describe('detectWorkbookLayout', () => {
  it('skips hidden sheets and sheets without a table, and prefers the sheet the metadata names', () => {
    const notes: SheetGrid = { name: 'Hướng dẫn', values: [['Hướng dẫn điền biểu mẫu']] };
    const hidden: SheetGrid = { ...reorderedSheet(), name: 'Cũ', visibility: 'hidden' };
    const wb = { sheets: [notes, hidden, soTuPhapSheet(), reorderedSheet()] };
    const first = detectWorkbookLayout(wb);
    expect(first.ok && first.layout.sheet).toBe('Tự chấm điểm');
    const preferred = detectWorkbookLayout(wb, 'Bieu 01');
    expect(preferred.ok && preferred.layout.sheet).toBe('Bieu 01');
  });

  it('reports per visible sheet when none has a table', () => {
    const r = detectWorkbookLayout({ sheets: [{ name: 'A', values: [['STT']] }, { name: 'B', values: [] }, { ...soTuPhapSheet(), visibility: 'veryHidden' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings.map((f) => [f.code, f.sheet])).toEqual([
      ['LAYOUT_NOT_FOUND', 'A'],
      ['LAYOUT_NOT_FOUND', 'B'],
    ]);
  });
});

describe('layoutFromMapping', () => {
  const sheet: SheetGrid = {
    name: 'Biểu lạ',
    values: [['A', 'B', 'C', 'D'], ['1', 'Kế hoạch', 2, 1], ['1.1', 'Ban hành', 2, 1]],
  };

  it('takes the header row and columns the user chose', () => {
    const layout = layoutFromMapping(sheet, 0, { code: 0, name: 1, maxPoints: 2, selfScore: 3 });
    expect(layout).toMatchObject({ headerTop: 0, headerBottom: 0, firstDataRow: 1, lastDataRow: 2, titleRows: [] });
    expect(layout.missing).toContain('evidence');
  });

  it('refuses an incomplete or doubled mapping with a Vietnamese message', () => {
    expect(() => layoutFromMapping(sheet, 0, { code: 0, name: 1 })).toThrow(/Chưa chọn cột Điểm tối đa, Điểm tự đánh giá/);
    try {
      layoutFromMapping(sheet, 0, { code: 0, name: 1, maxPoints: 2, selfScore: 2 });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookError);
      expect((e as WorkbookError).code).toBe('MAPPING_DUPLICATE');
      expect((e as WorkbookError).en).toContain('same column');
    }
    expect(() => layoutFromMapping(sheet, -1, { code: 0, name: 1, maxPoints: 2, selfScore: 3 })).toThrow(WorkbookError);
  });
});
