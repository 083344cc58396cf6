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
import { parseArgs } from 'node:util';
import { localToday } from '../core/clock';
import type { CriteriaSet } from '../core/criteria';
import type { Consolidation, ExpectedUnit } from '../core/consolidate';
import { message } from '../core/findings';
import type { Lang } from '../core/format';
import type { SipasMode } from '../core/targets';
import {
  baselineProblems,
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
  summaryWorkbook,
  toJson,
  type ConsolidateResult,
  type ConsolidationInputs,
} from '../pipeline/consolidate';
import { baselineFromSummary, type Baseline, type BaselineParse } from '../workbook/baseline';
import { libreOfficeDigitPx } from '../xlsx/pdf';
import { readWorkbookFile } from '../xlsx/read';
import { streamSpecToFile } from '../xlsx/streamWrite';
import { loadCriteriaSet } from './criteria';
import { fileSource, readFilesPooled } from './pool';
import { terminalSafe } from './io';
import { guardOutputs } from './outputs';
import { loadRegisterFolder, registerReport, registerReportText } from './register';
import type { RegisterChecked } from '../pipeline/register';
import { printSheetToPdf } from './print';


/** A usage or input problem: reported on stderr, exit 2. */
class UsageError extends Error {}

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
      if (resolve(a) === out) throw new UsageError(`The output ${a} is also an input; choose another --out.`);
      files.push(a);
    }
  }
  return files;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Không đọc được ${what} ${path} / cannot read ${what}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** JSON sets, or template workbooks (their own criteria and metadata); a folder holds several. */
async function loadSets(paths: string[]): Promise<CriteriaSet[]> {
  const out: CriteriaSet[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => /\.(json|xlsx)$/i.test(n)).sort();
      out.push(...(await loadSets(names.map((n) => join(p, n)))));
      continue;
    }
    const loaded = await loadCriteriaSet(p, 'vi');
    if (!loaded.ok) {
      throw new UsageError(`Bộ tiêu chí ${p} không dùng được / cannot use the criteria set:\n${loaded.findings.map((f) => `  ${message(f, 'vi')}\n  ${message(f, 'en')}`).join('\n')}`);
    }
    out.push(loaded.set);
  }
  return out;
}

async function loadBaseline(path: string): Promise<BaselineParse> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    try {
      return baselineFromSummary(await readWorkbookFile(path));
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
  }
  return parseBaselineText(basename(path), await readText(path, 'dữ liệu năm trước / baseline'));
}

/** The plan's appendices from a folder of targets JSON. */
async function loadPlan(dir: string, mode: SipasMode | undefined): Promise<ReturnType<typeof planOf>> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readText(join(dir, name), 'chỉ tiêu / targets') })));
  const planned = planOf(files, mode);
  if (!planned.plan) throw new UsageError(`Không có chỉ tiêu nào trong ${dir} / no targets in ${dir}`);
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

export async function runConsolidate(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`${e.text.vi}\n${e.text.en}\n`);
      return 2;
    }
    throw e;
  }
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
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
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${CONSOLIDATE_HELP}`);
  }
  const o = parsed.values;
  if (parsed.positionals.length === 0 || !o.criteria?.length || !o.out) throw new UsageError(CONSOLIDATE_HELP);
  const lang: Lang = o.lang === 'en' ? 'en' : 'vi';
  const sipas = o['sipas-mode'];
  if (sipas !== undefined && sipas !== 'points' && sipas !== 'relative') throw new UsageError(`--sipas-mode: points | relative\n\n${CONSOLIDATE_HELP}`);
  if (o.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.today)) throw new UsageError('--today: YYYY-MM-DD');
  // Sequential by default: measured on 2 cores, workers warming exceljs and tsx cost more than they save.
  const jobs = o.jobs === undefined ? 1 : Number(o.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs: số nguyên từ 1 / a whole number from 1');
  const out = resolve(o.out);
  const pdf = o.print !== undefined ? resolve(o.print) : undefined;
  if (pdf !== undefined && !pdf.toLowerCase().endsWith('.pdf')) throw new UsageError(`--print: tệp phải có đuôi .pdf / the file must end in .pdf: ${o.print}`);
  const today = o.today ?? localToday();
  guardOutputs(
    [
      { path: o.out, option: '--out', ext: '.xlsx', existing: 'replace' },
      { path: o.print, option: '--print', ext: '.pdf', existing: 'replace' },
    ],
    [...parsed.positionals, ...o.criteria, o.units, o.baseline, o.grades],
  );

  const sets = await loadSets(o.criteria);
  if (sets.length === 0) throw new UsageError('Không có bộ tiêu chí nào / no criteria set given');
  const gradesPath = o.grades ?? join(DATA_DIR, 'grades-sample.json');
  const grades = parseGrades(basename(gradesPath), await readText(gradesPath, 'ngưỡng xếp loại / grades'));
  const expectedUnits: ExpectedUnit[] | undefined = o.units ? parseUnitList(basename(o.units), await readText(o.units, 'danh sách đơn vị / unit list')) : undefined;
  let baseline: Baseline | undefined;
  if (o.baseline) {
    const b = await loadBaseline(o.baseline);
    for (const p of baselineProblems(basename(o.baseline), b)) process.stderr.write(`${lang === 'en' ? p.en : p.vi}\n`);
    baseline = b.baseline;
  }
  const { plan, mode } = await loadPlan(o.targets ?? join(DATA_DIR, 'targets'), sipas as SipasMode | undefined);
  const files = await listWorkbooks(parsed.positionals, out);
  const registers = o.registers === undefined ? undefined : await loadRegisterFolder(o.registers, lang, (t) => process.stderr.write(t)).catch((e: Error) => {
    throw new UsageError(e.message);
  });

  const input = {
    files,
    sets,
    grades: grades.grades,
    gradesSample: grades.sample,
    ...(expectedUnits ? { expectedUnits } : {}),
    ...(baseline ? { baseline } : {}),
    allowOtherVersions: o['allow-other-versions'] === true,
    today,
    lang,
    ...(plan ? { plan } : {}),
    sipasMode: mode,
    ...(registers ? { registers } : {}),
  };
  const result = await consolidateFiles({ ...input, jobs, onProgress: (n, total, name) => process.stderr.write(`Tệp ${n}/${total}: ${name}\n`) });
  const inputs = inputsOf(input);
  await streamSpecToFile(summaryWorkbook(result, inputs), out);

  const c = result.consolidation;
  let printFailed = false;
  if (pdf !== undefined) {
    const report = reportSheet(result, inputs, { date: today, digitPx: libreOfficeDigitPx(), ...(o.place ? { place: o.place } : {}), ...(o.issuer ? { issuer: o.issuer } : {}) });
    const failed = await printSheetToPdf(report, pdf);
    if (failed) process.stderr.write(`${failed.text('vi')}\n${failed.text('en')}\n`);
    else process.stderr.write(`${lang === 'en' ? 'Printed' : 'Đã in'}: ${pdf}\n`);
    printFailed = failed !== undefined;
  }
  const registerPart = registers ? registerReport(result.results ?? [], registers, lang) : undefined;
  if (o.json) process.stdout.write(`${JSON.stringify({ ...toJson(result, lang), ...(registerPart ? { registers: registerPart } : {}) })}\n`);
  else process.stdout.write(textReport(c, out, lang) + (registerPart ? registerReportText(registerPart, lang) : ''));
  return printFailed ? 2 : exitCode(c);
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
    for (const f of r.reasons) lines.push(`  - ${message(f, lang)}`);
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
