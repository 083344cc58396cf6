/**
 * Issue 10 §4: a sheet with blank self-scored rows is not "validated": `print` without
 * --draft refuses it, naming the rows, and writes nothing. (The refusal comes before
 * LibreOffice is needed.)
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../../src/cli/io';
import { runPrint } from '../../src/cli/print';
import { handmadeBuffer, type Cell } from '../workbook/handmade';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'chiso-complete-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function captureIo(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), now: () => new Date('2024-06-07T01:00:00Z') };
}

/** Right in every respect but two blank rows (1.2 and 3.1); the survey row 1.3 is blank as it should be. */
const rows: Cell[][] = [
  ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 4, 1, null, null, null],
  ['1.1', 'Ban hành kế hoạch CCHC năm', 1, 1, 'Có', 'Kế hoạch số 15/KH-STP ngày 10/01/2024', null],
  ['1.2', 'Mức độ thực hiện kế hoạch CCHC', 2, null, null, null, null],
  ['1.3', 'Mức độ hài lòng về công tác chỉ đạo', 1, null, null, null, null],
  ['2', 'Cải cách thủ tục hành chính', 3, 1, null, null, null],
  ['2.1', 'Công khai thủ tục hành chính', 1, 1, 'Có', 'https://sotuphap.backan.gov.vn/tthc', null],
  ['2.2', 'Giải quyết thủ tục hành chính liên thông', 2, null, 'Không áp dụng', null, null],
  ['3', 'Cải cách tổ chức bộ máy', 1, null, null, null, null],
  ['3.1', 'Ban hành quy chế làm việc', 1, null, null, null, null],
];

test('print without --draft refuses a sheet with blank self-scored rows, naming them, and writes nothing', async () => {
  const source = join(tmp, 'tu-cham.xlsx');
  writeFileSync(source, await handmadeBuffer(rows));
  const criteria = join(tmp, 'set.json');
  const { reference } = await import('../workbook/handmade');
  writeFileSync(criteria, JSON.stringify(reference()));
  const out = join(tmp, 'phieu.pdf');
  const io = captureIo();
  const args = [source, '--out', out, '--today', '2024-06-07', '--criteria', criteria];
  expect(await runPrint(args, io)).toBe(1);
  const text = io.lines.join('\n');
  expect(text).toContain('còn 2 tiêu chí chưa chấm, không in phiếu chấm điểm: 1.2 (dòng 11), 3.1 (dòng 17)');
  expect(text).not.toMatch(/1\.3|2\.2/);
  const en = captureIo();
  expect(await runPrint([...args, '--lang', 'en'], en)).toBe(1);
  expect(en.lines.join('\n')).toContain('2 criteria not scored yet; no score sheet printed: 1.2 (row 11), 3.1 (row 17)');
  expect(existsSync(out)).toBe(false);
});
