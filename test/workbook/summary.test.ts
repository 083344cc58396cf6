import { consolidate, type GradeBand, type Submission } from '../../src/core/consolidate';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { finding } from '../../src/core/findings';
import type { CriteriaSet } from '../../src/core/criteria';
import type { PlanItem } from '../../src/core/targets';
import { STATUS_LABEL, gapRows, indexBar, logSheet, mergeTitles, planSheet, summarySheet, totalRecoverable } from '../../src/workbook/summary';

const grades: GradeBand[] = [
  { label: 'Tốt', labelEn: 'Good', minIndex: 90 },
  { label: 'Khá', labelEn: 'Fair', minIndex: 80 },
  { label: 'Yếu', labelEn: 'Weak', minIndex: 0 },
];

function sub(file: string, unit: string, level: 'so' | 'xa', index: number, extra: Partial<Submission> = {}): Submission {
  return {
    file,
    hash: `sha-${file}`,
    unit,
    level,
    findings: [],
    totals: { self: index, final: index, applicableMax: 100, index, byField: [{ code: '1', name: 'Công tác chỉ đạo, điều hành', final: index / 10, applicableMax: 10 }] },
    ...extra,
  };
}

const c = consolidate(
  [
    sub('a.xlsx', 'Sở Tư pháp', 'so', 91),
    sub('b.xlsx', '=Sở Y tế', 'so', 85),
    sub('c.xlsx', 'Sở Tài chính', 'so', 85),
    sub('d.xlsx', 'UBND xã Bằng Phúc', 'xa', 70, { totals: { self: 72, appraised: 0, final: 70, applicableMax: 100, index: 70, byField: [] } }),
    sub('e.xlsx', 'Sở Nội vụ', 'so', 99, { findings: [finding('MAX_POINTS_CHANGED', { found: 3, expected: 2 }, { criterion: '1.1' })] }),
  ],
  { grades, expectedUnits: [{ name: 'Sở Tư pháp', level: 'so' }, { name: '=Sở Y tế', level: 'so' }, { name: 'Sở Tài chính', level: 'so' }, { name: 'Sở Nội vụ', level: 'so' }, { name: 'UBND xã Bằng Phúc', level: 'xa' }, { name: 'UBND xã Quang Thuận', level: 'xa' }] },
);

describe('summarySheet', () => {
  const sheet = summarySheet(c, { year: 2024, notes: ['Bộ tiêu chí MẪU'] });
  const header = sheet.values.findIndex((r) => r[0] === 'STT');
  const body = sheet.values.slice(header + 1);
  const col = (label: string) => (sheet.values[header] as string[]).indexOf(label);

  test('level headings, units by rank with shared ranks, then the units without an accepted file', () => {
    expect(body.map((r) => [r[1] ?? r[0], r[col('Xếp hạng trong cấp')] ?? null, r[col('Trạng thái')] ?? null])).toEqual([
      ['Sở, ban, ngành', null, null],
      ['Sở Tư pháp', 1, STATUS_LABEL.accepted],
      // Ties by name in Vietnamese order (punctuation first).
      ['=Sở Y tế', 2, STATUS_LABEL.accepted],
      ['Sở Tài chính', 2, STATUS_LABEL.accepted],
      ['Sở Nội vụ', null, STATUS_LABEL.missing_rejected],
      ['UBND cấp xã', null, null],
      ['UBND xã Bằng Phúc', 1, STATUS_LABEL.accepted],
      ['UBND xã Quang Thuận', null, STATUS_LABEL.missing],
    ]);
  });

  test('a formula-like unit name is a plain string value; the index bar is literal text', () => {
    const row = body.find((r) => r[1] === '=Sở Y tế') as unknown[];
    expect(typeof row[1]).toBe('string');
    expect(row[col('Biểu đồ chỉ số (mỗi █ = 5%)')]).toBe('█'.repeat(17));
    expect(sheet.values.flat().some((v) => v !== null && typeof v === 'object')).toBe(false);
  });

  test('the total after appraisal shows once a row is appraised', () => {
    const row = body.find((r) => r[1] === 'UBND xã Bằng Phúc') as unknown[];
    expect([row[col('Điểm tự đánh giá')], row[col('Điểm sau thẩm định')]]).toEqual([72, 70]);
  });

  test('field headings: "code. name" when every level numbers the field alike', () => {
    expect((sheet.values[header] as string[]).slice(10, -5)).toEqual(['1. Công tác chỉ đạo, điều hành']);
  });

  test('levels numbering their fields differently: one column per field name, each level\'s number in its heading', () => {
    const field = (code: string, name: string, final: number) => ({ code, name, final, applicableMax: 10 });
    const mixed = consolidate(
      [
        sub('h.xlsx', 'UBND huyện Ba Bể', 'so', 80, { level: 'huyen', totals: { self: 80, final: 80, applicableMax: 100, index: 80, byField: [field('4', 'Cải cách tổ chức bộ máy', 4), field('5', 'Cải cách chế độ công vụ', 5)] } }),
        sub('x.xlsx', 'UBND xã Quang Thuận', 'xa', 70, { totals: { self: 70, final: 70, applicableMax: 100, index: 70, byField: [field('4', 'Cải  cách chế độ công vụ ', 9.25), field('8', 'Điểm cộng', 1)] } }),
      ],
      { grades },
    );
    const s = summarySheet(mixed, { year: 2024 });
    const h = s.values.findIndex((r) => r[0] === 'STT');
    expect((s.values[h] as string[]).slice(10, -5)).toEqual(['4. Cải cách tổ chức bộ máy', 'Cải cách chế độ công vụ (huyện: mục 5; xã: mục 4)', '8. Điểm cộng']);
    const fieldsOf = (unit: string) => (s.values.find((r) => r[1] === unit) as unknown[]).slice(10, 13);
    expect(fieldsOf('UBND huyện Ba Bể')).toEqual([4, 5, null]);
    expect(fieldsOf('UBND xã Quang Thuận')).toEqual([null, 9.25, 1]);
  });

  test.each([
    [0, ''],
    [72.4, '██████████████'],
    [100, '████████████████████'],
    [130, '████████████████████████'],
  ])('indexBar(%s)', (index, bar) => expect(indexBar(index)).toBe(bar));
});

