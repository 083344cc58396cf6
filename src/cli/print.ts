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
import { FileUnreadableError } from '../xlsx/errors';
import { convertToPdf, libreOfficeDigitPx, PdfError } from '../xlsx/pdf';
import { readWorkbookFile } from '../xlsx/read';
import { writeSpecToFile } from '../xlsx/write';

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

const USAGE =
  'Cách dùng / usage: chiso print <workbook.xlsx> --out <sheet.pdf> [--draft] [--criteria <set.json>] [--today YYYY-MM-DD] [--place "Bắc Kạn"] [--issuer "UBND TỈNH BẮC KẠN"]';

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

/** The issuing body from the sheet's administrative header: the top-left text when it is not the national motto. */
function issuerOf(grid: WorkbookGrid, sheet: string): string | undefined {
  const first = grid.sheets.find((s) => s.name === sheet)?.values[0]?.[0];
  return typeof first === 'string' && first.trim() !== '' && !/CỘNG HÒA/i.test(first) ? first.trim() : undefined;
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

export async function runPrint(argv: readonly string[], io: PrintIo = defaultIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(args);
    io.err(USAGE);
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

  const issuer = args.issuer ?? issuerOf(grid, reading.sheet);
  const sheet = scoreSheetFromReading(reading, {
    findings,
    checkedAt: now,
    date: today,
    digitPx: libreOfficeDigitPx(),
    ...(args.place !== undefined ? { place: args.place } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(reference ? { reference } : {}),
  });
  const work = await mkdtemp(join(tmpdir(), 'chiso-print-'));
  try {
    const xlsx = join(work, 'phieu-cham-diem.xlsx');
    await writeSpecToFile({ sheets: [sheet] }, xlsx);
    await convertToPdf(xlsx, args.out);
  } catch (e) {
    if (e instanceof PdfError) {
      io.err(e.text('vi'));
      io.err(e.text('en'));
      return 2;
    }
    throw e;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const what = counts.error > 0 ? `bản nháp (còn ${counts.error} lỗi) / draft (${counts.error} errors)` : 'phiếu đã kiểm tra / checked sheet';
  io.out(`${args.out}: ${what}`);
  return 0;
}
