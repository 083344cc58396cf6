/**
 * `chiso consolidate <folder|files...> --criteria <set> --out <summary.xlsx>`: the files
 * become sources of the one consolidation pipeline (src/pipeline/consolidate.ts, which the
 * pane's worker runs too), read in this thread or by a pool of threads (--jobs), and the
 * summary workbook ("Tổng hợp", "Chênh lệch mục tiêu", "Nhật ký kiểm tra", "Theo dõi kế
 * hoạch") is written. Input files are only read.
 * Exit: 0 all accepted, 1 some rejected or with errors, 2 nothing usable.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { localToday } from '../core/clock';
import type { CriteriaSet } from '../core/criteria';
import type { Consolidation, ExpectedUnit } from '../core/consolidate';
import { message } from '../core/findings';
import { rejectionText } from '../core/rejection';
import type { Lang } from '../core/format';
import type { SipasMode } from '../core/targets';
import {
  consolidateResults,
  exitCode,
  InputError,
  parseBaselineText,
  parseGrades,
  parseUnitList,
  planOf,
  readContext,
  readSubmissions,
  reportSheet,
  streamedSummaryWorkbook,
  toJson,
  type ConsolidateResult,
  type ConsolidationInputs,
} from '../pipeline/consolidate';
import { baselineFromSummary, type Baseline, type BaselineParse } from '../workbook/baseline';
import { decodeCsvBytes } from '../workbook/csv';
import { FileUnreadableError } from '../xlsx/errors';
import { libreOfficeDigitPx } from '../xlsx/pdf';
import { readWorkbookFile } from '../xlsx/read';
import { streamSpecToFile } from '../xlsx/write';
import { UsageError, choiceOpt, dateOpt, parse, stringOpt } from './args';
import { loadCriteriaSets } from './criteria';
import { EXIT, processIo, terminalSafe, type Io } from './io';
import { fileSource, readFilesPooled } from './pool';
import { guardOutputs } from './outputs';
import { loadRegisterFolder, registerReport, registerReportText } from './register';
import type { RegisterChecked } from '../pipeline/register';
import { printSheetToPdf } from './print';
import { baselineUse, type BaselineUse } from '../pipeline/details';

export interface ConsolidateFilesInput extends Omit<ConsolidationInputs, 'lang' | 'gradesSample' | 'allowOtherVersions' | 'sipasMode'> {
  /** Unit workbooks, in the order they are reported. */
  files: string[];
  gradesSample?: boolean;
  allowOtherVersions?: boolean;
  sipasMode?: SipasMode;
  lang?: Lang;
  /**
   * Worker threads reading files side by side (default 1: read in this thread). The
   * result is the same for any number; progress is still reported in input order.
   */
  jobs?: number;
  /** Heap limit of each reading thread, in MB (with jobs > 1). */
  memoryMb?: number;
  onProgress?: (n: number, total: number, file: string) => void;
}

/** The pipeline's inputs with the CLI's defaults filled in. */
export function inputsOf(input: ConsolidateFilesInput): ConsolidationInputs {
  const { files: _files, jobs: _jobs, memoryMb: _memoryMb, onProgress: _onProgress, ...rest } = input;
  return { ...rest, gradesSample: input.gradesSample ?? false, allowOtherVersions: input.allowOtherVersions === true, lang: input.lang ?? 'vi', sipasMode: input.sipasMode ?? 'points' };
}

export async function consolidateFiles(input: ConsolidateFilesInput): Promise<ConsolidateResult & { results?: RegisterChecked[] }> {
  const inputs = inputsOf(input);
  const ctx = readContext(inputs);
  const total = input.files.length;
  const jobs = Math.min(Math.max(1, Math.floor(input.jobs ?? 1)), total);
  const results =
    jobs > 1
      ? await readFilesPooled(input.files, inputs, { jobs, ...(input.memoryMb ? { memoryMb: input.memoryMb } : {}) }, (i) => input.onProgress?.(i + 1, total, basename(input.files[i])))
      : await readSubmissions(input.files.map(fileSource), ctx, input.onProgress);
  // With registers, the results are kept for issue 16's register report (each carries its unit's cross-check).
  return { ...consolidateResults(results, inputs, ctx.indexes), ...(input.registers ? { results } : {}) };
}

