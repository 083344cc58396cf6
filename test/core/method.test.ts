import fc from 'fast-check';
import { formatNumber } from '../../src/core/format';
import { message } from '../../src/core/findings';
import {
  describeAllowed,
  isAllowedScore,
  nextAllowedAbove,
  parseDeclared,
  parseMethod,
  suggestScore,
  type AllowedScores,
  type Condition,
  type Declared,
  type ParsedMethod,
} from '../../src/core/method';

const yes: Condition = { kind: 'yes' };
const no: Condition = { kind: 'no' };
const label = (text: string): Condition => ({ kind: 'label', text });
const band = (min: number | undefined, minInclusive: boolean, max: number | undefined, maxInclusive: boolean): Condition => ({
  kind: 'percent',
  ...(min === undefined ? {} : { min }),
  minInclusive,
  ...(max === undefined ? {} : { max }),
  maxInclusive,
});
const set = (...values: number[]): AllowedScores => ({ kind: 'set', values });
const range = (min: number, max: number, step?: number): AllowedScores =>
  step === undefined ? { kind: 'range', min, max } : { kind: 'range', min, max, step };

interface Case {
  name: string;
  text: string | null | undefined;
  max: number;
  kind: ParsedMethod['kind'];
  allowed: AllowedScores;
  /** Condition and points of each option, in order. */
  options?: [Condition, number][];
  findings?: string[];
}

