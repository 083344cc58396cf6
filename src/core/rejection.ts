/**
 * Why a file is kept out of the ranking, worded for Sở Nội vụ. The catalogue's messages
 * tell the unit's officer what to fix in the workbook; the officer consolidating cannot fix
 * a unit's file, so for the findings that reject a file the advice is what to ask of the
 * unit, and the reason says where (sheet, cell or row) the problem is.
 */
import { CATALOGUE, fillMessage, type Finding, type FindingCode } from './findings';
import type { Lang } from './format';

type Wording = { vi: string; en: string };

/** Sở Nội vụ's wording of the rejecting findings whose catalogue advice is the unit's. */
const FOR_SONV: Partial<Record<FindingCode, Wording>> = {
  FILE_UNREADABLE: {
    vi: 'Không đọc được tệp "{file}": {reason}. Nếu không tự khắc phục được, đề nghị đơn vị gửi lại tệp.',
    en: 'Cannot read file "{file}": {reason}. If that cannot be done here, ask the unit to send the file again.',
  },
  LAYOUT_NOT_FOUND: {
    vi: 'Không tìm thấy bảng chấm điểm trong trang tính "{sheet}": thiếu {missing}. Đề nghị đơn vị chép điểm sang biểu mẫu do Sở Nội vụ gửi và gửi lại tệp.',
    en: 'No score table found in sheet "{sheet}": missing {missing}. Ask the unit to copy its scores into the template sent by the Department of Home Affairs and send the file again.',
  },
  MAX_POINTS_CHANGED: {
    vi: 'Điểm tối đa của {where} là {found}, khác bộ tiêu chí gốc ({expected}). Đề nghị đơn vị chấm điểm trên biểu mẫu do Sở Nội vụ gửi (không sửa điểm tối đa) và gửi lại tệp.',
    en: 'The maximum of {where} is {found}, not {expected} as in the reference set. Ask the unit to score on the template sent by the Department of Home Affairs (maximums unchanged) and send the file again.',
  },
  CRITERION_MISSING: {
    vi: 'Tệp thiếu {where} ({name}) của bộ tiêu chí gốc. Đề nghị đơn vị bổ sung dòng này theo biểu mẫu, chấm điểm và gửi lại tệp.',
    en: 'The file lacks {where} ({name}) of the reference set. Ask the unit to restore the row from the template, score it and send the file again.',
  },
  CRITERION_UNEXPECTED: {
    vi: '{where} không có trong bộ tiêu chí gốc. Đề nghị đơn vị xóa dòng này hoặc chép điểm sang biểu mẫu do Sở Nội vụ gửi, rồi gửi lại tệp.',
    en: '{where} is not in the reference set. Ask the unit to remove the row or copy its scores into the template sent by the Department of Home Affairs, and send the file again.',
  },
  DUPLICATE_CODE: {
    vi: 'Mã {code} xuất hiện nhiều lần (dòng {rows}). Đề nghị đơn vị giữ một dòng cho mỗi tiêu chí và gửi lại tệp.',
    en: 'Code {code} appears more than once (rows {rows}). Ask the unit to keep one row per criterion and send the file again.',
  },
  SET_VERSION_MISMATCH: {
    vi: 'Tệp dùng bộ tiêu chí {found}, khác bộ tiêu chí đang áp dụng {expected}. Đề nghị đơn vị chấm điểm trên biểu mẫu của bộ {expected} và gửi lại tệp, hoặc chọn cho phép gộp phiên bản khác nếu Sở chấp nhận.',
    en: 'The file uses criteria set {found}, not the reference set {expected}. Ask the unit to score on the {expected} template and send the file again, or allow other versions if the Department accepts them.',
  },
  SET_NOT_MATCHED: {
    vi: 'Bảng chấm điểm không khớp bộ tiêu chí nào đang dùng: gần nhất là "{title}" ({id}) nhưng {reason}. Đề nghị đơn vị chấm điểm trên biểu mẫu do Sở Nội vụ gửi và gửi lại tệp; nếu bảng không ghi cấp đơn vị, ghi cấp của đơn vị trong danh sách đơn vị.',
    en: 'The score sheet matches none of the criteria sets in use: the closest is "{title}" ({id}), but {reason}. Ask the unit to score on the template sent by the Department of Home Affairs and send the file again; if the sheet does not say its unit level, give the unit\'s level in the unit list.',
  },
  UNIT_UNIDENTIFIED: {
    vi: 'Không xác định được đơn vị của tệp "{file}": thiếu dòng "Đơn vị: ..." hoặc trang thông tin của biểu mẫu. Đề nghị đơn vị ghi tên đơn vị trên bảng chấm điểm (hoặc dùng biểu mẫu do Sở Nội vụ gửi) và gửi lại tệp.',
    en: 'The unit of file "{file}" cannot be identified: no "Đơn vị: ..." line or metadata sheet. Ask the unit to name itself on the score sheet (or use the template sent by the Department of Home Affairs) and send the file again.',
  },
  UNIT_NOT_EXPECTED: {
    vi: 'Đơn vị "{unit}" không có trong danh sách đơn vị. Bổ sung danh sách đơn vị nếu đơn vị có thật; nếu tên trong tệp bị ghi sai, đề nghị đơn vị sửa tên và gửi lại tệp.',
    en: 'Unit "{unit}" is not in the unit list. Add it to the list if the unit exists; if the file misspells its name, ask the unit to correct it and send the file again.',
  },
};

/** Where in the file a finding is: `trang "Chấm điểm", ô F12` / `sheet "Chấm điểm", cell F12`; empty for the file as a whole. */
export function findingPlace(f: Finding, lang: Lang): string {
  const sheet = f.sheet !== undefined ? (lang === 'vi' ? `trang "${f.sheet}"` : `sheet "${f.sheet}"`) : undefined;
  const at = f.cell !== undefined ? (lang === 'vi' ? `ô ${f.cell}` : `cell ${f.cell}`) : f.row !== undefined ? (lang === 'vi' ? `dòng ${f.row}` : `row ${f.row}`) : undefined;
  return [sheet, at].filter((x) => x !== undefined).join(', ');
}

/** A reason a file is not ranked, for Sở Nội vụ: where it is, what is wrong, what to ask of the unit. */
export function rejectionText(f: Finding, lang: Lang): string {
  const template = (FOR_SONV[f.code] ?? CATALOGUE[f.code])[lang];
  const text = fillMessage(template, f, lang);
  // A reason that names its sheet itself (the table not found, the blank score column) needs no prefix.
  const place = template.includes('{sheet}') ? '' : findingPlace(f, lang);
  return place === '' ? text : `${place.charAt(0).toUpperCase()}${place.slice(1)}: ${text}`;
}
