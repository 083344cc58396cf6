/**
 * Which of the criteria sets at hand (the bundled ones in the pane) a unit's workbook is
 * for. A workbook made from our template names its set in the metadata sheet; a workbook
 * made by hand names none, so it is matched by what it holds: its level (letterhead, unit
 * line or title) and its criteria, compared by name, so that codes numbered or punctuated
 * another way (`I.`, `1.1.`, criteria numbered across fields) do not matter. When no set
 * fits, the closest one and why it was not taken are said (SET_NOT_MATCHED), instead of
 * silently checking the sheet against itself.
 */
import { flattenSet, type CriteriaSet, type UnitLevel } from '../core/criteria';
import { finding, type Finding } from '../core/findings';
import { wordsOfName } from './compare';
import type { UnitReading } from './read';
import { namesSet } from './reference';

export interface SetMatch {
  /** The set the workbook is checked against. */
  set?: CriteriaSet;
  /** When no set is taken although some are at hand: the closest one and why (SET_NOT_MATCHED). */
  finding?: Finding;
}

/** Share of a set's criteria the sheet must carry, and of the sheet's rows the set must know. */
const MIN_SHARE = 0.7;
/** A set of another level fitting better by this much means the sheet's level is in doubt; so does a tie with the level unknown. */
const MIN_LEAD = 0.1;
/**
 * Two names are the same criterion when most of their words are shared (Jaccard index):
 * stricter than the row alignment's sameName, since sets of different levels share many
 * criteria worded nearly alike.
 */
const SAME_NAME = 0.8;

const LEVEL_NAMES: Record<UnitLevel, { vi: string; en: string }> = {
  so: { vi: 'sở, ban, ngành', en: 'departments' },
  huyen: { vi: 'UBND cấp huyện', en: 'district People’s Committees' },
  xa: { vi: 'UBND cấp xã', en: 'commune People’s Committees' },
};

interface Closeness {
  set: CriteriaSet;
  /** Criteria of the set found in the sheet, by name, and how many it has. */
  found: number;
  total: number;
  /** Rows of the sheet the set knows, by name, and how many the sheet has. */
  known: number;
  rows: number;
  levelFits: boolean;
  score: number;
}

function wordsOf(name: string): Set<string> {
  return new Set(wordsOfName(name));
}

function sameCriterion(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  // Shared words are at most the smaller size and the union at least the larger: sizes far apart never reach SAME_NAME.
  if (Math.min(a.size, b.size) < SAME_NAME * Math.max(a.size, b.size)) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union > 0 && shared / union >= SAME_NAME;
}

/** How many names of `a` are the name of a criterion in `b`. */
function namesFound(a: readonly Set<string>[], b: readonly Set<string>[]): number {
  return a.filter((words) => b.some((other) => sameCriterion(words, other))).length;
}

function closeness(sheetNames: readonly Set<string>[], level: UnitLevel | undefined, set: CriteriaSet): Closeness {
  const names = flattenSet(set).map((n) => wordsOf(n.name));
  const found = namesFound(names, sheetNames);
  const known = namesFound(sheetNames, names);
  const share = Math.min(names.length > 0 ? found / names.length : 0, sheetNames.length > 0 ? known / sheetNames.length : 0);
  return { set, found, total: names.length, known, rows: sheetNames.length, levelFits: level === undefined || set.levels.includes(level), score: share };
}

function levelsText(levels: readonly UnitLevel[], lang: 'vi' | 'en'): string {
  return levels.map((l) => LEVEL_NAMES[l][lang]).join(', ');
}

/** What follows when no set fits, as SET_NOT_MATCHED says it: the sheet is checked against itself (the pane, validate)... */
const CHECKED_ALONE = {
  effect: 'Bảng đang được kiểm tra theo chính nội dung của nó, nên tiêu chí chấm qua điều tra xã hội học và tiêu chí được "Không áp dụng" chỉ được nhận ra khi cách tính điểm ghi rõ.',
  effectEn: 'The sheet is checked against its own contents, so survey-scored criteria and criteria that may be "not applicable" are known only where the scoring method says so.',
};

