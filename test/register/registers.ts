/**
 * Registers of outgoing documents made in code, in three layouts an agency may hand in:
 * the register of Nghị định 30/2020/NĐ-CP, Phụ lục IV (title, header, numbering row, one
 * sheet per year), a document-management system's export (letterhead above the header,
 * dates as real Excel dates, a kind column), and a CSV (semicolons, BOM, quoted fields).
 * And the unit's workbook: the sample of Sở Tư pháp with the planted citations.
 *
 * The planted cases, against the sample's evidence (data/samples/so-tu-phap-2024.xlsx):
 * - 1.1.1 15/KH-STP 20/01/2024: in the register, same date, related summary;
 * - 1.1.2 312/BC-STP 10/12/2024: registered 12/12/2024 (a date typo) -> EVIDENCE_DATE_DIFFERS;
 * - 1.2   98/BC-STP: not in the register -> EVIDENCE_NOT_IN_REGISTER;
 * - 1.4   210/KH-STP 28/12/2023: on the 2023 sheet (several years in one file);
 * - 1.6   40/KH-STP 14/3/2024: registered as a plan for a sports day -> EVIDENCE_SUMMARY_UNRELATED;
 * - 2.2.1 (planted) Công văn 45/STP-VP "về kế hoạch ...": the text names a plan, so the
 *         text check is silent; the register says it is a letter -> EVIDENCE_KIND_MISMATCH;
 * - 2.1.1 (planted) a decision of UBND tỉnh: another issuer, not expected in the register;
 * - a register row dated 31/02/2024 -> REGISTER_ROW_UNREADABLE with its row;
 * - 2.3.2 (no evidence): "Báo cáo kết quả rà soát, hệ thống hóa VBQPPL" must be suggested;
 *   the plan of the same review (kind not asked for), a report on emulation awards
 *   (unrelated) and last year's report (outside the period) must not.
 */
import ExcelJS from 'exceljs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const SAMPLE = join(ROOT, 'data/samples/so-tu-phap-2024.xlsx');
export const SET = join(ROOT, 'data/criteria/so-2024.json');

/** One register row: number/symbol, date (dd/mm/yyyy as written), kind, summary, signer. */
export interface Row {
  symbol: string;
  date: string;
  kind: string;
  summary: string;
  signer?: string;
}