const cases: Case[] = [
  // The four phrasings real criteria sets use (examples in docs/criteria-format.md).
  {
    name: 'issued / not issued, dash bullets, "Điểm tối đa"',
    text: '- Có ban hành văn bản tổ chức triển khai thực hiện: Điểm tối đa\n- Không ban hành: 0 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 1),
    options: [[yes, 1], [no, 0]],
  },
  {
    name: 'percent bands separated by ";" with decimal comma',
    text: 'Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 0.5, 1),
    options: [[band(100, true, 100, true), 1], [band(80, true, 100, false), 0.5], [band(undefined, false, 80, false), 0]],
  },
  {
    name: 'grades as labels separated by " / ", percentages of the maximum',
    text: 'Hoàn thành xuất sắc: Điểm tối đa / Hoàn thành tốt: 75% điểm / Hoàn thành: 50% điểm',
    max: 2,
    kind: 'options',
    allowed: set(0, 1, 1.5, 2),
    options: [[label('Hoàn thành xuất sắc'), 2], [label('Hoàn thành tốt'), 1.5], [label('Hoàn thành'), 1]],
  },
  {
    name: 'deduction by degree',
    text: 'Có vi phạm: Trừ điểm theo mức độ',
    max: 1,
    kind: 'deduction',
    allowed: range(0, 1),
    options: [],
  },
  {
    name: 'sociological survey',
    text: 'Điểm đánh giá thông qua điều tra xã hội học',
    max: 3,
    kind: 'survey',
    allowed: range(0, 3),
    options: [],
  },
  // More realistic variants.
  {
    name: 'decimal dot and upper-case "ĐIỂM TỐI ĐA"',
    text: 'Có: ĐIỂM TỐI ĐA; Không: 0.5 điểm',
    max: 1.5,
    kind: 'options',
    allowed: set(0, 0.5, 1.5),
    options: [[yes, 1.5], [no, 0.5]],
  },
  {
    name: 'abbreviated "đ" after the number, glued and spaced',
    text: 'Đạt: 0.25đ\nKhông đạt: 0 đ',
    max: 0.25,
    kind: 'options',
    allowed: set(0, 0.25),
    options: [[yes, 0.25], [no, 0]],
  },
  {
    name: '"+" bullets and "không điểm"',
    text: '+ Có ban hành kế hoạch: 1 điểm\n+ Không ban hành kế hoạch: không điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 1),
    options: [[yes, 1], [no, 0]],
  },
  {
    name: 'lettered items "a)" with labels',
    text: 'a) Ban hành đúng thời hạn: 1 điểm\nb) Ban hành chậm: 0,5 điểm\nc) Không ban hành: 0 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 0.5, 1),
    options: [[label('Ban hành đúng thời hạn'), 1], [label('Ban hành chậm'), 0.5], [no, 0]],
  },
  {
    name: '"•" bullets, condition wrapped over two lines, CRLF',
    text: '• Có ban hành văn bản tổ chức triển khai\r\nthực hiện: điểm tối đa\r\n• Không ban hành: 0 điểm',
    max: 0.5,
    kind: 'options',
    allowed: set(0, 0.5),
    options: [[yes, 0.5], [no, 0]],
  },
  {
    name: '"được điểm tối đa" and a trailing full stop',
    text: '- Đã ban hành: được điểm tối đa.\n- Chưa ban hành: 0 điểm.',
    max: 2,
    kind: 'options',
    allowed: set(0, 2),
    options: [[yes, 2], [no, 0]],
  },
  {
    name: '"trở lên" and "đến dưới" bands',
    text: 'Từ 90% trở lên: 1 điểm; Từ 70% đến dưới 90%: 0,5 điểm; Dưới 70%: 0 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 0.5, 1),
    options: [[band(90, true, undefined, false), 1], [band(70, true, 90, false), 0.5], [band(undefined, false, 70, false), 0]],
  },
  {
    name: 'bands with comparison signs',
    text: '>= 80%: 1 điểm\n< 50%: 0 điểm\n≥ 50% và < 80%: 0,5 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 0.5, 1),
    options: [[band(80, true, undefined, false), 1], [band(undefined, false, 50, false), 0], [band(50, true, 80, false), 0.5]],
  },
  {
    name: '"trên" (exclusive) next to an inclusive range with a dash, touching ends',
    text: 'Trên 90%: 1 điểm; Từ 50% - 90%: 0,5 điểm; Dưới 50%: 0',
    max: 1,
    kind: 'options',
    allowed: set(0, 0.5, 1),
    options: [[band(90, false, undefined, false), 1], [band(50, true, 90, true), 0.5], [band(undefined, false, 50, false), 0]],
  },
  {
    name: 'a percentage range written once ("từ 80 đến dưới 100%")',
    text: 'Đạt 100%: 1 điểm; Đạt từ 80 đến dưới 100%: 0,75 điểm; Đạt dưới 80%: 0 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 0.75, 1),
    options: [[band(100, true, 100, true), 1], [band(80, true, 100, false), 0.75], [band(undefined, false, 80, false), 0]],
  },
  {
    name: 'overlapping bands',
    text: 'Từ 80% đến 100%: 1 điểm; Từ 90% trở lên: 0,5 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 0.5, 1),
    options: [[band(80, true, 100, true), 1], [band(90, true, undefined, false), 0.5]],
    findings: ['METHOD_BANDS_OVERLAP'],
  },
  {
    name: 'points above the maximum',
    text: 'Có ban hành: 2 điểm; Không ban hành: 0 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 2),
    options: [[yes, 2], [no, 0]],
    findings: ['METHOD_VALUE_OUT_OF_RANGE'],
  },
  {
    name: 'negative points',
    text: 'Có: 1 điểm; Không: -0,5 điểm',
    max: 1,
    kind: 'options',
    allowed: set(-0.5, 0, 1),
    options: [[yes, 1], [no, -0.5]],
    findings: ['METHOD_VALUE_OUT_OF_RANGE'],
  },
  {
    name: '"75% điểm tối đa" rounds to 4 decimals',
    text: 'Hoàn thành tốt: 75% điểm tối đa; Hoàn thành: 33,333% điểm tối đa',
    max: 1.25,
    kind: 'options',
    allowed: set(0, 0.4167, 0.9375),
    options: [[label('Hoàn thành tốt'), 0.9375], [label('Hoàn thành'), 0.4167]],
  },
  {
    name: 'deduction per case gives a 0,25 grid; the fixed option is kept',
    text: 'Không có sai sót: Điểm tối đa\nMỗi văn bản có sai sót trừ 0,25 điểm',
    max: 1,
    kind: 'deduction',
    allowed: range(0, 1, 0.25),
    options: [[no, 1]],
  },
  {
    name: 'deductions of 0,5 and 0,75 share a 0,25 grid counted down from max',
    text: 'Chậm dưới 5 ngày: trừ 0,5 điểm; chậm từ 5 ngày: trừ 0,75 điểm',
    max: 1.5,
    kind: 'deduction',
    allowed: range(0, 1.5, 0.25),
    options: [],
  },
  {
    name: '"tùy mức độ"',
    text: 'Tùy mức độ hoàn thành, chấm từ 0 đến điểm tối đa',
    max: 2,
    kind: 'deduction',
    allowed: range(0, 2),
    options: [],
  },
  {
    name: 'survey, abbreviated and in capitals',
    text: 'CHẤM ĐIỂM QUA ĐIỀU TRA XHH',
    max: 1,
    kind: 'survey',
    allowed: range(0, 1),
    options: [],
  },
  {
    name: 'an introduction line ending with ":" is skipped',
    text: 'Tối đa 0,5 điểm, trong đó:\n- Có: 0,5 điểm\n- Không: 0 điểm',
    max: 0.5,
    kind: 'options',
    allowed: set(0, 0.5),
    options: [[yes, 0.5], [no, 0]],
  },
  {
    name: 'points without a colon, in brackets or after a dash',
    text: 'Đạt – 1đ\nKhông đạt (0 điểm)',
    max: 1,
    kind: 'options',
    allowed: set(0, 1),
    options: [[yes, 1], [no, 0]],
  },
  {
    name: 'a " / " inside a condition is joined back',
    text: 'Có ban hành kế hoạch / chương trình: 1 điểm / Không ban hành: 0 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 1),
    options: [[yes, 1], [no, 0]],
  },
  {
    name: 'two "Có" lines with different points stay labels',
    text: 'Có ban hành đúng hạn: 1 điểm; Có ban hành nhưng chậm: 0,5 điểm; Không ban hành: 0 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 0.5, 1),
    options: [[label('Có ban hành đúng hạn'), 1], [label('Có ban hành nhưng chậm'), 0.5], [no, 0]],
  },
  {
    name: '"Có vi phạm" is a label, "Không vi phạm" a no',
    text: 'Không có vi phạm: 1 điểm; Có vi phạm: 0 điểm',
    max: 1,
    kind: 'options',
    allowed: set(0, 1),
    options: [[no, 1], [label('Có vi phạm'), 0]],
  },
  {
    name: 'text typed without diacritics',
    text: 'Co ban hanh: 1 diem; Khong ban hanh: 0 diem',
    max: 1,
    kind: 'options',
    allowed: set(0, 1),
    options: [[yes, 1], [no, 0]],
  },
  { name: 'garbage', text: 'Theo hướng dẫn của Bộ Nội vụ', max: 1, kind: 'unparsed', allowed: range(0, 1), findings: ['METHOD_UNPARSED'] },
  {
    name: 'one unreadable line makes the whole method unparsed',
    text: 'Có: 1 điểm; Ghi chú: xem hướng dẫn',
    max: 1,
    kind: 'unparsed',
    allowed: range(0, 1),
    findings: ['METHOD_UNPARSED'],
  },
  { name: 'empty', text: '', max: 2, kind: 'unparsed', allowed: range(0, 2), findings: ['METHOD_UNPARSED'] },
  { name: 'blank lines only', text: ' \n ; ', max: 2, kind: 'unparsed', allowed: range(0, 2), findings: ['METHOD_UNPARSED'] },
  { name: 'null', text: null, max: 1, kind: 'unparsed', allowed: range(0, 1), findings: ['METHOD_UNPARSED'] },
  { name: 'undefined', text: undefined, max: 1, kind: 'unparsed', allowed: range(0, 1), findings: ['METHOD_UNPARSED'] },
];

