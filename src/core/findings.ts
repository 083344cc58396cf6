/**
 * Findings (phát hiện): every problem the product reports, with a stable code, a
 * severity, where it is, and a message in Vietnamese (English available) that says
 * what is wrong and how to fix it. The catalogue below is the single source of the
 * messages; docs/findings.md documents every code (a test keeps them in step).
 */
import { formatNumber, type Lang } from './format';

export type Severity = 'error' | 'warning' | 'info';

/** Which entry of a row a finding concerns, so the pane can show it beside that field. */
export type FindingColumn =
  | 'selfScore'
  | 'declared'
  | 'evidence'
  | 'explanation'
  | 'appraisedScore'
  | 'finalScore'
  | 'previousScore'
  | 'maxPoints'
  | 'method'
  | 'code'
  | 'name'
  | 'set'
  | 'layout'
  | 'file';

export type Params = Record<string, string | number>;

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** Criterion code (`1.1.2`) when the finding concerns one row. */
  criterion?: string;
  field?: FindingColumn;
  params: Params;
  file?: string;
  sheet?: string;
  /** A1 address of the offending cell. */
  cell?: string;
  /** 1-based row in the sheet or the source table. */
  row?: number;
}

interface Entry {
  severity: Severity;
  vi: string;
  en: string;
}

/**
 * Message templates: `{name}` is replaced by a parameter; numbers are written as the
 * language writes them (`1,5` in Vietnamese). `{where}` is "tiêu chí 1.1.2" / "criterion 1.1.2".
 */
