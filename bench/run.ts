/**
 * `npm run bench` prints a table; `npm run -s bench -- --json` prints exactly one JSON
 * document {"results":[...]}. File operations run here; the Office.js operations
 * (measured on the strict Excel stand-in) come from bench/excel.ts when it exists.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileBench } from './files';
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

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const results = [...(await fileBench(SIZES)), ...(await excelResults(SIZES))];
  process.stdout.write(json ? `${JSON.stringify({ results })}\n` : `${table(results)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
