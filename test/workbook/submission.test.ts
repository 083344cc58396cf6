import type { CriteriaSet } from '../../src/core/criteria';
import type { UnitReading } from '../../src/workbook/read';
import { consolidate } from '../../src/core/consolidate';
import { message } from '../../src/core/findings';
import { routeReading, submissionOf } from '../../src/workbook/submission';

const set = (id: string, levels: CriteriaSet['levels']): CriteriaSet => ({
  id,
  title: id,
  year: 2024,
  levels,
  version: '1',
  source: 'mẫu',
  period: { from: '2024-01-01', to: '2024-12-31' },
  fields: [],
});
const so = set('so-2024', ['so']);
const xa = set('xa-2024', ['xa']);
const reading = (meta: Partial<UnitReading['meta']>) => ({ meta: { source: 'metadata', ...meta } }) as UnitReading;

describe('routeReading', () => {
  test.each([
    ['the set the workbook names', { setId: 'xa-2024', level: 'so' as const }, [so, xa], xa],
    ['else the one set for its level', { level: 'so' as const }, [so, xa], so],
    ['else the only set given', {}, [xa], xa],
    ['none when a set not at hand is named and the level is unknown', { setId: 'tinh-khac-2024' }, [so, xa], undefined],
    ['else the one set of its year', { year: 2024 }, [so, { ...xa, year: 2023 }], so],
  ])('%s', (_name, meta, sets, expected) => {
    expect(routeReading(reading(meta), sets).reference).toBe(expected);
  });
});

test('a workbook that fits no reference set is reported with the sets it could have used', () => {
  const r = submissionOf('a.xlsx', 'h', { ...reading({ setId: 'huyen-2024' }), ok: true, findings: [] } as UnitReading, {
    sets: [so, xa],
    indexes: [],
    today: '2024-12-20',
  });
  expect(r.submission.findings.map((f) => [f.code, f.params.expected])).toEqual([['SET_VERSION_MISMATCH', 'so-2024 v1, xa-2024 v1']]);
  expect(r.submission.totals).toBeUndefined();
});

test('an unreadable workbook keeps its own findings', () => {
  const f = { severity: 'error' as const, code: 'LAYOUT_NOT_FOUND' as const, params: {} };
  expect(submissionOf('b.xlsx', 'h', { ok: false, findings: [f] }, { sets: [so], indexes: [], today: '2024-12-20' })).toEqual({
    submission: { file: 'b.xlsx', hash: 'h', findings: [f] },
  });
});

describe('routing by level and year', () => {
  const huyen = set('huyen-2024', ['huyen']);
  const ctx = { indexes: [], today: '2024-12-20' };
  const read = (meta: Partial<UnitReading['meta']>) => ({ ...reading(meta), ok: true, findings: [] }) as unknown as UnitReading;

  test('a district file sent to the department set is one reason: wrong level', () => {
    const r = submissionOf('huyen.xlsx', 'h', read({ setId: 'huyen-2024', level: 'huyen', unit: 'UBND huyện Ba Bể', year: 2024 }), { ...ctx, sets: [so] });
    expect(r.submission.findings).toHaveLength(1);
    const [f] = r.submission.findings;
    expect(f.code).toBe('FILE_WRONG_LEVEL');
    expect(message(f, 'vi')).toMatch(/^Tệp của UBND cấp huyện, không phải sở, ban, ngành\./);
    expect(message(f, 'en')).toMatch(/^The file is for a district People’s Committee, not a provincial department\./);
    expect(r.submission.level).toBe('huyen');
  });

  test('a file whose level differs from the unit list is rejected for that, at the level on the list', () => {
    const r = submissionOf('sai-cap.xlsx', 'h', read({ setId: 'huyen-2024', level: 'huyen', unit: 'Sở Tư pháp', year: 2024 }), {
      ...ctx,
      sets: [so, huyen, xa],
      expectedUnits: [{ name: 'Sở Tư pháp', level: 'so' }],
    });
    expect(r.submission.findings.map((f) => [f.code, f.params.found, f.params.expected])).toEqual([['FILE_WRONG_LEVEL', 'UBND cấp huyện', 'sở, ban, ngành']]);
    expect(r.submission.level).toBe('so');
  });

  test('a file of another year is one reason: wrong year', () => {
    const r = submissionOf('2023.xlsx', 'h', read({ level: 'xa', unit: 'UBND xã A', year: 2023 }), { ...ctx, sets: [so, huyen, xa] });
    expect(r.submission.findings.map((f) => [f.code, f.params.found, f.params.expected])).toEqual([['FILE_WRONG_YEAR', '2023', '2024']]);
  });

  test('each file goes to the set of its level', () => {
    expect(routeReading(read({ level: 'huyen', year: 2024 }), [so, huyen, xa]).reference).toBe(huyen);
    expect(routeReading(read({ level: 'xa' }), [so, huyen, xa]).reference).toBe(xa);
  });

  test('the consolidation rejects a wrong-level file with that one reason', () => {
    const r = submissionOf('huyen.xlsx', 'h', read({ level: 'huyen', unit: 'UBND huyện Ba Bể' }), { ...ctx, sets: [so] });
    const c = consolidate([r.submission], { grades: [] });
    expect(c.rejected.map((x) => x.reasons.map((f) => f.code))).toEqual([['FILE_WRONG_LEVEL']]);
  });
});

