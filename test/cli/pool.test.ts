import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidateFiles } from '../../src/cli/consolidate';
import type { GradeBand } from '../../src/core/consolidate';
import { generateProvince, type Province } from '../consolidate/province';

// Worker threads load exceljs and tsx afresh: slow on a busy machine.
jest.setTimeout(180_000);

let dir: string;
let province: Province;
let files: string[];
const grades = (JSON.parse(readFileSync(join(__dirname, '../../data/grades-sample.json'), 'utf8')) as { grades: GradeBand[] }).grades;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-pool-'));
  province = await generateProvince(dir, 12);
  writeFileSync(join(dir, '000-khong-phai-xlsx.xlsx'), 'Đây không phải là sổ tính');
  files = [...readdirSync(dir).sort().map((f) => join(dir, f)), join(dir, 'khong-ton-tai.xlsx')];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('consolidateFiles with worker threads', () => {
  it('gives the same result as reading in one thread, progress in input order', async () => {
    const run = async (jobs: number) => {
      const progress: string[] = [];
      const result = await consolidateFiles({
        files,
        sets: Object.values(province.sets),
        grades,
        today: '2025-01-15',
        expectedUnits: province.units,
        jobs,
        onProgress: (n, total, name) => progress.push(`${n}/${total} ${name}`),
      });
      return { result, progress };
    };
    const single = await run(1);
    const pooled = await run(3);
    expect(pooled.result).toEqual(single.result);
    expect(pooled.progress).toEqual(single.progress);
    // The faults are in both: unreadable files rejected, the rest ranked.
    expect(single.result.consolidation.rejected.map((r) => r.file)).toEqual(
      expect.arrayContaining(['000-khong-phai-xlsx.xlsx', 'khong-ton-tai.xlsx', province.faults.corrupt]),
    );
    expect(single.result.gaps.length).toBeGreaterThan(0);
  });
});