// ---------------------------------------------------------------------------
// Inputs

async function listWorkbooks(args: string[], out: string): Promise<string[]> {
  const files: string[] = [];
  for (const a of args) {
    const info = await stat(a).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(a)).filter((n) => extname(n).toLowerCase() === '.xlsx' && !n.startsWith('~$') && !n.startsWith('.')).sort((x, y) => x.localeCompare(y, 'vi'));
      files.push(...names.map((n) => join(a, n)).filter((p) => resolve(p) !== out));
    } else {
      // A missing file is reported as unreadable in the log, like any other bad input.
      if (resolve(a) === out) throw new UsageError(`Tệp kết quả ${a} cũng là tệp đầu vào; chọn --out khác.`, `The output ${a} is also an input; choose another --out.`);
      files.push(a);
    }
  }
  return files;
}

async function readText(path: string, what: { vi: string; en: string }): Promise<string> {
  try {
    // Excel on a Vietnamese Windows saves CSV as Windows-1258 (or UTF-16): decoded as the register is.
    return decodeCsvBytes(await readFile(path));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UsageError(`Không đọc được ${what.vi} ${path}: ${why}.`, `Cannot read the ${what.en} ${path}: ${why}.`);
  }
}

/** JSON sets, or template workbooks (their own criteria and metadata); a folder holds several. */
async function loadSets(paths: string[]): Promise<CriteriaSet[]> {
  const loaded = await loadCriteriaSets(paths, 'vi');
  if (loaded.ok) return loaded.sets;
  const { path, findings } = loaded;
  throw new UsageError(
    `Bộ tiêu chí ${path} không dùng được:\n${findings.map((f) => `  ${message(f, 'vi')}`).join('\n')}`,
    `Cannot use the criteria set ${path}:\n${findings.map((f) => `  ${message(f, 'en')}`).join('\n')}`,
  );
}

async function loadBaseline(path: string): Promise<BaselineParse> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    try {
      return baselineFromSummary(await readWorkbookFile(path));
    } catch (e) {
      const why = (lang: Lang) => (e instanceof FileUnreadableError ? e.reason(lang) : e instanceof Error ? e.message : String(e));
      throw new UsageError(`Không đọc được dữ liệu năm trước ${path}: ${why('vi')}.`, `Cannot read the baseline ${path}: ${why('en')}.`);
    }
  }
  return parseBaselineText(basename(path), await readText(path, { vi: 'dữ liệu năm trước', en: 'baseline' }));
}

/** The plan's appendices from a folder of targets JSON. */
async function loadPlan(dir: string, mode: SipasMode | undefined): Promise<ReturnType<typeof planOf>> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readText(join(dir, name), { vi: 'chỉ tiêu', en: 'targets' }) })));
  const planned = planOf(files, mode);
  if (!planned.plan) throw new UsageError(`Không có chỉ tiêu nào trong ${dir}.`, `No targets in ${dir}.`);
  return planned;
}

// ---------------------------------------------------------------------------
// The command

