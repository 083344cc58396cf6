/**
 * The one criteria-set loader: a source (name + bytes) holding a criteria-set JSON file,
 * or a template workbook that carries its set (a master template's metadata names it).
 * The CLI reads the bytes from a path, the pane's worker from a chosen file; both get
 * the same set or the same findings.
 */
import type { CriteriaSet } from '../core/criteria';
import { checkCriteriaSet } from '../core/criteriaSet';
import { finding, message, type Finding } from '../core/findings';
import type { Lang } from '../core/format';
import { readUnitWorkbook, type UnitReading } from '../workbook/read';
import { readWorkbookBuffer } from '../xlsx/buffer';
import { FileUnreadableError } from '../xlsx/errors';

/** A file to read: its name (for messages and the kind) and a way to get its bytes. */
export interface Source {
  name: string;
  read(): Promise<Uint8Array | ArrayBuffer>;
}

export type SetLoad = { ok: true; set: CriteriaSet } | { ok: false; findings: Finding[] };

export const asBytes = (raw: Uint8Array | ArrayBuffer): Uint8Array => (ArrayBuffer.isView(raw) ? (raw as Uint8Array) : new Uint8Array(raw));

/** The set a template workbook carries, named as its metadata names it (id and version). */
export function setOfReading(reading: UnitReading): CriteriaSet {
  return { ...reading.set, id: reading.meta.setId ?? reading.set.id, version: reading.meta.setVersion ?? reading.set.version };
}

export async function loadCriteriaSource(source: Source, lang: Lang): Promise<SetLoad> {
  const file = source.name;
  let bytes: Uint8Array;
  try {
    bytes = asBytes(await source.read());
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { ok: false, findings: [new FileUnreadableError(file, 'io', code ?? (e instanceof Error ? e.message : String(e))).toFinding(lang)] };
  }
  if (/\.xlsx$/i.test(file)) {
    try {
      const reading = readUnitWorkbook(await readWorkbookBuffer(bytes, file), { file });
      return reading.ok ? { ok: true, set: setOfReading(reading) } : { ok: false, findings: reading.findings };
    } catch (e) {
      if (e instanceof FileUnreadableError) return { ok: false, findings: [e.toFinding(lang)] };
      throw e;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    const problem = e instanceof Error ? e.message : String(e);
    return { ok: false, findings: [finding('SET_INVALID', { path: file, problem, problemEn: problem }, { file, field: 'set' })] };
  }
  const checked = checkCriteriaSet(json);
  if (!checked.set) return { ok: false, findings: checked.findings.map((f) => ({ ...f, file })) };
  return { ok: true, set: checked.set };
}

/** A failed load as one message per language: the file and every finding. */
export function setLoadText(name: string, findings: readonly Finding[]): { vi: string; en: string } {
  return {
    vi: `Bộ tiêu chí ${name} không dùng được: ${findings.map((f) => message(f, 'vi')).join(' ')}`,
    en: `The criteria set ${name} cannot be used: ${findings.map((f) => message(f, 'en')).join(' ')}`,
  };
}
