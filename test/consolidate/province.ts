/**
 * A generated province for the consolidation tests and the benchmark: one self-scoring
 * workbook per unit of Bắc Kạn's 2024 list (plus made-up units to reach the count), built
 * from the SAMPLE criteria sets with scores planted by a formula, so every total, index
 * and rank is known here by plain arithmetic, independently of src/core/totals.
 *
 * Planted faults: a corrupt file, two files of one unit, a unit with no file, a file
 * with an edited maximum, a file made from an older set version. Some unit names start
 * with = + - @ (text that must stay text in every output).
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CriteriaSet, CriterionNode, UnitLevel } from '../../src/core/criteria';
import type { ExpectedUnit } from '../../src/core/consolidate';
import type { WriteValue } from '../../src/workbook/grid';
import type { WorkbookSpec } from '../../src/workbook/spec';
import { buildTemplate } from '../../src/workbook/template';
import { writeSpecToBuffer } from '../../src/xlsx/write';

const ROOT = join(__dirname, '../..');

export function loadSet(level: UnitLevel): CriteriaSet {
  return JSON.parse(readFileSync(join(ROOT, `data/criteria/${level}-2024.json`), 'utf8')) as CriteriaSet;
}

/** Made-up units that push the province to the wanted count; the first four test formula-like names. */
const EXTRA_NAMES = ['=HYPERLINK("http://x.invalid","Sở Mẫu")', '+UBND xã Cộng Hòa Mẫu', '-UBND xã Trừ Mẫu', '@UBND xã A Còng Mẫu'];

export interface PlantedFile {
  file: string;
  unit?: string;
  level?: UnitLevel;
  /** Expected figures when the file is accepted (plain arithmetic over the planted scores). */
  self: number;
  final: number;
  applicableMax: number;
  index: number;
  appraised: boolean;
  /** Codes with a planted previous-year score in the workbook's own column. */
  previous?: Map<string, number>;
  /** Codes with the planted final score. */
  scores: Map<string, number>;
}

export interface Province {
  dir: string;
  sets: Record<UnitLevel, CriteriaSet>;
  units: ExpectedUnit[];
  files: PlantedFile[];
  faults: {
    corrupt: string;
    duplicate: { unit: string; files: [string, string] };
    missing: string;
    editedMax: { file: string; unit: string; code: string };
    oldVersion: { file: string; unit: string };
  };
}

interface Leaf {
  node: CriterionNode;
  /** Index of the node in document order (the template's row order). */
  at: number;
  bonus: boolean;
}

function flatten(set: CriteriaSet): { node: CriterionNode; bonus: boolean; survey: boolean }[] {
  const out: { node: CriterionNode; bonus: boolean; survey: boolean }[] = [];
  const walk = (n: CriterionNode, bonus: boolean) => {
    const b = bonus || n.bonus === true;
    out.push({ node: n, bonus: b, survey: /điều tra xã hội học/i.test(n.method ?? '') || n.scoredBy === 'survey' });
    (n.children ?? []).forEach((c) => walk(c, b));
  };
  set.fields.forEach((f) => walk(f, false));
  return out;
}

function selfLeaves(set: CriteriaSet): Leaf[] {
  return flatten(set)
    .map((e, at) => ({ ...e, at }))
    .filter((e) => (e.node.children?.length ?? 0) === 0 && !e.survey)
    .map(({ node, at, bonus }) => ({ node, at, bonus }));
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10000) / 10000;

/** Whether unit pattern p scores leaf j at its maximum (else 0): a few patterns, so ties happen. */
export function scored(p: number, j: number): boolean {
  return (j * 7 + p * 3) % 10 < 5 + (p % 5);
}

function slug(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  // A name that starts like a formula keeps that character: file names are unit-typed text too.
  return `${/^[=+\-@]/.test(name) ? name[0] : ''}${ascii}`.slice(0, 60);
}

