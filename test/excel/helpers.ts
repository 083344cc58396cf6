/** Shared test helpers: workbooks in memory, the stand-in wired as the adapter's runner. */
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { ExcelRun } from '../../src/excel';
import { createStandIn, type StandIn, type StandInOptions } from '../../src/preview/standin';

/** The real-world files copied into the repository (test/fixtures/real-world-xlsx, with their licence). */
export const FIXTURES = resolve(__dirname, '../fixtures/real-world-xlsx');

/** The stand-in's run typed as the adapter's runner: compiles only if the stand-in fits the API subset. */
export function runner(standIn: StandIn): ExcelRun {
  return standIn.run;
}

export function standInFor(workbook: ExcelJS.Workbook, opts?: StandInOptions): { standIn: StandIn; run: ExcelRun } {
  const standIn = createStandIn(workbook, opts);
  return { standIn, run: runner(standIn) };
}

/** Round-trips a workbook through .xlsx bytes, as a file saved and reopened. */
export async function reopen(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await workbook.xlsx.writeBuffer();
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(buffer as ArrayBuffer);
  return copy;
}

const EVIDENCE = [
  'Kế hoạch số 386/KH-UBND ngày 07/6/2024 của UBND tỉnh',
  'Báo cáo 12/BC-SNV ngày 15/12/2024; https://snv.backan.gov.vn/bc-12',
  '- Có ban hành văn bản tổ chức triển khai thực hiện',
  'Quyết định 905/QĐ-UBND ngày 25/5/2020',
];

/** A self-scoring sheet of `rows` criteria rows under a title and a header. */
export function scoreWorkbook(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tự chấm');
  ws.addRow(['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024']);
  ws.addRow(['STT', 'Tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Cách tính điểm', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Giải trình']);
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      `${1 + Math.floor(i / 100)}.${1 + (Math.floor(i / 10) % 10)}.${1 + (i % 10)}`,
      `Tiêu chí thành phần số ${i + 1}: ban hành kế hoạch cải cách hành chính`,
      i % 3 === 0 ? 1 : 0.5,
      'Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm',
      null,
      null,
      null,
    ]);
  }
  wb.addWorksheet('Ghi chú').addRow(['Đơn vị: Sở Tư pháp']);
  return wb;
}

export { EVIDENCE };
