/**
 * The register worker's message on real .xlsx bytes written in code: the sheets' values
 * come back (no formulas), and a file that is no workbook gets FILE_UNREADABLE's words.
 */
import { readRegisterGrids } from '../../src/worker/registerGrids';
import { writeSpecToBuffer } from '../../src/xlsx/write';

const bytesOf = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

it('reads every sheet of a register workbook into values', async () => {
  const buf = await writeSpecToBuffer({
    sheets: [
      { name: 'Sổ 2024', values: [['SỔ ĐĂNG KÝ VĂN BẢN ĐI'], ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung'], ['27/KH-STP', '05/02/2024', 'Kế hoạch kiểm tra công tác CCHC']] },
      { name: 'Sổ 2023', values: [['Số, ký hiệu văn bản'], ['210/KH-STP']] },
    ],
  });
  const out = await readRegisterGrids({ type: 'registerGrids', name: 'so-van-ban.xlsx', bytes: bytesOf(buf) });
  if (out.type !== 'grids') throw new Error(out.error.en);
  expect(out.grid.sheets.map((s) => s.name)).toEqual(['Sổ 2024', 'Sổ 2023']);
  expect(out.grid.sheets[0].values[2]).toEqual(['27/KH-STP', '05/02/2024', 'Kế hoạch kiểm tra công tác CCHC']);
  expect(out.grid.sheets.every((s) => s.formulas === undefined && s.links === undefined)).toBe(true);
});

it('says in both languages why a file is no workbook', async () => {
  const out = await readRegisterGrids({ type: 'registerGrids', name: 'so.xlsx', bytes: bytesOf(new TextEncoder().encode('Số, ký hiệu;Ngày\n')) });
  expect(out.type).toBe('failed');
  if (out.type !== 'failed') return;
  expect(out.error.vi).toMatch(/^Không đọc được tệp "so\.xlsx": tệp không phải sổ làm việc Excel/);
  expect(out.error.en).toMatch(/^Cannot read file "so\.xlsx": the file is not an Excel/);
});