describe('routing a workbook that names no set by its criteria', () => {
  const named = (id: string, levels: CriteriaSet['levels'], names: string[]): CriteriaSet => ({
    ...set(id, levels),
    fields: [{ code: 'I', name: names[0], maxPoints: names.length - 1, children: names.slice(1).map((name, i) => ({ code: `1.${i + 1}`, name, maxPoints: 1 })) }],
  });
  const soSet = named('so-2024', ['so'], ['Công tác chỉ đạo, điều hành', 'Ban hành kế hoạch cải cách hành chính năm', 'Báo cáo cải cách hành chính định kỳ', 'Kiểm tra công tác cải cách hành chính']);
  const xaSet = named('xa-2024', ['xa'], ['Thủ tục hành chính cấp xã', 'Công khai thủ tục hành chính tại bộ phận một cửa', 'Giải quyết hồ sơ đúng hạn', 'Tiếp nhận phản ánh, kiến nghị của người dân']);
  const handMade = (names: string[], meta: Partial<UnitReading['meta']> = {}) =>
    ({ ...reading({ source: 'title', unit: 'Hội đồng thi đua', year: 2024, ...meta }), ok: true, findings: [], set: named('Bảng chấm điểm', ['so'], names) }) as unknown as UnitReading;
  const ctx = { sets: [soSet, xaSet], indexes: [], today: '2024-12-20' };

  test('the set whose criteria the sheet carries, whatever the order of the sets', () => {
    const r = handMade(['Thủ tục hành chính cấp xã', 'Công khai thủ tục hành chính tại bộ phận một cửa', 'Giải quyết hồ sơ đúng hạn', 'Tiếp nhận phản ánh, kiến nghị của người dân']);
    expect(routeReading(r, [soSet, xaSet]).reference).toBe(xaSet);
    expect(routeReading(r, [xaSet, soSet]).reference).toBe(xaSet);
  });

  test('of several sets for its level and year, the one whose criteria the sheet carries', () => {
    const own = named('so-rieng-2024', ['so'], ['Công tác thi đua, khen thưởng', 'Ban hành kế hoạch thi đua năm', 'Tổ chức hội nghị điển hình tiên tiến', 'Xét tặng danh hiệu thi đua']);
    const r = handMade(['Công tác thi đua, khen thưởng', 'Ban hành kế hoạch thi đua năm', 'Tổ chức hội nghị điển hình tiên tiến', 'Xét tặng danh hiệu thi đua'], { level: 'so' });
    expect(routeReading(r, [soSet, own, xaSet])).toEqual({ reference: own, level: 'so' });
  });

  test('criteria no set carries: one reason, SET_NOT_MATCHED on the file naming the closest set, an error saying the file is left out', () => {
    const r = submissionOf('hoi-dong.xlsx', 'h', handMade(['Công tác thi đua, khen thưởng', 'Ban hành kế hoạch cải cách hành chính năm', 'Tổ chức hội nghị điển hình tiên tiến', 'Xét tặng danh hiệu']), ctx);
    expect(r.submission.findings).toHaveLength(1);
    const [f] = r.submission.findings;
    expect([f.code, f.severity, f.file, f.params.id]).toEqual(['SET_NOT_MATCHED', 'error', 'hoi-dong.xlsx', 'so-2024']);
    expect(message(f, 'vi')).toMatch(/^Chưa nhận ra bảng này theo bộ tiêu chí có sẵn nào: gần nhất là "so-2024" \(so-2024\) nhưng chỉ 1\/4 tiêu chí .* Tệp không được đưa vào tổng hợp;/);
    expect(message(f, 'en')).toContain('The file is left out of the consolidation;');
    const c = consolidate([r.submission], { grades: [] });
    expect(c.rejected.map((x) => x.reasons.map((g) => g.code))).toEqual([['SET_NOT_MATCHED']]);
  });

  test('a year no set covers, the level unknown: one reason, wrong year', () => {
    const r = submissionOf('2023.xlsx', 'h', handMade(['Thủ tục hành chính cấp xã'], { year: 2023 }), ctx);
    expect(r.submission.findings.map((f) => [f.code, f.params.found, f.params.expected])).toEqual([['FILE_WRONG_YEAR', '2023', '2024']]);
  });
});
