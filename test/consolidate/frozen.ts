/**
 * The output of consolidating the generated province, as frozen in frozen-province.json:
 * the `--json` document whole, and each summary sheet (its spec: values, merges, styles,
 * print settings) as a digest with its size, file hashes masked (the generated files
 * carry their creation time). Speed work must leave both exactly as they were.
 * `npx tsx test/consolidate/frozen.ts` writes the fixture anew from the current code:
 * only when a change of output is intended, and said so in the commit.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GradeBand } from '../../src/core/consolidate';
import { consolidateFiles, inputsOf } from '../../src/cli/consolidate';
import { planOf, summaryWorkbook, toJson, type ConsolidationJson } from '../../src/pipeline/consolidate';
import { generateProvince } from './province';

const ROOT = join(__dirname, '../..');
export const FROZEN_PATH = join(__dirname, 'frozen-province.json');

export interface FrozenSheet {
  name: string;
  rows: number;
  /** SHA-256 of the sheet's spec as JSON, hashes masked. */
  digest: string;
}

export interface Frozen {
  files: number;
  json: ConsolidationJson;
  sheets: FrozenSheet[];
}

const mask = (text: string) => text.replace(/\b[0-9a-f]{64}\b/g, '<sha256>');

/** Consolidates a fresh province of `count` workbooks with --jobs `jobs` and returns what is frozen. */
export async function consolidateProvince(count = 150, jobs = 1): Promise<Frozen> {
  const tmp = mkdtempSync(join(tmpdir(), 'chiso-frozen-'));
  try {
    const p = await generateProvince(join(tmp, 'in'), count);
    const grades = (JSON.parse(readFileSync(join(ROOT, 'data/grades-sample.json'), 'utf8')) as { grades: GradeBand[] }).grades;
    const files = p.files.map((f) => join(p.dir, f.file)).sort();
    const targets = join(ROOT, 'data/targets');
    const { plan, mode } = planOf(
      readdirSync(targets).filter((n) => n.endsWith('.json')).map((n) => ({ name: n, text: readFileSync(join(targets, n), 'utf8') })),
      undefined,
    );
    const input = { files, sets: Object.values(p.sets), grades, gradesSample: true, today: '2025-01-15', expectedUnits: p.units, ...(plan ? { plan } : {}), sipasMode: mode, jobs };
    const result = await consolidateFiles(input);
    const json = JSON.parse(mask(JSON.stringify(toJson(result, 'vi')))) as ConsolidationJson;
    const sheets = summaryWorkbook(result, inputsOf(input)).sheets.map((s) => ({
      name: s.name,
      rows: s.values.length,
      digest: createHash('sha256').update(mask(JSON.stringify(s))).digest('hex'),
    }));
    return { files: files.length, json, sheets };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void consolidateProvince().then((f) => {
    writeFileSync(FROZEN_PATH, `${JSON.stringify(f, null, 1)}\n`);
    process.stdout.write(`${FROZEN_PATH}: ${f.files} files, ${f.sheets.map((s) => `${s.name} ${s.rows} rows`).join(', ')}\n`);
  });
}