export const ROWS_2024: Row[] = [
  { symbol: '12/KH-STP', date: '18/01/2024', kind: 'Kế hoạch', summary: 'Kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2024' },
  { symbol: '15/KH-STP', date: '20/01/2024', kind: 'Kế hoạch', summary: 'Kế hoạch cải cách hành chính năm 2024 của Sở Tư pháp' },
  { symbol: '27/KH-STP', date: '05/02/2024', kind: 'Kế hoạch', summary: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2024' },
  { symbol: '40/KH-STP', date: '14/03/2024', kind: 'Kế hoạch', summary: 'Kế hoạch tổ chức Hội thao chào mừng kỷ niệm ngày thành lập ngành' },
  { symbol: '45/STP-VP', date: '10/03/2024', kind: 'Công văn', summary: 'V/v đôn đốc gửi số liệu theo dõi thi hành pháp luật' },
  { symbol: '52/BC-STP', date: '31/02/2024', kind: 'Báo cáo', summary: 'Báo cáo tình hình quý I' },
  { symbol: '280/BC-STP', date: '25/11/2024', kind: 'Báo cáo', summary: 'Báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2024' },
  { symbol: '290/BC-STP', date: '28/11/2024', kind: 'Báo cáo', summary: 'Báo cáo kết quả phổ biến, giáo dục pháp luật năm 2024' },
  { symbol: '301/BC-STP', date: '02/12/2024', kind: 'Báo cáo', summary: 'Báo cáo kết quả tham mưu xây dựng văn bản quy phạm pháp luật năm 2024' },
  { symbol: '305/BC-STP', date: '06/12/2024', kind: 'Báo cáo', summary: 'Báo cáo kết quả theo dõi tình hình thi hành pháp luật năm 2024' },
  { symbol: '312/BC-STP', date: '12/12/2024', kind: 'Báo cáo', summary: 'Báo cáo kết quả thực hiện kế hoạch cải cách hành chính năm 2024' },
  { symbol: '318/BC-STP', date: '15/12/2024', kind: 'Báo cáo', summary: 'Báo cáo kết quả rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2024' },
  { symbol: '320/BC-STP', date: '16/12/2024', kind: 'Báo cáo', summary: 'Báo cáo kết quả công tác thi đua, khen thưởng năm 2024' },
];

export const ROWS_2023: Row[] = [
  { symbol: '150/BC-STP', date: '10/06/2023', kind: 'Báo cáo', summary: 'Báo cáo kết quả rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2023' },
  { symbol: '210/KH-STP', date: '28/12/2023', kind: 'Kế hoạch', summary: 'Kế hoạch tuyên truyền cải cách hành chính năm 2024' },
];

/** Nghị định 30/2020, Phụ lục IV: title rows, the header, a numbering row; a sheet per year. */
export async function decree30Register(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [year, rows] of [[2024, ROWS_2024], [2023, ROWS_2023]] as const) {
    const ws = wb.addWorksheet(`Năm ${year}`);
    ws.addRow(['SỞ TƯ PHÁP']);
    ws.addRow(['SỔ ĐĂNG KÝ VĂN BẢN ĐI']);
    ws.addRow([`Năm ${year}`]);
    ws.addRow([]);
    ws.addRow(['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú']);
    ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)']);
    // The kind is the start of the summary, as the decree's column is "Tên loại và trích yếu".
    for (const r of rows) ws.addRow([r.symbol, r.date, r.summary, r.signer ?? 'Nguyễn Văn A', 'UBND tỉnh; Sở Nội vụ', 'VP', 2, r.date, '', '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A document-management export: letterhead, real date cells, a kind column; only 2024 (no sheet for 2023). */
export async function dmsRegister(rows: readonly Row[] = [...ROWS_2024, ...ROWS_2023]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách văn bản đi');
  ws.addRow(['UBND TỈNH BẮC KẠN']);
  ws.addRow(['SỞ TƯ PHÁP']);
  ws.addRow(['DANH SÁCH VĂN BẢN ĐI']);
  ws.addRow(['Từ ngày 01/01/2023 đến ngày 31/12/2024']);
  ws.addRow(['STT', 'Số ký hiệu văn bản', 'Ngày ban hành', 'Loại văn bản', 'Trích yếu', 'Người ký', 'Đơn vị soạn thảo']);
  rows.forEach((r, i) => {
    const [d, m, y] = r.date.split('/').map(Number);
    // A real date where the day exists; the broken one stays text, as a typed cell would.
    const real = new Date(Date.UTC(y, m - 1, d));
    const date = real.getUTCDate() === d ? real : r.date;
    ws.addRow([i + 1, r.symbol, date, r.kind, r.summary.replace(/^(Kế hoạch|Báo cáo) /, ''), r.signer ?? 'Nguyễn Văn A', 'Văn phòng']);
  });
  ws.getColumn(3).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV export: BOM, semicolons, the number and the symbol in two columns, quoted summaries (a comma, a quote, a line break). */
export function csvRegister(rows: readonly Row[] = [...ROWS_2024, ...ROWS_2023]): string {
  const q = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['Số;Ký hiệu;Ngày văn bản;Trích yếu nội dung;Người ký'];
  for (const r of rows) {
    const [number, symbol] = [r.symbol.slice(0, r.symbol.indexOf('/')), r.symbol.slice(r.symbol.indexOf('/') + 1)];
    const summary = r.symbol === '27/KH-STP' ? `${r.summary} ("đợt 1";\nphòng, đơn vị trực thuộc)` : r.summary;
    lines.push([number, symbol, r.date, summary, r.signer ?? 'Nguyễn Văn A'].map(q).join(';'));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The planted evidence added to the sample (see the module's comment). */
export const PLANTED: Record<string, string> = {
  '2.1.1': 'Quyết định số 12/QĐ-UBND ngày 10/01/2024 của UBND tỉnh; Báo cáo số 301/BC-STP ngày 02/12/2024 về xây dựng văn bản QPPL',
  '2.2.1': 'Công văn số 45/STP-VP ngày 10/3/2024 về kế hoạch theo dõi thi hành pháp luật',
};

/** The sample workbook with the planted evidence written in its evidence column. */
export async function unitWorkbook(planted: Record<string, string> = PLANTED): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet('Tự chấm điểm');
  if (!ws) throw new Error('the sample has no sheet "Tự chấm điểm"');
  let evidenceCol = 0;
  let codeCol = 0;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      const t = String(cell.value ?? '').trim();
      if (t === 'Tài liệu kiểm chứng') evidenceCol = col;
      if (t === 'STT') codeCol = col;
    });
  });
  if (!evidenceCol || !codeCol) throw new Error('the sample lacks the STT or evidence header');
  ws.eachRow((row) => {
    const code = String(row.getCell(codeCol).value ?? '').trim();
    if (planted[code] !== undefined) row.getCell(evidenceCol).value = planted[code];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
