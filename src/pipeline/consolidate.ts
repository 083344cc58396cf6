/**
 * The one consolidation pipeline, over sources (a name and a way to get its bytes): the
 * command line gives files (read here or by a pool of threads), the pane's Web Worker
 * gives the files the officer chose. Each unit workbook is read (never written), hashed,
 * routed to the set of its level and year and validated; the submissions are ranked by
 * core/consolidate; the summary workbook is built as SheetSpecs any writer renders.
 * No node built-ins: this module is bundled into the browser worker.
 */
import { UNIT_LEVELS, type CriteriaSet, type UnitLevel } from '../core/criteria';
import { consolidate, isRanked, type Consolidation, type ExpectedUnit, type GradeBand, type UnitRow } from '../core/consolidate';
import { lookupCriteria, type CriteriaLookup } from '../core/criteriaSet';
import { finding, jsonFinding, type Finding, type JsonFinding } from '../core/findings';
import { rejectionText } from '../core/rejection';
import type { Lang } from '../core/format';
import { sipasTarget, type PlanItem, type SipasMode } from '../core/targets';
import { parseBaselineCsv, parseBaselineJson, type Baseline, type BaselineParse } from '../workbook/baseline';
import { readUnitWorkbook } from '../workbook/read';
import { materialize, type ChartSpec, type SheetSpec, type StreamedSheetSpec, type StreamedWorkbookSpec, type WorkbookSpec } from '../workbook/spec';
import { gapsOf, submissionOf, type SubmissionContext, type SubmissionResult } from '../workbook/submission';
import { buildSummaryPrint, type SummaryPrintOptions } from '../workbook/printSummary';
import { appraisedTotal, LEVEL_LABEL, logSheet, mergeTitles, planSheet, streamedGapSheet, summarySheet, totalRecoverable, type UnitGaps } from '../workbook/summary';
import { readWorkbookBuffer } from '../xlsx/buffer';
import { FileUnreadableError } from '../xlsx/errors';
import { asBytes, type Source } from './criteria';
import { withRegisterCheck, type RegisterInput } from './register';

export type { Source } from './criteria';

/** A text the user should read, in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** An input the user gave that cannot be used: the run stops before reading any workbook. */
export class InputError extends Error {
  constructor(readonly text: Bilingual) {
    super(`${text.vi} / ${text.en}`);
  }
}

export interface PlanData {
  plan: string;
  baseYear: number;
  targetYear: number;
  items: PlanItem[];
}

/** Everything a run needs besides the workbooks: plain data (a thread or a worker gets a copy). */
export interface ConsolidationInputs {
  sets: CriteriaSet[];
  grades: GradeBand[];
  gradesSample: boolean;
  expectedUnits?: ExpectedUnit[];
  baseline?: Baseline;
  allowOtherVersions: boolean;
  /** ISO date for "dated in the future" checks. */
  today: string;
  lang: Lang;
  plan?: PlanData;
  sipasMode: SipasMode;
  /** Issue 16: registers of outgoing documents named after units, cross-checked apart (./register.ts). */
  registers?: RegisterInput[];
}

export interface ConsolidateResult {
  consolidation: Consolidation;
  /** Every finding of each file, by file name (for the log). */
  findings: Map<string, Finding[]>;
  gaps: UnitGaps[];
  /** Files whose unit could not be identified. */
  unidentified: Set<string>;
}

// ---------------------------------------------------------------------------
// Small inputs (unit list, grades, baseline, targets): text in, data or an InputError out

function parseJson(name: string, text: string, what: Bilingual): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = (e as Error).message;
    throw new InputError({ vi: `${what.vi} ${name} không phải JSON hợp lệ: ${detail}`, en: `${what.en} ${name} is not valid JSON: ${detail}` });
  }
}

export function parseUnitList(name: string, text: string): ExpectedUnit[] {
  const json = parseJson(name, text, { vi: 'Danh sách đơn vị', en: 'The unit list' });
  const ok = (u: unknown): u is ExpectedUnit =>
    typeof u === 'object' && u !== null && typeof (u as ExpectedUnit).name === 'string' && UNIT_LEVELS.includes((u as ExpectedUnit).level);
  if (!Array.isArray(json) || !json.every(ok)) {
    throw new InputError({
      vi: `${name}: cần mảng JSON các {"name", "level"} với level là so, huyen hoặc xa.`,
      en: `${name}: expected a JSON array of {"name", "level"} with level so, huyen or xa.`,
    });
  }
  return json.map((u) => ({ name: u.name, level: u.level as UnitLevel }));
}