describe('parseMethod', () => {
  test.each(cases)('$name', ({ text, max, kind, allowed, options, findings }) => {
    const { method, findings: found } = parseMethod(text, max, '2.1.3');
    expect(method.kind).toBe(kind);
    expect(method.allowed).toEqual(allowed);
    if (options) expect(method.options.map((o) => [o.condition, o.points])).toEqual(options);
    expect(found.map((f) => f.code)).toEqual(findings ?? []);
    for (const f of found) expect(f).toMatchObject({ criterion: '2.1.3', field: 'method' });
  });

  test('option labels are the lines as written, without bullets', () => {
    const { method } = parseMethod('- Có ban hành: Điểm tối đa\n- Không ban hành: 0 điểm', 1);
    expect(method.options.map((o) => o.label)).toEqual(['Có ban hành: Điểm tối đa', 'Không ban hành: 0 điểm']);
  });

  test('finding parameters and messages', () => {
    const over = parseMethod('Có: 2 điểm; Không: 0 điểm', 1, '1.2').findings[0];
    expect(over.params).toEqual({ value: 2, max: 1 });
    const overlap = parseMethod('Từ 80% đến 100%: 1 điểm; Từ 90% trở lên: 0,5 điểm', 1, '1.2').findings[0];
    expect(overlap.params).toEqual({ bands: 'Từ 80% đến 100% / Từ 90% trở lên' });
    expect(message(overlap)).toBe(
      'Cách tính điểm của tiêu chí 1.2 có các khoảng tỷ lệ chồng lên nhau: Từ 80% đến 100% / Từ 90% trở lên.',
    );
    const unparsed = parseMethod('???', 1.5, '1.2').findings[0];
    expect(unparsed).toMatchObject({ severity: 'info', params: { max: 1.5 } });
  });

  test('without a code the findings name no criterion', () => {
    expect(parseMethod('', 1).findings[0].criterion).toBeUndefined();
  });

  test('never throws, whatever the text and maximum', () => {
    const fragments = fc.constantFrom(
      'Có', 'Không', 'ban hành', ':', ';', ' / ', '\n', '- ', 'a) ', '%', '80', '0,5', '1.5', 'điểm', 'đ', 'tối đa',
      'từ', 'đến', 'dưới', 'trên', 'trở lên', '>=', '<', '-', 'trừ', 'theo mức độ', '(', ')', ' ', '75% điểm',
    );
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fragments, { maxLength: 25 }).map((a) => a.join('')));
    fc.assert(
      fc.property(text, fc.oneof(fc.double(), fc.integer({ min: 0, max: 10 })), (t, max) => {
        const { method } = parseMethod(t, max);
        if (method.allowed.kind === 'set') {
          const values = method.allowed.values;
          expect(values).toEqual([...new Set(values)].sort((a, b) => a - b));
          for (const o of method.options) expect(values).toContain(o.points);
        }
      }),
      { numRuns: 500 },
    );
  });

  const labelWords = fc.constantFrom(
    'Có', 'Không', 'Chưa', 'Đạt', 'ban hành', 'kế hoạch', 'văn bản', 'đúng hạn', 'chậm', 'Hoàn thành', 'tốt',
    'xuất sắc', 'đầy đủ', 'kịp thời', 'báo cáo', 'tổ chức', 'thực hiện', 'công khai',
  );
  const optionList = fc.array(
    fc.record({
      label: fc.array(labelWords, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
      points: fc.integer({ min: 0, max: 40000 }).map((i) => i / 10000),
    }),
    { minLength: 1, maxLength: 6 },
  );

  test('canonical option lists read back with the same points and allowed set', () => {
    fc.assert(
      fc.property(optionList, (list) => {
        const text = list.map((o) => `${o.label}: ${formatNumber(o.points, 'vi')} điểm`).join('; ');
        const { method, findings } = parseMethod(text, 4);
        expect(method.kind).toBe('options');
        expect(findings).toEqual([]);
        expect(method.options.map((o) => o.points)).toEqual(list.map((o) => o.points));
        expect(method.allowed).toEqual(set(...[...new Set([0, ...list.map((o) => o.points)])].sort((a, b) => a - b)));
        for (const o of list) expect(isAllowedScore(method.allowed, o.points)).toBe(true);
      }),
    );
  });

  test('generated band ladders ("dưới a%", "từ a% đến dưới b%", "từ z% trở lên") never overlap and place every rate', () => {
    const ladder = fc
      .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 })
      .map((t) => [...t].sort((a, b) => a - b));
    fc.assert(
      fc.property(ladder, fc.double({ min: 0, max: 120, noNaN: true }), (t, rate) => {
        const lines = [`dưới ${t[0]}%: 0 điểm`];
        t.forEach((lo, i) => {
          const points = formatNumber((i + 1) / 4, 'vi');
          lines.push(i + 1 < t.length ? `từ ${lo}% đến dưới ${t[i + 1]}%: ${points} điểm` : `từ ${lo}% trở lên: ${points} điểm`);
        });
        const { method, findings } = parseMethod(lines.join('\n'), 2);
        expect(findings).toEqual([]);
        const expected = t.filter((x) => x <= rate).length / 4;
        expect(suggestScore(method, { kind: 'percent', value: rate })).toBe(expected);
      }),
    );
  });
});

