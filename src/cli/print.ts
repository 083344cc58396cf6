/**
 * `chiso print <workbook.xlsx> --out <sheet.pdf> [--draft] [--criteria <set.json>]
 * [--today YYYY-MM-DD] [--place "Bắc Kạn"] [--issuer "UBND TỈNH BẮC KẠN"]`
 *
 * Reads the unit's workbook (never writes it), validates it, builds the score sheet and
 * prints it to PDF through LibreOffice. A workbook with errors prints only with --draft,
 * marked "BẢN NHÁP - CÒN LỖI"; without --draft it exits 1 and writes nothing.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkCriteriaSet } from '../core/criteriaSet';
import { countBySeverity, message } from '../core/findings';
import type { CriteriaSet } from '../core/criteria';
import { readUnitWorkbook, validateReading } from '../workbook/read';
import { scoreSheetFromReading } from '../workbook/print';
import type { WorkbookGrid } from '../workbook/grid';
import type { SheetSpec } from '../workbook/spec';
import { FileUnreadableError } from '../xlsx/errors';
import { convertToPdf, libreOfficeDigitPx, PdfError } from '../xlsx/pdf';
import { readWorkbookFile } from '../xlsx/read';
import { writeSpecToFile } from '../xlsx/write';
import { parentAuthority } from '../workbook/letterhead';

export interface PrintIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The clock of the "checked at" stamp. */
  now: () => Date;
}

const defaultIo: PrintIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  now: () => new Date(),
};

export const PRINT_HELP = `Cách dùng / Usage:
  chiso print <bang-cham-diem.xlsx> --out <phieu.pdf> [--draft] [--criteria <bo-tieu-chi.json>]
              [--today YYYY-MM-DD] [--place "Bắc Kạn"] [--issuer "UBND TỈNH BẮC KẠN"]

In "Phiếu tự chấm điểm" của đơn vị ra PDF (khổ A4, tiêu đề văn bản hành chính, tổng điểm,
chỉ số, chữ ký) qua LibreOffice. Bảng không có lỗi được đóng dấu "Đã kiểm tra" kèm giờ và mã
băm nội dung; bảng còn lỗi chỉ in được bản nháp với --draft, mỗi trang ghi "BẢN NHÁP - CÒN LỖI".
Prints the unit's score sheet to PDF (A4, administrative header, totals, index, signatures)
through LibreOffice. A workbook without errors is stamped as checked with the time and a
content hash; one with errors prints only as a draft (--draft), marked on every page.

Tùy chọn / Options:
  --out <tệp.pdf>      tệp PDF kết quả / the PDF to write
  --draft              in bản nháp dù còn lỗi / print a draft even with errors
  --criteria <tệp>     bộ tiêu chí gốc (JSON): tên bộ và dấu "MẪU" in dưới tiêu đề / reference set (JSON)
  --today YYYY-MM-DD   ngày ở dòng địa danh, ngày tháng (mặc định hôm nay) / date of the date line (default today)
  --place <địa danh>   địa danh ở dòng ngày tháng, ví dụ "Bắc Kạn" / place of the date line
  --issuer <tên>       cơ quan chủ quản ở góc trái (mặc định: đọc từ bảng) / issuing body (default: from the sheet)
  -h, --help           trợ giúp này / this help

Cần LibreOffice (Debian/Ubuntu: libreoffice-calc-nogui) hoặc biến SOFFICE trỏ tới soffice.
Needs LibreOffice (Debian/Ubuntu: libreoffice-calc-nogui) or SOFFICE set to the soffice binary.

Mã thoát / Exit codes:
  0  đã in PDF / PDF written
  1  bảng còn lỗi (không có --draft) hoặc không có bảng chấm điểm: không ghi PDF / errors without --draft, or no score table: nothing written
  2  sai đối số, tệp không đọc được, LibreOffice lỗi / bad arguments, unreadable file, LibreOffice failure
`;

interface PrintArgs {
  workbook: string;
  out: string;
  draft: boolean;
  criteria?: string;
  today?: string;
  place?: string;
  issuer?: string;
}