export function parseGrades(name: string, text: string): { grades: GradeBand[]; sample: boolean } {
  const json = parseJson(name, text, { vi: 'Ngưỡng xếp loại', en: 'The grade bands' }) as { grades?: unknown; sample?: unknown };
  const list = Array.isArray(json) ? json : json?.grades;
  const ok = (g: unknown): g is GradeBand => typeof g === 'object' && g !== null && typeof (g as GradeBand).label === 'string' && typeof (g as GradeBand).minIndex === 'number';
  if (!Array.isArray(list) || list.length === 0 || !list.every(ok)) {
    throw new InputError({ vi: `${name}: cần {"grades": [{"label", "labelEn", "minIndex"}]}.`, en: `${name}: expected {"grades": [{"label", "labelEn", "minIndex"}]}.` });
  }
  return { grades: list.map((g) => ({ label: g.label, labelEn: g.labelEn ?? g.label, minIndex: g.minIndex })), sample: !Array.isArray(json) && json.sample === true };
}

/** Last year's results as .json or .csv text (a summary workbook is read by the caller). */
export function parseBaselineText(name: string, text: string): BaselineParse {
  if (/\.json$/i.test(name)) return parseBaselineJson(parseJson(name, text, { vi: 'Kết quả năm trước', en: "Last year's results" }));
  if (/\.(csv|txt)$/i.test(name)) return parseBaselineCsv(text);
  throw new InputError({ vi: `${name}: kết quả năm trước phải là tệp .xlsx, .csv hoặc .json.`, en: `${name}: last year's results must be an .xlsx, .csv or .json file.` });
}

/** The baseline's skipped lines, each naming the file and line. */
export function baselineProblems(name: string, parse: BaselineParse): Bilingual[] {
  return parse.problems.map((p) => ({ vi: `${name}${p.line ? `:${p.line}` : ''}: ${p.vi}`, en: `${name}${p.line ? `:${p.line}` : ''}: ${p.en}` }));
}

interface TargetsFile {
  plan?: string;
  baseYear?: number;
  targetYear?: number;
  index?: string;
  rule?: { mode?: SipasMode; increase?: number };
  items?: PlanItem[];
}

/** The plan's appendices from targets JSON files (sorted by name); SIPAS targets recomputed for the chosen mode. */
export function planOf(files: readonly { name: string; text: string }[], mode: SipasMode | undefined): { plan?: PlanData; mode: SipasMode } {
  const items: PlanItem[] = [];
  let plan = '';
  let baseYear = 0;
  let targetYear = 0;
  let used: SipasMode = mode ?? 'points';
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const f = parseJson(file.name, file.text, { vi: 'Chỉ tiêu', en: 'The targets' }) as TargetsFile;
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
  return { ...(items.length > 0 ? { plan: { plan, baseYear, targetYear, items } } : {}), mode: used };
}

// ---------------------------------------------------------------------------
// One workbook

/** What reading one file needs: the inputs and the sets indexed once for all files. */
export interface ReadContext extends SubmissionContext {
  lang: Lang;
  registers?: readonly RegisterInput[];
}

export function readContext(inputs: ConsolidationInputs): ReadContext {
  return {
    sets: inputs.sets,
    indexes: inputs.sets.map(lookupCriteria),
    today: inputs.today,
    lang: inputs.lang,
    allowOtherVersions: inputs.allowOtherVersions,
    ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
    ...(inputs.expectedUnits ? { expectedUnits: inputs.expectedUnits } : {}),
    ...(inputs.registers ? { registers: inputs.registers } : {}),
  };
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file whose reader stopped (threw, ran out of memory, died): the one finding that rejects it. */
export function readerFailed(file: string, hash: string, why: Bilingual): SubmissionResult {
  return { submission: { file, hash, findings: [finding('FILE_UNREADABLE', { file, reason: why.vi, reasonEn: why.en }, { file, field: 'file' })] } };
}

/**
 * Reads, hashes, validates and totals one unit workbook. Never throws: whatever goes
 * wrong in reading (the bytes, the zip, the sheet, the validation) rejects this file only.
 */
export async function readSubmission(source: Source, ctx: ReadContext): Promise<SubmissionResult> {
  const file = source.name;
  let bytes: Uint8Array;
  try {
    bytes = asBytes(await source.read());
  } catch (e) {
    const detail = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
    return { submission: { file, hash: '', findings: [new FileUnreadableError(file, 'io', detail).toFinding(ctx.lang)] } };
  }
  const hash = await sha256(bytes);
  try {
    const reading = readUnitWorkbook(await readWorkbookBuffer(bytes, file), { file });
    return withRegisterCheck(submissionOf(file, hash, reading, ctx), reading, ctx);
  } catch (e) {
    if (e instanceof FileUnreadableError) return { submission: { file, hash, findings: [e.toFinding(ctx.lang)] } };
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 200) : String(e);
    return readerFailed(file, hash, { vi: `lỗi khi đọc nội dung (${detail}); hãy mở bằng Excel, lưu lại rồi gửi lại`, en: `reading its content failed (${detail}); open it in Excel, save it and send it again` });
  }
}

