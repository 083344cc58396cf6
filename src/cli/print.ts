/**
 * `chiso print <workbook.xlsx> --out <sheet.pdf> [--draft] [--criteria <set.json|folder>...]
 * [--today YYYY-MM-DD] [--place "Bắc Kạn"] [--issuer "UBND TỈNH BẮC KẠN"] [--lang vi|en]`
 *
 * Reads the unit's workbook (never writes it), validates it, builds the score sheet and
 * prints it to PDF through LibreOffice. A workbook with errors or blank self-scored rows
 * prints only with --draft, marked "BẢN NHÁP - CÒN LỖI"; without --draft it exits 1 and
 * writes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { localStamp } from '../core/clock';
import { unscoredCriteria, unscoredText } from '../core/completeness';
import { lookupCriteria } from '../core/criteriaSet';
import { countBySeverity, message } from '../core/findings';
import { rulesFor } from '../core/validate';
import type { Lang } from '../core/format';
import { readUnitWorkbook, validateReading } from '../workbook/read';
import { GENERIC_ISSUER, parentAuthority } from '../workbook/letterhead';
import { isPlaceholderIssuer, scoreSheetFromReading } from '../workbook/print';
import type { WorkbookGrid } from '../workbook/grid';
import type { SheetSpec } from '../workbook/spec';
import { FileUnreadableError } from '../xlsx/errors';
import { convertToPdf, libreOfficeDigitPx, PdfError } from '../xlsx/pdf';
import { readWorkbookFile } from '../xlsx/read';
import { writeSpecToFile } from '../xlsx/write';
import { UsageError, choiceOpt, dateOpt, parse, requireOpt, stringOpt } from './args';
import { givenSets, referenceOf } from './criteria';
import { EXIT, type Io } from './io';
import { guardOutputs } from './outputs';

export const PRINT_HELP = `Cách dùng / Usage:
  chiso print <bang-cham-diem.xlsx> --out <phieu.pdf> [--draft] [--criteria <bo-tieu-chi.json|thư mục>]
              [--today YYYY-MM-DD] [--place "Bắc Kạn"] [--issuer "UBND TỈNH BẮC KẠN"] [--lang vi|en]

In "Phiếu tự chấm điểm" của đơn vị ra PDF (khổ A4, tiêu đề văn bản hành chính, tổng điểm,
chỉ số, chữ ký) qua LibreOffice. Bảng không có lỗi được đóng dấu "Đã kiểm tra" kèm giờ và mã
băm nội dung; bảng còn lỗi chỉ in được bản nháp với --draft, mỗi trang ghi "BẢN NHÁP - CÒN LỖI".
Prints the unit's score sheet to PDF (A4, administrative header, totals, index, signatures)
through LibreOffice. A workbook without errors is stamped as checked with the time and a
content hash; one with errors prints only as a draft (--draft), marked on every page.

Tùy chọn / Options:
  --out <tệp.pdf>      tệp PDF kết quả / the PDF to write
  --draft              in bản nháp dù còn lỗi / print a draft even with errors
  --criteria <tệp>     bộ tiêu chí gốc (JSON, hoặc thư mục; lặp lại được: bộ của bảng như khi tổng hợp):
                       tên bộ và dấu "MẪU" in dưới tiêu đề
                       reference set (JSON, or a folder; repeatable: the sheet's own set, as a consolidation
                       routes it): its title and sample mark are printed
  --today YYYY-MM-DD   ngày ở dòng địa danh, ngày tháng (mặc định hôm nay) / date of the date line (default today)
  --place <địa danh>   địa danh ở dòng ngày tháng, ví dụ "Bắc Kạn" / place of the date line
  --issuer <tên>       cơ quan chủ quản ở góc trái (mặc định: đọc từ bảng) / issuing body (default: from the sheet)
  --lang vi|en         ngôn ngữ thông báo (mặc định vi) / message language (default vi)
  -h, --help           trợ giúp này / this help

Cần LibreOffice (Debian/Ubuntu: libreoffice-calc-nogui) hoặc biến SOFFICE trỏ tới soffice.
Needs LibreOffice (Debian/Ubuntu: libreoffice-calc-nogui) or SOFFICE set to the soffice binary.

Mã thoát / Exit codes:
  0  đã in PDF / PDF written
  1  bảng còn lỗi (không có --draft) hoặc không có bảng chấm điểm: không ghi PDF / errors without --draft, or no score table: nothing written
  2  sai đối số, tệp không đọc được, LibreOffice lỗi / bad arguments, unreadable file, LibreOffice failure
`;

const OPTIONS = {
  out: { type: 'string' },
  draft: { type: 'boolean' },
  criteria: { type: 'string', multiple: true },
  today: { type: 'string' },
  place: { type: 'string' },
  issuer: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

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

export async function runPrint(args: string[], io: Io): Promise<number> {
  const p = parse(args, OPTIONS);
  if (p.values.help) {
    io.out(PRINT_HELP);
    return EXIT.ok;
  }
  const lang: Lang = choiceOpt(p, 'lang', ['vi', 'en'] as const) ?? 'vi';
  const vi = lang === 'vi';
  if (p.positionals.length !== 1) throw new UsageError('Cần đúng một tệp bảng tự chấm điểm (.xlsx).', 'Exactly one self-scoring workbook (.xlsx) is needed.');
  const path = p.positionals[0];
  const out = requireOpt(p, 'out');
  const now = localStamp(io.now?.());
  const today = dateOpt(p, 'today') ?? now.slice(0, 10);
  const place = stringOpt(p, 'place');
  const criteriaPaths = (p.values.criteria as string[] | undefined) ?? [];
  guardOutputs([{ path: out, option: '--out', ext: '.pdf', existing: 'replace' }], [path, ...criteriaPaths]);

  const sets = await givenSets(criteriaPaths, lang, io);
  if (!sets) return EXIT.unusable;

  let grid: WorkbookGrid;
  try {
    grid = await readWorkbookFile(path);
  } catch (e) {
    if (e instanceof FileUnreadableError) {
      io.err(`${message(e.toFinding(lang), lang)}\n`);
      return EXIT.unusable;
    }
    throw e;
  }
  const file = basename(path);
  const reading = readUnitWorkbook(grid, { file });
  if (!reading.ok) {
    for (const f of reading.findings) io.err(`${message(f, lang)}\n`);
    return EXIT.errors;
  }
  const route = referenceOf(reading, sets);
  const reference = route.reference;
  const findings = [...(route.reason ? [route.reason] : []), ...validateReading(reading, { today, ...(reference ? { reference } : {}) })];
  const counts = countBySeverity(findings);
  if (counts.error > 0 && !p.values.draft) {
    io.err(
      vi
        ? `${file}: còn ${counts.error} lỗi, không in phiếu chấm điểm. Sửa các lỗi dưới đây, hoặc in bản nháp với --draft.\n`
        : `${file}: ${counts.error} error(s); no score sheet printed. Fix them, or print a draft with --draft.\n`,
    );
    for (const f of findings.filter((x) => x.severity === 'error')) io.err(`  ${f.cell ?? ''} ${message(f, lang)}\n`);
    return EXIT.errors;
  }
  // A sheet with blank self-scored rows is not validated: it prints only as a draft.
  const unscored = unscoredCriteria(lookupCriteria(rulesFor(reading.set, reference)), reading.answers);
  if (unscored.length > 0 && !p.values.draft) {
    const rows = unscored.map((u) => `${u.code}${u.row !== undefined ? ` (${vi ? 'dòng' : 'row'} ${u.row})` : ''}`).join(', ');
    io.err(
      vi
        ? `${file}: ${unscoredText(unscored.length)}, không in phiếu chấm điểm: ${rows}. Chấm điểm các tiêu chí này, hoặc in bản nháp với --draft.\n`
        : `${file}: ${unscoredText(unscored.length, 'en')}; no score sheet printed: ${rows}. Score them, or print a draft with --draft.\n`,
    );
    return EXIT.errors;
  }

  const issuer = stringOpt(p, 'issuer') ?? parentAuthority(grid.sheets.find((g) => g.name === reading.sheet));
  const sheet = scoreSheetFromReading(reading, {
    findings,
    checkedAt: now,
    date: today,
    digitPx: libreOfficeDigitPx(),
    ...(place !== undefined ? { place } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(reference ? { reference } : {}),
    unscored: unscored.length,
  });
  const failed = await printSheetToPdf(sheet, out);
  if (failed) {
    io.err(`${failed.text(lang)}\n`);
    return EXIT.unusable;
  }
  if (isPlaceholderIssuer(issuer)) {
    // The table's top-left cell is worth fixing only when it holds the placeholder: else it is empty or the national motto.
    const where = issuer === undefined ? undefined : `'${reading.sheet}'!A1`;
    io.err(
      vi
        ? `${file}: góc trái phiếu in ghi chữ mẫu "${GENERIC_ISSUER}". ${where ? `Gõ tên cơ quan chủ quản vào ô ${where} của bảng, hoặc in` : 'In'} lại với --issuer "UBND HUYỆN …"; khi tạo bảng bằng chiso template, thêm --issuer.\n`
        : `${file}: the letterhead reads the placeholder "${GENERIC_ISSUER}". ${where ? `Type the parent authority in cell ${where}, or print` : 'Print'} again with --issuer "UBND HUYỆN …"; when making the workbook with chiso template, add --issuer.\n`,
    );
  }
  const draft = counts.error > 0 || unscored.length > 0;
  const what = draft
    ? vi
      ? `bản nháp (còn ${counts.error} lỗi, ${unscored.length} tiêu chí chưa chấm)`
      : `draft (${counts.error} errors, ${unscored.length} not scored)`
    : vi
      ? 'phiếu đã kiểm tra'
      : 'checked sheet';
  io.out(`${out}: ${what}\n`);
  return EXIT.ok;
}