function parseArgs(argv: readonly string[]): PrintArgs | string {
  const positional: string[] = [];
  const opts: Record<string, string> = {};
  let draft = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--draft') draft = true;
    else if (['--out', '--criteria', '--today', '--place', '--issuer'].includes(a)) {
      const v = argv[++i];
      if (v === undefined) return `Thiếu giá trị sau ${a} / missing value after ${a}`;
      opts[a.slice(2)] = v;
    } else if (a.startsWith('--')) return `Tùy chọn không hợp lệ / unknown option: ${a}`;
    else positional.push(a);
  }
  if (positional.length !== 1) return 'Cần đúng một tệp sổ làm việc / exactly one workbook file is needed';
  if (!opts.out) return 'Thiếu --out <tệp.pdf> / --out <file.pdf> is required';
  if (opts.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) return `Ngày --today phải có dạng YYYY-MM-DD / --today must be YYYY-MM-DD: ${opts.today}`;
  return { workbook: positional[0], out: opts.out, draft, ...opts };
}

/** Vietnam time (UTC+7, no daylight saving) as `YYYY-MM-DDTHH:MM`. */
export function vietnamLocal(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

async function loadReference(path: string): Promise<CriteriaSet | string> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return `Không đọc được bộ tiêu chí "${path}" / cannot read criteria set: ${(e as Error).message}`;
  }
  const { set, findings } = checkCriteriaSet(json);
  return set ?? `Bộ tiêu chí "${path}" không hợp lệ / invalid criteria set:\n${findings.map((f) => `  ${message(f)}`).join('\n')}`;
}

/** Writes the sheet to a temporary .xlsx and prints it to `out` through LibreOffice; the PdfError when that fails. */
export async function printSheetToPdf(sheet: SheetSpec, out: string): Promise<PdfError | undefined> {
  const work = await mkdtemp(join(tmpdir(), 'chiso-print-'));
  try {
    const xlsx = join(work, `${basename(out).replace(/\.pdf$/i, '') || 'in'}.xlsx`);
    await writeSpecToFile({ sheets: [sheet] }, xlsx);
    await convertToPdf(xlsx, out);
    return undefined;
  } catch (e) {
    if (e instanceof PdfError) return e;
    throw e;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function runPrint(argv: readonly string[], io: PrintIo = defaultIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(PRINT_HELP);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(args);
    io.err(PRINT_HELP);
    return 2;
  }
  const now = vietnamLocal(io.now());
  const today = args.today ?? now.slice(0, 10);
  const reference = args.criteria !== undefined ? await loadReference(args.criteria) : undefined;
  if (typeof reference === 'string') {
    io.err(reference);
    return 2;
  }

  let grid: WorkbookGrid;
  try {
    grid = await readWorkbookFile(args.workbook);
  } catch (e) {
    if (e instanceof FileUnreadableError) {
      io.err(message(e.toFinding('vi')));
      return 2;
    }
    throw e;
  }
  const file = basename(args.workbook);
  const reading = readUnitWorkbook(grid, { file });
  if (!reading.ok) {
    for (const f of reading.findings) io.err(message(f));
    return 1;
  }
  const findings = validateReading(reading, { today, ...(reference ? { reference } : {}) });
  const counts = countBySeverity(findings);
  if (counts.error > 0 && !args.draft) {
    io.err(`${file}: còn ${counts.error} lỗi, không in phiếu chấm điểm. Sửa các lỗi dưới đây, hoặc in bản nháp với --draft.`);
    io.err(`${file}: ${counts.error} error(s); no score sheet printed. Fix them, or print a draft with --draft.`);
    for (const f of findings.filter((x) => x.severity === 'error')) io.err(`  ${f.cell ?? ''} ${message(f)}`);
    return 1;
  }

  const issuer = args.issuer ?? parentAuthority(grid.sheets.find((g) => g.name === reading.sheet));
  const sheet = scoreSheetFromReading(reading, {
    findings,
    checkedAt: now,
    date: today,
    digitPx: libreOfficeDigitPx(),
    ...(args.place !== undefined ? { place: args.place } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(reference ? { reference } : {}),
  });
  const failed = await printSheetToPdf(sheet, args.out);
  if (failed) {
    io.err(failed.text('vi'));
    io.err(failed.text('en'));
    return 2;
  }
  const what = counts.error > 0 ? `bản nháp (còn ${counts.error} lỗi) / draft (${counts.error} errors)` : 'phiếu đã kiểm tra / checked sheet';
  io.out(`${args.out}: ${what}`);
  return 0;
}
