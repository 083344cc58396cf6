/**
 * Every combination of the pane's consolidation options, run through the worker's code
 * and written into the strict Excel stand-in holding the sample workbook (what the
 * preview opens): no combination fails, the sheets land as built, the unit's sheets stay.
 * The first combination is the one that failed before (open workbook's set + a unit
 * list: every file rejected, so no field columns, and an empty style range).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CriteriaSet } from '../../src/core/criteria';
import { writeSpec } from '../../src/excel/spec';
import { setOfReading } from '../../src/pipeline/criteria';
import { readUnitWorkbook } from '../../src/workbook/read';
import type { SheetSpec } from '../../src/workbook/spec';
import { runRequest } from '../../src/worker/consolidation';
import type { ConsolidateRequest, FileInput } from '../../src/worker/protocol';
import { readWorkbookFile } from '../../src/xlsx/read';
import { generateProvince, loadSet } from '../consolidate/province';
import { standInFor } from '../excel/helpers';

jest.setTimeout(300_000);

const SAMPLE = join(__dirname, '../../data/samples/so-tu-phap-2024.xlsx');
let tmp: string;
let files: FileInput[];
let openSet: CriteriaSet;

const blob = (path: string, name = path.split('/').pop() as string): FileInput => ({ name, data: new Blob([readFileSync(path)]) });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'chiso-options-'));
  await generateProvince(tmp, 6);
  files = readdirSync(tmp).sort().map((n) => blob(join(tmp, n)));
  const r = readUnitWorkbook(await readWorkbookFile(SAMPLE));
  if (!r.ok) throw new Error('the sample has no score table');
  openSet = setOfReading(r);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const criteria: Record<string, () => ConsolidateRequest['criteria']> = {
  'the open workbook’s set': () => ({ kind: 'sets', sets: [openSet] }),
  'the bundled sets': () => ({ kind: 'sets', sets: [loadSet('so'), loadSet('huyen'), loadSet('xa')] }),
  'one bundled set': () => ({ kind: 'sets', sets: [loadSet('so')] }),
  'criteria files': () => ({ kind: 'files', files: ['so', 'huyen'].map((l) => blob(join(__dirname, `../../data/criteria/${l}-2024.json`))) }),
};
const units: Record<string, FileInput | undefined> = { 'the bundled unit list': blob(join(__dirname, '../../data/units/bac-kan-2024.json')), 'no unit list': undefined };
const baselines: Record<string, FileInput | undefined> = { 'a CSV baseline': blob(join(__dirname, '../../data/samples/ket-qua-2023-so-tu-phap.csv')), 'no baseline': undefined };

const combos = Object.keys(criteria).flatMap((c) => Object.keys(units).flatMap((u) => Object.keys(baselines).flatMap((b) => [false, true].map((allow) => [c, u, b, allow] as const))));

async function standInSample() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return { wb, ...standInFor(wb) };
}

const textOf = (wb: ExcelJS.Workbook, name: string) => JSON.stringify(wb.getWorksheet(name)?.getSheetValues());

test.each(combos)('%s, %s, %s, other versions allowed: %s', async (c, u, b, allow) => {
  const req: ConsolidateRequest = {
    files,
    criteria: criteria[c](),
    ...(units[u] ? { units: units[u] } : {}),
    ...(baselines[b] ? { baseline: baselines[b] } : {}),
    allowOtherVersions: allow,
    today: '2025-01-15',
    lang: 'vi',
  };
  const out = await runRequest(req);
  const { wb, run } = await standInSample();
  const before = wb.worksheets.map((ws) => [ws.name, textOf(wb, ws.name)]);
  const sheets: SheetSpec[] = [...out.sheets, out.print];
  await writeSpec(run, { sheets }, { isSetSupported: () => true });
  for (const s of sheets) expect(wb.getWorksheet(s.name)?.getCell('A1').value).toEqual(s.values[0][0]);
  for (const [name] of before) expect(textOf(wb, name)).toBe(before.find(([n]) => n === name)?.[1]);
  expect(out.json.units.length).toBe(files.length);
});
