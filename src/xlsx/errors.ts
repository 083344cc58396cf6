/**
 * Why a file cannot be read as a workbook, in words a unit's officer can act on.
 * The CLI and the task pane turn it into a FILE_UNREADABLE finding.
 */
import { finding, type Finding } from '../core/findings';
import type { Lang } from '../core/format';

export type UnreadableKind =
  | 'io' // missing file, no permission
  | 'empty-file' // 0 bytes
  | 'not-xlsx' // a .csv, a text file, a .docx or a .zip renamed to .xlsx
  | 'legacy-xls' // Excel 97-2003 (.xls), an OLE container
  | 'encrypted' // password-protected .xlsx (also an OLE container)
  | 'truncated' // a zip cut off before its end (a download or copy not finished)
  | 'corrupt' // a zip whose XML exceljs cannot parse
  | 'no-sheets' // a workbook without any worksheet
  | 'validation-too-large' // data validation over so many cells that exceljs cannot load it for writing
  | 'too-large'; // over the size limits of zip.ts / stream.ts (docs/cli.md), checked before inflating

const REASONS: Record<UnreadableKind, { vi: string; en: string }> = {
  io: {
    vi: 'không mở được tệp ({detail})',
    en: 'the file cannot be opened ({detail})',
  },
  'empty-file': {
    vi: 'tệp rỗng (0 byte); hãy gửi lại tệp đầy đủ',
    en: 'the file is empty (0 bytes); send the complete file again',
  },
  'not-xlsx': {
    vi: 'tệp không phải sổ làm việc Excel .xlsx (có thể là tệp .csv, tệp văn bản hoặc tệp đã bị đổi đuôi); hãy mở bằng Excel và lưu lại dạng "Excel Workbook (*.xlsx)"',
    en: 'the file is not an Excel .xlsx workbook (it may be a .csv, a text file or a renamed file); open it in Excel and save it as "Excel Workbook (*.xlsx)"',
  },
  'legacy-xls': {
    vi: 'tệp theo định dạng Excel 97-2003 (.xls); hãy mở bằng Excel và lưu lại dạng "Excel Workbook (*.xlsx)"',
    en: 'the file is in the Excel 97-2003 format (.xls); open it in Excel and save it as "Excel Workbook (*.xlsx)"',
  },
  encrypted: {
    vi: 'tệp được đặt mật khẩu, hãy bỏ mật khẩu rồi gửi lại',
    en: 'the file is password-protected; remove the password and send it again',
  },
  truncated: {
    vi: 'tệp không đầy đủ: bị cắt ngang giữa chừng (thường do tải xuống, sao chép hoặc gửi thư chưa xong); hãy lấy lại tệp gốc đầy đủ (hoặc đề nghị người gửi gửi lại) rồi mở lại',
    en: 'the file is incomplete: it was cut off (usually a download, copy or e-mail that did not finish); get the complete original file again (or ask the sender to send it again), then open it',
  },
  corrupt: {
    vi: 'nội dung tệp bị hỏng{detail}; hãy mở bằng Excel, lưu lại rồi gửi lại',
    en: 'the file content is damaged{detail}; open it in Excel, save it and send it again',
  },
  'no-sheets': {
    vi: 'sổ làm việc không có trang tính nào',
    en: 'the workbook has no worksheet',
  },
  'too-large': {
    vi: 'tệp quá lớn để kiểm tra: {detail}; bảng chấm điểm chỉ vài trăm KB, hãy xóa dữ liệu, hình ảnh hoặc trang tính thừa (hoặc chép bảng chấm điểm sang sổ mới) rồi gửi lại',
    en: 'the file is too large to check: {detail}; a score sheet is a few hundred KB, remove extra data, images or sheets (or copy the score table into a new workbook) and send it again',
  },
  'validation-too-large': {
    vi: 'vùng xác thực dữ liệu {detail} quá lớn để ghi an toàn; hãy thu hẹp vùng này trong Excel (Dữ liệu > Xác thực dữ liệu) rồi thử lại',
    en: 'the data validation range {detail} is too large to write safely; narrow it in Excel (Data > Data Validation) and try again',
  },
};

/** A detail in words, or the same for both languages (a part name, a cell range, an OS error code). */
export type UnreadableDetail = string | { vi: string; en: string };

export class FileUnreadableError extends Error {
  readonly code = 'FILE_UNREADABLE' as const;

  constructor(
    readonly file: string,
    readonly kind: UnreadableKind,
    readonly detail: UnreadableDetail = '',
  ) {
    super(`Cannot read file "${file}": ${reasonText(kind, detail, 'en')}.`);
    this.name = 'FileUnreadableError';
  }

  reason(lang: Lang): string {
    return reasonText(this.kind, this.detail, lang);
  }

  /** The FILE_UNREADABLE finding, its reason worded in `lang`. */
  toFinding(lang: Lang): Finding {
    return finding('FILE_UNREADABLE', { file: this.file, reason: this.reason(lang) }, { file: this.file, field: 'file' });
  }
}

function reasonText(kind: UnreadableKind, detail: UnreadableDetail, lang: Lang): string {
  let text = typeof detail === 'string' ? detail : detail[lang];
  // A damaged part is named, not explained: parser messages mean nothing to an officer.
  if (kind === 'corrupt') text = text === '' ? '' : lang === 'vi' ? ` (phần ${text} không đọc được)` : ` (part ${text} cannot be read)`;
  return REASONS[kind][lang].replace('{detail}', text);
}
