/**
 * The consolidation the pane's worker runs, pure of any worker API so node tests drive it
 * on real .xlsx bytes: each unit workbook is read (never written) and validated against
 * the reference set with the same steps as the command line (src/cli/consolidate.ts),
 * the submissions are ranked by core/consolidate, and the output sheets are built:
 * Tổng hợp (with a chart of the index by unit per level), Chênh lệch mục tiêu, Nhật ký kiểm tra.
 */
import { UNIT_LEVELS, type CriteriaSet, type UnitLevel } from '../core/criteria';
import { consolidate, type Consolidation, type ExpectedUnit, type GradeBand } from '../core/consolidate';
import { checkCriteriaSet, indexCriteriaSet } from '../core/criteriaSet';
import { finding, message } from '../core/findings';
import { parseBaselineCsv, parseBaselineJson, type Baseline, type BaselineParse } from '../workbook/baseline';
import { readUnitWorkbook } from '../workbook/read';
import type { ChartSpec, SheetSpec } from '../workbook/spec';
import { gapsOf, submissionOf, type SubmissionContext, type SubmissionResult } from '../workbook/submission';
import { gapSheet, LEVEL_LABEL, logSheet, summarySheet, totalRecoverable } from '../workbook/summary';
import { readWorkbookBuffer } from '../xlsx/buffer';
import { FileUnreadableError } from '../xlsx/errors';
import gradesFile from '../../data/grades-sample.json';
import type { Bilingual, ConsolidateReport, ConsolidateRequest, TextInput } from './protocol';

/** An input the user gave that cannot be used: the run stops before reading any workbook. */
export class InputError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.vi);
  }
}

/** A workbook to read: its name and a way to get its bytes (a File in the browser). */
export interface SourceFile {
  name: string;
  read(): Promise<Uint8Array | ArrayBuffer>;
}

export interface Inputs {
  sets: CriteriaSet[];
  grades: GradeBand[];
  gradesSample: boolean;
  expectedUnits?: ExpectedUnit[];
  baseline?: Baseline;
  baselineProblems: Bilingual[];
  allowOtherVersions: boolean;
  today: string;
}

// ---------------------------------------------------------------------------
// Inputs

function parseJson(file: TextInput, what: Bilingual): unknown {
  try {
    return JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = (e as Error).message;
    throw new InputError({ vi: `${what.vi} ${file.name} không phải JSON hợp lệ: ${detail}`, en: `${what.en} ${file.name} is not valid JSON: ${detail}` });
  }
}

export function parseCriteria(file: TextInput): CriteriaSet {
  const checked = checkCriteriaSet(parseJson(file, { vi: 'Bộ tiêu chí', en: 'The criteria set' }));
  if (checked.set) return checked.set;
  throw new InputError({
    vi: `Bộ tiêu chí ${file.name} không hợp lệ: ${checked.findings.map((f) => message(f, 'vi')).join(' ')}`,
    en: `The criteria set ${file.name} is invalid: ${checked.findings.map((f) => message(f, 'en')).join(' ')}`,
  });
}

export function parseUnits(file: TextInput): ExpectedUnit[] {
  const json = parseJson(file, { vi: 'Danh sách đơn vị', en: 'The unit list' });
  const ok = (u: unknown): u is ExpectedUnit =>
    typeof u === 'object' && u !== null && typeof (u as ExpectedUnit).name === 'string' && UNIT_LEVELS.includes((u as ExpectedUnit).level);
  if (!Array.isArray(json) || !json.every(ok)) {
    throw new InputError({
      vi: `${file.name}: cần mảng JSON các {"name", "level"} với level là so, huyen hoặc xa.`,
      en: `${file.name}: expected a JSON array of {"name", "level"} with level so, huyen or xa.`,
    });
  }
  return json.map((u) => ({ name: u.name, level: u.level as UnitLevel }));
}

export function parseBaseline(file: TextInput): BaselineParse {
  if (/\.json$/i.test(file.name)) return parseBaselineJson(parseJson(file, { vi: 'Kết quả năm trước', en: "Last year's results" }));
  if (/\.(csv|txt)$/i.test(file.name)) return parseBaselineCsv(file.text);
  throw new InputError({ vi: `${file.name}: kết quả năm trước phải là tệp .csv hoặc .json.`, en: `${file.name}: last year's results must be a .csv or .json file.` });
}

