import type { CriteriaSet } from '../../src/core/criteria';
import type { UnitReading } from '../../src/workbook/read';
import { pickReference, submissionOf } from '../../src/workbook/submission';

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

describe('pickReference', () => {
  test.each([
    ['the set the workbook names', { setId: 'xa-2024', level: 'so' as const }, [so, xa], xa],
    ['else the one set for its level', { level: 'so' as const }, [so, xa], so],
    ['else the only set given', {}, [xa], xa],
    ['none when several sets fit and none is named', {}, [so, xa], undefined],
  ])('%s', (_name, meta, sets, expected) => {
    expect(pickReference(reading(meta), sets)).toBe(expected);
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
