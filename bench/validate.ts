/**
 * Pure validation of a generated self-scoring sheet (no I/O): the reading is made once
 * from a real template file filled with answers; each timed call validates a fresh
 * reading against a reference set: once with evidence texts new to the process, once
 * again with the same texts (the pane after an edit).
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

/**
 * A fresh reading of the grid whose evidence texts are new to the process (`variant`
 * appended), so no cache keyed by text serves them: the cost of a sheet never seen.
 */
function read(grid: WorkbookGrid, variant?: number): UnitReading {
  const r = readUnitWorkbook(grid, { file: 'bench.xlsx' });
  if (!r.ok) throw new Error('filled bench file does not read');
  if (variant === undefined) return r;
  return { ...r, answers: r.answers.map((a) => (typeof a.evidence === 'string' ? { ...a, evidence: `${a.evidence} (bản ${variant})` } : a)) };
}

const median = (times: number[]) => Math.round([...times].sort((a, b) => a - b)[times.length >> 1] * 10) / 10;

export async function validateBench(rows = 5000, runs = 7): Promise<ValidateResult[]> {
  const set = benchSet(rows);
  const grid = await filledGrid(set);
  // The reference is the set as loaded from its own JSON: equal, not the same objects.
  const reference = JSON.parse(JSON.stringify(set)) as CriteriaSet;
  const opts = { reference, today: '2025-01-15' };
  const time = (reading: UnitReading) => {
    const t0 = performance.now();
    const n = validateReading(reading, opts).length;
    return { ms: performance.now() - t0, n };
  };
  const first = time(read(grid, 0));
  const fresh: number[] = [];
  const again: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const reading = read(grid, i);
    fresh.push(time(reading).ms);
    // The pane after an edit: a new reading of mostly the same texts.
    again.push(time({ ...reading, answers: reading.answers.map((a) => ({ ...a })) }).ms);
  }
  const n = countRows(set);
  const firstMs = Math.round(first.ms * 10) / 10;
  return [
    { operation: 'validate sheet (pure), new texts', rows: n, ms: median(fresh), firstMs, findings: first.n },
    { operation: 'validate sheet (pure), same texts again', rows: n, ms: median(again), firstMs, findings: first.n },
  ];
}

if (require.main === module) {
  const at = process.argv.indexOf('--rows');
  validateBench(at > 0 ? Number(process.argv[at + 1]) : 5000).then(
    (results) => {
      for (const r of results) {
        process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(r)}\n` : `${r.operation}, ${r.rows} rows: ${r.ms} ms (first call in the process ${r.firstMs} ms), ${r.findings} findings; goal < 50 ms\n`);
      }
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
