/** File operations: template generation, read+validate, and exceljs' bare load for comparison. */
import ExcelJS from 'exceljs';
import { planAnswers } from '../src/workbook/answers';
import { readUnitWorkbook, validateReading } from '../src/workbook/read';
import { buildTemplate } from '../src/workbook/template';
import { readWorkbookBuffer } from '../src/xlsx/read';
import { applyPlanToBuffer, writeSpecToBuffer } from '../src/xlsx/write';
import { benchAnswers, benchSet, countRows } from './sets';
import { timeIt, type Result } from './types';

const UNIT = { name: 'Sở Tư pháp', level: 'so' } as const;

export async function fileBench(sizes: number[]): Promise<Result[]> {
  const results: Result[] = [];
  for (const size of sizes) {
    const set = benchSet(size);
    const rows = countRows(set);
    let template: Buffer = Buffer.alloc(0);
    const generate = await timeIt(async () => {
      template = await writeSpecToBuffer(buildTemplate(set, UNIT));
    });
    results.push({ operation: 'generate template', rows, syncs: null, requestBytes: null, ms: generate, fileBytes: template.length });

    const reading = readUnitWorkbook(await readWorkbookBuffer(template, 'bench.xlsx'));
    if (!reading.ok) throw new Error(`bench template does not read back: ${JSON.stringify(reading.findings[0])}`);
    const { data: filled } = await applyPlanToBuffer(template, planAnswers(reading, benchAnswers(set)));
    const readValidate = await timeIt(async () => {
      const r = readUnitWorkbook(await readWorkbookBuffer(filled, 'bench.xlsx'));
      if (!r.ok) throw new Error('filled bench file does not read');
      validateReading(r, { reference: set, today: '2025-01-15' });
    });
    results.push({ operation: 'read+validate file', rows, syncs: null, requestBytes: null, ms: readValidate, fileBytes: filled.length });

    const loadOnly = await timeIt(async () => {
      await new ExcelJS.Workbook().xlsx.load(filled as unknown as ExcelJS.Buffer);
    });
    results.push({ operation: 'exceljs load only', rows, syncs: null, requestBytes: null, ms: loadOnly, fileBytes: filled.length });
  }
  return results;
}
