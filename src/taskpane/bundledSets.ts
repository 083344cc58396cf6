/**
 * The criteria sets the add-in ships (data/criteria), loaded on demand (each its own
 * chunk, never in the first paint) once a workbook is read: the pane then checks the
 * workbook against the set it names, or, for a workbook made by hand, the set of its
 * level whose criteria it carries (matchSet), and knows where "Không áp dụng" is allowed
 * and which rows the survey scores; and the set of a level, to create the form on an
 * empty workbook.
 */
import type { CriteriaSet, UnitLevel } from '../core/criteria';
import { checkCriteriaSet } from '../core/criteriaSet';
import type { UnitReading } from '../workbook/read';
import { matchSet, type SetMatch } from '../workbook/setMatch';

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

/** The bundled set the workbook is for (see matchSet), or why none is. */
export async function bundledMatchFor(reading: UnitReading): Promise<SetMatch> {
  return matchSet(reading, await bundledSets());
}

/** The newest bundled set for a unit level: the start screen creates the form from it. */
export async function bundledSetOfLevel(level: UnitLevel): Promise<CriteriaSet | undefined> {
  return (await bundledSets()).filter((s) => s.levels.includes(level)).sort((a, b) => b.year - a.year)[0];
}
