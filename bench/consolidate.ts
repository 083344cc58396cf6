/**
 * Consolidating a province: 150 generated unit workbooks of about 120 rows, against the
 * floor of only loading the same files with exceljs. Prints wall time, peak RSS and the
 * ratio (aim: under 1.5). `npx tsx bench/consolidate.ts [--json] [--count N]`
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { consolidateFiles, summaryWorkbook } from '../src/cli/consolidate';
import type { GradeBand } from '../src/core/consolidate';
import { writeSpecToBuffer } from '../src/xlsx/write';
import { generateProvince } from '../test/consolidate/province';

interface Result {
  operation: string;
  files: number;
  ms: number;
  peakRssMb: number;
}

/** Peak resident memory while `fn` runs, sampled every 10 ms. */
async function measure(operation: string, files: number, fn: () => Promise<void>): Promise<Result> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { operation, files, ms: Math.round(ms), peakRssMb: Math.round(peak / 1048576) };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const countArg = process.argv.indexOf('--count');
  const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 150;
  const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-'));
  try {
    const p = await generateProvince(dir, count);
    const files = readdirSync(dir).sort().map((f) => join(dir, f));
    const grades = (JSON.parse(readFileSync(join(__dirname, '../data/grades-sample.json'), 'utf8')) as { grades: GradeBand[] }).grades;
    const sets = Object.values(p.sets);
    // Warm both paths once so neither pays for module loading and JIT.
    await new ExcelJS.Workbook().xlsx.readFile(files[0]);
    await consolidateFiles({ files: files.slice(0, 2), sets, grades, today: '2025-01-15' });

    const floor = await measure('exceljs load only', files.length, async () => {
      for (const f of files) {
        try {
          await new ExcelJS.Workbook().xlsx.readFile(f);
        } catch {
          // the planted corrupt file
        }
      }
    });
    let summaryBytes = 0;
    const full = await measure('consolidate (read, validate, rank)', files.length, async () => {
      await consolidateFiles({ files, sets, grades, today: '2025-01-15', expectedUnits: p.units });
    });
    const withOutput = await measure('consolidate + write summary.xlsx', files.length, async () => {
      const result = await consolidateFiles({ files, sets, grades, today: '2025-01-15', expectedUnits: p.units });
      summaryBytes = (await writeSpecToBuffer(summaryWorkbook(result, { year: 2024, notes: [], sipasMode: 'points' }))).length;
    });
    const results = [floor, full, withOutput];
    const ratio = Math.round((full.ms / floor.ms) * 100) / 100;
    const ratioWithOutput = Math.round((withOutput.ms / floor.ms) * 100) / 100;
    if (json) {
      process.stdout.write(`${JSON.stringify({ results, ratio, ratioWithOutput, summaryBytes })}\n`);
      return;
    }
    console.log('operation                              files      ms  peak RSS MB');
    for (const r of results) console.log(`${r.operation.padEnd(38)} ${String(r.files).padStart(5)} ${String(r.ms).padStart(7)} ${String(r.peakRssMb).padStart(12)}`);
    console.log(`ratio to exceljs load: ${ratio} (with the summary written: ${ratioWithOutput}); summary ${Math.round(summaryBytes / 1024)} KB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
