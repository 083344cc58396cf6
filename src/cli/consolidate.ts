/**
 * `chiso consolidate <folder|files...> --criteria <set> --out <summary.xlsx>`: reads every
 * unit workbook once (the hash comes from the same bytes), validates it against its
 * reference set, ranks the usable ones within each level and writes the summary workbook
 * ("Tổng hợp", "Chênh lệch mục tiêu", "Nhật ký kiểm tra", "Theo dõi kế hoạch").
 * Input files are only read. Exit: 0 all accepted, 1 some rejected or with errors, 2 nothing usable.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { localToday } from '../core/clock';
import { parseArgs } from 'node:util';
import { UNIT_LEVELS, type CriteriaSet, type UnitLevel } from '../core/criteria';
import { consolidate, isRanked, type Consolidation, type ExpectedUnit, type GradeBand, type UnitRow } from '../core/consolidate';
import { checkCriteriaSet, indexCriteriaSet, type CriteriaIndex } from '../core/criteriaSet';
import { finding, message, type Finding } from '../core/findings';
import type { Lang } from '../core/format';
import { sipasTarget, type PlanItem, type SipasMode } from '../core/targets';
import { baselineFromSummary, parseBaselineCsv, parseBaselineJson, type Baseline, type BaselineParse } from '../workbook/baseline';
import { readUnitWorkbook } from '../workbook/read';
import type { WorkbookSpec } from '../workbook/spec';
import { appraisedTotal, gapSheet, logSheet, planSheet, summarySheet, totalRecoverable, type UnitGaps } from '../workbook/summary';
import { buildSummaryPrint } from '../workbook/printSummary';
import { gapsOf, submissionOf, type SubmissionResult } from '../workbook/submission';
import { FileUnreadableError } from '../xlsx/errors';
import { libreOfficeDigitPx } from '../xlsx/pdf';
import { readWorkbookBuffer, readWorkbookFile } from '../xlsx/read';
import { streamSpecToFile } from '../xlsx/streamWrite';
import { readFilesPooled } from './pool';
import { printSheetToPdf } from './print';
import { jsonFinding } from './report';
import { guardOutputs } from './outputs';

/** A usage or input problem: reported on stderr, exit 2. */
class UsageError extends Error {}

export interface ConsolidateInput {
  /** Unit workbooks, in the order they are reported. */
  files: string[];
  sets: CriteriaSet[];
  grades: GradeBand[];
  expectedUnits?: ExpectedUnit[];
  baseline?: Baseline;
  allowOtherVersions?: boolean;
  /** ISO date for "dated in the future" checks. */
  today: string;
  lang?: Lang;
  /**
   * Worker threads reading files side by side (default 1: read in this thread). The
   * result is the same for any number; progress is still reported in input order.
   */
  jobs?: number;
  onProgress?: (n: number, total: number, file: string) => void;
}

/** What reading a file needs besides its path: plain data, so a worker thread can get a copy. */
export interface ReadContext {
  sets: CriteriaSet[];
  today: string;
  lang: Lang;
  allowOtherVersions: boolean;
  baseline?: Baseline;
}

/**
 * What one file leaves behind once read: the grid is dropped, only figures are kept.
 * The set it was checked against is named by its position in `sets` (an index of the
 * set is rebuilt where it is needed rather than copied between threads).
 */
export type FileResult = SubmissionResult;

export interface ConsolidateResult {
  consolidation: Consolidation;
  /** Every finding of each file, by file name (for the log). */
  findings: Map<string, Finding[]>;
  gaps: UnitGaps[];
  /** Files whose unit could not be identified. */
  unidentified: Set<string>;
}

export async function consolidateFiles(input: ConsolidateInput): Promise<ConsolidateResult> {
  const ctx: ReadContext = {
    sets: input.sets,
    today: input.today,
    lang: input.lang ?? 'vi',
    allowOtherVersions: input.allowOtherVersions === true,
    ...(input.baseline ? { baseline: input.baseline } : {}),
  };
  // Each set is indexed once for all files (its parsed methods and required document kinds).
  const indexes = input.sets.map(indexCriteriaSet);
  const jobs = Math.min(Math.max(1, Math.floor(input.jobs ?? 1)), input.files.length);
  let results: FileResult[];
  if (jobs > 1) {
    results = await readFilesPooled(input.files, ctx, jobs, (i) => input.onProgress?.(i + 1, input.files.length, basename(input.files[i])));
  } else {
    results = [];
    for (const [i, path] of input.files.entries()) {
      input.onProgress?.(i + 1, input.files.length, basename(path));
      results.push(await readUnitFile(path, ctx, indexes));
    }
  }
  const consolidation = consolidate(
    results.map((r) => r.submission),
    { grades: input.grades, ...(input.expectedUnits ? { expectedUnits: input.expectedUnits } : {}), ...(input.allowOtherVersions ? { allowOtherVersions: true } : {}) },
  );
  const gaps = gapsOf(consolidation, results, indexes);
  return {
    consolidation,
    findings: new Map(results.map((r) => [r.submission.file, r.submission.findings])),
    gaps,
    unidentified: new Set(results.filter((r) => !r.submission.unit).map((r) => r.submission.file)),
  };
}

