/**
 * A unit's evidence folder (hồ sơ tài liệu kiểm chứng: one file per document, named by
 * its number and symbol or by the criterion code): the files are listed (recursively,
 * within bounds, symbolic links not followed) and hashed (sha256 of their bytes); they are
 * never opened otherwise, let alone run. Each cited document is matched to a file and
 * each file to a citation; what is left on either side is listed and reported.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { cellText, type Answer } from '../core/answers';
import type { CriteriaLookup } from '../core/criteriaSet';
import { normalizeCode } from '../core/criteriaSet';
import { foldVietnamese } from '../core/documentKinds';
import { parseEvidence } from '../core/evidence';
import { finding, type Finding } from '../core/findings';

export interface EvidenceFile {
  /** Path relative to the folder, with `/` between parts. */
  path: string;
  size: number;
  sha256: string;
}

export interface EvidenceCitation {
  criterion: string;
  row?: number;
  /** The document's symbol (`27/KH-STP`), or the reference as written when it has none. */
  doc: string;
  symbol?: string;
}

export interface EvidenceDirCheck {
  folder: string;
  files: EvidenceFile[];
  /** Files left out by the bounds (count, depth), and entries not listed (links, unreadable). */
  skipped: number;
  /** Each citation with the files matched to it. */
  citations: (EvidenceCitation & { files: string[] })[];
  unmatchedCitations: EvidenceCitation[];
  unmatchedFiles: string[];
  /** EVIDENCE_FILE_MISSING per unmatched citation (on its criterion), EVIDENCE_FILE_UNCITED per unmatched file. */
  findings: Finding[];
}

export interface ListBounds {
  /** Files listed at most (2 000). */
  maxFiles?: number;
  /** Folder depth below the top (6). */
  maxDepth?: number;
}

/** Files a system or an editor leaves beside documents: never evidence. */
const IGNORED = /^(?:\..*|~\$.*|thumbs\.db|desktop\.ini)$/i;

/** sha256 of a file's bytes, read as a stream. */
function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => h.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** The folder's files, sorted by path, each hashed. */
export async function listEvidenceFiles(folder: string, bounds: ListBounds = {}): Promise<{ files: EvidenceFile[]; skipped: number }> {
  const maxFiles = bounds.maxFiles ?? 2000;
  const maxDepth = bounds.maxDepth ?? 6;
  const paths: string[] = [];
  let skipped = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const d of entries) {
      if (IGNORED.test(d.name)) continue;
      const full = join(dir, d.name);
      if (d.isDirectory()) {
        if (depth < maxDepth) await walk(full, depth + 1);
        else skipped++;
      } else if (d.isFile()) {
        if (paths.length < maxFiles) paths.push(full);
        else skipped++;
      } else skipped++; // symbolic links, devices: not followed
    }
  };
  await walk(folder, 0);
  const files: EvidenceFile[] = [];
  for (const p of paths) {
    try {
      const [info, sha256] = await Promise.all([stat(p), hashFile(p)]);
      files.push({ path: relative(folder, p).split(sep).join('/'), size: info.size, sha256 });
    } catch {
      skipped++;
    }
  }
  return { files, skipped };
}

/** A name's tokens: folded, split on anything but letters and digits, numbers without leading zeros. */
function tokens(text: string): string[] {
  return foldVietnamese(text.normalize('NFC'))
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '')
    .map((t) => (/^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : t));
}

/** Whether `seq` appears in `list` as consecutive tokens. */
function hasSequence(list: readonly string[], seq: readonly string[]): boolean {
  if (seq.length === 0) return false;
  outer: for (let i = 0; i + seq.length <= list.length; i++) {
    for (let j = 0; j < seq.length; j++) if (list[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether a path names a criterion code: `1.3.1`, `1.3.1_Ke hoach.pdf`, `TC 1.3.1/...` (not `1.3.10`, not a date `1.3.2024`). */
function namesCode(path: string, code: string): boolean {
  const esc = code.replace(/\./g, '\\.');
  return new RegExp(`(?<![0-9.])${esc}(?![0-9]|\\.[0-9])`).test(path);
}

/** The cited documents of the self-scored answers: one per criterion and symbol (or reference without one). */
export function citationsOf(criteria: CriteriaLookup, answers: readonly Answer[]): EvidenceCitation[] {
  const out: EvidenceCitation[] = [];
  for (const a of answers) {
    const code = normalizeCode(a.code);
    const n = criteria.byCode.get(code);
    if (!n || !n.isLeaf) continue;
    const text = cellText(a.evidence);
    if (text === '') continue;
    const seen = new Set<string>();
    for (const ref of parseEvidence(text).refs) {
      const doc = ref.symbol ?? ref.raw;
      if (seen.has(doc)) continue;
      seen.add(doc);
      out.push({ criterion: code, ...(a.row !== undefined ? { row: a.row } : {}), doc, ...(ref.symbol !== undefined ? { symbol: ref.symbol } : {}) });
    }
  }
  return out;
}

/**
 * Matches citations and files: a file matches a citation when its path holds the
 * symbol's parts in order (`27-KH-STP.pdf`, `So 27_KH-STP ngay 05.02.2024.pdf`), or
 * names the citation's criterion code (`1.3.1.pdf`, a folder `1.3.1/`).
 */
export function matchEvidenceFiles(folder: string, files: readonly EvidenceFile[], citations: readonly EvidenceCitation[], skipped = 0): EvidenceDirCheck {
  const fileTokens = files.map((f) => tokens(f.path));
  const matchedFiles = new Set<string>();
  const withFiles = citations.map((c) => {
    const seq = c.symbol ? tokens(c.symbol) : [];
    const hits = files.filter((f, i) => (seq.length > 0 && hasSequence(fileTokens[i], seq)) || namesCode(f.path, c.criterion)).map((f) => f.path);
    for (const h of hits) matchedFiles.add(h);
    return { ...c, files: hits };
  });
  const unmatchedCitations = withFiles.filter((c) => c.files.length === 0).map(({ files: _files, ...c }) => c);
  const unmatchedFiles = files.map((f) => f.path).filter((p) => !matchedFiles.has(p));
  const findings: Finding[] = [];
  for (const c of unmatchedCitations) {
    const example = c.symbol ? `${c.symbol.replace(/\//g, '-')}.pdf` : `${c.criterion}.pdf`;
    findings.push(finding('EVIDENCE_FILE_MISSING', { doc: c.doc, folder, example }, { criterion: c.criterion, field: 'evidence', ...(c.row !== undefined ? { row: c.row } : {}) }));
  }
  for (const p of unmatchedFiles) findings.push(finding('EVIDENCE_FILE_UNCITED', { path: p, folder }, { field: 'file' }));
  return { folder, files: [...files], skipped, citations: withFiles, unmatchedCitations, unmatchedFiles, findings };
}

/** Lists, hashes and matches a unit's evidence folder against its answers. */
export async function checkEvidenceDir(folder: string, criteria: CriteriaLookup, answers: readonly Answer[], bounds: ListBounds = {}): Promise<EvidenceDirCheck> {
  const { files, skipped } = await listEvidenceFiles(folder, bounds);
  return matchEvidenceFiles(folder, files, citationsOf(criteria, answers), skipped);
}