export const CATALOGUE = {
  // --- scores (điểm tự đánh giá) ---
  SCORE_NOT_NUMBER: {
    severity: 'error',
    vi: 'Điểm "{value}" của {where} không phải là số. Nhập một số, ví dụ 0,5.',
    en: 'Score "{value}" of {where} is not a number. Enter a number, e.g. 0.5.',
  },
  SCORE_NEGATIVE: {
    severity: 'error',
    vi: 'Điểm {value} của {where} là số âm. Điểm phải từ 0 đến {max}.',
    en: 'Score {value} of {where} is negative. The score must be between 0 and {max}.',
  },
  SCORE_ABOVE_MAX: {
    severity: 'error',
    vi: 'Điểm {value} vượt điểm tối đa {max} của {where}. Nhập điểm không quá {max}.',
    en: 'Score {value} exceeds the maximum {max} of {where}. Enter at most {max}.',
  },
  SCORE_NOT_ALLOWED: {
    severity: 'error',
    vi: 'Điểm {value} không thuộc các mức điểm của cách tính điểm {where}. Các mức hợp lệ: {allowed}.',
    en: 'Score {value} is not one of the levels of the scoring method of {where}. Valid levels: {allowed}.',
  },
  SCORE_MISSING: {
    severity: 'warning',
    vi: 'Chưa nhập điểm tự đánh giá cho {where}.',
    en: 'No self-score entered for {where}.',
  },
  SCORE_TYPED_AS_TEXT: {
    severity: 'warning',
    vi: 'Điểm "{value}" của {where} được lưu dạng văn bản: các tổng điểm của Excel (hàm SUM) bỏ qua ô này nên tổng bị thiếu. Gõ lại ô dưới dạng số, ví dụ {number}, với dấu thập phân theo cài đặt Excel của máy.',
    en: 'The score "{value}" of {where} is stored as text: Excel\'s totals (SUM) ignore it, so the totals fall short. Retype it as a number, e.g. {number}, with the decimal separator of your Excel.',
  },
  SCORE_DIFFERS_FROM_DECLARED: {
    severity: 'warning',
    vi: 'Với số liệu kê khai "{declared}", cách tính điểm cho {suggested} điểm nhưng {where} tự chấm {value}. Kiểm tra lại điểm hoặc số liệu kê khai.',
    en: 'For the declared figure "{declared}" the scoring method gives {suggested} points, but {where} is self-scored {value}. Check the score or the declared figure.',
  },
  SURVEY_ROW_SCORED: {
    severity: 'error',
    vi: '{where} được chấm qua điều tra xã hội học, đơn vị không tự chấm. Xóa điểm {value} ở ô này.',
    en: '{where} is scored by the sociological survey, not by the unit. Remove the score {value} from this cell.',
  },
  TOTAL_MISMATCH: {
    severity: 'error',
    vi: 'Tổng điểm {total} của {where} khác tổng điểm các tiêu chí con ({sum}). Sửa lại tổng hoặc dùng công thức tính tổng.',
    en: 'The total {total} of {where} differs from the sum of its children ({sum}). Correct the total or use a sum formula.',
  },
  NOT_APPLICABLE_NOT_ALLOWED: {
    severity: 'error',
    vi: '{where} không được kê khai "Không áp dụng". Chấm điểm theo cách tính điểm.',
    en: '{where} may not be declared "Not applicable". Score it by its scoring method.',
  },
  APPRAISED_INVALID: {
    severity: 'error',
    vi: 'Điểm thẩm định "{value}" của {where} không hợp lệ: {reason}.',
    en: 'Appraised score "{value}" of {where} is invalid: {reason}.',
  },
  // --- evidence (tài liệu kiểm chứng) ---
  EVIDENCE_MISSING: {
    severity: 'error',
    vi: '{where} tự chấm {value} điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình. Ghi số, ký hiệu văn bản hoặc đường dẫn, hoặc nêu giải trình.',
    en: '{where} is self-scored {value} but has neither evidence nor explanation. Give the document number or a link, or an explanation.',
  },
  EVIDENCE_NUMBER_INVALID: {
    severity: 'error',
    vi: 'Số, ký hiệu văn bản "{text}" ở {where} không đúng thể thức (Nghị định 30/2020/NĐ-CP), ví dụ: 386/KH-UBND, 12/2023/QĐ-UBND.',
    en: 'Document number "{text}" in {where} is malformed (Decree 30/2020), e.g. 386/KH-UBND, 12/2023/QĐ-UBND.',
  },
  EVIDENCE_DATE_INVALID: {
    severity: 'error',
    vi: 'Ngày "{text}" ở {where} không phải ngày hợp lệ. Ghi theo dạng ngày 07/6/2024.',
    en: 'Date "{text}" in {where} is not a valid date. Write it as 07/6/2024.',
  },
  EVIDENCE_DATE_OUT_OF_PERIOD: {
    severity: 'error',
    vi: 'Văn bản {doc} ngày {date} ở {where} nằm ngoài kỳ đánh giá ({from} - {to}). Dùng tài liệu ban hành trong kỳ đánh giá.',
    en: 'Document {doc} dated {date} in {where} is outside the assessment period ({from} - {to}). Use a document issued within the period.',
  },
  EVIDENCE_DATE_IN_FUTURE: {
    severity: 'error',
    vi: 'Văn bản {doc} ở {where} ghi ngày {date}, sau ngày hôm nay. Kiểm tra lại ngày ban hành.',
    en: 'Document {doc} in {where} is dated {date}, after today. Check the date of issue.',
  },
  EVIDENCE_KIND_MISMATCH: {
    severity: 'warning',
    vi: '{where} yêu cầu {expected}, nhưng tài liệu kiểm chứng là {found}. Kiểm tra lại loại văn bản.',
    en: '{where} asks for {expected}, but the evidence is {found}. Check the kind of document.',
  },
  EVIDENCE_SHARED: {
    severity: 'info',
    vi: 'Văn bản {doc} được dùng làm tài liệu kiểm chứng cho {count} tiêu chí ({criteria}). Kiểm tra văn bản có đúng nội dung từng tiêu chí.',
    en: 'Document {doc} is cited as evidence for {count} criteria ({criteria}). Check that it covers each of them.',
  },
  LINK_INVALID: {
    severity: 'error',
    vi: 'Đường dẫn "{link}" ở {where} không hợp lệ: {reason}. Dùng đường dẫn bắt đầu bằng https:// hoặc http://.',
    en: 'Link "{link}" in {where} is invalid: {reason}. Use a link starting with https:// or http://.',
  },
  // --- links the reader cannot see, and links only one network opens (issue 11 §3) ---
  LINK_PRIVATE: {
    severity: 'warning',
    vi: 'Đường dẫn "{link}" ở {where} trỏ tới địa chỉ mạng nội bộ {host}: chỉ người trong mạng đó mở được. Nếu người thẩm định ở ngoài mạng này, dùng đường dẫn công khai hoặc ghi số, ký hiệu văn bản.',
    en: 'Link "{link}" in {where} points to the private network address {host}: only people inside that network can open it. If appraisers are outside it, use a public link or give the document number.',
  },
  LINK_TARGET_DIFFERS: {
    severity: 'warning',
    vi: 'Ô ở {where} hiển thị "{shown}" nhưng siêu liên kết của ô mở "{link}". Sửa siêu liên kết (chuột phải > Sửa siêu liên kết) để chữ hiển thị đúng trang được mở.',
    en: 'The cell in {where} shows "{shown}" but its hyperlink opens "{link}". Edit the hyperlink (right-click > Edit Hyperlink) so that the text shows the page it opens.',
  },
  // --- the criteria set and its comparison with the reference ---
  MAX_POINTS_CHANGED: {
    severity: 'error',
    vi: 'Điểm tối đa của {where} là {found}, khác bộ tiêu chí gốc ({expected}). Không sửa điểm tối đa; dùng biểu mẫu do Sở Nội vụ gửi.',
    en: 'The maximum of {where} is {found}, not {expected} as in the reference set. Do not edit maximums; use the template sent by the Department of Home Affairs.',
  },
  CRITERION_MISSING: {
    severity: 'error',
    vi: 'Thiếu {where} ({name}) so với bộ tiêu chí gốc. Bổ sung dòng này theo biểu mẫu.',
    en: '{where} ({name}) of the reference set is missing. Restore the row from the template.',
  },
  CRITERION_UNEXPECTED: {
    severity: 'error',
    vi: '{where} không có trong bộ tiêu chí gốc. Xóa dòng này hoặc dùng đúng biểu mẫu.',
    en: '{where} is not in the reference set. Remove the row or use the right template.',
  },
  SET_VERSION_MISMATCH: {
    severity: 'error',
    vi: 'Biểu mẫu dùng bộ tiêu chí {found}, khác bộ tiêu chí đang áp dụng {expected}.',
    en: 'The workbook uses criteria set {found}, not the reference set {expected}.',
  },
  DUPLICATE_CODE: {
    severity: 'error',
    vi: 'Mã {code} xuất hiện nhiều lần (dòng {rows}). Mỗi tiêu chí chỉ có một dòng.',
    en: 'Code {code} appears more than once (rows {rows}). Each criterion has one row.',
  },
  CODE_MALFORMED: {
    severity: 'error',
    vi: 'Mã "{code}" không đúng dạng (I, 1, 1.1, 1.1.1) hoặc không khớp với cấp cha {parent}.',
    en: 'Code "{code}" is malformed (I, 1, 1.1, 1.1.1) or does not match its parent {parent}.',
  },
  CODE_AMBIGUOUS: {
    severity: 'warning',
    vi: 'Mã ở dòng {row} được nhập dạng số ({typed}) nên có thể là {candidates}. Nhập mã dạng văn bản (ví dụ gõ \'1.10).',
    en: 'The code in row {row} was typed as a number ({typed}) and may be {candidates}. Enter codes as text (e.g. type \'1.10).',
  },
  SET_SUM_MISMATCH: {
    severity: 'error',
    vi: 'Điểm tối đa của {where} là {max} nhưng tổng điểm tối đa các tiêu chí con là {sum}.',
    en: 'The maximum of {where} is {max} but its children add up to {sum}.',
  },
  SET_INVALID: {
    severity: 'error',
    vi: 'Tệp bộ tiêu chí không hợp lệ tại {path}: {problem}.',
    en: 'The criteria-set file is invalid at {path}: {problem}.',
  },
  METHOD_VALUE_OUT_OF_RANGE: {
    severity: 'error',
    vi: 'Cách tính điểm của {where} cho {value} điểm, ngoài khoảng 0 - {max}.',
    en: 'The scoring method of {where} gives {value} points, outside 0 - {max}.',
  },
  METHOD_BANDS_OVERLAP: {
    severity: 'error',
    vi: 'Cách tính điểm của {where} có các khoảng tỷ lệ chồng lên nhau: {bands}.',
    en: 'The scoring method of {where} has overlapping ranges: {bands}.',
  },
  METHOD_MISSING: {
    severity: 'error',
    vi: '{where} là tiêu chí tự chấm nhưng không có cách tính điểm.',
    en: '{where} is self-scored but has no scoring method.',
  },
  METHOD_UNPARSED: {
    severity: 'info',
    vi: 'Không đọc được cách tính điểm của {where}; cho phép mọi điểm từ 0 đến {max}.',
    en: 'The scoring method of {where} could not be read; any score from 0 to {max} is accepted.',
  },
  // --- files and layout ---
  LAYOUT_NOT_FOUND: {
    severity: 'error',
    vi: 'Không tìm thấy bảng chấm điểm trong trang tính "{sheet}": thiếu {missing}. Kiểm tra dòng tiêu đề bảng hoặc chọn cột thủ công.',
    en: 'No score table found in sheet "{sheet}": missing {missing}. Check the table header or map the columns by hand.',
  },
  FILE_UNREADABLE: {
    severity: 'error',
    vi: 'Không đọc được tệp "{file}": {reason}.',
    en: 'Cannot read file "{file}": {reason}.',
  },
  // --- consolidation (tổng hợp) ---
  UNIT_UNIDENTIFIED: {
    severity: 'error',
    vi: 'Không xác định được đơn vị của tệp "{file}": thiếu dòng "Đơn vị: ..." hoặc trang thông tin của biểu mẫu. Dùng biểu mẫu do Sở Nội vụ gửi.',
    en: 'The unit of file "{file}" cannot be identified: no "Đơn vị: ..." line or metadata sheet. Use the template sent by the Department of Home Affairs.',
  },
  UNIT_NOT_EXPECTED: {
    severity: 'error',
    vi: 'Đơn vị "{unit}" không có trong danh sách đơn vị. Kiểm tra tên đơn vị trong tệp hoặc bổ sung danh sách.',
    en: 'Unit "{unit}" is not in the unit list. Check the unit name in the file or extend the list.',
  },
  UNIT_DUPLICATE: {
    severity: 'error',
    vi: 'Đơn vị "{unit}" có nhiều tệp ({files}). Giữ lại một tệp; đơn vị chưa được xếp hạng.',
    en: 'Unit "{unit}" has several files ({files}). Keep one; the unit is not ranked until then.',
  },
  UNIT_NOT_SCORED: {
    severity: 'error',
    vi: 'Tệp chưa được chấm điểm: cả {count} ô điểm tự đánh giá ở trang "{sheet}" (cột {column}, dòng {first} đến {last}) đều trống, nên đơn vị không được xếp hạng. Đề nghị đơn vị chấm điểm các tiêu chí rồi gửi lại tệp.',
    en: 'The file was never scored: all {count} self-score cells of sheet "{sheet}" (column {column}, rows {first} to {last}) are blank, so the unit is not ranked. Ask the unit to score the criteria and send the file again.',
  },
  UNIT_MISSING: {
    severity: 'warning',
    vi: 'Chưa nhận được tệp của đơn vị "{unit}".',
    en: 'No file received from unit "{unit}".',
  },
  // --- the workbook's own criteria columns ---
  MAX_POINTS_UNREADABLE: {
    severity: 'error',
    vi: 'Không đọc được điểm tối đa "{value}" của {where}. Ghi điểm tối đa bằng số, ví dụ 2 hoặc 0,5.',
    en: 'The maximum points "{value}" of {where} cannot be read. Write the maximum as a number, e.g. 2 or 0.5.',
  },
  DEFINITION_CHANGED: {
    severity: 'warning',
    vi: 'Nội dung của {where} khác bộ tiêu chí gốc: "{found}" thay vì "{expected}". Không sửa phần định nghĩa tiêu chí; dùng biểu mẫu do Sở Nội vụ gửi.',
    en: 'The text of {where} differs from the reference set: "{found}" instead of "{expected}". Do not edit the criteria definitions; use the template sent by the Department of Home Affairs.',
  },
  DEFINITION_EDITED: {
    severity: 'warning',
    vi: 'Phần định nghĩa tiêu chí của biểu mẫu (mã, tên, điểm tối đa, cách tính điểm, yêu cầu tài liệu) đã bị sửa sau khi tạo biểu mẫu. Dùng biểu mẫu do Sở Nội vụ gửi hoặc đối chiếu với bộ tiêu chí gốc.',
    en: 'The criteria definitions of this workbook (codes, names, maximums, scoring methods, evidence requirements) were edited after the template was made. Use the template sent by the Department of Home Affairs or compare with the reference set.',
  },
  CONTENT_CHANGED_SINCE_CHECK: {
    severity: 'warning',
    vi: 'Bảng đã được sửa sau lần kiểm tra lúc {checkedAt} (mã {recorded}); mã hiện tại {current}. In lại phiếu chấm điểm trước khi trình ký.',
    en: 'The table was edited after the check at {checkedAt} (code {recorded}); the code is now {current}. Print the score sheet again before submitting it for signature.',
  },
  // --- issue 10: reference rules, totals, evidence in practice ---
  SCORE_NOT_COUNTED: {
    severity: 'warning',
    vi: '{where} được kê khai "Không áp dụng" nên điểm {value} không được tính vào tổng điểm (tiêu chí không tính vào điểm tối đa). Xóa điểm, hoặc bỏ kê khai "Không áp dụng" nếu tiêu chí có áp dụng.',
    en: '{where} is declared "Not applicable", so its score {value} is not counted in the total (the criterion leaves the maximum). Remove the score, or the "Not applicable" declaration if the criterion applies.',
  },
  EVIDENCE_COLUMN_MISSING: {
    severity: 'error',
    vi: 'Bảng không có cột "Tài liệu kiểm chứng" nên {count} tiêu chí có điểm chưa có tài liệu kiểm chứng hoặc giải trình ({criteria}). Thêm cột "Tài liệu kiểm chứng" và ghi số, ký hiệu văn bản hoặc đường dẫn cho từng tiêu chí.',
    en: 'The table has no "Evidence" column, so {count} scored criteria have neither evidence nor explanation ({criteria}). Add an "Evidence" column and give the document number or a link for each criterion.',
  },
  EVIDENCE_DATE_BEFORE_PERIOD: {
    severity: 'info',
    vi: 'Văn bản {doc} ở {where} ban hành ngày {date}, trước kỳ đánh giá (từ {from}), nhưng ghi rõ năm đánh giá nên được chấp nhận (kế hoạch năm thường ban hành cuối năm trước). Kiểm tra văn bản đúng là của năm đánh giá.',
    en: 'Document {doc} in {where} is dated {date}, before the assessment period (from {from}), but names the assessment year, so it is accepted (a year\'s plan is usually issued late in the year before). Check that it is the plan for the assessed year.',
  },
  // --- hand-made workbooks (issue 10 §1: the table, the unit, the year, the numbering) ---
  COLUMN_MAP_UNUSABLE: {
    severity: 'error',
    vi: 'Không dùng được cách chọn cột --columns cho tệp này: {reason}',
    en: 'The column map --columns does not fit this file: {reason}',
  },
  UNIT_NOT_NAMED: {
    severity: 'warning',
    vi: 'Không xác định được tên đơn vị: bảng không có trang thông tin, dòng "Đơn vị: ..." hay tên cơ quan ở góc trên bên trái{known}. Ghi tên đơn vị (tùy chọn --unit của lệnh, hoặc ô Đơn vị ở ngăn tác vụ).',
    en: 'The unit cannot be named: the sheet has no metadata sheet, no "Đơn vị: ..." line and no issuing body at the top left{known}. Name the unit (the command\'s --unit option, or the Unit field in the task pane).',
  },
  YEAR_MISMATCH: {
    severity: 'error',
    vi: 'Bảng chấm điểm ghi năm {found} ("{title}") nhưng bộ tiêu chí áp dụng là của năm {expected}. Dùng biểu mẫu năm {expected}; ngày của tài liệu kiểm chứng chưa được kiểm tra theo kỳ đánh giá.',
    en: 'The score sheet is for {found} ("{title}") but the reference set is for {expected}. Use the {expected} template; evidence dates were not checked against the assessment period.',
  },
  CODES_RENUMBERED: {
    severity: 'warning',
    vi: 'Mã tiêu chí của bảng được đánh số khác bộ tiêu chí gốc ({count} dòng, ví dụ {example}); các dòng đã được đối chiếu theo lĩnh vực, thứ tự và tên tiêu chí, các phát hiện dùng mã của bộ tiêu chí gốc.',
    en: 'The sheet numbers its criteria differently from the reference set ({count} rows, e.g. {example}); rows were matched by field, position and name, and findings use the reference codes.',
  },
  SET_NOT_MATCHED: {
    severity: 'warning',
    vi: 'Chưa nhận ra bảng này theo bộ tiêu chí có sẵn nào: gần nhất là "{title}" ({id}) nhưng {reason}. {effect} Ghi rõ đơn vị ở đầu bảng (ví dụ dòng "Đơn vị: UBND huyện ...") hoặc dùng biểu mẫu do Sở Nội vụ gửi.',
    en: 'This sheet does not match any criteria set at hand: the closest is "{title}" ({id}), but {reason}. {effect} Name the unit at the top of the sheet (e.g. a line "Đơn vị: UBND huyện ...") or use the template sent by Sở Nội vụ.',
  },
  // --- consolidation routing (sonv): a file for another level or year is one reason ---
  FILE_WRONG_LEVEL: {
    severity: 'error',
    vi: 'Tệp của {found}, không phải {expected}. Kiểm tra lại đơn vị gửi tệp, hoặc đề nghị đơn vị dùng đúng biểu mẫu của {expected}.',
    en: 'The file is for {found}, not {expected}. Check which unit sent it, or ask the unit to use the template for {expected}.',
  },
  FILE_WRONG_YEAR: {
    severity: 'error',
    vi: 'Tệp là bảng tự chấm điểm năm {found}, không phải năm {expected}. Đề nghị đơn vị gửi bảng của năm {expected}.',
    en: 'The file is the self-assessment of {found}, not {expected}. Ask the unit for the {expected} workbook.',
  },
  // --- issue 16: evidence against the unit's register of outgoing documents and evidence folder ---
  EVIDENCE_NOT_IN_REGISTER: {
    severity: 'warning',
    vi: 'Văn bản {doc} ở {where} do đơn vị ban hành nhưng không có trong sổ đăng ký văn bản đi ({register}). Kiểm tra lại số, ký hiệu văn bản; nếu văn bản có thật, bổ sung sổ đăng ký (sổ có thể chưa đầy đủ).',
    en: 'Document {doc} in {where} was issued by the unit but is not in its register of outgoing documents ({register}). Check the number and symbol; if the document exists, complete the register (it may be incomplete).',
  },
  EVIDENCE_ISSUER_AMBIGUOUS: {
    severity: 'info',
    vi: 'Văn bản {doc} ở {where} có ký hiệu {issuer} như văn bản của đơn vị nhưng không có trong sổ đăng ký văn bản đi ({register}); {higher} cũng dùng ký hiệu này, nên đây có thể là văn bản của cấp trên. Nếu đúng vậy, ghi rõ cơ quan ban hành trong tài liệu kiểm chứng, ví dụ "{example}"; nếu là văn bản của đơn vị, kiểm tra lại số, ký hiệu hoặc bổ sung sổ đăng ký.',
    en: 'Document {doc} in {where} bears the symbol {issuer}, as the unit\'s own documents do, but is not in its register of outgoing documents ({register}); {higher} signs {issuer} too, so it may be a higher level\'s document. If so, name the issuer in the evidence, e.g. "{example}"; if it is the unit\'s own, check its number and symbol or complete the register.',
  },
  EVIDENCE_DATE_DIFFERS: {
    severity: 'error',
    vi: 'Văn bản {doc} ở {where} ghi ngày {cited}, nhưng sổ đăng ký văn bản đi ghi ngày {registered} ({registerAt}). Sửa ngày ở tài liệu kiểm chứng cho đúng ngày ban hành, hoặc sửa sổ nếu sổ ghi sai.',
    en: 'Document {doc} in {where} is cited as dated {cited}, but the register of outgoing documents dates it {registered} ({registerAt}). Correct the date in the evidence to the date of issue, or the register if it is wrong.',
  },
  EVIDENCE_SUMMARY_UNRELATED: {
    severity: 'info',
    vi: 'Văn bản {doc} ở {where} có trích yếu "{summary}" trong sổ đăng ký văn bản đi, không có từ khóa chung với tên, cách tính điểm và yêu cầu tài liệu của tiêu chí. Người thẩm định xem văn bản có đúng nội dung tiêu chí không.',
    en: 'Document {doc} in {where} is summarised in the register of outgoing documents as "{summary}", which shares no key term with the criterion\'s name, scoring method or evidence requirement. The appraiser should check that it covers the criterion.',
  },
  REGISTER_ROW_UNREADABLE: {
    severity: 'warning',
    vi: '{at} có {what} "{text}" không đọc được, nên văn bản ở dòng này không được đối chiếu. Ghi {what} theo dạng {example}.',
    en: '{at} has an unreadable {what} "{text}", so its document is not cross-checked. Write the {what} as {example}.',
  },
  REGISTER_NOT_RECOGNISED: {
    severity: 'error',
    vi: 'Không tìm thấy bảng sổ đăng ký văn bản đi trong tệp {register}: cần một dòng tiêu đề có cột số, ký hiệu ("Số, ký hiệu", "Số ký hiệu văn bản") và cột ngày ("Ngày tháng văn bản", "Ngày ban hành"). Xuất lại sổ từ hệ thống quản lý văn bản, hoặc sửa tiêu đề cột (xem docs/evidence-register.md).',
    en: 'No register of outgoing documents was found in {register}: a header row needs a number/symbol column ("Số, ký hiệu", "Số ký hiệu văn bản") and a date column ("Ngày tháng văn bản", "Ngày ban hành"). Export the register again from the document-management system, or correct the column headers (see docs/evidence-register.md).',
  },
  EVIDENCE_FILE_MISSING: {
    severity: 'warning',
    vi: 'Văn bản {doc} ở {where} không có tệp trong thư mục tài liệu kiểm chứng {folder}. Thêm tệp của văn bản, đặt tên theo số, ký hiệu (ví dụ {example}) hoặc theo mã tiêu chí.',
    en: 'Document {doc} in {where} has no file in the evidence folder {folder}. Add the document\'s file, named by its number and symbol (e.g. {example}) or by the criterion code.',
  },
  EVIDENCE_FILE_UNCITED: {
    severity: 'info',
    vi: 'Tệp "{path}" trong thư mục tài liệu kiểm chứng không khớp với văn bản hay tiêu chí nào của bảng. Đặt tên tệp theo số, ký hiệu văn bản hoặc mã tiêu chí, hoặc bỏ tệp thừa.',
    en: 'File "{path}" in the evidence folder matches no cited document or criterion of the sheet. Name it by the document\'s number and symbol or by the criterion code, or remove it.',
  },
} as const satisfies Record<string, Entry>;