describe('logSheet', () => {
  test('one row per file in input order with status, reasons and hash; units without a file listed after', () => {
    const sheet = logSheet(c);
    const header = sheet.values.findIndex((r) => r[0] === 'STT');
    const rows = sheet.values.slice(header + 1, header + 6);
    expect(rows.map((r) => [r[1], r[3], r[8]])).toEqual([
      ['a.xlsx', STATUS_LABEL.accepted, 'sha-a.xlsx'],
      ['b.xlsx', STATUS_LABEL.accepted, 'sha-b.xlsx'],
      ['c.xlsx', STATUS_LABEL.accepted, 'sha-c.xlsx'],
      ['d.xlsx', STATUS_LABEL.accepted, 'sha-d.xlsx'],
      ['e.xlsx', STATUS_LABEL.rejected, 'sha-e.xlsx'],
    ]);
    expect(rows[4][4]).toMatch(/^- Điểm tối đa của tiêu chí 1\.1 là 3/);
    expect(sheet.values.slice(-2).map((r) => r[2])).toEqual(['Sở Nội vụ', 'UBND xã Quang Thuận']);
  });
});

describe('gapRows', () => {
  const set: CriteriaSet = {
    id: 'mau',
    title: 'Mẫu',
    year: 2024,
    levels: ['so'],
    version: '1',
    source: 'mẫu',
    period: { from: '2024-01-01', to: '2024-12-31' },
    fields: [
      {
        code: '1',
        name: 'Công tác chỉ đạo, điều hành',
        maxPoints: 4,
        children: [
          { code: '1.1', name: 'Kế hoạch CCHC', maxPoints: 2, method: '- Có ban hành: Điểm tối đa\n- Không ban hành: 0 điểm' },
          { code: '1.2', name: 'Báo cáo', maxPoints: 1, method: 'Hoàn thành 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm' },
          { code: '1.3', name: 'Khảo sát', maxPoints: 1, method: 'Điểm đánh giá thông qua điều tra xã hội học' },
        ],
      },
    ],
  };
  const index = lookupCriteria(set);

  test('keep-max and raise where last year is known; no target or gap where it is not; survey rows left out', () => {
    const rows = gapRows(index, new Map([['1.1', 2], ['1.2', 0.5]]), new Map([['1.1', 0], ['1.2', 0.5]]));
    expect(rows).toEqual([
      { code: '1.1', name: 'Kế hoạch CCHC', max: 2, previous: 2, target: 2, rule: 'keep-max', current: 0, gap: 2, recoverable: 2 },
      { code: '1.2', name: 'Báo cáo', max: 1, previous: 0.5, target: 1, rule: 'raise', current: 0.5, gap: 0.5, recoverable: 0.5 },
    ]);
    const none = gapRows(index, new Map(), new Map([['1.1', 2]]));
    expect(none).toEqual([
      { code: '1.1', name: 'Kế hoạch CCHC', max: 2, current: 2, recoverable: 0 },
      { code: '1.2', name: 'Báo cáo', max: 1, recoverable: 1 },
    ]);
    expect(totalRecoverable(rows)).toBe(2.5);
  });
});

describe('planSheet', () => {
  const items: PlanItem[] = [
    { index: 'SIPAS', appendix: 3, code: 'SIPAS', name: 'Chỉ số SIPAS', leadUnit: 'Sở Nội vụ', previous: 75.03, target: 85.03 },
    { index: 'PAR', appendix: 1, code: '1.1', name: 'Kế hoạch CCHC năm', leadUnit: 'Sở Nội vụ', previous: 1.5, target: 1.5, latest: 1.5 },
  ];
  test('appendices in order, the SIPAS reading named, gap and status as formulas over the latest value', () => {
    const sheet = planSheet(items, { plan: 'Kế hoạch 386/KH-UBND', baseYear: 2023, targetYear: 2024, sipasMode: 'relative' });
    const header = sheet.values.findIndex((r) => r[0] === 'STT');
    expect(sheet.values.slice(header + 1).map((r) => [r[1], r[3], r[8]])).toEqual([[1, '1.1', 1.5], [3, 'SIPAS', null]]);
    expect(sheet.values[2][0]).toContain('tăng tương đối');
    const first = header + 2;
    expect(sheet.values[header + 1][9]).toEqual({ formula: `=IF(I${first}="",MAX(0,H${first}-G${first}),MAX(0,H${first}-I${first}))` });
    expect(sheet.values[header + 1][10]).toEqual({ formula: `=IF(I${first}="","Chưa có số liệu",IF(I${first}>=H${first},"Đạt","Chưa đạt"))` });
  });
});

describe('mergeTitles', () => {
  it('merges the title and note lines across the table, leaving the table and other merges', () => {
    const sheet = { name: 'Tổng hợp', values: [['TỔNG HỢP'], ['Bộ tiêu chí: mẫu'], [], ['STT', 'Đơn vị', 'Cấp'], ['Sở, ban, ngành']], merges: [{ top: 4, left: 0, bottom: 4, right: 2 }] };
    expect(mergeTitles(sheet).merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 4, left: 0, bottom: 4, right: 2 },
    ]);
  });
});