describe('parseDeclared', () => {
  test.each<[unknown, Declared]>([
    ['Có', { kind: 'yes' }],
    ['có', { kind: 'yes' }],
    ['CÓ', { kind: 'yes' }],
    ['x', { kind: 'yes' }],
    ['X', { kind: 'yes' }],
    ['Đạt', { kind: 'yes' }],
    ['Có ban hành', { kind: 'yes' }],
    [true, { kind: 'yes' }],
    ['Không', { kind: 'no' }],
    ['Chưa', { kind: 'no' }],
    ['chưa ban hành', { kind: 'no' }],
    [false, { kind: 'no' }],
    ['Không áp dụng', { kind: 'notApplicable' }],
    ['KHÔNG ÁP DỤNG', { kind: 'notApplicable' }],
    ['KAD', { kind: 'notApplicable' }],
    ['KAĐ', { kind: 'notApplicable' }],
    ['N/A', { kind: 'notApplicable' }],
    ['85%', { kind: 'percent', value: 85 }],
    ['85,5 %', { kind: 'percent', value: 85.5 }],
    ['85', { kind: 'percent', value: 85 }],
    [92.5, { kind: 'percent', value: 92.5 }],
    ['Đạt 95%', { kind: 'percent', value: 95 }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    [null, { kind: 'empty' }],
    ['Hoàn thành tốt', { kind: 'text', text: 'Hoàn thành tốt' }],
    ['Có nhưng chưa đầy đủ', { kind: 'text', text: 'Có nhưng chưa đầy đủ' }],
    ['Cơ quan tự kiểm tra', { kind: 'text', text: 'Cơ quan tự kiểm tra' }],
    [{ error: '#N/A' }, { kind: 'text', text: '#N/A' }],
  ])('%p -> %p', (cell, declared) => {
    expect(parseDeclared(cell as Parameters<typeof parseDeclared>[0])).toEqual(declared);
  });

  test('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.double(), fc.boolean()), (v) => {
        expect(['yes', 'no', 'notApplicable', 'percent', 'text', 'empty']).toContain(parseDeclared(v).kind);
      }),
    );
  });
});

