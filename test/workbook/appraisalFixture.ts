/**
 * An appraised unit workbook as real .xlsx bytes: the sample template with appraisal
 * columns (first and final appraisal), the given rows typed in at the columns the reader
 * finds, written by the xlsx adapter. Shared by the workbook, worker, pane and e2e tests.
 */
import type { CellValue } from '../../src/core/answers';
import type { CriteriaSet } from '../../src/core/criteria';
import type { WriteValue } from '../../src/workbook/grid';
import { readUnitWorkbook } from '../../src/workbook/read';
import { buildTemplate } from '../../src/workbook/template';
import { writeSpecToBuffer } from '../../src/xlsx/write';
import { sampleSet } from '../taskpane/fixture';

export type AppraisedRow = { self?: CellValue; appraised?: CellValue; reason?: string; final?: CellValue; finalReason?: string };

export async function appraisedBytes(rows: Record<string, AppraisedRow>, set: CriteriaSet = sampleSet(), unit = 'Sở Tư pháp'): Promise<Buffer> {
  const spec = buildTemplate(set, { name: unit, level: 'so' }, { withAppraisal: true });
  const sheet = spec.sheets[0];
  const first = readUnitWorkbook({ sheets: spec.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? null : v))) })) });
  if (!first.ok) throw new Error('template not read');
  const col = first.layout.columns;
  for (const [code, e] of Object.entries(rows)) {
    const row = sheet.values[(first.rowOf.get(code) as number) - 1];
    const put = (c: number | undefined, v: unknown) => {
      if (v !== undefined) row[c as number] = v as WriteValue;
    };
    put(col.selfScore, e.self);
    put(col.appraisedScore, e.appraised);
    put(col.appraisalReason, e.reason);
    put(col.finalScore, e.final);
    put(col.finalReason, e.finalReason);
  }
  return writeSpecToBuffer(spec);
}