export type FindingCode = keyof typeof CATALOGUE;
export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];

/** Where a finding is: file, sheet, cell, row, criterion, field. */
export type Place = Omit<Finding, 'code' | 'params' | 'severity'>;

/** A criterion row's place (its row when known); made only for a finding, as most rows have none. */
export function rowPlace(criterion: string, field: FindingColumn, row: number | undefined): Place {
  return row !== undefined ? { criterion, field, row } : { criterion, field };
}

/** Makes a finding with the catalogue's default severity. */
export function finding(code: FindingCode, params: Params = {}, at: Place & { severity?: Severity } = {}): Finding {
  const { severity, ...rest } = at;
  return { severity: severity ?? CATALOGUE[code].severity, code, params, ...rest };
}

/** The finding's message in the given language, parameters filled in. */
export function message(f: Finding, lang: Lang = 'vi'): string {
  return fillMessage(CATALOGUE[f.code][lang], f, lang);
}

/** A message template (the catalogue's, or another reader's wording of the same finding) with the finding's parameters filled in. */
export function fillMessage(text: string, f: Finding, lang: Lang): string {
  // A row without a criterion (the sheet's "Tổng cộng") is named by its number: in a list of findings "this row" names none.
  const where = f.criterion
    ? lang === 'vi'
      ? `tiêu chí ${f.criterion}`
      : `criterion ${f.criterion}`
    : f.row !== undefined
      ? lang === 'vi'
        ? `dòng ${f.row}`
        : `row ${f.row}`
      : lang === 'vi'
        ? 'dòng này'
        : 'this row';
  const filled = text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'where') return where;
    // A parameter that is itself language-specific text carries its English as `{name}En`.
    const v = (lang === 'en' ? f.params[`${name}En`] : undefined) ?? f.params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
  // A sentence may start with {where}: capitalise it.
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by row, then by code: the order every report uses. */
export function sortFindings(list: readonly Finding[]): Finding[] {
  return [...list].sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      (a.row ?? Infinity) - (b.row ?? Infinity) ||
      a.code.localeCompare(b.code),
  );
}

export function countBySeverity(list: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of list) out[f.severity]++;
  return out;
}

/** A finding as the JSON outputs (validate, consolidate, the pane's consolidation) write it. */
export interface JsonFinding {
  severity: Severity;
  code: string;
  criterion: string | null;
  sheet: string | null;
  cell: string | null;
  message: string;
}

/** A finding located, with its message in `lang`. */
export function jsonFinding(f: Finding, lang: Lang): JsonFinding {
  return {
    severity: f.severity,
    code: f.code,
    criterion: f.criterion ?? null,
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    message: message(f, lang),
  };
}
