/**
 * The consolidation summary of a small generated province (the four sheets: "Tổng hợp",
 * "Chênh lệch mục tiêu", "Nhật ký kiểm tra", "Theo dõi kế hoạch"), built by the one
 * pipeline, for the tests of how the sheets are laid out by each writer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { consolidateFiles, inputsOf } from '../../src/cli/consolidate';
import type { GradeBand } from '../../src/core/consolidate';
import { summaryWorkbook } from '../../src/pipeline/consolidate';
import { a1, type CellRange } from '../../src/workbook/grid';
import type { WorkbookSpec } from '../../src/workbook/spec';
import { generateProvince } from '../consolidate/province';

const ROOT = join(__dirname, '../..');

export async function provinceSummary(dir: string, count: number): Promise<WorkbookSpec> {
  const p = await generateProvince(dir, count);
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const grades = (JSON.parse(readFileSync(join(ROOT, 'data/grades-sample.json'), 'utf8')) as { grades: GradeBand[] }).grades;
  const plan = {
    plan: 'Kế hoạch 386/KH-UBND',
    baseYear: 2023,
    targetYear: 2024,
    items: [
      { index: 'PAR' as const, appendix: 1 as const, code: '1.1', name: 'Chỉ tiêu', leadUnit: 'Sở Nội vụ', previous: 80, target: 85 },
      { index: 'SIPAS' as const, appendix: 3 as const, code: '3.1', name: 'Mức độ hài lòng', leadUnit: 'Sở Nội vụ', previous: 82, target: 90 },
    ],
  };
  const input = { files, sets: Object.values(p.sets), grades, today: '2025-01-15', expectedUnits: p.units, plan };
  return summaryWorkbook(await consolidateFiles(input), inputsOf(input));
}

/** "A5:Q40", as exceljs keeps an AutoFilter's ref. */
export function ref(r: CellRange): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}
