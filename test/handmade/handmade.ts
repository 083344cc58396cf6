/**
 * Score workbooks made the way provincial offices make them by hand, written with
 * exceljs (not with our template): a letterhead block at the top left (Decree 30/2020)
 * and the national motto at the top right, title lines, a merged two-row header in
 * their own wording, Roman-numeral fields with criteria numbered across fields, the
 * method written inside the criterion-name cell, optional columns left out, parent
 * totals and a `TỔNG CỘNG` row typed by hand, an instructions sheet before the score sheet.
 *
 * The reference set (a SAMPLE made for these tests) is numbered 1, 1.1, 1.1.1.
 */
import ExcelJS from 'exceljs';
import type { CriteriaSet, CriterionNode } from '../../src/core/criteria';

const SURVEY = 'Điểm đánh giá thông qua điều tra xã hội học';
const YES_NO_1 = '- Có ban hành: 1 điểm\n- Không ban hành: 0 điểm';

export function referenceSet(): CriteriaSet {
  const leaf = (code: string, name: string, maxPoints: number, method: string, evidence?: string): CriterionNode => ({
    code,
    name,
    maxPoints,
    method,
    ...(evidence !== undefined ? { evidence } : {}),
  });
  return {
    id: 'mau-thu-cong-2024',
    title: 'Bộ tiêu chí MẪU cho bảng làm tay (không phải bộ tiêu chí chính thức)',
    year: 2024,
    levels: ['so'],
    version: '1',
    source: 'mẫu thử',
    sample: true,
    period: { from: '2024-01-01', to: '2024-12-31' },
    fields: [
      {
        code: '1',
        name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
        maxPoints: 6,
        children: [
          {
            code: '1.1',
            name: 'Kế hoạch cải cách hành chính năm',
            maxPoints: 3,
            children: [
              leaf('1.1.1', 'Ban hành kế hoạch cải cách hành chính năm', 1, YES_NO_1, 'Kế hoạch CCHC năm'),
              leaf('1.1.2', 'Mức độ hoàn thành kế hoạch cải cách hành chính', 2, '- Hoàn thành 100% kế hoạch: 2 điểm\n- Hoàn thành từ 80% đến dưới 100%: 1 điểm\n- Hoàn thành dưới 80%: 0 điểm', 'Báo cáo kết quả thực hiện kế hoạch'),
            ],
          },
          leaf('1.2', 'Báo cáo định kỳ về cải cách hành chính', 2, '- Đầy đủ, đúng hạn: 2 điểm\n- Không đầy đủ hoặc không đúng hạn: 0 điểm', 'Báo cáo CCHC quý, 6 tháng, năm'),
          leaf('1.3', 'Mức độ hài lòng về công tác chỉ đạo cải cách hành chính', 1, SURVEY),
        ],
      },
      {
        code: '2',
        name: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật',
        maxPoints: 4,
        children: [
          leaf('2.1', 'Tự kiểm tra, xử lý văn bản quy phạm pháp luật', 2, '- Có thực hiện: 2 điểm\n- Không thực hiện: 0 điểm', 'Báo cáo kết quả tự kiểm tra'),
          {
            code: '2.2',
            name: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật',
            maxPoints: 2,
            children: [
              leaf('2.2.1', 'Ban hành kế hoạch rà soát, hệ thống hóa văn bản', 1, YES_NO_1, 'Kế hoạch rà soát'),
              leaf('2.2.2', 'Công bố kết quả rà soát, hệ thống hóa văn bản', 1, '- Có công bố: 1 điểm\n- Không công bố: 0 điểm', 'Quyết định công bố'),
            ],
          },
        ],
      },
    ],
  };
}

/** A row of the hand-made table: its code as typed, and what the office wrote. */
export interface HandRow {
  /** Reference code of the row (for the test), undefined for a row the reference lacks. */
  ref?: string;
  code: string;
  name: string;
  max: number;
  score?: number;
  evidence?: string;
  note?: string;
  /** A heading (field or criterion with children): bold, score typed as the sum. */
  heading?: boolean;
}

