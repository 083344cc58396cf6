/**
 * Workbooks made by hand the way provincial offices make them (exceljs, in code), and the
 * SAMPLE reference set they are checked against (made for tests, not an official table).
 */
import ExcelJS from 'exceljs';
import type { CriteriaSet } from '../../src/core/criteria';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { readWorkbookBuffer } from '../../src/xlsx/read';

const YES_NO = '- Có ban hành văn bản: Điểm tối đa\n- Không ban hành: 0 điểm';
const SURVEY = 'Điểm đánh giá thông qua điều tra xã hội học';

/** The reference: a SAMPLE set made for these tests, not an official table. */
export function reference(): CriteriaSet {
  return {
    id: 'mau-so-2024',
    title: 'Bộ tiêu chí mẫu (MẪU, chỉ để kiểm thử)',
    year: 2024,
    levels: ['so'],
    version: '1',
    source: 'mẫu',
    sample: true,
    period: { from: '2024-01-01', to: '2024-12-31' },
    fields: [
      {
        code: '1', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', maxPoints: 4,
        children: [
          { code: '1.1', name: 'Ban hành kế hoạch CCHC năm', maxPoints: 1, method: YES_NO, evidence: 'Kế hoạch CCHC năm' },
          { code: '1.2', name: 'Mức độ thực hiện kế hoạch CCHC', maxPoints: 2, method: 'Hoàn thành 100% kế hoạch: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm', evidence: 'Báo cáo kết quả thực hiện kế hoạch' },
          { code: '1.3', name: 'Mức độ hài lòng về công tác chỉ đạo', maxPoints: 1, method: SURVEY },
        ],
      },
      {
        code: '2', name: 'Cải cách thủ tục hành chính', maxPoints: 3,
        children: [
          { code: '2.1', name: 'Công khai thủ tục hành chính', maxPoints: 1, method: YES_NO },
          { code: '2.2', name: 'Giải quyết thủ tục hành chính liên thông', maxPoints: 2, method: 'Có thực hiện: Điểm tối đa; Không thực hiện: 0 điểm', notApplicableAllowed: true },
        ],
      },
      {
        code: '3', name: 'Cải cách tổ chức bộ máy', maxPoints: 1,
        children: [{ code: '3.1', name: 'Ban hành quy chế làm việc', maxPoints: 1, method: YES_NO }],
      },
    ],
  };
}

export type Cell = string | number | null | { formula: string; result?: number };

/**
 * A sheet as a provincial office types it: letterhead, title, "Đơn vị:", a two-row header
 * ("Điểm" merged over "Tối đa | Tự đánh giá"), then the rows given, from sheet row 9.
 * Columns: A STT, B name, C max, D self-score, then the optional ones asked for.
 */
export async function handmadeBuffer(rows: Cell[][], optional: string[] = ['Số liệu kê khai', 'Tài liệu kiểm chứng', 'Giải trình']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu tự chấm');
  ws.getCell('A1').value = 'UBND TỈNH BẮC KẠN';
  ws.getCell('E1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.getCell('A2').value = 'SỞ TƯ PHÁP';
  ws.getCell('A4').value = 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024';
  ws.getCell('A5').value = 'Đơn vị: Sở Tư pháp';
  ws.getCell('A7').value = 'STT';
  ws.getCell('B7').value = 'Lĩnh vực/Tiêu chí';
  ws.getCell('C7').value = 'Điểm';
  ws.getCell('C8').value = 'Tối đa';
  ws.getCell('D8').value = 'Tự đánh giá';
  ws.mergeCells('A7:A8');
  ws.mergeCells('B7:B8');
  ws.mergeCells('C7:D7');
  optional.forEach((label, i) => {
    const col = String.fromCharCode(69 + i); // E, F, ...
    ws.getCell(`${col}7`).value = label;
    ws.mergeCells(`${col}7:${col}8`);
  });
  rows.forEach((values, i) => {
    values.forEach((v, c) => {
      if (v !== null) ws.getRow(9 + i).getCell(c + 1).value = v as ExcelJS.CellValue;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function handmade(rows: Cell[][], optional?: string[]): Promise<UnitReading> {
  const buffer = await handmadeBuffer(rows, optional);
  const read = readUnitWorkbook(await readWorkbookBuffer(buffer, 'tu-cham.xlsx'), { file: 'tu-cham.xlsx' });
  if (!read.ok) throw new Error(JSON.stringify(read.findings));
  return read;
}

