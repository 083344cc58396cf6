import type { Lang } from '../core/format';

/** Where a command writes: stdout for the report or JSON only, stderr for diagnostics. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The clock for "today" and the "checked at" stamp (src/core/clock.ts); the system's when absent. */
  now?(): Date;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes: 0 fine, 1 findings of severity error, 2 unusable input (arguments, files) or an output that cannot be written. */
export const EXIT = { ok: 0, errors: 1, unusable: 2 } as const;

/** What a file-system error means and what to do, one line per language. */
const IO_ERRORS: Record<string, { vi: string; en: string }> = {
  ENOENT: { vi: 'không tìm thấy {path} (tệp hoặc thư mục không tồn tại); kiểm tra lại đường dẫn hoặc tạo thư mục trước', en: '{path} was not found (no such file or folder); check the path or create the folder first' },
  ENOTDIR: { vi: 'một phần của đường dẫn {path} không phải thư mục; kiểm tra lại đường dẫn', en: 'part of the path {path} is not a folder; check the path' },
  EACCES: { vi: 'không có quyền truy cập {path}; chọn thư mục khác hoặc xin quyền ghi', en: 'no permission to access {path}; choose another folder or ask for access' },
  EPERM: { vi: 'không được phép ghi {path}; chọn thư mục khác hoặc xin quyền ghi', en: 'not permitted to write {path}; choose another folder or ask for access' },
  EROFS: { vi: '{path} nằm trên ổ chỉ đọc; chọn nơi ghi khác', en: '{path} is on a read-only drive; choose another place' },
  EISDIR: { vi: '{path} là một thư mục; hãy ghi tên tệp', en: '{path} is a folder; give a file name' },
  ENAMETOOLONG: { vi: 'tên {path} quá dài; chọn tên ngắn hơn', en: 'the name {path} is too long; choose a shorter one' },
  ENOSPC: { vi: 'ổ đĩa đầy khi ghi {path}; giải phóng dung lượng rồi chạy lại', en: 'the drive is full while writing {path}; free some space and run again' },
  EBUSY: { vi: '{path} đang được chương trình khác mở; đóng tệp (ví dụ trong Excel) rồi chạy lại', en: '{path} is open in another program; close it (e.g. in Excel) and run again' },
};

/**
 * A file-system error (node's errno errors) as one line in `lang`, naming the path and what
 * to do; undefined for anything else (a bug, shown whole by main.ts).
 */
export function ioErrorText(e: unknown, lang: Lang): string | undefined {
  const err = e as NodeJS.ErrnoException;
  // Not instanceof Error: node's errors may come from another realm (jest, workers).
  if (typeof e !== 'object' || e === null || typeof err.code !== 'string' || !/^E[A-Z]+$/.test(err.code)) return undefined;
  const path = (err as { dest?: string }).dest ?? err.path ?? '';
  const known = IO_ERRORS[err.code];
  const text = known ? known[lang].replace('{path}', path) : lang === 'vi' ? `lỗi hệ thống tệp (${err.code}) với ${path}` : `file system error (${err.code}) on ${path}`;
  return `${lang === 'vi' ? 'Lỗi' : 'Error'}: ${text}.`;
}


/**
 * Text from a workbook made safe to print on a terminal: control characters (an ANSI
 * escape can recolour, hide or rewrite lines), line breaks inside a cell and bidi
 * overrides (which reorder what is shown) appear escaped, as `\x1B`, `\n`, `\u202E`.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
