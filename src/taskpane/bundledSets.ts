/**
 * The criteria sets the add-in ships (data/criteria), loaded on demand (each its own
 * chunk, never in the first paint) when an open workbook names one: the pane then
 * checks the workbook against it (edited maximums named per criterion) and knows where
 * "Không áp dụng" is allowed; and the set of a level, to create the form on an empty workbook.
 */
import type { CriteriaSet, UnitLevel } from '../core/criteria';
import { checkCriteriaSet } from '../core/criteriaSet';
import { namesSet } from '../workbook/reference';
import type { UnitMeta } from '../workbook/read';

const BUNDLED: (() => Promise<{ default: unknown }>)[] = [
  () => import(/* webpackChunkName: "set-so-2024" */ '../../data/criteria/so-2024.json'),
  () => import(/* webpackChunkName: "set-huyen-2024" */ '../../data/criteria/huyen-2024.json'),
  () => import(/* webpackChunkName: "set-xa-2024" */ '../../data/criteria/xa-2024.json'),
];

let loaded: Promise<CriteriaSet[]> | undefined;

function bundledSets(): Promise<CriteriaSet[]> {
  loaded ??= Promise.all(BUNDLED.map((load) => load())).then((modules) =>
    modules.flatMap((m) => {
      const checked = checkCriteriaSet(m.default);
      return checked.set ? [checked.set] : [];
    }),
  );
  return loaded;
}

/** The bundled set the workbook names, if any; nothing is loaded for a workbook that names none. */
export async function bundledSetFor(meta: Pick<UnitMeta, 'setId' | 'setVersion'>): Promise<CriteriaSet | undefined> {
  if (meta.setId === undefined) return undefined;
  return (await bundledSets()).find((s) => namesSet(meta, s));
}

/** The newest bundled set for a unit level: the start screen creates the form from it. */
export async function bundledSetOfLevel(level: UnitLevel): Promise<CriteriaSet | undefined> {
  return (await bundledSets()).filter((s) => s.levels.includes(level)).sort((a, b) => b.year - a.year)[0];
}