/** Reads, hashes, validates and totals one unit workbook; `indexes[i]` indexes `ctx.sets[i]`. */
export async function readUnitFile(path: string, ctx: ReadContext, indexes: readonly CriteriaIndex[]): Promise<FileResult> {
  const file = basename(path);
  const lang = ctx.lang;
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    const err = new FileUnreadableError(file, 'io', (e as NodeJS.ErrnoException).code ?? String(e));
    return { submission: { file, hash: '', findings: [err.toFinding(lang)] } };
  }
  const hash = createHash('sha256').update(buf).digest('hex');
  let reading: ReturnType<typeof readUnitWorkbook>;
  try {
    reading = readUnitWorkbook(await readWorkbookBuffer(buf, file), { file });
  } catch (e) {
    const f = e instanceof FileUnreadableError ? e.toFinding(lang) : finding('FILE_UNREADABLE', { file, reason: e instanceof Error ? e.message : String(e) }, { file, field: 'file' });
    return { submission: { file, hash, findings: [f] } };
  }
  return submissionOf(file, hash, reading, { ...ctx, indexes });
}

// ---------------------------------------------------------------------------
// The summary workbook

export interface PlanData {
  plan: string;
  baseYear: number;
  targetYear: number;
  items: PlanItem[];
}

export function summaryWorkbook(result: ConsolidateResult, opts: { year: number; notes: string[]; plan?: PlanData; sipasMode: SipasMode }): WorkbookSpec {
  const recoverable = new Map(result.gaps.map((g) => [g.file, totalRecoverable(g.rows)]));
  const sheets = [
    summarySheet(result.consolidation, { year: opts.year, notes: opts.notes, recoverable }),
    gapSheet(result.gaps, { year: opts.year }),
    logSheet(result.consolidation, { findings: result.findings }),
  ];
  if (opts.plan) sheets.push(planSheet(opts.plan.items, { plan: opts.plan.plan, baseYear: opts.plan.baseYear, targetYear: opts.plan.targetYear, sipasMode: opts.sipasMode }));
  return { sheets };
}

// ---------------------------------------------------------------------------
// JSON output and exit code

export function toJson(result: ConsolidateResult, lang: Lang): unknown {
  const c = result.consolidation;
  const unitOf = (r: UnitRow) => (result.unidentified.has(r.file) ? null : r.unit);
  const row = (r: UnitRow) => ({
    unit: unitOf(r),
    level: r.level ?? null,
    file: r.file,
    status: r.status,
    self: r.self ?? null,
    appraised: appraisedTotal(r) ?? null,
    applicableMax: r.applicableMax ?? null,
    index: r.index ?? null,
    rank: r.rank ?? null,
    grade: r.grade ?? null,
    errors: r.errors,
    warnings: r.warnings,
  });
  return {
    units: [...c.units, ...c.rejected].map(row),
    rejected: c.rejected.map((r) => ({
      file: r.file,
      reasons: r.reasons.map((f) => jsonFinding(f, lang)),
    })),
    duplicates: c.duplicates,
    missing: c.missing.map((m) => m.name),
  };
}