/** ...or, in a consolidation, the file is left out. */
const LEFT_OUT = {
  effect: 'Tệp không được đưa vào tổng hợp; nếu bảng không ghi cấp đơn vị, ghi cấp của đơn vị trong danh sách đơn vị cũng giúp nhận ra bộ tiêu chí.',
  effectEn: 'The file is left out of the consolidation; if the sheet does not say its unit level, giving the unit\'s level in the unit list also helps find its set.',
};

/** SET_NOT_MATCHED as a consolidation's reason to reject the file: an error that says the file is left out. */
export function asRejection(f: Finding): Finding {
  return { ...f, severity: 'error', params: { ...f.params, ...LEFT_OUT } };
}

/** SET_NOT_MATCHED for the closest set: its title and every reason it was not taken. */
function notMatched(best: Closeness, level: UnitLevel | undefined, ambiguous: boolean): Finding {
  const vi: string[] = [];
  const en: string[] = [];
  if (!best.levelFits && level !== undefined) {
    vi.push(`bảng là của ${LEVEL_NAMES[level].vi}, bộ tiêu chí dành cho ${levelsText(best.set.levels, 'vi')}`);
    en.push(`the sheet is for ${LEVEL_NAMES[level].en}, the set for ${levelsText(best.set.levels, 'en')}`);
  }
  if (best.score < MIN_SHARE) {
    vi.push(`chỉ ${best.found}/${best.total} tiêu chí của bộ có tên trùng với một dòng của bảng và ${best.known}/${best.rows} dòng của bảng có trong bộ`);
    en.push(`only ${best.found}/${best.total} of the set's criteria are named by a row of the sheet and ${best.known}/${best.rows} of the sheet's rows are in the set`);
  }
  if (ambiguous) {
    vi.push('bảng không ghi cấp đơn vị (sở, huyện, xã) và khớp với nhiều bộ tiêu chí như nhau');
    en.push('the sheet does not say its unit level (department, district, commune) and fits several sets alike');
  }
  return finding(
    'SET_NOT_MATCHED',
    { title: best.set.title, id: best.set.id, reason: vi.join('; '), reasonEn: en.join('; '), ...CHECKED_ALONE },
    { field: 'set' },
  );
}

/**
 * The set of `sets` the workbook is for: the one its metadata names; else, for a workbook
 * that names none, the one matchByContent finds. A workbook naming a set that is not at
 * hand gets none and no finding (a province's own set, given to the CLI with --criteria).
 */
export function matchSet(reading: UnitReading, sets: readonly CriteriaSet[]): SetMatch {
  const { meta } = reading;
  if (meta.setId !== undefined) {
    const named = sets.find((s) => namesSet(meta, s));
    return named ? { set: named } : {};
  }
  return matchByContent(reading, sets, meta.level);
}

/**
 * The set of `sets` whose criteria the sheet carries (by name), for `level` (the sheet's,
 * or the unit's on the list; unknown: any level, but not two levels alike); else none,
 * with SET_NOT_MATCHED naming the closest and why. The pane and the consolidation's
 * routing (submission.ts) both decide here.
 */
export function matchByContent(reading: UnitReading, sets: readonly CriteriaSet[], level: UnitLevel | undefined): SetMatch {
  if (sets.length === 0) return {};
  const sheetNames = flattenSet(reading.set).map((n) => wordsOf(n.name));
  const ranked = sets.map((s) => closeness(sheetNames, level, s)).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const fit = ranked.find((c) => c.levelFits);
  // The criteria of another level's set fitting clearly better: the level read from the sheet is in doubt.
  const otherLevel = fit !== undefined && !best.levelFits && best.score - fit.score >= MIN_LEAD;
  const rival = ranked.find((c) => c !== fit && c.levelFits && c.set.levels.join() !== fit?.set.levels.join());
  const ambiguous = level === undefined && fit !== undefined && rival !== undefined && fit.score - rival.score < MIN_LEAD;
  if (fit !== undefined && fit.score >= MIN_SHARE && !otherLevel && !ambiguous) return { set: fit.set };
  const closest = otherLevel || fit === undefined ? best : fit;
  return { finding: notMatched(closest, level, ambiguous) };
}
