/**
 * The CLI side of the evidence register: loading a register file (.xlsx or .csv; only
 * read), finding the register of each unit in a folder by the unit's name, and the
 * register summary line of the text report.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { CriteriaLookup } from '../core/criteriaSet';
import type { Lang } from '../core/format';
import { finding, message, sortFindings, type Finding } from '../core/findings';
import { mergeRegisterFindings, type RegisterSummary } from '../core/register';
import { normalizeText } from '../core/text';
import { csvToGrid } from '../workbook/csv';
import { locateFinding, type UnitReading } from '../workbook/read';
import { crossCheckReading, readRegister, type RegisterReading } from '../workbook/register';
import { FileUnreadableError } from '../xlsx/errors';
import { readWorkbookFile } from '../xlsx/read';
import { checkEvidenceDir } from './evidenceDir';

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
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    grid = csvToGrid(text, { sheetName: file });
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

/** Words a register's file name carries besides the unit's name. */
const FILE_WORDS = /\b(?:so dang ky|dang ky|van ban di|van ban|so vb di|vb di|register|nam \d{4}|\d{4})\b/g;

/** A name as compared: no case, diacritics or punctuation; the register's own words removed. */
function nameKey(text: string): string {
  return normalizeText(text).replace(/[^a-z0-9]+/g, ' ').replace(FILE_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The register file of a unit among `files`: the one whose name (extension and the
 * words "sổ đăng ký", "văn bản đi", a year left out) is the unit's name, or contains it
 * as whole words; the longest such unit name wins when units' names overlap
 * ("Sở Tư pháp" and "Sở Tư pháp tỉnh"). Undefined when none or several fit.
 */
export function registerFileOf(unit: string, files: readonly string[], units: readonly string[] = [unit]): string | undefined {
  const key = nameKey(unit);
  if (key === '') return undefined;
  const fits = files.filter((f) => {
    const name = nameKey(basename(f, extname(f)));
    if (name !== key && !` ${name} `.includes(` ${key} `)) return false;
    // Another unit whose name is longer and also fits takes the file.
    return !units.some((u) => {
      const other = nameKey(u);
      return other !== key && other.length > key.length && ` ${name} `.includes(` ${other} `);
    });
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** The summary line of a unit's cross-check, for the text reports. */
export function registerSummaryText(summary: RegisterSummary, registerFile: string, lang: Lang): string {
  const s = summary;
  return lang === 'vi'
    ? `  Đối chiếu sổ đăng ký văn bản đi ${registerFile}: ${s.cited} văn bản của đơn vị được dẫn, ${s.found} có trong sổ, ${s.dateDiffers} khác ngày, ${s.notFound} không có trong sổ` +
        `${s.kindMismatch > 0 ? `, ${s.kindMismatch} khác loại` : ''}${s.unrelated > 0 ? `, ${s.unrelated} trích yếu không liên quan` : ''}; ${s.otherIssuers} văn bản của cơ quan khác không đối chiếu` +
        `${s.unreadableRows > 0 ? `; ${s.unreadableRows} dòng sổ không đọc được` : ''}${s.issuer ? ` (ký hiệu đơn vị: ${s.issuer})` : ''}.`
    : `  Register of outgoing documents ${registerFile}: ${s.cited} of the unit's documents cited, ${s.found} found, ${s.dateDiffers} with another date, ${s.notFound} not found` +
        `${s.kindMismatch > 0 ? `, ${s.kindMismatch} of another kind` : ''}${s.unrelated > 0 ? `, ${s.unrelated} with an unrelated summary` : ''}; ${s.otherIssuers} documents of other issuers not checked` +
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
  suggestions: { criterion: string; cell: string | null; citation: string; terms: string[] }[];
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
        registerRow: c.entry ? `${c.entry.sheet}!${c.entry.row}` : null,
      })),
      suggestions: check.suggestions.map((s) => ({ criterion: s.criterion, cell: s.cell ?? null, citation: s.citation, terms: s.terms })),
    };
    out.summaryText = (lang) => registerSummaryText(check.summary, regFile, lang);
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
