import type { CriteriaSet, CriterionNode } from '../../src/core/criteria';
import { finding, message } from '../../src/core/findings';
import { contentHash, shortHash } from '../../src/workbook/contentHash';
import { metadataSheetSpec, METADATA_FORMAT, type WorkbookMetadata } from '../../src/workbook/metadata';
import { levelFromUnitName, locateFinding, readUnitWorkbook, validateReading, type UnitReading } from '../../src/workbook/read';
import { gridOfSpec, reorderedSheet, soTuPhapSheet } from './grids';

function read(sheets = [soTuPhapSheet()]): UnitReading {
  const r = readUnitWorkbook({ sheets }, { file: 'so-tu-phap.xlsx' });
  if (!r.ok) throw new Error(r.findings.map((f) => message(f)).join('\n'));
  return r;
}

/** code -> codes of its children, for comparing trees briefly. */
function shape(nodes: CriterionNode[], out: Record<string, string[]> = {}): Record<string, string[]> {
  for (const n of nodes) {
    out[n.code] = (n.children ?? []).map((c) => c.code);
    shape(n.children ?? [], out);
  }
  return out;
}

describe('readUnitWorkbook on a unit sheet', () => {
  const r = read();
  const node = (code: string) => {
    const all: CriterionNode[] = [];
    const walk = (ns: CriterionNode[]) => ns.forEach((n) => (all.push(n), walk(n.children ?? [])));
    walk(r.set.fields);
    return all.find((n) => n.code === code) as CriterionNode;
  };

  it('reads the unit, its level and the year from the title lines (not the date line)', () => {
    expect(r.meta).toEqual({ unit: 'Sở Tư pháp', level: 'so', year: 2024, source: 'title' });
    expect(r.set.year).toBe(2024);
    expect(r.set.title).toBe('BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024');
    expect(r.set.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('builds the tree: Roman fields hold the arabic codes that follow', () => {
    const tenChildren = Array.from({ length: 10 }, (_, i) => `2.${i + 1}`);
    expect(shape(r.set.fields)).toMatchObject({
      I: ['1', '2'],
      '1': ['1.1', '1.2'],
      '2': tenChildren,
      II: ['3'],
      '3': ['3.1', '3.2'],
      III: ['4'],
    });
    expect(r.set.fields.map((f) => f.code)).toEqual(['I', 'II', 'III']);
  });

  it('takes the definition columns: name, maximum, method; survey rows from the method; the bonus section', () => {
    expect(node('1.2')).toEqual({
      code: '1.2',
      name: 'Mức độ thực hiện kế hoạch CCHC',
      maxPoints: 2,
      method: 'Hoàn thành 100% kế hoạch: 2 điểm; từ 80% đến dưới 100%: 1,5 điểm; dưới 80%: 0 điểm',
      row: 13,
    });
    expect(node('3.1').scoredBy).toBe('survey');
    expect(node('3.2').scoredBy).toBeUndefined();
    expect(node('III')).toMatchObject({ bonus: true, maxPoints: 1 }); // blank maximum = its rows
    expect(node('2.10')).toMatchObject({ name: 'Báo cáo chuyên đề số 10', row: 25 });
  });

  it('keeps answers as raw cell values: decimal-comma text, blank, #REF!, a formula value', () => {
    const a = (code: string) => r.answers.find((x) => x.code === code);
    expect(a('1.2')).toEqual({
      code: '1.2',
      row: 13,
      selfScore: '1,5',
      appraisedScore: null,
      evidence: 'Báo cáo số 120/BC-STP ngày 10/12/2024',
      explanation: null,
    });
    expect(a('3.2')?.selfScore).toEqual({ error: '#REF!' });
    expect(a('3.1')?.selfScore).toBeNull();
    expect(a('4')?.selfScore).toBe('');
    expect(a('I')?.selfScore).toBe(8.5);
    expect(r.answers).toHaveLength(1 + 1 + 2 + 1 + 10 + 1 + 1 + 2 + 1 + 1);
  });

  it('keeps notes, totals and blank rows as rows of kind other', () => {
    const others = r.rows.filter((x) => x.kind === 'other').map((x) => x.row);
    expect(others).toEqual([14, 32, 33, 34]);
    expect(r.rows[0]).toEqual({ row: 10, kind: 'criterion', code: 'I' });
    expect(r.rowOf.get('2.10')).toBe(25);
  });

  it('reports the 1.10 reading of a number code at its cell', () => {
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'CODE_AMBIGUOUS', sheet: 'Tự chấm điểm', cell: 'A25', row: 25, file: 'so-tu-phap.xlsx', params: expect.objectContaining({ chosen: '2.10' }) }),
    ]);
  });
});

