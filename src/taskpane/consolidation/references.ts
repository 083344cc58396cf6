/**
 * The references an officer can choose by name: the criteria sets bundled with the add-in
 * (data/criteria), the sets loaded before (kept in the add-in's storage with version and
 * source), and the open workbook when it is a master template. Also the bundled unit list.
 */
import type { CriteriaSet, UnitLevel } from '../../core/criteria';
import type { ExpectedUnit } from '../../core/consolidate';
import so from '../../../data/criteria/so-2024.json';
import huyen from '../../../data/criteria/huyen-2024.json';
import xa from '../../../data/criteria/xa-2024.json';
import bacKan from '../../../data/units/bac-kan-2024.json';

export interface Reference {
  key: string;
  /** Sets checked against, one per level (each file is routed to the set of its level). */
  sets: CriteriaSet[];
  origin: 'bundled' | 'stored' | 'open';
  /** Where a stored set came from (its file name) and when it was loaded. */
  source?: string;
  loadedAt?: string;
}

export const BUNDLED_SETS = [so, huyen, xa] as unknown as CriteriaSet[];

export const BUNDLED_UNITS = { name: 'bac-kan-2024.json', units: bacKan as ExpectedUnit[] };

interface StoredSet {
  set: CriteriaSet;
  source: string;
  loadedAt: string;
}

const STORAGE_KEY = 'chiso-cchc.reference-sets';

/** The add-in's storage: localStorage of the pane's origin (kept across sessions per user and machine). */
function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled by policy: the bundled sets remain
  }
}

export function storedSets(): StoredSet[] {
  try {
    const raw = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? (raw as StoredSet[]).filter((s) => typeof s?.set?.id === 'string' && Array.isArray(s.set.fields)) : [];
  } catch {
    return [];
  }
}

/** Keeps sets loaded from files for next time; a set of the same id and version is replaced. */
export function storeSets(sets: readonly CriteriaSet[], source: string, loadedAt: string): void {
  const kept = storedSets().filter((s) => !sets.some((n) => n.id === s.set.id && n.version === s.set.version));
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify([...kept, ...sets.map((set) => ({ set, source, loadedAt }))]));
  } catch {
    // Quota exceeded: the set still serves this run; the officer loads it again next time.
  }
}

/** The choices, bundled first (all levels together is the default). */
export function references(openSet: CriteriaSet | undefined): Reference[] {
  const list: Reference[] = [{ key: 'bundled', sets: BUNDLED_SETS, origin: 'bundled' }];
  for (const s of BUNDLED_SETS) list.push({ key: `bundled:${s.id}`, sets: [s], origin: 'bundled' });
  for (const s of storedSets()) list.push({ key: `stored:${s.set.id}@${s.set.version}`, sets: [s.set], origin: 'stored', source: s.source, loadedAt: s.loadedAt });
  if (openSet) list.push({ key: 'open', sets: [openSet], origin: 'open' });
  return list;
}

export const LEVEL_NAMES: Record<UnitLevel, { vi: string; en: string }> = {
  so: { vi: 'sở, ban, ngành', en: 'departments' },
  huyen: { vi: 'UBND cấp huyện', en: 'districts' },
  xa: { vi: 'UBND cấp xã', en: 'communes' },
};
