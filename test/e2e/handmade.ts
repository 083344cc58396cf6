/**
 * A unit's self-scoring workbook made by hand, the way offices type it in Excel (not by
 * `chiso template`): letterhead, title merged across, "Đơn vị:", a two-row header with
 * "Điểm" merged over "Tối đa | Tự đánh giá | Thẩm định", a column-numbering row, Roman
 * fields, SUM totals typed as formulas, the scoring method in words, blank self-scores,
 * a data validation on the score column, a defined name, a second sheet, signatures.
 */
import ExcelJS from 'exceljs';

type Row = [string | number | null, string, number | null, string | null, string | null];

// Code, content, maximum, SUM formula of the self-score (parents), scoring method (leaves).
const ROWS: Row[] = [
  ['I.', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH', 6, 'SUM(D11,D14)', null],
  [1, 'Kế hoạch cải cách hành chính năm', 4, 'SUM(D12:D13)', null],
  [1.1, 'Ban hành kế hoạch CCHC năm 2024', 2, null, '- Có ban hành kế hoạch: 2 điểm\n- Không ban hành: 0 điểm'],
  [1.2, 'Mức độ thực hiện kế hoạch CCHC', 2, null, 'Hoàn thành 100% kế hoạch: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm'],
  [2, 'Báo cáo định kỳ về CCHC', 2, 'SUM(D15:D16)', null],
  [2.1, 'Báo cáo CCHC hằng quý', 1, null, 'Đủ, đúng hạn: 1 điểm; Đủ nhưng muộn: 0,5 điểm; Không có: 0 điểm'],
  [2.2, 'Báo cáo CCHC năm', 1, null, 'Có báo cáo đúng hạn: 1 điểm; Không có báo cáo: 0 điểm'],
  ['II', 'CẢI CÁCH THỂ CHẾ', 4, 'SUM(D18)', null],
  [3, 'Kiểm tra việc thực hiện văn bản quy phạm pháp luật', 4, 'SUM(D19:D20)', null],
  [3.1, 'Ban hành kế hoạch kiểm tra', 2, null, 'Có ban hành kế hoạch: 2 điểm; Không ban hành: 0 điểm'],
  [3.2, 'Xử lý kết quả kiểm tra', 2, null, 'Xử lý 100% kết quả: 2 điểm; Dưới 100%: 0 điểm'],
];

export const HANDMADE_SHEET = 'Tự chấm điểm';

export async function handmadeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Văn phòng HĐND-UBND huyện Chợ Mới';
  const ws = wb.addWorksheet(HANDMADE_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.columns = [6, 48, 8, 10, 10, 36, 36, 24, 12].map((width) => ({ width }));
  const bold = { bold: true, name: 'Times New Roman', size: 12 };
  ws.getCell('A1').value = 'UBND HUYỆN CHỢ MỚI';
  ws.getCell('F1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.getCell('A2').value = 'VĂN PHÒNG HĐND VÀ UBND';
  ws.getCell('F2').value = 'Độc lập - Tự do - Hạnh phúc';
  for (const a of ['A1', 'F1', 'A2', 'F2']) ws.getCell(a).font = bold;
  ws.mergeCells('A4:I4');
  ws.getCell('A4').value = 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024';
  ws.getCell('A4').font = { ...bold, size: 14 };
  ws.getCell('A4').alignment = { horizontal: 'center' };
  ws.getCell('A5').value = 'Đơn vị: UBND huyện Chợ Mới';
  ws.getCell('G6').value = 'Chợ Mới, ngày 08 tháng 01 năm 2025';
  const header = ['STT', 'Lĩnh vực/Tiêu chí/Nội dung', 'Điểm', null, null, 'Cách tính\nđiểm', 'Tài liệu kiểm chứng', 'Giải trình', 'Ghi chú'];
  ws.getRow(7).values = header;
  ws.getRow(8).values = [null, null, 'Tối đa', 'Tự đánh giá', 'Thẩm định'];
  ws.mergeCells('C7:E7');
  for (const col of ['A', 'B', 'F', 'G', 'H', 'I']) ws.mergeCells(`${col}7:${col}8`);
  ws.getRow(9).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'];
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  for (let r = 7; r <= 9; r++) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.font = bold;
      cell.border = border;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    });
  }
  ROWS.forEach(([code, name, max, formula, method], i) => {
    const r = 10 + i;
    ws.getCell(r, 1).value = code;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = max;
    if (formula) ws.getCell(r, 4).value = { formula, result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell(r, 6).value = method;
    for (let c = 1; c <= 9; c++) ws.getCell(r, c).border = border;
    if (formula) ws.getRow(r).font = { bold: true };
  });
  const total = 10 + ROWS.length;
  ws.getCell(total, 2).value = 'Tổng cộng';
  ws.getCell(total, 3).value = { formula: 'SUM(C10,C17)', result: 10 } as ExcelJS.CellFormulaValue;
  ws.getCell(total, 4).value = { formula: 'SUM(D10,D17)', result: 0 } as ExcelJS.CellFormulaValue;
  ws.getRow(total).font = { bold: true };
  ws.getCell(total + 2, 2).value = 'NGƯỜI LẬP BIỂU';
  ws.getCell(total + 2, 6).value = 'THỦ TRƯỞNG ĐƠN VỊ';
  ws.getCell('D12').dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 4], showErrorMessage: true, error: 'Điểm từ 0 đến điểm tối đa' };
  wb.definedNames.add(`'${HANDMADE_SHEET}'!$D$21`, 'TongTuDanhGia');
  const notes = wb.addWorksheet('Hướng dẫn');
  notes.getCell('A1').value = 'Điền điểm tự đánh giá vào cột (4), tài liệu kiểm chứng vào cột (7).';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