describe('readUnitWorkbook problems', () => {
  it('reports duplicate codes and unreadable maximums with their cells', () => {
    const sheet = soTuPhapSheet();
    sheet.values[12][0] = '1.1'; // 1.2 typed again as 1.1
    sheet.values[19][2] = 'nửa điểm';
    sheet.values[20][2] = { error: '#REF!' };
    const r = read([sheet]);
    expect(r.findings.filter((f) => f.code !== 'CODE_AMBIGUOUS')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'DUPLICATE_CODE', params: { code: '1.1', rows: '12, 13' }, cell: 'A13' }),
        expect.objectContaining({ code: 'MAX_POINTS_UNREADABLE', criterion: '2.5', cell: 'C20', params: { value: 'nửa điểm' } }),
        expect.objectContaining({ code: 'MAX_POINTS_UNREADABLE', criterion: '2.6', cell: 'C21', params: { value: '#REF!' } }),
      ]),
    );
    expect(r.rowOf.get('1.1')).toBe(12);
  });

  it('reads "10 điểm" as a maximum', () => {
    const sheet = soTuPhapSheet();
    sheet.values[11][2] = '2 điểm';
    expect(read([sheet]).set.fields[0].children?.[0].children?.[0].maxPoints).toBe(2);
  });

  it('fails with LAYOUT_NOT_FOUND per sheet when no sheet has a table', () => {
    const r = readUnitWorkbook({ sheets: [{ name: 'Sheet1', values: [['STT', 'Nội dung']] }] }, { file: 'x.xlsx' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings).toEqual([expect.objectContaining({ code: 'LAYOUT_NOT_FOUND', file: 'x.xlsx', sheet: 'Sheet1', params: { sheet: 'Sheet1', missing: 'Điểm tối đa, Điểm tự đánh giá' } })]);
  });

  it('reads a commune sheet with another column order; the unit line says "Tên đơn vị"', () => {
    const r = read([reorderedSheet()]);
    expect(r.meta).toEqual({ unit: 'UBND xã Nông Thượng', level: 'xa', year: 2024, source: 'title' });
    expect(r.answers.find((a) => a.code === '1.2')).toEqual({
      code: '1.2',
      row: 7,
      selfScore: 0.5,
      declared: 'Không áp dụng',
      evidence: '',
      // "Ghi chú" is the explanation column of a sheet without "Giải trình".
      explanation: 'Nộp muộn',
      previousScore: 1,
    });
    expect(r.set.fields[0].children?.[0]).toMatchObject({ code: '1.1', evidence: 'Kế hoạch CCHC', method: 'Có: 1 điểm; Không: 0 điểm' });
  });
});

describe('metadata sheet vs title lines', () => {
  const meta = metadataSheetSpec({ format: METADATA_FORMAT, setId: 'bac-kan-so-2024', setVersion: '2', unit: 'Sở Nội vụ', level: 'so', year: 2024 });
  const metaSheet = { ...gridOfSpec({ sheets: [meta] }).sheets[0] };

  it('the metadata sheet wins over the title lines', () => {
    const r = read([soTuPhapSheet(), metaSheet]);
    expect(r.meta).toEqual({ unit: 'Sở Nội vụ', level: 'so', year: 2024, setId: 'bac-kan-so-2024', setVersion: '2', source: 'metadata' });
    expect(r.set).toMatchObject({ id: 'bac-kan-so-2024', version: '2', levels: ['so'] });
  });

  it('without either, the source is none and no dates are checked against a guessed year', () => {
    const sheet = soTuPhapSheet();
    sheet.values.splice(0, 6, [], [], [], [], [], []);
    const r = read([sheet]);
    expect(r.meta).toEqual({ source: 'none' });
    expect(r.set.period).toEqual({ from: '1900-01-01', to: '2100-12-31' });
  });
});

describe('levelFromUnitName', () => {
  it.each([
    ['Sở Tư pháp', 'so'],
    ['Ban Quản lý các khu công nghiệp', 'so'],
    ['Thanh tra tỉnh', 'so'],
    ['Văn phòng UBND tỉnh', 'so'],
    ['UBND huyện Ba Bể', 'huyen'],
    ['Ủy ban nhân dân thành phố Bắc Kạn', 'huyen'],
    ['UBND xã Nông Thượng', 'xa'],
    ['UBND phường Đức Xuân', 'xa'],
    ['UBND thị trấn Chợ Rã', 'xa'],
    ['Công ty ABC', undefined],
  ])('%s -> %s', (name, level) => {
    expect(levelFromUnitName(name)).toBe(level);
  });
});

