/** The reference criteria set: a criteria-set JSON file, or a template .xlsx that carries one. */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { CriteriaSet } from '../core/criteria';
import { checkCriteriaSet } from '../core/criteriaSet';
import { finding, type Finding } from '../core/findings';
import { readUnitWorkbook } from '../workbook/read';
import { FileUnreadableError } from '../xlsx/errors';
import { readWorkbookFile } from '../xlsx/read';
import type { Lang } from '../core/format';

export type SetLoad = { ok: true; set: CriteriaSet } | { ok: false; findings: Finding[] };

export async function loadCriteriaSet(path: string, lang: Lang): Promise<SetLoad> {
  const file = basename(path);
  if (extname(path).toLowerCase() === '.xlsx') {
    try {
      const reading = readUnitWorkbook(await readWorkbookFile(path), { file });
      return reading.ok ? { ok: true, set: reading.set } : { ok: false, findings: reading.findings };
    } catch (e) {
      if (e instanceof FileUnreadableError) return { ok: false, findings: [e.toFinding(lang)] };
      throw e;
    }
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { ok: false, findings: [new FileUnreadableError(file, 'io', (e as NodeJS.ErrnoException).code ?? String(e)).toFinding(lang)] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const problem = e instanceof Error ? e.message : String(e);
    return { ok: false, findings: [finding('SET_INVALID', { path: file, problem, problemEn: problem }, { file, field: 'set' })] };
  }
  const checked = checkCriteriaSet(json);
  if (!checked.set) return { ok: false, findings: checked.findings.map((f) => ({ ...f, file })) };
  return { ok: true, set: checked.set };
}
