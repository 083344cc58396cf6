/** Workbooks as grids, the way units' real files look (built here, not read from disk). */
import type { CellValue } from '../../src/core/answers';
import type { CellRange, SheetGrid, WorkbookGrid, WriteValue } from '../../src/workbook/grid';
import type { WorkbookSpec } from '../../src/workbook/spec';

const SURVEY = 'Điểm đánh giá thông qua điều tra xã hội học';

/**
 * Sở Tư pháp's 2024 sheet: administrative header, title, "Đơn vị:", a date line of the
 * next year, a two-row header with "Điểm" merged over "Tối đa | Tự đánh giá | Thẩm định",
 * a column-numbering row, Roman fields, codes typed as numbers (2.10 typed as 2.1),
 * a notes row, decimal-comma texts, blanks, #REF!, a survey row, a bonus section,
 * the total and the signature lines.
 */
export function soTuPhapSheet(): SheetGrid {
  const v: CellValue[][] = [
    ['UBND TỈNH BẮC KẠN', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['SỞ TƯ PHÁP', null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [],
    ['BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
    ['Đơn vị: Sở Tư pháp'],
    [null, null, null, null, null, null, 'Bắc Kạn, ngày 10 tháng 01 năm 2025'],
    ['STT', 'Lĩnh vực/Tiêu chí/Nội dung', 'Điểm', null, null, 'Cách tính\nđiểm', 'Tài liệu  kiểm chứng', 'Giải trình', 'Ghi chú'],
    [null, null, 'Tối đa', 'Tự đánh giá', 'Thẩm định', null, null, null, null],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
    /* 10 */ ['I.', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH', 9, 8.5, null, null, null, null, null],
    /* 11 */ [1, 'Kế hoạch cải cách hành chính năm', 4, 3.5, null, null, null, null, null],
    /* 12 */ [1.1, 'Ban hành kế hoạch CCHC năm 2024', 2, 2, null, '- Có ban hành kế hoạch: Điểm tối đa\n- Không ban hành: 0 điểm', 'Kế hoạch số 15/KH-STP ngày 10/01/2024 của Sở Tư pháp', null, null],
    /* 13 */ [1.2, 'Mức độ thực hiện kế hoạch CCHC', 2, '1,5', null, 'Hoàn thành 100% kế hoạch: 2 điểm; từ 80% đến dưới 100%: 1,5 điểm; dưới 80%: 0 điểm', 'Báo cáo số 120/BC-STP ngày 10/12/2024', null, null],
    /* 14 */ [null, 'Ghi chú: tiêu chí 2 gồm 10 tiêu chí thành phần, mỗi tiêu chí 0,5 điểm', null, null, null, null, null, null, null],
    /* 15 */ ['2', 'Báo cáo định kỳ về CCHC', 5, 5, null, null, null, null, null],
    ...Array.from({ length: 10 }, (_, i): CellValue[] => [
      i === 9 ? 2.1 : Number(`2.${i + 1}`),
      `Báo cáo chuyên đề số ${i + 1}`,
      0.5,
      0.5,
      null,
      'Có báo cáo đúng hạn: Điểm tối đa; Không có báo cáo: 0 điểm',
      `Báo cáo số ${i + 10}/BC-STP ngày 05/${i + 2}/2024`,
      null,
      null,
    ]),
    /* 26 */ ['II', 'CẢI CÁCH THỂ CHẾ', 6, { error: '#REF!' }, null, null, null, null, null],
    /* 27 */ ['3', 'Tác động của cải cách thể chế', 6, null, null, null, null, null, null],
    /* 28 */ ['3.1', 'Mức độ hài lòng của người dân', 4, null, null, SURVEY, null, null, 'Điều tra xã hội học'],
    /* 29 */ ['3.2', 'Kiểm tra việc thực hiện văn bản', 2, { error: '#REF!' }, null, 'Thực hiện kiểm tra: 2 điểm; Không thực hiện: 0 điểm', '', 'Đang tổng hợp kết quả kiểm tra', null],
    /* 30 */ ['III', 'ĐIỂM CỘNG', null, null, null, null, null, null, null],
    /* 31 */ ['4', 'Sáng kiến CCHC được công nhận', 1, '', null, 'Có sáng kiến được công nhận: 1 điểm', null, null, null],
    /* 32 */ [null, 'Tổng cộng', 15, 13.5, null, null, null, null, null],
    /* 33 */ [],
    /* 34 */ [null, 'NGƯỜI LẬP BIỂU', null, null, null, 'THỦ TRƯỞNG ĐƠN VỊ'],
  ];
  const merges: CellRange[] = [
    { top: 3, left: 0, bottom: 3, right: 8 },
    { top: 6, left: 0, bottom: 7, right: 0 },
    { top: 6, left: 1, bottom: 7, right: 1 },
    { top: 6, left: 2, bottom: 6, right: 4 },
    ...[5, 6, 7, 8].map((c) => ({ top: 6, left: c, bottom: 7, right: c })),
  ];
  const formulas: (string | null)[][] = v.map((row) => row.map(() => null));
  formulas[9][3] = '=SUM(D11,D15)';
  return { name: 'Tự chấm điểm', values: v, merges, formulas };
}

/** The same sheet in another order, one header row, with the definition columns of a newer form. */
export function reorderedSheet(): SheetGrid {
  return {
    name: 'Bieu 01',
    values: [
      ['BIỂU TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2024'],
      ['Tên đơn vị: UBND xã Nông Thượng'],
      [],
      ['Ghi chú', 'Điểm tự chấm', 'Mã', 'Nội dung', 'Điểm chuẩn', 'TLKC', 'Yêu cầu tài liệu kiểm chứng', 'Cách chấm điểm', 'Kết quả năm trước', 'Số liệu kê khai'],
      [null, null, '1', 'Công tác chỉ đạo điều hành', 2, null, null, null, 2, null],
      [null, '1', '1.1', 'Ban hành kế hoạch', 1, 'KH số 05/KH-UBND', 'Kế hoạch CCHC', 'Có: 1 điểm; Không: 0 điểm', 1, 'Có'],
      ['Nộp muộn', 0.5, '1.2', 'Báo cáo CCHC', 1, '', 'Báo cáo quý', 'Đủ, đúng hạn: 1 điểm; Đủ nhưng muộn: 0,5 điểm; Không: 0 điểm', 1, 'Không áp dụng'],
    ],
  };
}

/** WriteValue -> CellValue as a workbook would hold it (formulas not evaluated: null). */
export function gridOfSpec(spec: WorkbookSpec): WorkbookGrid {
  const cell = (w: WriteValue): CellValue => (w !== null && typeof w === 'object' ? null : w);
  return {
    sheets: spec.sheets.map((s) => ({
      name: s.name,
      values: s.values.map((row) => row.map(cell)),
      formulas: s.values.map((row) => row.map((w) => (w !== null && typeof w === 'object' ? w.formula : null))),
      merges: s.merges ?? [],
      visibility: s.visibility ?? 'visible',
    })),
  };
}