export function exitCode(c: Consolidation): 0 | 1 | 2 {
  const ranked = c.units.filter(isRanked);
  if (ranked.length === 0) return 2;
  if (c.rejected.length > 0 || c.duplicates.length > 0 || ranked.some((u) => u.errors > 0)) return 1;
  return 0;
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

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Không đọc được ${what} ${path} / cannot read ${what}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${what} ${path} không phải JSON hợp lệ / is not valid JSON: ${(e as Error).message}`);
  }
}

/** JSON sets, or a template workbook (its own criteria and metadata); a folder holds several. */
async function loadSets(paths: string[]): Promise<CriteriaSet[]> {
  const out: CriteriaSet[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => /\.(json|xlsx)$/i.test(n)).sort();
      out.push(...(await loadSets(names.map((n) => join(p, n)))));
    } else if (extname(p).toLowerCase() === '.xlsx') {
      const reading = readUnitWorkbook(await readWorkbookFile(p), { file: basename(p) });
      if (!reading.ok) throw new UsageError(`Không đọc được bộ tiêu chí trong ${p} / no criteria table in ${p}: ${reading.findings.map((f) => message(f, 'vi')).join('; ')}`);
      out.push({ ...reading.set, id: reading.meta.setId ?? reading.set.id, version: reading.meta.setVersion ?? reading.set.version });
    } else {
      const checked = checkCriteriaSet(await readJson(p, 'bộ tiêu chí / criteria set'));
      if (!checked.set) throw new UsageError(`Bộ tiêu chí ${p} không hợp lệ / invalid criteria set:\n${checked.findings.map((f) => `  ${message(f, 'vi')}`).join('\n')}`);
      out.push(checked.set);
    }
  }
  return out;
}

async function loadUnits(path: string): Promise<ExpectedUnit[]> {
  const json = await readJson(path, 'danh sách đơn vị / unit list');
  const ok = (u: unknown): u is ExpectedUnit =>
    typeof u === 'object' && u !== null && typeof (u as ExpectedUnit).name === 'string' && UNIT_LEVELS.includes((u as ExpectedUnit).level);
  if (!Array.isArray(json) || !json.every(ok)) throw new UsageError(`${path}: cần mảng JSON {"name", "level"} với level so, huyen hoặc xa / expected a JSON array of {"name", "level"}`);
  return json.map((u) => ({ name: u.name, level: u.level as UnitLevel }));
}

async function loadGrades(path: string): Promise<{ grades: GradeBand[]; sample: boolean }> {
  const json = (await readJson(path, 'ngưỡng xếp loại / grades')) as { grades?: unknown; sample?: unknown };
  const list = Array.isArray(json) ? json : json?.grades;
  const ok = (g: unknown): g is GradeBand => typeof g === 'object' && g !== null && typeof (g as GradeBand).label === 'string' && typeof (g as GradeBand).minIndex === 'number';
  if (!Array.isArray(list) || list.length === 0 || !list.every(ok)) throw new UsageError(`${path}: cần {"grades": [{"label", "labelEn", "minIndex"}]} / expected grade bands`);
  return { grades: list.map((g) => ({ label: g.label, labelEn: g.labelEn ?? g.label, minIndex: g.minIndex })), sample: !Array.isArray(json) && json.sample === true };
}

async function loadBaseline(path: string): Promise<BaselineParse> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return parseBaselineJson(await readJson(path, 'dữ liệu năm trước / baseline'));
  if (ext === '.xlsx') {
    try {
      return baselineFromSummary(await readWorkbookFile(path));
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
  }
  if (ext === '.csv' || ext === '.txt') return parseBaselineCsv(await readFile(path, 'utf8'));
  throw new UsageError(`${path}: dữ liệu năm trước phải là .xlsx, .json hoặc .csv / the baseline must be .xlsx, .json or .csv`);
}

interface TargetsFile {
  plan?: string;
  baseYear?: number;
  targetYear?: number;
  index?: string;
  rule?: { mode?: SipasMode; increase?: number };
  items?: PlanItem[];
}

/** The plan's appendices from a folder of targets JSON; SIPAS targets recomputed for the chosen mode. */
async function loadPlan(dir: string, mode: SipasMode | undefined): Promise<{ plan: PlanData; mode: SipasMode }> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const items: PlanItem[] = [];
  let plan = '';
  let baseYear = 0;
  let targetYear = 0;
  let used: SipasMode = mode ?? 'points';
  for (const n of names) {
    const f = (await readJson(join(dir, n), 'chỉ tiêu / targets')) as TargetsFile;
    plan ||= f.plan ?? '';
    baseYear ||= f.baseYear ?? 0;
    targetYear ||= f.targetYear ?? 0;
    const fileMode = f.rule?.mode;
    if (f.index === 'SIPAS' && !mode && fileMode) used = fileMode;
    for (const it of f.items ?? []) {
      const recompute = it.index === 'SIPAS' && mode !== undefined && mode !== fileMode;
      items.push({
        index: it.index,
        appendix: it.appendix,
        code: it.code,
        name: it.name,
        leadUnit: it.leadUnit,
        previous: it.previous,
        target: recompute ? sipasTarget(it.previous, mode, f.rule?.increase ?? 10) : it.target,
        ...(it.latest !== undefined ? { latest: it.latest } : {}),
        ...(it.sample === true ? { sample: true } : {}),
      });
    }
  }
  if (items.length === 0) throw new UsageError(`Không có chỉ tiêu nào trong ${dir} / no targets in ${dir}`);
  return { plan: { plan, baseYear, targetYear, items }, mode: used };
}

// ---------------------------------------------------------------------------
// The command

export const CONSOLIDATE_HELP = `Cách dùng / Usage:
  chiso consolidate <thư mục|tệp.xlsx...> --criteria <bo-tieu-chi.json|bieu-mau.xlsx|thư mục> --out <tong-hop.xlsx>
        [--units <danh-sach.json>] [--baseline <nam-truoc.xlsx|.json|.csv>] [--grades <xep-loai.json>]
        [--targets <thư mục chỉ tiêu>] [--sipas-mode points|relative] [--allow-other-versions]
        [--print <bao-cao.pdf>] [--place <địa danh>] [--issuer <cơ quan>]
        [--today YYYY-MM-DD] [--lang vi|en] [--jobs N] [--json]

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

  const sets = await loadSets(o.criteria);
  if (sets.length === 0) throw new UsageError('Không có bộ tiêu chí nào / no criteria set given');
  const grades = await loadGrades(o.grades ?? join(DATA_DIR, 'grades-sample.json'));
  const expectedUnits = o.units ? await loadUnits(o.units) : undefined;
  let baseline: Baseline | undefined;
  if (o.baseline) {
    const b = await loadBaseline(o.baseline);
    for (const p of b.problems) process.stderr.write(`${basename(o.baseline)}${p.line ? `:${p.line}` : ''}: ${lang === 'en' ? p.en : p.vi}\n`);
    baseline = b.baseline;
  }
  const { plan, mode } = await loadPlan(o.targets ?? join(DATA_DIR, 'targets'), sipas as SipasMode | undefined);
  const files = await listWorkbooks(parsed.positionals, out);
  guardOutputs([{ path: o.out, option: '--out', ext: '.xlsx', existing: 'replace' }, { path: o.print, option: '--print', ext: '.pdf', existing: 'replace' }], [...files, ...o.criteria, o.units, o.baseline, o.grades]);

  const result = await consolidateFiles({
    files,
    sets,
    grades: grades.grades,
    ...(expectedUnits ? { expectedUnits } : {}),
    ...(baseline ? { baseline } : {}),
    allowOtherVersions: o['allow-other-versions'] === true,
    today,
    lang,
    jobs,
    onProgress: (n, total, name) => process.stderr.write(`Tệp ${n}/${total}: ${name}\n`),
  });
  const notes = [
    ...sets.map((s) => `Bộ tiêu chí: ${s.title} (mã ${s.id}, phiên bản ${s.version})${s.sample ? ' - BỘ TIÊU CHÍ MẪU, không phải bộ tiêu chí chính thức' : ''}`),
    `Xếp loại: ${grades.grades.map((g) => `${g.label} từ ${g.minIndex}%`).join('; ')}${grades.sample ? ' (ngưỡng MẪU, chưa xác minh)' : ''}. Đơn vị trùng tệp chưa được xếp hạng.`,
  ];
  const year = sets[0].year;
  await streamSpecToFile(summaryWorkbook(result, { year, notes, plan, sipasMode: mode }), out);

  const c = result.consolidation;
  let printFailed = false;
  if (pdf !== undefined) {
    const report = buildSummaryPrint(c, { year, notes, date: today, digitPx: libreOfficeDigitPx(), ...(o.place ? { place: o.place } : {}), ...(o.issuer ? { issuer: o.issuer } : {}) });
    const failed = await printSheetToPdf(report, pdf);
    if (failed) process.stderr.write(`${failed.text('vi')}\n${failed.text('en')}\n`);
    else process.stderr.write(`${lang === 'en' ? 'Printed' : 'Đã in'}: ${pdf}\n`);
    printFailed = failed !== undefined;
  }
  if (o.json) process.stdout.write(`${JSON.stringify(toJson(result, lang))}\n`);
  else process.stdout.write(textReport(c, out, lang));
  return printFailed ? 2 : exitCode(c);
}

function textReport(c: Consolidation, out: string, lang: Lang): string {
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
  return `${lines.join('\n')}\n`;
}
