/**
 * A commune's hand-made workbook as offices send it (after the tester's tester/commune.ts):
 * letterhead "UBND HUYỆN … / UBND XÃ …", a merged title, a two-row header with "Điểm" over
 * "Điểm tối đa | Điểm tự đánh giá", no method column, Roman field rows, a blank row after
 * field I, decimal maxima typed as text ("1,5") and a typed "TỔNG CỘNG". Names and maxima
 * come from the set given. Numbering:
 * - 'carried': the criteria carry the field's number (I, 1.1, 1.1.1 … II, 2.1);
 * - 'restarted': numbering restarts in each field (I, 1, 1.1, 2 … II, 1, 2, 2.1).
 */
import ExcelJS from 'exceljs';
import type { CriteriaSet, CriterionNode } from '../../src/core/criteria';

export type Numbering = 'carried' | 'restarted';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const SCORE_COLUMN = 4;

export interface CommuneWorkbook {
  buffer: Buffer;
  /** The set's code -> 1-based sheet row; TOTAL: the typed total row. */
  rows: Record<string, number>;
}

export interface CommuneOptions {
  unit?: string;
  district?: string;
  /** Each criterion without sub-criteria scored at its maximum (not the survey's, not bonus points), and the total typed to match. */
  scored?: boolean;
}

export async function communeWorkbook(set: CriteriaSet, numbering: Numbering, opts: CommuneOptions = {}): Promise<CommuneWorkbook> {
  const { unit = 'UBND xã Cao Sơn', district = 'UBND huyện Bạch Thông' } = opts;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.columns = [7, 55, 10, 12, 40, 20].map((width) => ({ width }));
  ws.getCell('A1').value = district.toUpperCase();
  ws.getCell('A2').value = unit.toUpperCase();
  ws.getCell('D1').value = 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.getCell('D2').value = 'Độc lập - Tự do - Hạnh phúc';
  ws.mergeCells('A4:F4');
  ws.getCell('A4').value = 'BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024';
  ws.mergeCells('A5:F5');
  ws.getCell('A5').value = `(Kèm theo Báo cáo số 45/BC-UBND ngày 05/01/2025 của ${unit})`;
  ws.getRow(7).values = ['TT', 'Nội dung tiêu chí', 'Điểm', null, 'Tài liệu kiểm chứng (số, ký hiệu, ngày ban hành)', 'Ghi chú'];
  ws.getRow(8).values = [null, null, 'Điểm tối đa', 'Điểm tự đánh giá'];
  ws.mergeCells('C7:D7');
  for (const c of ['A', 'B', 'E', 'F']) ws.mergeCells(`${c}7:${c}8`);
  let r = 9;
  let scored = 0;
  let bonus = false;
  const rows: Record<string, number> = {};
  const put = (label: string, n: CriterionNode) => {
    rows[n.code] = r;
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = n.name;
    ws.getCell(r, 3).value = Number.isInteger(n.maxPoints) ? n.maxPoints : String(n.maxPoints).replace('.', ',');
    if (opts.scored && !bonus && !n.children?.length && n.scoredBy !== 'survey') {
      ws.getCell(r, SCORE_COLUMN).value = n.maxPoints;
      scored += n.maxPoints;
    }
    r++;
  };
  const label = (code: string) => (numbering === 'restarted' ? code.split('.').slice(1).join('.') : code);
  const walk = (n: CriterionNode) => {
    put(label(n.code), n);
    for (const c of n.children ?? []) walk(c);
  };
  set.fields.forEach((f, i) => {
    bonus = f.bonus === true;
    put(ROMAN[i], f);
    for (const c of f.children ?? []) walk(c);
    if (i === 0) r++;
  });
  rows.TOTAL = r;
  ws.getCell(r, 2).value = 'TỔNG CỘNG';
  ws.getCell(r, 3).value = set.fields.filter((f) => !f.bonus).reduce((s, f) => s + f.maxPoints, 0);
  ws.getCell(r, SCORE_COLUMN).value = scored;
  ws.getCell(r + 2, 2).value = 'NGƯỜI LẬP BIỂU';
  ws.getCell(r + 2, 5).value = 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH';
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows };
}
