/**
 * Consolidating the generated province gives exactly the output frozen before the speed
 * work (test/consolidate/frozen.ts): the --json document and every summary sheet.
 */
import { readFileSync } from 'node:fs';
import { consolidateProvince, FROZEN_PATH, type Frozen } from './frozen';

const frozen = JSON.parse(readFileSync(FROZEN_PATH, 'utf8')) as Frozen;

describe('consolidation output is unchanged on the generated province', () => {
  it('the frozen fixture is a real run: 150 files, ranked, rejected and missing units, four sheets', () => {
    expect(frozen.files).toBe(150);
    expect(frozen.json.units.filter((u) => u.rank !== null).length).toBeGreaterThan(100);
    expect(frozen.json.rejected.length).toBeGreaterThan(0);
    expect(frozen.json.missing.length).toBeGreaterThan(0);
    expect(frozen.sheets.map((s) => s.rows).every((n) => n > 10)).toBe(true);
    expect(frozen.sheets).toHaveLength(4);
  });

  it('read in this thread (--jobs 1): the same JSON and sheets', async () => {
    const now = await consolidateProvince(150, 1);
    expect(now.json).toEqual(frozen.json);
    expect(now.sheets).toEqual(frozen.sheets);
  }, 240_000);
});
