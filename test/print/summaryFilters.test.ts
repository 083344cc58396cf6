/**
 * The streamed consolidation summary (the CLI's file) with its filters is a valid
 * workbook for another spreadsheet program: LibreOffice headless prints it (through
 * src/xlsx/pdf.ts, as `--print` does) and, saving it again as .xlsx, keeps each sheet's
 * filter over the same range (it read the <autoFilter> and its _xlnm._FilterDatabase).
 * Needs LibreOffice (soffice), as the other tests of test/print.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookSpec } from '../../src/workbook/spec';
import { convertToPdf } from '../../src/xlsx/pdf';
import { streamSpecToFile } from '../../src/xlsx/write';
import { provinceSummary, ref } from '../xlsx/summaryLayout';

jest.setTimeout(300_000);

let tmp: string;
let spec: WorkbookSpec;
let xlsx: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'chiso-summary-lo-'));
  spec = await provinceSummary(join(tmp, 'nop'), 12);
  xlsx = join(tmp, 'tong-hop.xlsx');
  await streamSpecToFile(spec, xlsx);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('LibreOffice prints the summary with its filters', async () => {
  const pdf = join(tmp, 'tong-hop.pdf');
  await convertToPdf(xlsx, pdf);
  expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('LibreOffice keeps each sheet’s filter range when it saves the file again', async () => {
  const out = join(tmp, 'lo');
  mkdirSync(out);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(tmp, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, xlsx], { timeout: 240_000, stdio: 'ignore' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, 'tong-hop.xlsx'));
  for (const s of spec.sheets) expect({ sheet: s.name, filter: wb.getWorksheet(s.name)?.autoFilter }).toEqual({ sheet: s.name, filter: ref(s.autoFilter!) });
});