/** The office's rows for the reference set, Roman fields and criteria numbered across fields, a year's evidence. */
export function handRows(year = 2024, numbering: 'roman' | 'reference' = 'roman'): HandRow[] {
  const roman = numbering === 'roman';
  const c = (r: string, own: string) => (roman ? own : r);
  return [
    { ref: '1', code: c('1', 'I'), name: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH', max: 6, score: 3, heading: true },
    { ref: '1.1', code: c('1.1', '1'), name: 'Kế hoạch cải cách hành chính năm', max: 3, score: 3, heading: true },
    { ref: '1.1.1', code: c('1.1.1', '1.1'), name: `Ban hành kế hoạch cải cách hành chính năm\n${YES_NO_1}`, max: 1, score: 1, evidence: `Kế hoạch số 210/KH-STP ngày 28/01/${year} của Sở Tư pháp` },
    { ref: '1.1.2', code: c('1.1.2', '1.2'), name: 'Mức độ hoàn thành kế hoạch cải cách hành chính\n- Hoàn thành 100% kế hoạch: 2 điểm\n- Hoàn thành từ 80% đến dưới 100%: 1 điểm\n- Hoàn thành dưới 80%: 0 điểm', max: 2, score: 2, evidence: `Báo cáo số 300/BC-STP ngày 12/12/${year}` },
    { ref: '1.2', code: c('1.2', '2'), name: 'Báo cáo định kỳ về cải cách hành chính\n- Đầy đủ, đúng hạn: 2 điểm\n- Không đầy đủ hoặc không đúng hạn: 0 điểm', max: 2, score: 0, evidence: `Báo cáo số 95/BC-STP ngày 15/06/${year}`, note: 'Nộp báo cáo quý III chậm 5 ngày' },
    { ref: '1.3', code: c('1.3', '3'), name: `Mức độ hài lòng về công tác chỉ đạo cải cách hành chính\n${SURVEY}`, max: 1 },
    { ref: '2', code: c('2', 'II'), name: 'XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT', max: 4, score: 4, heading: true },
    { ref: '2.1', code: c('2.1', '4'), name: 'Tự kiểm tra, xử lý văn bản quy phạm pháp luật\n- Có thực hiện: 2 điểm\n- Không thực hiện: 0 điểm', max: 2, score: 2, evidence: `Báo cáo số 250/BC-STP ngày 20/11/${year}` },
    { ref: '2.2', code: c('2.2', '5'), name: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật', max: 2, score: 2, heading: true },
    { ref: '2.2.1', code: c('2.2.1', '5.1'), name: `Ban hành kế hoạch rà soát, hệ thống hóa văn bản\n${YES_NO_1}`, max: 1, score: 1, evidence: `Kế hoạch số 30/KH-STP ngày 20/02/${year}` },
    { ref: '2.2.2', code: c('2.2.2', '5.2'), name: 'Công bố kết quả rà soát, hệ thống hóa văn bản\n- Có công bố: 1 điểm\n- Không công bố: 0 điểm', max: 1, score: 1, evidence: `Quyết định số 12/QĐ-STP ngày 15/03/${year}` },
  ];
}

export interface HandOptions {
  rows?: HandRow[];
  year?: number;
  /** The letterhead: two rows (the usual), one merged cell with a line break, or none. */
  letterhead?: 'rows' | 'cell' | 'none';
  /** Parent authority and issuing body of the letterhead. */
  body?: [string, string];
  /** A `Đơn vị: ...` line under the title. */
  unitLine?: string;
  /** The header words of the columns: [code, name, top of the score columns, max, self, evidence, note]. */
  headers?: { code: string; name: string; score: string; max: string; self: string; evidence: string; note: string };
  /** An instructions sheet before the score sheet. */
  instructions?: boolean;
  /**
   * Code, name, evidence and note headers written over rows 8 and 9 without merging, the
   * text before a `|` in row 8 and the rest in row 9 (`Tài liệu|kiểm chứng kèm theo`).
   */
  splitHeaders?: boolean;
}

export const HAND_HEADERS = { code: 'TT', name: 'Lĩnh vực, tiêu chí, tiêu chí thành phần', score: 'Điểm', max: 'Thang điểm', self: 'Điểm tự chấm', evidence: 'Tài liệu minh chứng', note: 'Ghi chú' };

/** Sheet rows (1-based) of the hand-made table: header at 8-9, data from 10. */
export const FIRST_DATA_ROW = 10;

export async function handmadeWorkbook(o: HandOptions = {}): Promise<Buffer> {
  const year = o.year ?? 2024;
  const rows = o.rows ?? handRows(year);
  const h = o.headers ?? HAND_HEADERS;
  const wb = new ExcelJS.Workbook();
  if (o.instructions !== false) {
    const help = wb.addWorksheet('Hướng dẫn');
    help.getCell('A1').value = 'HƯỚNG DẪN TỰ ĐÁNH GIÁ, CHẤM ĐIỂM';
    help.getCell('A3').value = '1. Cột "Thang điểm" là điểm tối đa của từng tiêu chí; không sửa.';
    help.getCell('A4').value = '2. Cột "Điểm tự chấm": đơn vị tự chấm điểm theo hướng dẫn ghi trong từng tiêu chí.';
    help.getCell('A5').value = '3. Cột "Tài liệu minh chứng": ghi số, ký hiệu, ngày ban hành văn bản.';
    help.getColumn(1).width = 100;
  }
  const ws = wb.addWorksheet('Bảng chấm điểm');
  ws.columns = [{ width: 6 }, { width: 60 }, { width: 10 }, { width: 10 }, { width: 40 }, { width: 25 }];
  const [parent, body] = o.body ?? ['UBND TỈNH BẮC KẠN', 'SỞ TƯ PHÁP'];
  if (o.letterhead === 'cell') {
    ws.mergeCells('A1:B2');
    ws.getCell('A1').value = `${parent}\n${body}`;
  } else if (o.letterhead !== 'none') {
    ws.mergeCells('A1:B1');
    ws.getCell('A1').value = parent;
    ws.mergeCells('A2:B2');
    ws.getCell('A2').value = body;
    ws.getCell('A3').value = '_______';
  }
  ws.mergeCells('D1:F1');
  ws.getCell('D1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.mergeCells('D2:F2');
  ws.getCell('D2').value = 'Độc lập - Tự do - Hạnh phúc';
  ws.getCell('D3').value = `Bắc Kạn, ngày 05 tháng 01 năm ${year + 1}`;
  ws.mergeCells('A5:F5');
  ws.getCell('A5').value = `BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`;
  if (o.unitLine !== undefined) ws.getCell('A6').value = o.unitLine;
  // The two-row header: "Điểm" merged over the maximum and the self-score.
  const tall = (col: string, text: string) => {
    if (o.splitHeaders) {
      const [top, ...rest] = text.split('|');
      ws.getCell(`${col}8`).value = top;
      if (rest.length > 0) ws.getCell(`${col}9`).value = rest.join('|');
      return;
    }
    ws.mergeCells(`${col}8:${col}9`);
    ws.getCell(`${col}8`).value = text;
  };
  tall('A', h.code);
  tall('B', h.name);
  ws.mergeCells('C8:D8');
  ws.getCell('C8').value = h.score;
  ws.getCell('C9').value = h.max;
  ws.getCell('D9').value = h.self;
  tall('E', h.evidence);
  tall('F', h.note);
  let r = FIRST_DATA_ROW;
  for (const row of rows) {
    const x = ws.getRow(r++);
    x.getCell(1).value = row.code;
    x.getCell(2).value = row.name;
    x.getCell(3).value = row.max;
    if (row.score !== undefined) x.getCell(4).value = row.score;
    if (row.evidence !== undefined) x.getCell(5).value = row.evidence;
    if (row.note !== undefined) x.getCell(6).value = row.note;
    if (row.heading) x.font = { bold: true };
    x.getCell(2).alignment = { wrapText: true };
  }
  // The grand total typed by hand, then the signature block.
  const fields = rows.filter((x) => /^[IVX]+$|^\d+$/.test(x.code) && x.heading && (x.ref === undefined || !x.ref.includes('.')));
  const total = ws.getRow(r++);
  total.getCell(2).value = 'TỔNG CỘNG';
  total.getCell(3).value = fields.reduce((s, f) => s + f.max, 0);
  total.getCell(4).value = fields.reduce((s, f) => s + (f.score ?? 0), 0);
  total.font = { bold: true };
  r++;
  ws.getCell(`E${r}`).value = 'GIÁM ĐỐC';
  ws.getCell(`E${r + 4}`).value = 'Nguyễn Văn An';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A set typed by hand the way a district office does it: codes with a trailing dot below
 * the fields (`1.1.`, `1.1.1.`), the method under the name in the same cell (or no method
 * at all: `methods: false`), every leaf
 * the unit scores at its maximum, headings typed as their sums, survey rows left blank.
 */
export function handRowsOf(set: CriteriaSet, o: { methods?: boolean; roman?: boolean } = {}): HandRow[] {
  const rows: HandRow[] = [];
  // `roman`: fields I, II, ... and criteria numbered across fields (1, 2, ... then 2.1, 2.1.1).
  let across = 0;
  const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  const codeOf = (n: CriterionNode, depth: number, parent: string | undefined, i: number): string => {
    if (!o.roman) return depth === 0 ? n.code : `${n.code}.`;
    return depth === 0 ? ROMAN[i] : depth === 1 ? String(++across) : `${parent}.${i + 1}`;
  };
  const survey = (n: CriterionNode): boolean => n.scoredBy === 'survey';
  const scored = (n: CriterionNode): number => (n.children?.length ? n.children.reduce((s, c) => s + scored(c), 0) : survey(n) ? 0 : n.maxPoints);
  const walk = (n: CriterionNode, depth: number, parent?: string, i = 0) => {
    const heading = (n.children?.length ?? 0) > 0;
    const code = codeOf(n, depth, parent, i);
    rows.push({
      ref: n.code,
      code,
      name: !heading && n.method && o.methods !== false ? `${n.name}\n${n.method}` : n.name,
      max: n.maxPoints,
      ...(survey(n) ? {} : { score: scored(n) }),
      ...(heading ? { heading: true } : { evidence: `Báo cáo số ${rows.length + 1}/BC-UBND ngày 15/06/${set.year}` }),
    });
    (n.children ?? []).forEach((c, k) => walk(c, depth + 1, code, k));
  };
  set.fields.forEach((f, k) => walk(f, 0, undefined, k));
  return rows;
}