/** The 132 units of data/units plus made-up ones up to count - 1 (files = units - 1 missing + 1 duplicate + 1 corrupt). */
function unitList(count: number): ExpectedUnit[] {
  const real = (JSON.parse(readFileSync(join(ROOT, 'data/units/bac-kan-2024.json'), 'utf8')) as ExpectedUnit[]).map((u) => ({ name: u.name, level: u.level }));
  const want = count - 1;
  const extra: ExpectedUnit[] = [];
  for (let i = 0; real.length + extra.length < want; i++) {
    const name = EXTRA_NAMES[i] ?? `UBND xã Mẫu ${String(i + 1).padStart(2, '0')}`;
    extra.push({ name, level: i === 0 ? 'so' : 'xa' });
  }
  return [...real, ...extra].slice(0, want);
}

export async function generateProvince(dir: string, count = 150): Promise<Province> {
  await mkdir(dir, { recursive: true });
  const sets: Record<UnitLevel, CriteriaSet> = { so: loadSet('so'), huyen: loadSet('huyen'), xa: loadSet('xa') };
  const units = unitList(count);
  const leaves = { so: selfLeaves(sets.so), huyen: selfLeaves(sets.huyen), xa: selfLeaves(sets.xa) };
  const applicable = (s: CriteriaSet) => s.fields.filter((f) => !f.bonus).reduce((t, f) => t + f.maxPoints, 0);

  // The planted faults sit at rows 5, 20, 40 and 60 of the 150-unit list (a department,
  // a district, ...); a smaller province puts them at the same fractions of its list.
  if (units.length < 4) throw new Error(`generateProvince: count ${count} leaves fewer than 4 units for the planted faults`);
  const at = (i: number) => units[Math.min(i, Math.floor((i * units.length) / 62))];
  const missing = at(5).name;
  const duplicate = at(20).name;
  const edited = at(40);
  const old = at(60);
  const files: PlantedFile[] = [];

  const plant = async (k: number, u: ExpectedUnit, file: string, variant: 'normal' | 'edited' | 'old' = 'normal'): Promise<Buffer> => {
    const base = sets[u.level];
    let set = base;
    const editCode = leaves[u.level][0].node.code;
    if (variant === 'edited') set = withEditedMax(base, editCode);
    if (variant === 'old') set = { ...base, version: '2023.1-mau' };
    const withAppraisal = k % 5 === 0;
    const withPrevious = k % 3 === 0;
    const spec = templateFor(set, u, variant, { withAppraisal, withPrevious });
    const values = spec.sheets[0].values;
    // Columns by their headers (row 8), as the template lays them out: optional columns shift the ones after them.
    const header = values[7].map((v) => (typeof v === 'string' ? v : ''));
    const colOf = (label: string | RegExp) => header.findIndex((h) => (typeof label === 'string' ? h === label : label.test(h)));
    const col = { self: colOf('Điểm tự đánh giá'), explanation: colOf('Giải trình'), appraised: colOf('Điểm thẩm định'), reason: colOf('Lý do thẩm định'), previous: colOf(/^Điểm năm \d{4}$/) };
    const p = k % 23;
    let self = 0;
    let final = 0;
    const scores = new Map<string, number>();
    const previous = new Map<string, number>();
    leaves[u.level].forEach((leaf, j) => {
      const row = values[8 + leaf.at];
      const s = scored(p, j) ? leaf.node.maxPoints : 0;
      row[col.self] = s;
      if (s > 0) row[col.explanation] = j % 11 === 0 ? '=Đã thực hiện (giải trình bắt đầu bằng dấu bằng)' : 'Đơn vị đã thực hiện đầy đủ theo kế hoạch';
      let f = s;
      if (withAppraisal && j === 0 && s > 0) {
        row[col.appraised] = 0;
        row[col.reason] = '-Không có tài liệu kiểm chứng';
        f = 0;
      }
      if (withPrevious) {
        const prev = j % 2 === 0 ? leaf.node.maxPoints : 0;
        row[col.previous] = prev;
        previous.set(leaf.node.code, prev);
      }
      self += s;
      final += f;
      scores.set(leaf.node.code, f);
    });
    const appMax = applicable(base);
    files.push({
      file,
      unit: u.name,
      level: u.level,
      self: round4(self),
      final: round4(final),
      applicableMax: appMax,
      index: round2((final / appMax) * 100),
      appraised: withAppraisal && scored(p, 0),
      ...(withPrevious ? { previous } : {}),
      scores,
    });
    const buf = await writeSpecToBuffer(spec);
    await writeFile(join(dir, file), buf);
    return buf;
  };

  let someBuffer: Buffer | undefined;
  let dupFiles: [string, string] = ['', ''];
  for (const [k, u] of units.entries()) {
    if (u.name === missing) continue;
    // Formula-like names keep their first character at the start of the file name as well.
    const file = /^[=+\-@]/.test(u.name) ? `${slug(u.name)}.xlsx` : `${String(k + 1).padStart(3, '0')}-${slug(u.name)}.xlsx`;
    const variant = u === edited ? 'edited' : u === old ? 'old' : 'normal';
    someBuffer = await plant(k, u, file, variant);
    if (u.name === duplicate) {
      const second = `${String(k + 1).padStart(3, '0')}-${slug(u.name)}-ban-sua.xlsx`;
      await plant(k, u, second);
      dupFiles = [file, second];
    }
  }
  const corrupt = '999-tep-hong.xlsx';
  // A zip cut in half: the local headers are there, the central directory is not.
  await writeFile(join(dir, corrupt), (someBuffer as Buffer).subarray(0, Math.floor((someBuffer as Buffer).length / 2)));
  files.push({ file: corrupt, self: 0, final: 0, applicableMax: 0, index: 0, appraised: false, scores: new Map() });

  const editedFile = files.find((f) => f.unit === edited.name) as PlantedFile;
  const oldFile = files.find((f) => f.unit === old.name) as PlantedFile;
  return {
    dir,
    sets,
    units,
    files,
    faults: {
      corrupt,
      duplicate: { unit: duplicate, files: dupFiles },
      missing,
      editedMax: { file: editedFile.file, unit: edited.name, code: leaves[edited.level][0].node.code },
      oldVersion: { file: oldFile.file, unit: old.name },
    },
  };
}

