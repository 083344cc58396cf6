/**
 * The CLI side of the evidence register: loading a register file (.xlsx or .csv; only
 * read), finding the register of each unit in a folder by the unit's name, and the
 * register summary line of the text report.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { CriteriaLookup } from '../core/criteriaSet';
import type { Lang } from '../core/format';
import { finding, jsonFinding, message, sortFindings, type Finding, type JsonFinding } from '../core/findings';
import { mergeRegisterFindings, type RegisterSummary } from '../core/register';
import { csvToGrid, decodeCsvBytes } from '../workbook/csv';
import { locateFinding, type UnitReading } from '../workbook/read';
import { crossCheckReading, readRegister, type RegisterReading } from '../workbook/register';
import { FileUnreadableError } from '../xlsx/errors';
import { readWorkbookFile } from '../xlsx/read';
import type { RegisterChecked, RegisterInput } from '../pipeline/register';
import { checkEvidenceDir } from './evidenceDir';
import { terminalSafe } from './io';
import { UsageError } from './args';

export type RegisterLoad = { ok: true; register: RegisterReading } | { ok: false; findings: Finding[] };

/** Register files a folder may hold. */
export const REGISTER_EXTENSIONS = ['.xlsx', '.xlsm', '.csv'];

/**
 * Reads a register file: a .csv as UTF-8 text (a byte-order mark allowed), anything else
 * as a workbook. A file without a register table is REGISTER_NOT_RECOGNISED.
 */
export async function loadRegisterFile(path: string, lang: Lang): Promise<RegisterLoad> {
  const file = basename(path);
  let grid;
  if (extname(path).toLowerCase() === '.csv') {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      return { ok: false, findings: [new FileUnreadableError(file, 'io', (e as NodeJS.ErrnoException).code ?? String(e)).toFinding(lang)] };
    }
    grid = csvToGrid(decodeCsvBytes(bytes), { sheetName: file });
  } else {
    try {
      grid = await readWorkbookFile(path);
    } catch (e) {
      if (e instanceof FileUnreadableError) return { ok: false, findings: [e.toFinding(lang)] };
      throw e;
    }
  }
  const register = readRegister(grid, { file });
  if (register.sheets.length === 0) return { ok: false, findings: [finding('REGISTER_NOT_RECOGNISED', { register: file }, { file })] };
  return { ok: true, register };
}

/** The register files of a folder (not recursive), by name. */
export async function listRegisterFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder, { withFileTypes: true });
  return names
    .filter((d) => d.isFile() && !d.name.startsWith('~$') && !d.name.startsWith('.') && REGISTER_EXTENSIONS.includes(extname(d.name).toLowerCase()))
    .map((d) => join(folder, d.name))
    .sort();
}