export const CONSOLIDATE_HELP = `Cách dùng / Usage:
  chiso consolidate <thư mục|tệp.xlsx...> --criteria <bo-tieu-chi.json|bieu-mau.xlsx|thư mục> --out <tong-hop.xlsx>
        [--units <danh-sach.json>] [--baseline <nam-truoc.xlsx|.json|.csv>] [--grades <xep-loai.json>]
        [--targets <thư mục chỉ tiêu>] [--sipas-mode points|relative] [--allow-other-versions]
        [--print <bao-cao.pdf>] [--place <địa danh>] [--issuer <cơ quan>]
        [--registers <thư mục sổ đăng ký>] [--today YYYY-MM-DD] [--lang vi|en] [--jobs N] [--json]

Tổng hợp bảng tự chấm điểm của các đơn vị: đọc và kiểm tra từng tệp theo bộ tiêu chí gốc,
từ chối tệp không dùng được (kèm lý do), báo đơn vị nộp trùng và đơn vị chưa nộp, xếp hạng
trong từng cấp, ghi sổ tổng hợp (Tổng hợp, Chênh lệch mục tiêu, Nhật ký kiểm tra, Theo dõi
kế hoạch). Tệp của đơn vị chỉ được đọc. Tiến độ ghi ra stderr.
Consolidates units' workbooks: each file is read and checked against the reference set,
unusable files are rejected with reasons, duplicate and missing units are reported, units
are ranked within their level, and the summary workbook is written. Inputs are only read.

Tùy chọn / Options:
  --criteria <tệp>       bộ tiêu chí gốc: JSON, biểu mẫu .xlsx hoặc thư mục; có thể lặp lại (mỗi cấp một bộ)
                         reference set: JSON, template .xlsx or a folder; may be repeated (one per level)
  --out <tệp.xlsx>       sổ tổng hợp / the summary workbook to write
  --units <tệp.json>     danh sách đơn vị [{"name","level"}], level so|huyen|xa / expected units
  --baseline <tệp>       kết quả năm trước (sổ tổng hợp năm trước, JSON hoặc CSV) / last year's results
  --grades <tệp.json>    ngưỡng xếp loại (mặc định data/grades-sample.json, là MẪU) / grade bands (default: a sample)
  --targets <thư mục>    chỉ tiêu của kế hoạch (mặc định data/targets) / the plan's targets
  --sipas-mode points|relative  cách tính chỉ tiêu SIPAS +10% / how the SIPAS +10% target is computed
  --allow-other-versions chấp nhận tệp theo phiên bản bộ tiêu chí khác / accept other set versions
  --print <tệp.pdf>      in thêm báo cáo tổng hợp, xếp hạng ra PDF (A4, qua LibreOffice)
                         also print the consolidated ranking report to PDF (A4, through LibreOffice)
  --place <địa danh>     địa danh ở dòng ngày tháng của báo cáo, ví dụ "Bắc Kạn" / place of the date line
  --issuer <tên>         cơ quan cấp trên ở góc trái báo cáo (mặc định "UBND TỈNH BẮC KẠN") / body above Sở Nội vụ
  --registers <thư mục>  sổ đăng ký văn bản đi của các đơn vị (.xlsx/.csv, tên tệp là tên đơn vị): đối chiếu
                         văn bản đơn vị dẫn với sổ, báo cáo riêng từng đơn vị (không đổi xếp hạng);
                         xem docs/evidence-register.md
                         units' registers of outgoing documents (.xlsx/.csv named after the unit): cited
                         documents are cross-checked, reported per unit (ranking unchanged)
  --today YYYY-MM-DD     ngày kiểm tra và ngày của báo cáo (mặc định hôm nay) / check and report date (default today)
  --lang vi|en           ngôn ngữ thông báo (mặc định vi) / message language (default vi)
  --jobs N               số luồng đọc tệp song song (mặc định 1: tuần tự; nên thử trên máy nhiều nhân)
                         threads reading files side by side (default 1; worth trying on many-core PCs)
  --json                 in đúng một tài liệu JSON ra stdout / print exactly one JSON document on stdout
  -h, --help             trợ giúp này / this help

Mã thoát / Exit codes:
  0  mọi tệp được chấp nhận / every file accepted
  1  có tệp bị từ chối, trùng đơn vị hoặc có lỗi / some file rejected, duplicated or with errors
  2  không có tệp nào dùng được; sai đối số; không in được PDF / nothing usable; bad arguments; the PDF failed
`;

/** Bundled data, next to src/ (the CLI runs from the repository or the installed package). */
const DATA_DIR = resolve(__dirname, '../../data');

