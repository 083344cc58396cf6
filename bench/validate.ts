/**
 * Pure validation of a generated self-scoring sheet (no I/O): the reading is made once
 * from a real template file filled with answers; each timed call validates a fresh
 * reading of the same grid against a reference set, as the pane does after an edit.
 * `npx tsx bench/validate.ts [--json] [--rows N]`
 */
import type { CriteriaSet } from '../src/core/criteria';
import { planAnswers } from '../src/workbook/answers';
import type { WorkbookGrid } from '../src/workbook/grid';
import { readUnitWorkbook, validateReading, type UnitReading } from '../src/workbook/read';
import { buildTemplate } from '../src/workbook/template';
import { readWorkbookBuffer } from '../src/xlsx/read';
import { applyPlanToBuffer, writeSpecToBuffer } from '../src/xlsx/write';
import { benchAnswers, benchSet, countRows } from './sets';

export interface ValidateResult {
  operation: string;
  rows: number;
  /** Median of the timed runs. */
  ms: number;
  /** The first call in the process: nothing cached yet. */
  firstMs: number;
  findings: number;
}

/** A grid of the template for `rows` rows, every sub-criterion answered with realistic evidence. */
export async function filledGrid(set: CriteriaSet): Promise<WorkbookGrid> {
  const template = await writeSpecToBuffer(buildTemplate(set, { name: 'Sở Tư pháp', level: 'so' }));
  const reading = readUnitWorkbook(await readWorkbookBuffer(template, 'bench.xlsx'));
  if (!reading.ok) throw new Error('bench template does not read back');
  const { data } = await applyPlanToBuffer(template, planAnswers(reading, benchAnswers(set)));
  return readWorkbookBuffer(data, 'bench.xlsx');
}

function read(grid: WorkbookGrid): UnitReading {
  const r = readUnitWorkbook(grid, { file: 'bench.xlsx' });
  if (!r.ok) throw new Error('filled bench file does not read');
  return r;
}

export async function validateBench(rows = 5000, runs = 7): Promise<ValidateResult> {
  const set = benchSet(rows);
  const grid = await filledGrid(set);
  // The reference is the set as loaded from its own JSON: equal, not the same objects.
  const reference = JSON.parse(JSON.stringify(set)) as CriteriaSet;
  const opts = { reference, today: '2025-01-15' };
  let reading = read(grid);
  let t0 = performance.now();
  const findings = validateReading(reading, opts).length;
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    reading = read(grid);
    t0 = performance.now();
    validateReading(reading, opts);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { operation: 'validate sheet (pure)', rows: countRows(set), ms: round(times[runs >> 1]), firstMs: round(firstMs), findings };
}

if (require.main === module) {
  const at = process.argv.indexOf('--rows');
  validateBench(at > 0 ? Number(process.argv[at + 1]) : 5000).then(
    (r) => process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(r)}\n` : `${r.operation}, ${r.rows} rows: ${r.ms} ms (first call ${r.firstMs} ms), ${r.findings} findings; goal < 50 ms\n`),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
