/**
 * `npm run bench` prints tables; `npm run -s bench -- --json` prints exactly one JSON
 * document {"results":[...], "goals": {...}}. File operations run here; the Office.js
 * operations (measured on the strict Excel stand-in) come from bench/excel.ts when it
 * exists. "goals" holds the rows of issue 15's table: pure validation of a 5000-row
 * sheet, CLI start against `node -e 0`, and the province consolidation against a bare
 * exceljs load loop with the peak memory of the process tree at 150/300/600 files
 * (`--counts 150,300` for a shorter run); issue 16's register read (.xlsx, .csv), cross-check and suggestions, a 150-row sheet against
 * a 5,000-row register (bench/register.ts); and the pane's first-load JS against an empty
 * Fluent pane (its load times in Chromium: `npm run bench:pane`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliStartBench } from './cli';
import { consolidateBench, goalLines } from './consolidate';
import { fileBench } from './files';
import { registerBench } from './register';
import { paneGoalLine, paneLoadBench } from './pane';
import { validateBench } from './validate';
import type { Result } from './types';

const SIZES = [50, 500, 5000];

/** bench/excel.ts is optional: another module adds it; imported by path so its absence is no compile error. */
async function excelResults(sizes: number[]): Promise<Result[]> {
  const path = join(__dirname, 'excel.ts');
  if (!existsSync(path)) return [];
  const mod = (await import(pathToFileURL(path).href)) as { excelBench(rows: number[]): Promise<Result[]> };
  return mod.excelBench(sizes);
}

function table(results: Result[]): string {
  const loadMs = new Map(results.filter((r) => r.operation === 'exceljs load only').map((r) => [r.rows, r.ms]));
  const head = ['operation', 'rows', 'ms', 'syncs', 'requestBytes', 'fileBytes', 'x exceljs load'];
  const lines = results.map((r) => {
    const ratio = r.operation === 'read+validate file' && loadMs.get(r.rows) ? (r.ms / (loadMs.get(r.rows) as number)).toFixed(2) : '';
    return [r.operation, String(r.rows), r.ms.toFixed(1), String(r.syncs ?? '-'), String(r.requestBytes ?? '-'), String(r.fileBytes ?? '-'), ratio];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

function rowsTable(rows: object[]): string {
  const head = Object.keys(Object.assign({}, ...rows) as object);
  const lines = rows.map((r) => head.map((h) => String((r as Record<string, unknown>)[h] ?? '')));
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(head), ...lines.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const at = process.argv.indexOf('--counts');
  const counts = at > 0 ? process.argv[at + 1].split(',').map(Number) : undefined;
  const results = [...(await fileBench(SIZES)), ...(await excelResults(SIZES))];
  const goals = {
    validate: await validateBench(5000),
    cliStart: await cliStartBench(),
    consolidate: await consolidateBench({ count: 150, ...(counts ? { counts } : {}), jobs: 1 }),
    // Issue 16: a 150-row sheet against a 5,000-row register of outgoing documents.
    register: await registerBench(150, 5000),
    // Sizes only; load times in Chromium: npm run bench:pane.
    pane: await paneLoadBench(),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify({ results, goals })}\n`);
    return;
  }
  process.stdout.write(`${table(results)}\n\n`);
  process.stdout.write(`${rowsTable(goals.validate)}\n(goal: cold under 50 ms of CPU)\n\n`);
  process.stdout.write(`${rowsTable(goals.cliStart)}\n(goal: ratio <= 4)\n\n`);
  process.stdout.write(`${rowsTable(goals.consolidate.rows)}\n${goalLines(goals.consolidate.goals).join('\n')}\n\n`);
  process.stdout.write(`${rowsTable(goals.register)}\n(goal: each row with a goalMs under it, CPU: reading .xlsx, reading .csv, cross-check, suggestions)\n\n`);
  process.stdout.write(`${paneGoalLine(goals.pane)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
