import { message } from '../../src/core/findings';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { consolidateFiles } from '../../src/cli/consolidate';
import type { GradeBand } from '../../src/core/consolidate';
import { generateProvince, type Province } from '../consolidate/province';

// Worker threads load exceljs and tsx afresh: slow on a busy machine.
jest.setTimeout(180_000);

let dir: string;
let province: Province;
let files: string[];
const grades = (JSON.parse(readFileSync(join(__dirname, '../../data/grades-sample.json'), 'utf8')) as { grades: GradeBand[] }).grades;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-pool-'));
  province = await generateProvince(dir, 12);
  writeFileSync(join(dir, '000-khong-phai-xlsx.xlsx'), 'Đây không phải là sổ tính');
  files = [...readdirSync(dir).sort().map((f) => join(dir, f)), join(dir, 'khong-ton-tai.xlsx')];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('consolidateFiles with worker threads', () => {
  it('gives the same result as reading in one thread, progress in input order', async () => {
    const run = async (jobs: number) => {
      const progress: string[] = [];
      const result = await consolidateFiles({
        files,
        sets: Object.values(province.sets),
        grades,
        today: '2025-01-15',
        expectedUnits: province.units,
        jobs,
        onProgress: (n, total, name) => progress.push(`${n}/${total} ${name}`),
      });
      return { result, progress };
    };
    const single = await run(1);
    const pooled = await run(3);
    expect(pooled.result).toEqual(single.result);
    expect(pooled.progress).toEqual(single.progress);
    // The faults are in both: unreadable files rejected, the rest ranked.
    expect(single.result.consolidation.rejected.map((r) => r.file)).toEqual(
      expect.arrayContaining(['000-khong-phai-xlsx.xlsx', 'khong-ton-tai.xlsx', province.faults.corrupt]),
    );
    expect(single.result.gaps.length).toBeGreaterThan(0);
  });
});

/**
 * A workbook whose one sheet holds `cells` number cells: small on disk (the XML repeats)
 * and under the reader's part limit, but more than a small heap holds once read.
 */
function swollenWorkbook(cells: number): Uint8Array {
  const col = (c: number) => (c < 26 ? '' : String.fromCharCode(64 + Math.floor(c / 26))) + String.fromCharCode(65 + (c % 26));
  const row = (r: number) => `<row r="${r}">${Array.from({ length: 100 }, (_, c) => `<c r="${col(c)}${r}"><v>${r}.${c}</v></c>`).join('')}</row>`;
  const rows: string[] = [];
  for (let r = 1; r <= cells / 100; r++) rows.push(row(r));
  const enc = (s: string) => strToU8(s);
  return zipSync(
    {
      '[Content_Types].xml': enc('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
      '_rels/.rels': enc('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': enc('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bảng" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': enc('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': enc(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`),
    },
    { level: 6 },
  );
}

describe('a reader thread that dies', () => {
  it('rejects the file it was reading; the other files are consolidated and every input is unchanged', async () => {
    const swollen = join(dir, '001-phinh-to.xlsx');
    writeFileSync(swollen, swollenWorkbook(900_000));
    const inputs = [files[1], swollen, files[2], files[3], files[4]];
    const before = inputs.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
    try {
      // A heap small enough that this file, and not a score sheet, is more than a thread can hold.
      const result = await consolidateFiles({ files: inputs, sets: Object.values(province.sets), grades, today: '2025-01-15', jobs: 2, memoryMb: 96 });
      const rejected = result.consolidation.rejected.find((r) => r.file === '001-phinh-to.xlsx');
      expect(rejected?.reasons.map((f) => f.code)).toEqual(['FILE_UNREADABLE']);
      // The thread ran out of memory (not a size limit of the reader): that is what is said.
      expect(message(rejected!.reasons[0])).toMatch(/cần quá nhiều bộ nhớ để đọc/);
      expect(result.consolidation.log.map((r) => r.file)).toEqual(inputs.map((f) => basename(f)));
      const others = result.consolidation.log.filter((r) => r.file !== '001-phinh-to.xlsx');
      const alone = await consolidateFiles({ files: inputs.filter((f) => f !== swollen), sets: Object.values(province.sets), grades, today: '2025-01-15' });
      expect(others).toEqual(alone.consolidation.log);
      expect(inputs.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'))).toEqual(before);
    } finally {
      rmSync(swollen, { force: true });
    }
  });
});