/** Reads the sources one after the other (one grid in memory at a time), telling `progress` before each. */
export async function readSubmissions(sources: readonly Source[], ctx: ReadContext, progress: (n: number, total: number, name: string) => void = () => {}): Promise<SubmissionResult[]> {
  const results: SubmissionResult[] = [];
  for (const [i, source] of sources.entries()) {
    progress(i + 1, sources.length, source.name);
    results.push(await readSubmission(source, ctx));
  }
  return results;
}

// ---------------------------------------------------------------------------
// The run

/** Ranks what was read (in input order) and keeps what the sheets and the JSON need. */
export function consolidateResults(results: readonly SubmissionResult[], inputs: ConsolidationInputs, indexes: readonly CriteriaLookup[]): ConsolidateResult {
  const consolidation = consolidate(
    results.map((r) => r.submission),
    { grades: inputs.grades, ...(inputs.expectedUnits ? { expectedUnits: inputs.expectedUnits } : {}), ...(inputs.allowOtherVersions ? { allowOtherVersions: true } : {}) },
  );
  return {
    consolidation,
    findings: new Map(results.map((r) => [r.submission.file, r.submission.findings])),
    gaps: gapsOf(consolidation, results, indexes),
    unidentified: new Set(results.filter((r) => !r.submission.unit).map((r) => r.submission.file)),
  };
}

/** Reads every source in this thread and consolidates: the pane's worker and `chiso consolidate` without --jobs. */
export async function consolidateSources(sources: readonly Source[], inputs: ConsolidationInputs, progress?: (n: number, total: number, name: string) => void): Promise<ConsolidateResult> {
  const ctx = readContext(inputs);
  return consolidateResults(await readSubmissions(sources, ctx, progress), inputs, ctx.indexes);
}

/** The notes under the summary's title: the sets and the grade bands, samples said so. */
export function notesOf(inputs: Pick<ConsolidationInputs, 'sets' | 'grades' | 'gradesSample'>): string[] {
  return [
    ...inputs.sets.map((s) => `Bộ tiêu chí: ${s.title} (mã ${s.id}, phiên bản ${s.version})${s.sample ? ' - BỘ TIÊU CHÍ MẪU, không phải bộ tiêu chí chính thức' : ''}`),
    `Xếp loại: ${inputs.grades.map((g) => `${g.label} từ ${g.minIndex}%`).join('; ')}${inputs.gradesSample ? ' (ngưỡng MẪU, chưa xác minh)' : ''}. Đơn vị trùng tệp chưa được xếp hạng.`,
  ];
}

/** The year the summary is for: the sets' year. */
export const yearOf = (inputs: Pick<ConsolidationInputs, 'sets'>): number => inputs.sets[0]?.year ?? 0;

/** The summary workbook both the CLI and the pane write: Tổng hợp (with index charts), gaps, log, plan. */
export function summaryWorkbook(result: ConsolidateResult, inputs: ConsolidationInputs): WorkbookSpec {
  return { sheets: streamedSummaryWorkbook(result, inputs).sheets.map(materialize) };
}

/** The same workbook with the gap sheet's rows produced as they are written (the CLI's streaming writer). */
export function streamedSummaryWorkbook(result: ConsolidateResult, inputs: ConsolidationInputs): StreamedWorkbookSpec {
  const year = yearOf(inputs);
  const recoverable = new Map(result.gaps.map((g) => [g.file, totalRecoverable(g.rows)]));
  const sheets: (SheetSpec | StreamedSheetSpec)[] = [
    withIndexCharts(summarySheet(result.consolidation, { year, notes: notesOf(inputs), recoverable })),
    streamedGapSheet(result.gaps, { year }),
    logSheet(result.consolidation, { findings: result.findings }),
  ];
  if (inputs.plan) sheets.push(planSheet(inputs.plan.items, { plan: inputs.plan.plan, baseYear: inputs.plan.baseYear, targetYear: inputs.plan.targetYear, sipasMode: inputs.sipasMode }));
  return { sheets: sheets.map(mergeTitles) };
}