describe('suggestScore', () => {
  const yesNo = parseMethod('- Có ban hành: Điểm tối đa\n- Không ban hành: 0 điểm', 1).method;
  const bands = parseMethod('Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm', 1).method;
  const grades = parseMethod('Hoàn thành xuất sắc: Điểm tối đa / Hoàn thành tốt: 75% điểm / Hoàn thành: 50% điểm', 2).method;
  const survey = parseMethod('Điểm đánh giá thông qua điều tra xã hội học', 2).method;
  const deduction = parseMethod('Không có vi phạm: Điểm tối đa; Có vi phạm: trừ điểm theo mức độ', 1).method;

  test.each<[string, ParsedMethod, unknown, number | undefined]>([
    ['Có on yes/no', yesNo, 'Có', 1],
    ['Không on yes/no', yesNo, 'Không', 0],
    ['Không áp dụng', yesNo, 'Không áp dụng', undefined],
    ['empty', yesNo, '', undefined],
    ['a percentage on yes/no', yesNo, '85%', undefined],
    ['100% exactly', bands, '100%', 1],
    ['99,9% below 100', bands, '99,9%', 0.5],
    ['80% at the inclusive end', bands, 80, 0.5],
    ['79,99%', bands, '79,99%', 0],
    ['Có on bands', bands, 'Có', undefined],
    ['an exact grade', grades, 'Hoàn thành tốt', 1.5],
    ['a grade without diacritics', grades, 'hoan thanh xuat sac', 2],
    ['the longest grade the text starts with', grades, 'Hoàn thành tốt nhiệm vụ', 1.5],
    ['an unknown grade', grades, 'Không hoàn thành', undefined],
    ['survey rows suggest nothing', survey, 'Có', undefined],
    ['deduction: no violation gives the max', deduction, 'Không', 1],
    ['deduction: a violation depends on its degree', deduction, 'Có', undefined],
  ])('%s', (_name, method, cell, score) => {
    expect(suggestScore(method, parseDeclared(cell as string))).toBe(score);
  });
});