/** The summary line of a unit's cross-check, for the text reports. */
export function registerSummaryText(summary: RegisterSummary, registerFile: string, lang: Lang): string {
  const s = summary;
  return lang === 'vi'
    ? `  Đối chiếu sổ đăng ký văn bản đi ${registerFile}: ${s.cited} văn bản của đơn vị được dẫn, ${s.found} có trong sổ, ${s.dateDiffers} khác ngày, ${s.notFound} không có trong sổ` +
        `${s.kindMismatch > 0 ? `, ${s.kindMismatch} khác loại` : ''}${s.unrelated > 0 ? `, ${s.unrelated} trích yếu không liên quan` : ''}; ${s.otherIssuers} văn bản của cơ quan khác không đối chiếu` +
        `${s.issuerAmbiguous ? `; ${s.issuerAmbiguous} văn bản không rõ của đơn vị hay của cấp trên (cùng ký hiệu), không có trong sổ` : ''}` +
        `${s.unreadableRows > 0 ? `; ${s.unreadableRows} dòng sổ không đọc được` : ''}${s.issuer ? ` (ký hiệu đơn vị: ${s.issuer})` : ''}.`
    : `  Register of outgoing documents ${registerFile}: ${s.cited} of the unit's documents cited, ${s.found} found, ${s.dateDiffers} with another date, ${s.notFound} not found` +
        `${s.kindMismatch > 0 ? `, ${s.kindMismatch} of another kind` : ''}${s.unrelated > 0 ? `, ${s.unrelated} with an unrelated summary` : ''}; ${s.otherIssuers} documents of other issuers not checked` +
        `${s.issuerAmbiguous ? `; ${s.issuerAmbiguous} not in the register and not clearly the unit's or a higher level's (same symbol)` : ''}` +
        `${s.unreadableRows > 0 ? `; ${s.unreadableRows} unreadable register rows` : ''}${s.issuer ? ` (unit's symbol: ${s.issuer})` : ''}.`;
}

/** A register that could not be used, as lines for stderr. */
export function registerLoadText(path: string, findings: readonly Finding[], lang: Lang): string {
  const head = lang === 'vi' ? `Không dùng được sổ đăng ký ${path}:` : `Cannot use the register ${path}:`;
  return `${[head, ...findings.map((f) => `  ${message(f, lang)}`)].join('\n')}\n`;
}

/** What `validate --register/--evidence-dir` adds to a file's JSON report. */
export interface RegisterJson {
  file: string;
  issuer: string | null;
  summary: Omit<RegisterSummary, 'issuer'>;
  citations: { criterion: string; doc: string; status: string; cited: string | null; registered: string | null; registerRow: string | null }[];
  suggestions: { criterion: string; cell: string | null; citation: string; terms: string[]; matched: string[] }[];
}

export interface EvidenceDirJson {
  folder: string;
  files: { path: string; size: number; sha256: string; citations: string[] }[];
  skipped: number;
  unmatchedCitations: { criterion: string; doc: string }[];
  unmatchedFiles: string[];
}

export interface RegisterRun {
  /** The register, loaded once for all files. */
  register?: RegisterReading;
  /** The unit's issuer abbreviation (--issuer); inferred from the register when absent. */
  issuer?: string;
  evidenceDir?: string;
}

/**
 * The register and evidence-folder checks of one unit's reading (in the reference's
 * numbering when there is one): the findings merged into the validation's, and the JSON
 * parts. `criteria` is the lookup the totals use (the reference's, else the sheet's).
 */
export async function crossCheckUnit(
  reading: UnitReading,
  criteria: CriteriaLookup,
  validation: readonly Finding[],
  run: RegisterRun,
): Promise<{ findings: Finding[]; register?: RegisterJson; evidenceDir?: EvidenceDirJson; summaryText?: (lang: Lang) => string }> {
  let findings = [...validation];
  const out: { register?: RegisterJson; evidenceDir?: EvidenceDirJson; summaryText?: (lang: Lang) => string } = {};
  if (run.register) {
    const reg = run.register;
    const check = crossCheckReading(reading, criteria, reg, run.issuer !== undefined ? { issuer: run.issuer } : {});
    findings = mergeRegisterFindings(findings, check);
    const { issuer, ...summary } = check.summary;
    const regFile = reg.file ?? 'register';
    out.register = {
      file: regFile,
      issuer,
      summary,
      citations: check.citations.map((c) => ({
        criterion: c.criterion,
        doc: c.ref.symbol ?? c.ref.raw,
        status: c.status,
        cited: c.ref.dateText ?? null,
        registered: c.entry?.dateText ?? null,
        // A CSV's line (`so.csv:9`), a workbook's sheet and row.
        registerRow: c.entry ? (c.entry.line !== undefined ? `${regFile}:${c.entry.line}` : `${c.entry.sheet}!${c.entry.row}`) : null,
      })),
      suggestions: check.suggestions.map((s) => ({ criterion: s.criterion, cell: s.cell ?? null, citation: s.citation, terms: s.terms, matched: s.matched })),
    };
    // Names and the issuer come from the files: shown escaped, as the report's other lines.
    out.summaryText = (lang) => `${terminalSafe(`== ${reading.file ?? ''}`)}\n${terminalSafe(registerSummaryText(check.summary, regFile, lang))}\n`;
  }
  if (run.evidenceDir !== undefined) {
    const dir = await checkEvidenceDir(run.evidenceDir, criteria, reading.answers);
    findings.push(...dir.findings.map((f) => (f.criterion !== undefined ? locateFinding(reading, f) : f)));
    const byFile = new Map<string, string[]>();
    for (const c of dir.citations) for (const p of c.files) byFile.set(p, [...(byFile.get(p) ?? []), `${c.criterion}: ${c.doc}`]);
    out.evidenceDir = {
      folder: dir.folder,
      files: dir.files.map((f) => ({ ...f, citations: byFile.get(f.path) ?? [] })),
      skipped: dir.skipped,
      unmatchedCitations: dir.unmatchedCitations.map((c) => ({ criterion: c.criterion, doc: c.doc })),
      unmatchedFiles: dir.unmatchedFiles,
    };
  }
  return { findings: sortFindings(findings), ...out };
}

/** The registers of a folder, loaded; a file that cannot be used is told on stderr and left out. */
export async function loadRegisterFolder(folder: string, lang: Lang, err: (text: string) => void): Promise<RegisterInput[]> {
  let paths: string[];
  try {
    paths = await listRegisterFiles(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UsageError(`Không đọc được thư mục sổ đăng ký ${folder} (${code}).`, `Cannot read the registers folder ${folder} (${code}).`);
  }
  const out: RegisterInput[] = [];
  for (const path of paths) {
    const loaded = await loadRegisterFile(path, lang);
    if (loaded.ok) out.push({ name: basename(path), register: loaded.register });
    else err(registerLoadText(path, loaded.findings, lang));
  }
  return out;
}

/** Per unit, what `consolidate --registers` adds to the JSON. */
export interface UnitRegisterJson {
  unit: string | null;
  file: string;
  register: string;
  issuer: string | null;
  summary: Omit<RegisterSummary, 'issuer'>;
  suggestions: number;
  findings: JsonFinding[];
}

/** The units' cross-checks of a consolidation's results, and the registers no unit took. */
export function registerReport(results: readonly RegisterChecked[], registers: readonly RegisterInput[], lang: Lang): { units: UnitRegisterJson[]; unmatched: string[] } {
  const units: UnitRegisterJson[] = [];
  const used = new Set<string>();
  for (const r of results) {
    if (!r.register) continue;
    used.add(r.register.register);
    const { issuer, ...summary } = r.register.summary;
    units.push({
      unit: r.submission.unit ?? null,
      file: r.submission.file,
      register: r.register.register,
      issuer,
      summary,
      suggestions: r.register.suggestions,
      findings: r.register.findings.map((f) => jsonFinding(f, lang)),
    });
  }
  return { units, unmatched: registers.map((r) => r.name).filter((n) => !used.has(n)) };
}

/** The registers part of `consolidate`'s text report. */
export function registerReportText(report: { units: UnitRegisterJson[]; unmatched: string[] }, lang: Lang): string {
  const lines: string[] = [lang === 'vi' ? 'Đối chiếu sổ đăng ký văn bản đi:' : 'Registers of outgoing documents:'];
  for (const u of report.units) {
    const s = u.summary;
    lines.push(
      lang === 'vi'
        ? `  ${u.unit ?? u.file} (${u.register}): dẫn ${s.cited}, có trong sổ ${s.found}, khác ngày ${s.dateDiffers}, không có trong sổ ${s.notFound}${s.kindMismatch ? `, khác loại ${s.kindMismatch}` : ''}${s.unrelated ? `, trích yếu không liên quan ${s.unrelated}` : ''}${s.issuerAmbiguous ? `, không rõ cơ quan ban hành ${s.issuerAmbiguous}` : ''}${s.unreadableRows ? `, dòng sổ không đọc được ${s.unreadableRows}` : ''}`
        : `  ${u.unit ?? u.file} (${u.register}): cited ${s.cited}, found ${s.found}, date differs ${s.dateDiffers}, not found ${s.notFound}${s.kindMismatch ? `, other kind ${s.kindMismatch}` : ''}${s.unrelated ? `, unrelated summary ${s.unrelated}` : ''}${s.issuerAmbiguous ? `, issuer unclear ${s.issuerAmbiguous}` : ''}${s.unreadableRows ? `, unreadable register rows ${s.unreadableRows}` : ''}`,
    );
  }
  if (report.unmatched.length > 0) {
    lines.push(lang === 'vi' ? `  Sổ không khớp tên đơn vị nào (đặt tên tệp theo tên đơn vị): ${report.unmatched.join('; ')}` : `  Registers matching no unit's name (name the file after the unit): ${report.unmatched.join('; ')}`);
  }
  return `${lines.map(terminalSafe).join('\n')}\n`;
}
