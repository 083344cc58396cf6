/** The reference criteria sets from paths: the bytes go to the one loader (src/pipeline/criteria.ts). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CriteriaSet } from '../core/criteria';
import type { Finding } from '../core/findings';
import type { Lang } from '../core/format';
import { loadCriteriaSource, type SetLoad } from '../pipeline/criteria';

export type { SetLoad } from '../pipeline/criteria';

/** A criteria-set JSON file, or a template .xlsx that carries one. */
export function loadCriteriaSet(path: string, lang: Lang): Promise<SetLoad> {
  return loadCriteriaSource({ name: basename(path), read: () => readFile(path) }, lang);
}

export type SetsLoad = { ok: true; sets: CriteriaSet[] } | { ok: false; path: string; findings: Finding[] };

/** Every set of `paths`, a folder giving its .json and .xlsx files in name order; else the first that does not load, and why. */
export async function loadCriteriaSets(paths: readonly string[], lang: Lang): Promise<SetsLoad> {
  const sets: CriteriaSet[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => /\.(json|xlsx)$/i.test(n)).sort();
      const inner = await loadCriteriaSets(names.map((n) => join(p, n)), lang);
      if (!inner.ok) return inner;
      sets.push(...inner.sets);
      continue;
    }
    const loaded = await loadCriteriaSet(p, lang);
    if (!loaded.ok) return { ok: false, path: p, findings: loaded.findings };
    sets.push(loaded.set);
  }
  return { ok: true, sets };
}
