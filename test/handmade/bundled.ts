/**
 * `validate` on the bundled sample and on template-made files, summarised as one line per
 * finding (code, criterion, cell, severity): the recorded summary (bundled-baseline.json,
 * taken before issue 10's reading changes) must not move except where a rule changed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CriteriaSet, UnitLevel } from '../../src/core/criteria';
import { checkCriteriaSet, lookupCriteria } from '../../src/core/criteriaSet';
import { computeTotals } from '../../src/core/totals';
import { readUnitWorkbook, validateReading, type UnitReading } from '../../src/workbook/read';
import { buildTemplate } from '../../src/workbook/template';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { writeSpecToBuffer } from '../../src/xlsx/write';

export const ROOT = resolve(__dirname, '../..');
export const TODAY = '2025-01-15';

export function bundledSet(level: UnitLevel): CriteriaSet {
  const set = checkCriteriaSet(JSON.parse(readFileSync(resolve(ROOT, `data/criteria/${level}-2024.json`), 'utf8'))).set;
  if (!set) throw new Error(`data/criteria/${level}-2024.json does not load`);
  return set;
}

export interface Summary {
  unit: string | null;
  year: number | null;
  total: number;
  findings: string[];
}

export function summarise(reading: UnitReading, reference: CriteriaSet | undefined): Summary {
  const findings = validateReading(reading, { reference, today: TODAY });
  return {
    unit: reading.meta.unit ?? null,
    year: reading.meta.year ?? null,
    total: computeTotals(lookupCriteria(reference ?? reading.set), reading.answers).self,
    findings: findings.map((f) => [f.severity, f.code, f.criterion ?? '-', f.cell ?? '-'].join(' ')),
  };
}

async function readBuffer(buf: Buffer, file: string): Promise<UnitReading> {
  const reading = readUnitWorkbook(await readWorkbookBuffer(buf, file), { file });
  if (!reading.ok) throw new Error(`${file}: ${reading.findings.map((f) => f.code).join(', ')}`);
  return reading;
}

const UNIT_OF: Record<UnitLevel, string> = { so: 'Sở Tư pháp', huyen: 'UBND huyện Ba Bể', xa: 'UBND xã Nam Mẫu' };

/** Every bundled case: the sample with and without the reference, a blank template of each set. */
export async function bundledSummaries(): Promise<Record<string, Summary>> {
  const out: Record<string, Summary> = {};
  const so = bundledSet('so');
  const sample = await readBuffer(readFileSync(resolve(ROOT, 'data/samples/so-tu-phap-2024.xlsx')), 'so-tu-phap-2024.xlsx');
  out['sample'] = summarise(sample, undefined);
  out['sample --criteria so'] = summarise(sample, so);
  for (const level of ['so', 'huyen', 'xa'] as const) {
    const set = bundledSet(level);
    const buf = await writeSpecToBuffer(buildTemplate(set, { name: UNIT_OF[level], level }));
    out[`template ${level}`] = summarise(await readBuffer(buf, `${level}.xlsx`), set);
  }
  return out;
}
