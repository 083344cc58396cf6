/**
 * Pure validation of a generated self-scoring sheet (no I/O): the reading is made once
 * from a real template file filled with answers; each timed call validates a fresh
 * reading against a reference set: "cold", evidence texts new to the process (the first
 * validation of a workbook, what an officer waits for), and "warm", the same texts again
 * (the pane after an edit).
 * Each row gives the median wall, CPU and garbage-collection time, the ratio to the
 * ~390 ms measured before issue 15 and whether the goal (< 50 ms of CPU, judged on the
 * cold row) is met; `npm run -s bench -- --json` carries the rows under goals.validate.
 * `npx tsx bench/validate.ts [--json] [--rows N]`
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
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
  /** Median of the timed runs (wall time). */
  ms: number;
  /** Median CPU time of the process over the same runs: less moved by other processes on a busy machine. */
  cpuMs: number;
  /** Median time spent collecting garbage during a run (part of ms). */
  gcMs: number;
  /** The first call in the process: nothing cached yet. */
  firstMs: number;
  findings: number;
  /** Issue 15's goal: under this many ms of CPU, on the cold row. */
  goalMs: number;
  /** The same measure before issue 15's work (~390 ms). */
  baselineMs: number;
  /** cpuMs / baselineMs. */
  ratio: number;
  /** Cold row only: cpuMs < goalMs. */
  goalMet?: boolean;
}

/** Issue 15's table row: pure validation of a 5000-row sheet took ~390 ms; the goal is under 50 ms. */
export const VALIDATE_GOAL_MS = 50;
export const VALIDATE_BASELINE_MS = 390;

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
 * Each text is made one flat string, as a file reader's are: a text joined in memory
 * is a tree of parts that the first reader of its characters would copy into one, a
 * cost no real reading has.
 */
function read(grid: WorkbookGrid, variant?: number): UnitReading {
  const r = readUnitWorkbook(grid, { file: 'bench.xlsx' });
  if (!r.ok) throw new Error('filled bench file does not read');
  if (variant === undefined) return r;
  const fresh = (text: string) => Buffer.from(`${text} (bản ${variant})`).toString();
  return { ...r, answers: r.answers.map((a) => (typeof a.evidence === 'string' ? { ...a, evidence: fresh(a.evidence) } : a)) };
}

const median = (times: number[]) => Math.round([...times].sort((a, b) => a - b)[times.length >> 1] * 10) / 10;

interface Run {
  ms: number;
  cpuMs: number;
  start: number;
  end: number;
}

/** Garbage-collection entries of the process while `fn` runs; they arrive after a turn of the event loop. */
async function observingGc<T>(fn: () => T): Promise<{ value: T; gc: PerformanceEntry[] }> {
  const gc: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gc.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const value = fn();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { value, gc };
}

const gcWithin = (gc: readonly PerformanceEntry[], run: Run) =>
  gc.filter((e) => e.startTime >= run.start && e.startTime < run.end).reduce((sum, e) => sum + e.duration, 0);

export async function validateBench(rows = 5000, runs = 7): Promise<ValidateResult[]> {
  const set = benchSet(rows);
  const grid = await filledGrid(set);
  // The reference is the set as loaded from its own JSON: equal, not the same objects.
  const reference = JSON.parse(JSON.stringify(set)) as CriteriaSet;
  const opts = { reference, today: '2025-01-15' };
  const time = (reading: UnitReading): Run & { n: number } => {
    const c0 = process.cpuUsage();
    const start = performance.now();
    const n = validateReading(reading, opts).length;
    const end = performance.now();
    const cpu = process.cpuUsage(c0);
    return { ms: end - start, cpuMs: (cpu.user + cpu.system) / 1000, start, end, n };
  };
  const first = time(read(grid, 0));
  // The readings are made before any timed call, so their garbage is not collected inside one.
  const readings = Array.from({ length: runs }, (_, i) => read(grid, i + 1));
  const cold: Run[] = [];
  const warm: Run[] = [];
  const { gc } = await observingGc(() => {
    for (const reading of readings) {
      cold.push(time(reading));
      // The pane after an edit: a new reading of the same texts.
      warm.push(time({ ...reading, answers: reading.answers.map((a) => ({ ...a })) }));
    }
  });
  const n = countRows(set);
  const firstMs = Math.round(first.ms * 10) / 10;
  const row = (operation: string, times: Run[], judged: boolean): ValidateResult => {
    const cpuMs = median(times.map((t) => t.cpuMs));
    return {
      operation,
      rows: n,
      ms: median(times.map((t) => t.ms)),
      cpuMs,
      gcMs: median(times.map((t) => gcWithin(gc, t))),
      firstMs,
      findings: first.n,
      goalMs: VALIDATE_GOAL_MS,
      baselineMs: VALIDATE_BASELINE_MS,
      ratio: Math.round((cpuMs / VALIDATE_BASELINE_MS) * 100) / 100,
      ...(judged ? { goalMet: cpuMs < VALIDATE_GOAL_MS } : {}),
    };
  };
  return [row('validate sheet (pure), cold: texts new to the process', cold, true), row('validate sheet (pure), warm: the same texts again', warm, false)];
}

if (require.main === module) {
  const at = process.argv.indexOf('--rows');
  validateBench(at > 0 ? Number(process.argv[at + 1]) : 5000).then(
    (results) => {
      for (const r of results) {
        process.stdout.write(
          process.argv.includes('--json')
            ? `${JSON.stringify(r)}\n`
            : `${r.operation}, ${r.rows} rows: CPU ${r.cpuMs} ms (wall ${r.ms} ms, GC ${r.gcMs} ms; first call in the process ${r.firstMs} ms), ${r.findings} findings; ` +
                `${r.ratio}x the ${r.baselineMs} ms baseline` +
                (r.goalMet === undefined ? '\n' : `; goal < ${r.goalMs} ms CPU: ${r.goalMet ? 'met' : 'not met'}\n`),
        );
      }
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