const PLACEHOLDER = 'Đơn vị giữ chỗ';
const templates = new Map<string, WorkbookSpec>();

/**
 * buildTemplate once per set and column variant, then the unit's name put in its cells.
 * Styles, protection (exceljs hashes an empty password 100,000 times) and data validation
 * change nothing that consolidation reads; leaving them out keeps 150 files fast to write.
 */
function templateFor(set: CriteriaSet, u: ExpectedUnit, variant: string, opts: { withAppraisal: boolean; withPrevious: boolean }): WorkbookSpec {
  const key = `${u.level}|${variant}|${opts.withAppraisal}|${opts.withPrevious}`;
  let base = templates.get(key);
  if (!base) {
    base = buildTemplate(set, { name: PLACEHOLDER, level: u.level }, opts);
    templates.set(key, base);
  }
  const put = (v: WriteValue): WriteValue =>
    typeof v === 'string' ? v.replace(PLACEHOLDER, u.name).replace(PLACEHOLDER.toUpperCase(), u.name.toUpperCase()) : v;
  return { sheets: base.sheets.map((s) => ({ ...s, values: s.values.map((row) => row.map(put)), styles: [], protect: false, validations: [] })) };
}

function withEditedMax(set: CriteriaSet, code: string): CriteriaSet {
  const edit = (n: CriterionNode): CriterionNode => ({
    ...n,
    ...(n.code === code ? { maxPoints: n.maxPoints + 1 } : {}),
    ...(n.children ? { children: n.children.map(edit) } : {}),
  });
  return { ...set, fields: set.fields.map(edit) };
}