const OPTIONS = {
  criteria: { type: 'string', multiple: true },
  out: { type: 'string' },
  units: { type: 'string' },
  baseline: { type: 'string' },
  grades: { type: 'string' },
  targets: { type: 'string' },
  'sipas-mode': { type: 'string' },
  'allow-other-versions': { type: 'boolean' },
  today: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  jobs: { type: 'string' },
  print: { type: 'string' },
  place: { type: 'string' },
  issuer: { type: 'string' },
  registers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The command: arguments through args.ts (a wrong one throws its UsageError, which main.ts
 * prints with this help, exit 2), the report or JSON on `io.out`, progress and problems
 * of the inputs on `io.err`.
 */
export async function runConsolidate(argv: string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`${e.text.vi}\n${e.text.en}\n`);
      return EXIT.unusable;
    }
    throw e;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const p = parse(argv, OPTIONS);
  if (p.values.help) {
    io.out(CONSOLIDATE_HELP);
    return EXIT.ok;
  }
  // Any other value than en is Vietnamese, as main.ts reads it for its own messages.
  const lang: Lang = stringOpt(p, 'lang') === 'en' ? 'en' : 'vi';
  const criteria = (p.values.criteria as string[] | undefined) ?? [];
  const outPath = stringOpt(p, 'out');
  if (p.positionals.length === 0) throw new UsageError('Thiếu thư mục hoặc tệp .xlsx của các đơn vị cần tổng hợp.', "Missing the folder or the units' .xlsx files to consolidate.");
  if (criteria.length === 0) throw new UsageError('Thiếu tùy chọn bắt buộc --criteria (bộ tiêu chí gốc).', 'Missing required option --criteria (the reference set).');
  if (outPath === undefined || outPath === '') throw new UsageError('Thiếu tùy chọn bắt buộc --out (sổ tổng hợp .xlsx).', 'Missing required option --out (the summary .xlsx).');
  const sipas = choiceOpt(p, 'sipas-mode', ['points', 'relative'] as const);
  const todayOpt = dateOpt(p, 'today');
  // Sequential by default: measured on 2 cores, workers warming exceljs and tsx cost more than they save.
  const jobsOpt = stringOpt(p, 'jobs');
  const jobs = jobsOpt === undefined ? 1 : Number(jobsOpt);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs phải là số nguyên từ 1 (nhận được "${jobsOpt}").`, `--jobs must be a whole number from 1 (got "${jobsOpt}").`);
  const out = resolve(outPath);
  const printPath = stringOpt(p, 'print');
  const pdf = printPath !== undefined ? resolve(printPath) : undefined;
  const unitsPath = stringOpt(p, 'units');
  const baselinePath = stringOpt(p, 'baseline');
  const gradesOpt = stringOpt(p, 'grades');
  const place = stringOpt(p, 'place');
  const issuer = stringOpt(p, 'issuer');
  const today = todayOpt ?? localToday(io.now?.());
  guardOutputs(
    [
      { path: outPath, option: '--out', ext: '.xlsx', existing: 'replace' },
      { path: printPath, option: '--print', ext: '.pdf', existing: 'replace' },
    ],
    [...p.positionals, ...criteria, unitsPath, baselinePath, gradesOpt],
  );

  const sets = await loadSets(criteria);
  if (sets.length === 0) throw new UsageError(`Không có bộ tiêu chí nào trong ${criteria.join(', ')}.`, `No criteria set in ${criteria.join(', ')}.`);
  const gradesPath = gradesOpt ?? join(DATA_DIR, 'grades-sample.json');
  const grades = parseGrades(basename(gradesPath), await readText(gradesPath, { vi: 'ngưỡng xếp loại', en: 'grade bands' }));
  const expectedUnits: ExpectedUnit[] | undefined = unitsPath ? parseUnitList(basename(unitsPath), await readText(unitsPath, { vi: 'danh sách đơn vị', en: 'unit list' })) : undefined;
  // Its skipped lines are told with the results, with the lines of units not consolidated.
  const baselineParse = baselinePath ? await loadBaseline(baselinePath) : undefined;
  const baseline: Baseline | undefined = baselineParse?.baseline;
  const { plan, mode } = await loadPlan(stringOpt(p, 'targets') ?? join(DATA_DIR, 'targets'), sipas);
  const files = await listWorkbooks(p.positionals, out);
  const registersPath = stringOpt(p, 'registers');
  const registers = registersPath === undefined ? undefined : await loadRegisterFolder(registersPath, lang, io.err);

  const input = {
    files,
    sets,
    grades: grades.grades,
    gradesSample: grades.sample,
    ...(expectedUnits ? { expectedUnits } : {}),
    ...(baseline ? { baseline } : {}),
    allowOtherVersions: p.values['allow-other-versions'] === true,
    today,
    lang,
    ...(plan ? { plan } : {}),
    sipasMode: mode,
    ...(registers ? { registers } : {}),
  };
  const result = await consolidateFiles({ ...input, jobs, onProgress: (n, total, name) => io.err(`Tệp ${n}/${total}: ${name}\n`) });
  const inputs = inputsOf(input);
  await streamSpecToFile(streamedSummaryWorkbook(result, inputs), out);

  const c = result.consolidation;
  let printFailed = false;
  if (pdf !== undefined) {
    const report = reportSheet(result, inputs, { date: today, digitPx: libreOfficeDigitPx(), ...(place ? { place } : {}), ...(issuer ? { issuer } : {}) });
    const failed = await printSheetToPdf(report, pdf);
    if (failed) io.err(`${failed.text('vi')}\n${failed.text('en')}\n`);
    else io.err(`${lang === 'en' ? 'Printed' : 'Đã in'}: ${pdf}\n`);
    printFailed = failed !== undefined;
  }
  const registerPart = registers ? registerReport(result.results ?? [], registers, lang) : undefined;
  const used = baselinePath && baselineParse ? baselineUse(basename(baselinePath), baselineParse, result, expectedUnits) : undefined;
  if (p.values.json) {
    const baselinePart = used ? { baseline: { ...used, skipped: used.skipped.map((x) => (lang === 'en' ? x.en : x.vi)) } } : {};
    io.out(`${JSON.stringify({ ...toJson(result, lang), ...baselinePart, ...(registerPart ? { registers: registerPart } : {}) })}\n`);
  } else io.out(textReport(c, out, lang) + (used ? baselineText(used, lang) : '') + (registerPart ? registerReportText(registerPart, lang) : ''));
  return printFailed ? EXIT.unusable : exitCode(c);
}

/** Whether last year's results served, for how many units, and the lines left out. */
function baselineText(use: BaselineUse, lang: Lang): string {
  const head =
    lang === 'en'
      ? `Last year's results ${use.file}: used for ${use.used} unit(s) (the file has results for ${use.units}).${use.skipped.length > 0 ? ' Lines not used:' : ''}`
      : `Kết quả năm trước ${use.file}: dùng cho ${use.used} đơn vị (tệp có kết quả của ${use.units} đơn vị).${use.skipped.length > 0 ? ' Các dòng không được dùng:' : ''}`;
  return `${[head, ...use.skipped.map((x) => `  - ${lang === 'en' ? x.en : x.vi}`)].map(terminalSafe).join('\n')}\n`;
}

