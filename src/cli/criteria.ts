/** The reference criteria set from a path: the bytes go to the one loader (src/pipeline/criteria.ts). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Lang } from '../core/format';
import { loadCriteriaSource, type SetLoad } from '../pipeline/criteria';

export type { SetLoad } from '../pipeline/criteria';

/** A criteria-set JSON file, or a template .xlsx that carries one. */
export function loadCriteriaSet(path: string, lang: Lang): Promise<SetLoad> {
  return loadCriteriaSource({ name: basename(path), read: () => readFile(path) }, lang);
}