/** Everything but the workbooks, checked first: a bad input stops the run before any file is read. */
export function parseInputs(req: ConsolidateRequest): Inputs {
  const sets = req.criteria.kind === 'set' ? [req.criteria.set] : req.criteria.files.map(parseCriteria);
  if (sets.length === 0) throw new InputError({ vi: 'Chưa có bộ tiêu chí tham chiếu.', en: 'No reference criteria set.' });
  const baseline = req.baseline ? parseBaseline(req.baseline) : undefined;
  return {
    sets,
    grades: gradesFile.grades,
    gradesSample: gradesFile.sample,
    ...(req.units ? { expectedUnits: parseUnits(req.units) } : {}),
    ...(baseline ? { baseline: baseline.baseline } : {}),
    baselineProblems: (baseline?.problems ?? []).map((p) => ({ vi: `${req.baseline?.name}:${p.line}: ${p.vi}`, en: `${req.baseline?.name}:${p.line}: ${p.en}` })),
    allowOtherVersions: req.allowOtherVersions,
    today: req.today,
  };
}

// ---------------------------------------------------------------------------
// One workbook

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads and validates one unit workbook; a file that cannot be used says why in its findings. */
export async function readSubmission(file: SourceFile, ctx: SubmissionContext): Promise<SubmissionResult> {
  const name = file.name;
  const raw = await file.read();
  const bytes = ArrayBuffer.isView(raw) ? (raw as Uint8Array) : new Uint8Array(raw);
  const hash = await sha256(bytes);
  let reading: ReturnType<typeof readUnitWorkbook>;
  try {
    reading = readUnitWorkbook(await readWorkbookBuffer(bytes, name), { file: name });
  } catch (e) {
    const f = e instanceof FileUnreadableError ? e.toFinding('vi') : finding('FILE_UNREADABLE', { file: name, reason: e instanceof Error ? e.message : String(e) }, { file: name, field: 'file' });
    return { submission: { file: name, hash, findings: [f] } };
  }
  return submissionOf(name, hash, reading, ctx);
}

// ---------------------------------------------------------------------------
// The run

export interface ConsolidationOutput {
  consolidation: Consolidation;
  sheets: SheetSpec[];
  report: ConsolidateReport;
}

/**
 * Reads the files one after the other (one grid in memory at a time), telling `progress`
 * before each, then ranks and builds the output sheets.
 */
export async function consolidateSources(files: readonly SourceFile[], inputs: Inputs, progress: (n: number, total: number, name: string) => void = () => {}): Promise<ConsolidationOutput> {
  // Each set is indexed once for all files.
  const ctx: SubmissionContext = { ...inputs, indexes: inputs.sets.map(indexCriteriaSet) };
  const results: SubmissionResult[] = [];
  for (const [i, file] of files.entries()) {
    progress(i + 1, files.length, file.name);
    results.push(await readSubmission(file, ctx));
  }
  const consolidation = consolidate(
    results.map((r) => r.submission),
    { grades: inputs.grades, ...(inputs.expectedUnits ? { expectedUnits: inputs.expectedUnits } : {}), ...(inputs.allowOtherVersions ? { allowOtherVersions: true } : {}) },
  );
  const gaps = gapsOf(consolidation, results, ctx.indexes);
  const year = inputs.sets[0].year;
  const notes = [
    ...inputs.sets.map((s) => `Bộ tiêu chí: ${s.title} (mã ${s.id}, phiên bản ${s.version})${s.sample ? ' - BỘ TIÊU CHÍ MẪU, không phải bộ tiêu chí chính thức' : ''}`),
    `Xếp loại: ${inputs.grades.map((g) => `${g.label} từ ${g.minIndex}%`).join('; ')}${inputs.gradesSample ? ' (ngưỡng MẪU, chưa xác minh)' : ''}. Đơn vị trùng tệp chưa được xếp hạng.`,
  ];
  const recoverable = new Map(gaps.map((g) => [g.file, totalRecoverable(g.rows)]));
  const findings = new Map(results.map((r) => [r.submission.file, r.submission.findings]));
  const sheets = [
    withIndexCharts(summarySheet(consolidation, { year, notes, recoverable })),
    gapSheet(gaps, { year }),
    logSheet(consolidation, { findings }),
  ];
  return { consolidation, sheets, report: reportOf(consolidation, inputs.baselineProblems) };
}

function reportOf(c: Consolidation, inputProblems: Bilingual[]): ConsolidateReport {
  return {
    ranked: c.units.filter((u) => u.rank !== undefined).length,
    rejected: c.rejected.map((r) => ({ file: r.file, reasons: r.reasons.map((f) => ({ vi: message(f, 'vi'), en: message(f, 'en') })) })),
    duplicates: c.duplicates,
    missing: c.missing.map((m) => m.name),
    inputProblems,
  };
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
