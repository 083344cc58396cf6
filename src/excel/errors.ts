/**
 * Every failure of the Excel layer surfaces as an ExcelAdapterError: a stable code, a
 * Vietnamese message for the pane (English beside it) and the Office error as `cause`.
 * Nothing here is swallowed: callers decide what to show.
 */

export type ExcelAdapterErrorCode =
  | 'SHEET_NOT_FOUND'
  | 'API_NOT_SUPPORTED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RESPONSE_TOO_LARGE'
  | 'INVALID_ARGUMENT'
  | 'OFFICE_ERROR'
  | 'SHEET_WRITE_FAILED'
  | 'SHEET_WRITE_NOT_UNDONE';

const MESSAGES: Record<ExcelAdapterErrorCode, { vi: string; en: string }> = {
  SHEET_NOT_FOUND: {
    vi: 'Không tìm thấy trang tính cần dùng trong sổ làm việc. Kiểm tra tên trang tính hoặc mở đúng biểu mẫu.',
    en: 'A sheet the add-in needs is missing from the workbook. Check the sheet name or open the right template.',
  },
  API_NOT_SUPPORTED: {
    vi: 'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Cập nhật Excel (Microsoft 365 hoặc Excel trên web).',
    en: 'This version of Excel does not support a feature the add-in needs. Update Excel (Microsoft 365 or Excel on the web).',
  },
  PAYLOAD_TOO_LARGE: {
    vi: 'Dữ liệu gửi tới Excel vượt giới hạn 5 MB của một lần gửi. Ghi ít dữ liệu hơn mỗi lần.',
    en: 'The data sent to Excel exceeds the 5 MB limit of one request. Write less data at a time.',
  },
  RESPONSE_TOO_LARGE: {
    vi: 'Dữ liệu đọc từ sổ làm việc vượt giới hạn 5 MB của một lần đọc. Xóa các dòng, cột thừa hoặc chia bảng thành nhiều trang tính.',
    en: 'The data read from the workbook exceeds the 5 MB limit of one response. Remove unused rows and columns or split the table over several sheets.',
  },
  INVALID_ARGUMENT: {
    vi: 'Excel từ chối dữ liệu ghi vào sổ (kích thước vùng hoặc giá trị không hợp lệ).',
    en: 'Excel rejected the data written (range size or value is invalid).',
  },
  OFFICE_ERROR: {
    vi: 'Excel báo lỗi khi đọc hoặc ghi sổ làm việc. Thử lại; nếu vẫn lỗi, lưu tệp và mở lại Excel.',
    en: 'Excel reported an error while reading or writing the workbook. Try again; if it persists, save the file and restart Excel.',
  },
  SHEET_WRITE_FAILED: {
    vi: 'Không ghi được trang tính "{sheet}": Excel từ chối thao tác {operation}. Sổ làm việc được giữ nguyên như trước khi ghi (các trang tính đang ghi dở đã được xóa, trang tính cũ không bị đổi). Thử lại; nếu vẫn lỗi, lưu tệp, mở lại Excel và báo lỗi này cho người quản trị phần bổ trợ.',
    en: 'Sheet "{sheet}" could not be written: Excel refused the {operation} operation. The workbook is as it was before (the sheets being written were removed, the existing sheets are unchanged). Try again; if it persists, save the file, restart Excel and report this to the add-in\'s administrator.',
  },
  SHEET_WRITE_NOT_UNDONE: {
    vi: 'Không ghi được trang tính "{sheet}": Excel từ chối thao tác {operation}, và không dọn được các trang tính đang ghi dở ({temporary}). Hãy xóa các trang tính đó bằng tay (nhấp chuột phải vào thẻ trang tính > Xóa); các trang tính khác không bị đổi.',
    en: 'Sheet "{sheet}" could not be written: Excel refused the {operation} operation, and the sheets being written ({temporary}) could not be removed. Delete them by hand (right-click the sheet tab > Delete); the other sheets are unchanged.',
  },
};

/** Office error codes (OfficeExtension.Error.code) mapped to ours. */
const BY_OFFICE_CODE: Record<string, ExcelAdapterErrorCode> = {
  ItemNotFound: 'SHEET_NOT_FOUND',
  ApiNotFound: 'API_NOT_SUPPORTED',
  RequestPayloadSizeLimitExceeded: 'PAYLOAD_TOO_LARGE',
  ResponsePayloadSizeLimitExceeded: 'RESPONSE_TOO_LARGE',
  InvalidArgument: 'INVALID_ARGUMENT',
};

export class ExcelAdapterError extends Error {
  readonly code: ExcelAdapterErrorCode;
  /** The Office error code when the failure came from Excel ('ItemNotFound', ...). */
  readonly officeCode?: string;
  readonly vi: string;
  readonly en: string;
  /** A second failure met while cleaning up (restoring events) after this one. */
  secondary?: unknown;

  constructor(code: ExcelAdapterErrorCode, options: { cause?: unknown; officeCode?: string; detail?: string; params?: Record<string, string> } = {}) {
    const fill = (t: string) => t.replace(/\{(\w+)\}/g, (m, k: string) => options.params?.[k] ?? m);
    const vi = fill(MESSAGES[code].vi);
    const en = fill(MESSAGES[code].en);
    const detail = options.detail ? ` (${options.detail})` : '';
    super(`${vi}${detail}`, { cause: options.cause });
    this.name = 'ExcelAdapterError';
    this.code = code;
    this.officeCode = options.officeCode;
    this.vi = `${vi}${detail}`;
    this.en = `${en}${detail}`;
  }
}

/** Wraps anything thrown by Office.js (or the stand-in) without losing it. */
export function wrapOfficeError(error: unknown): ExcelAdapterError {
  if (error instanceof ExcelAdapterError) return error;
  const officeCode = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  return new ExcelAdapterError((officeCode && BY_OFFICE_CODE[officeCode]) || 'OFFICE_ERROR', { cause: error, officeCode, detail });
}
