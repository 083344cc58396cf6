/**
 * Errors the workbook layer throws when asked for something the sheet cannot give (a
 * code that is not in it, a column it lacks). Findings describe the user's data; a
 * WorkbookError refuses an operation, with a message the task pane can show as is.
 */

export type WorkbookErrorCode =
  | 'CODE_NOT_IN_SHEET'
  | 'COLUMN_MISSING'
  | 'PARENT_ROW'
  | 'MAPPING_INCOMPLETE'
  | 'MAPPING_DUPLICATE'
  | 'MAPPING_INVALID'
  | 'MAPPING_NO_CODES'
  | 'SHEET_NOT_FOUND'
  | 'SPEC_INVALID';

const MESSAGES: Record<WorkbookErrorCode, { vi: string; en: string }> = {
  CODE_NOT_IN_SHEET: {
    vi: 'Không có tiêu chí {code} trong trang tính "{sheet}". Kiểm tra mã tiêu chí ở cột STT.',
    en: 'Criterion {code} is not in sheet "{sheet}". Check the code in the STT column.',
  },
  COLUMN_MISSING: {
    vi: 'Trang tính "{sheet}" không có cột "{column}" nên không ghi được {code}. Thêm cột này hoặc chọn cột thủ công.',
    en: 'Sheet "{sheet}" has no "{column}" column, so {code} cannot be written. Add the column or map it by hand.',
  },
  PARENT_ROW: {
    vi: 'Tiêu chí {code} có tiêu chí con: điểm của nó là tổng điểm các tiêu chí con, không nhập trực tiếp.',
    en: 'Criterion {code} has sub-criteria: its score is the sum of theirs and is not entered directly.',
  },
  MAPPING_INCOMPLETE: {
    vi: 'Chưa chọn cột {missing} cho trang tính "{sheet}". Chọn đủ các cột bắt buộc.',
    en: 'No column chosen for {missing} in sheet "{sheet}". Choose every required column.',
  },
  MAPPING_DUPLICATE: {
    vi: 'Cột "{first}" và cột "{second}" của trang tính "{sheet}" đang được chọn cùng một cột. Chọn hai cột khác nhau.',
    en: 'Columns "{first}" and "{second}" of sheet "{sheet}" are mapped to the same column. Choose different columns.',
  },
  MAPPING_INVALID: {
    vi: 'Vị trí "{column}" trong cách chọn cột của trang tính "{sheet}" không hợp lệ.',
    en: 'Position "{column}" in the column mapping of sheet "{sheet}" is invalid.',
  },
  MAPPING_NO_CODES: {
    vi: 'Cột {column} của trang tính "{sheet}" không có mã tiêu chí nào (I, 1, 1.1, ...). Chọn cột STT đúng.',
    en: 'Column {column} of sheet "{sheet}" holds no criterion code (I, 1, 1.1, ...). Choose the right STT column.',
  },
  SHEET_NOT_FOUND: {
    vi: 'Không có trang tính "{sheet}" trong sổ làm việc.',
    en: 'There is no sheet "{sheet}" in the workbook.',
  },
  SPEC_INVALID: {
    vi: 'Không ghi được trang tính "{sheet}": thao tác {operation} ở vùng {range} không hợp lệ. Sổ làm việc chưa bị thay đổi; hãy báo lỗi này cho người quản trị phần bổ trợ.',
    en: 'Sheet "{sheet}" cannot be written: the {operation} operation on {range} is invalid. The workbook was not changed; report this to the add-in\'s administrator.',
  },
};

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode;
  readonly params: Record<string, string>;
  /** The English message; `message` is the Vietnamese one. */
  readonly en: string;

  constructor(code: WorkbookErrorCode, params: Record<string, string>) {
    super(fill(MESSAGES[code].vi, params));
    this.name = 'WorkbookError';
    this.code = code;
    this.params = params;
    this.en = fill(MESSAGES[code].en, params);
  }
}