/** The consolidation for the terminal; workbook text (units, files, quoted cells) shown escaped. */
export function textReport(c: Consolidation, out: string, lang: Lang): string {
  const ranked = c.units.filter((u) => u.rank !== undefined).length;
  const lines = [
    lang === 'en'
      ? `Ranked: ${ranked}; rejected: ${c.rejected.length}; duplicates: ${c.duplicates.length}; missing: ${c.missing.length}.`
      : `Đã xếp hạng: ${ranked}; bị từ chối: ${c.rejected.length}; trùng tệp: ${c.duplicates.length}; chưa nộp: ${c.missing.length}.`,
  ];
  for (const r of c.rejected) {
    lines.push(`${r.file}:`);
    for (const f of r.reasons) lines.push(`  - ${rejectionText(f, lang)}`);
  }
  for (const r of c.units.filter((u) => u.status === 'accepted_with_errors')) {
    lines.push(`${r.file} (${lang === 'en' ? 'ranked with errors' : 'xếp hạng, có lỗi'}):`);
    for (const f of r.reasons) lines.push(`  - ${message(f, lang)}`);
  }
  for (const d of c.duplicates) lines.push(`${d.unit}: ${d.files.join(', ')}`);
  if (c.missing.length > 0) lines.push(`${lang === 'en' ? 'Missing' : 'Chưa nộp'}: ${c.missing.map((m) => m.name).join('; ')}`);
  lines.push(`${lang === 'en' ? 'Written' : 'Đã ghi'}: ${out}`);
  return `${lines.map(terminalSafe).join('\n')}\n`;
}