describe('allowed scores', () => {
  test.each<[AllowedScores, number, boolean]>([
    [set(0, 0.5, 1), 0.5, true],
    [set(0, 0.5, 1), 0.5 + 1e-12, true],
    [set(0, 0.5, 1), 0.75, false],
    [set(0, 0.5, 1), NaN, false],
    [range(0, 2), 1.37, true],
    [range(0, 2), 2.01, false],
    [range(0, 2), -0.01, false],
    [range(0, 1, 0.25), 0.75, true],
    [range(0, 1, 0.25), 0.7, false],
    [range(0.1, 1, 0.3), 0.7, true],
    [range(0.1, 1, 0.3), 0.6, false],
  ])('isAllowedScore(%j, %p) = %p', (allowed, score, ok) => {
    expect(isAllowedScore(allowed, score)).toBe(ok);
  });

  test.each<[AllowedScores, number, number, number | undefined]>([
    [set(0, 0.5, 1), 0, 1, 0.5],
    [set(0, 0.5, 1), 0.5, 1, 1],
    [set(0, 0.5, 1), 0.3, 1, 0.5],
    [set(0, 0.5, 1), 1, 1, undefined],
    [set(0, 2), 0, 1, undefined], // a value above the maximum is never a target
    [range(0, 1), 0.6, 1, 0.75],
    [range(0, 1), 0.5, 1, 0.75],
    [range(0, 1.1), 1, 1.1, 1.1], // the last step is capped at max
    [range(0, 1), 1, 1, undefined],
    [range(0, 1, 0.5), 0.2, 1, 0.5],
    [range(0.1, 1, 0.3), 0.1, 1, 0.4],
    [range(0.5, 1), 0, 1, 0.5],
  ])('nextAllowedAbove(%j, %p, %p) = %p', (allowed, score, max, next) => {
    expect(nextAllowedAbove(allowed, score, max)).toBe(next);
  });

  test('nextAllowedAbove gives an allowed value above the score, within max, with nothing allowed skipped', () => {
    const allowed = fc.oneof(
      fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }).map((a) => set(...a.map((i) => i / 4).sort((x, y) => x - y))),
      fc.integer({ min: 1, max: 40 }).map((m) => range(0, m / 4)),
      fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom(0.25, 0.5, 1)).map(([m, s]) => range(0, m / 4, s)),
    );
    fc.assert(
      fc.property(allowed, fc.double({ min: -1, max: 12, noNaN: true }), fc.integer({ min: 1, max: 40 }), (a, score, m) => {
        const max = m / 4;
        const next = nextAllowedAbove(a, score, max);
        if (next === undefined) return;
        expect(next).toBeGreaterThan(score);
        expect(next).toBeLessThanOrEqual(max);
        expect(isAllowedScore(a, next)).toBe(true);
        // Scores within 1e-9 count as equal, so "above" means above by more than that.
        if (a.kind === 'set') expect(a.values.filter((v) => v > score + 1e-9 && v < next)).toEqual([]);
      }),
    );
  });

  test.each<[AllowedScores, 'vi' | 'en', string]>([
    [set(0, 0.5, 1), 'vi', '0; 0,5; 1'],
    [set(0, 0.5, 1), 'en', '0; 0.5; 1'],
    [range(0, 2), 'vi', '0 - 2'],
    [range(0, 1.5), 'vi', '0 - 1,5'],
    [range(0, 1, 0.25), 'vi', '0 - 1 (bước 0,25)'],
    [range(0, 1, 0.25), 'en', '0 - 1 (step 0.25)'],
  ])('describeAllowed(%j, %s) = %p', (allowed, lang, text) => {
    expect(describeAllowed(allowed, lang)).toBe(text);
  });
});
