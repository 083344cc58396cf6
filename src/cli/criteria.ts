/** The reference criteria sets from paths: the bytes go to the one loader (src/pipeline/criteria.ts). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CriteriaSet } from '../core/criteria';
import { message, type Finding } from '../core/findings';
import type { Lang } from '../core/format';
import { loadCriteriaSource, type SetLoad } from '../pipeline/criteria';
import type { UnitReading } from '../workbook/read';
import { routeReading, type Route } from '../workbook/submission';
import { UsageError } from './args';
import type { Io } from './io';

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

/** The sets --criteria names, for validate and print; undefined, the reason written to stderr, when one does not load. */
export async function givenSets(paths: readonly string[], lang: Lang, io: Io): Promise<CriteriaSet[] | undefined> {
  const loaded = await loadCriteriaSets(paths, lang);
  if (!loaded.ok) {
    io.err(`${lang === 'vi' ? 'Không dùng được bộ tiêu chí' : 'Cannot use the criteria set'} ${loaded.path}:\n`);
    for (const f of loaded.findings) io.err(`  ${message(f, lang)}\n`);
    return undefined;
  }
  if (paths.length > 0 && loaded.sets.length === 0) throw new UsageError(`Không có bộ tiêu chí nào trong ${paths.join(', ')}.`, `No criteria set in ${paths.join(', ')}.`);
  return loaded.sets;
}

/**
 * The set a file is checked against (validate, print): the one --criteria gives, or of
 * several the file's own, as a consolidation routes it, with the one reason when none is.
 */
export function referenceOf(reading: UnitReading, sets: readonly CriteriaSet[]): Route {
  if (sets.length > 1) return routeReading(reading, sets);
  return sets.length === 1 ? { reference: sets[0] } : {};
}