describe('locateFinding and validateReading', () => {
  const r = read();

  it('places a finding on the cell of its criterion and field', () => {
    expect(locateFinding(r, finding('SCORE_MISSING', {}, { criterion: '2.10', field: 'selfScore' }))).toMatchObject({ sheet: 'Tự chấm điểm', row: 25, cell: 'D25', file: 'so-tu-phap.xlsx' });
    expect(locateFinding(r, finding('EVIDENCE_MISSING', {}, { criterion: '1.1', field: 'evidence' })).cell).toBe('G12');
    expect(locateFinding(r, finding('MAX_POINTS_CHANGED', {}, { criterion: '1.1', field: 'maxPoints' })).cell).toBe('C12');
    // A column the sheet lacks: the code cell of the row.
    expect(locateFinding(r, finding('SCORE_DIFFERS_FROM_DECLARED', {}, { criterion: '1.1', field: 'declared' })).cell).toBe('A12');
    // A cell already set is kept.
    expect(locateFinding(r, finding('SCORE_MISSING', {}, { criterion: '1.1', field: 'selfScore', cell: 'Z9' })).cell).toBe('Z9');
  });

  it('validates the answers against the sheet’s own set and locates every finding', () => {
    const found = validateReading(r, { today: '2025-01-15' });
    const at32 = found.filter((f) => f.criterion === '3.2' && f.field === 'selfScore');
    expect(at32.length).toBeGreaterThan(0);
    expect(at32.every((f) => f.cell === 'D29' && f.sheet === 'Tự chấm điểm')).toBe(true);
    // "1,5" is a valid level of 1.2's method; only its being text (which SUM skips) is reported.
    expect(found.filter((f) => f.criterion === '1.2' && f.field === 'selfScore').map((f) => [f.code, f.severity, f.cell])).toEqual([['SCORE_TYPED_AS_TEXT', 'warning', 'D13']]);
    expect(found.find((f) => f.code === 'CODE_AMBIGUOUS')).toBeDefined();
    expect(found.every((f) => f.sheet === 'Tự chấm điểm')).toBe(true);
  });

  it('compares with the reference when one is given', () => {
    const reference: CriteriaSet = JSON.parse(JSON.stringify({ ...r.set, id: 'bac-kan-so-2024', version: '2' }));
    const c11 = reference.fields[0].children![0].children![0];
    c11.maxPoints = 3;
    const found = validateReading(r, { reference, today: '2025-01-15' });
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'MAX_POINTS_CHANGED', criterion: '1.1', cell: 'C12', params: { found: 2, expected: 3 } })]));
  });
});

describe('an edit after the recorded check', () => {
  const checkedAt = '2025-01-10T09:15';
  /** The unit's sheet after `edit`, with a metadata sheet recording the check of the sheet as it was. */
  function recorded(edit: (sheet: ReturnType<typeof soTuPhapSheet>) => void, extra: Partial<WorkbookMetadata> = {}) {
    const hash = contentHash(read());
    const sheet = soTuPhapSheet();
    edit(sheet);
    const metaSheet = gridOfSpec({ sheets: [metadataSheetSpec({ format: METADATA_FORMAT, contentHash: hash, checkedAt, ...extra })] }).sheets[0];
    const r = read([sheet, metaSheet]);
    return { hash, r, found: validateReading(r, { today: '2025-01-15' }).filter((f) => f.code === 'CONTENT_CHANGED_SINCE_CHECK') };
  }

  it.each([
    ['a self-score lowered (D12: 2 -> 1)', (s: ReturnType<typeof soTuPhapSheet>) => (s.values[11][3] = 1)],
    ['an evidence reference changed', (s: ReturnType<typeof soTuPhapSheet>) => (s.values[11][6] = 'Kế hoạch số 16/KH-STP ngày 12/01/2024 của Sở Tư pháp')],
    ['an explanation added', (s: ReturnType<typeof soTuPhapSheet>) => (s.values[12][7] = 'Còn 2 nhiệm vụ chuyển sang năm 2025')],
  ])('is reported after %s, with both short hashes and the time of the check', (_, edit) => {
    const { hash, r, found } = recorded(edit);
    const current = contentHash(r);
    expect(current).not.toBe(hash);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', sheet: 'Tự chấm điểm', params: { recorded: shortHash(hash), current: shortHash(current) } });
    expect(message(found[0], 'vi')).toBe(`Bảng đã được sửa sau lần kiểm tra lúc 09 giờ 15 ngày 10/1/2025 (mã ${shortHash(hash)}); mã hiện tại ${shortHash(current)}. In lại phiếu chấm điểm trước khi trình ký.`);
    expect(message(found[0], 'en')).toContain('after the check at 09:15 on 10/1/2025');
  });

  it.each([
    ['nothing changed', () => undefined],
    ['an evidence text re-wrapped', (s: ReturnType<typeof soTuPhapSheet>) => (s.values[11][6] = 'Kế hoạch số 15/KH-STP\nngày 10/01/2024  của Sở Tư pháp')],
    ['the score sheet only (a row outside the table)', (s: ReturnType<typeof soTuPhapSheet>) => (s.values[33][1] = 'NGƯỜI LẬP BIỂU (ký, ghi rõ họ tên)')],
  ])('is not reported when %s', (_, edit) => {
    expect(recorded(edit).found).toEqual([]);
  });

  it('is not reported without a recorded check, and the metadata sheet is kept whole on the reading', () => {
    const sheet = soTuPhapSheet();
    sheet.values[11][3] = 1;
    const meta: WorkbookMetadata = { format: METADATA_FORMAT, setId: 'bac-kan-so-2024', headerRow: 7 };
    const r = read([sheet, gridOfSpec({ sheets: [metadataSheetSpec(meta)] }).sheets[0]]);
    expect(r.metadata).toEqual(meta);
    expect(validateReading(r, { today: '2025-01-15' }).some((f) => f.code === 'CONTENT_CHANGED_SINCE_CHECK')).toBe(false);
  });
});