/**
 * The consolidation report to sign (ranking by level, rejected, duplicates, missing): the
 * sheet `chiso consolidate --print` prints to PDF and the pane writes for File > Print.
 */
export function reportSheet(result: ConsolidateResult, inputs: ConsolidationInputs, opts: Omit<SummaryPrintOptions, 'year' | 'notes'>): SheetSpec {
  return buildSummaryPrint(result.consolidation, { year: yearOf(inputs), notes: notesOf(inputs), ...opts });
}

// ---------------------------------------------------------------------------
// JSON and exit code

export interface JsonUnit {
  unit: string | null;
  level: UnitLevel | null;
  file: string;
  status: UnitRow['status'];
  self: number | null;
  appraised: number | null;
  applicableMax: number | null;
  index: number | null;
  rank: number | null;
  grade: string | null;
  errors: number;
  warnings: number;
}

/** `chiso consolidate --json`, and what the pane shows: one shape. */
export interface ConsolidationJson {
  units: JsonUnit[];
  rejected: { file: string; reasons: JsonFinding[] }[];
  duplicates: { unit: string; files: string[] }[];
  missing: string[];
}

export function toJson(result: ConsolidateResult, lang: Lang): ConsolidationJson {
  const c = result.consolidation;
  const row = (r: UnitRow): JsonUnit => ({
    unit: result.unidentified.has(r.file) ? null : r.unit,
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
    rejected: c.rejected.map((r) => ({ file: r.file, reasons: r.reasons.map((f) => jsonFinding(f, lang)) })),
    duplicates: c.duplicates,
    missing: c.missing.map((m) => m.name),
  };
}

/** The rejected files' reasons in both languages (the pane switches language after a run), worded for Sở Nội vụ. */
export function rejectedReasons(c: Consolidation): { file: string; reasons: Bilingual[] }[] {
  return c.rejected.map((r) => ({ file: r.file, reasons: r.reasons.map((f) => ({ vi: rejectionText(f, 'vi'), en: rejectionText(f, 'en') })) }));
}

export function exitCode(c: Consolidation): 0 | 1 | 2 {
  const ranked = c.units.filter(isRanked);
  if (ranked.length === 0) return 2;
  if (c.rejected.length > 0 || c.duplicates.length > 0 || ranked.some((u) => u.errors > 0)) return 1;
  return 0;
}

// ---------------------------------------------------------------------------
// Charts

/** Columns of the summary sheet the chart reads (see summarySheet): unit name and index %. */
const NAME_COL = 1;
const INDEX_COL = 8;
const CHART_ROWS = 16;

/**
 * One bar chart per level: the index of each unit, over the unit rows that follow the
 * level's heading in the summary (the missing units, without an index, come last and are left out).
 */
export function withIndexCharts(sheet: SheetSpec): SheetSpec {
  const labels = new Map<string, UnitLevel>(Object.entries(LEVEL_LABEL).map(([level, label]) => [label, level as UnitLevel]));
  const width = Math.max(...sheet.values.map((r) => r.length));
  const charts: ChartSpec[] = [];
  sheet.values.forEach((row, r) => {
    const level = typeof row[0] === 'string' && row.length === 1 ? labels.get(row[0]) : undefined;
    if (!level) return;
    let end = r;
    while (typeof sheet.values[end + 1]?.[INDEX_COL] === 'number') end++;
    if (end === r) return;
    charts.push({
      type: 'bar',
      title: `Chỉ số CCHC theo đơn vị - ${LEVEL_LABEL[level]}`,
      seriesName: 'Chỉ số (%)',
      categories: { top: r + 1, left: NAME_COL, bottom: end, right: NAME_COL },
      values: { top: r + 1, left: INDEX_COL, bottom: end, right: INDEX_COL },
      anchor: { row: charts.length * (CHART_ROWS + 1), col: width + 1, rows: CHART_ROWS, cols: 8 },
    });
  });
  return charts.length > 0 ? { ...sheet, charts: [...(sheet.charts ?? []), ...charts] } : sheet;
}
