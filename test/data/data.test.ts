/**
 * The bundled data (data/): the three sample criteria sets, the unit list and the
 * targets of Kế hoạch 386. The files are hand-maintained JSON, so these tests are what
 * keeps their sums, codes and verified figures honest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNIT_LEVELS, type CriteriaSet, type CriterionNode, type UnitLevel } from '../../src/core/criteria';
import { checkCriteriaSet } from '../../src/core/criteriaSet';
import { lintCriteriaSet } from '../../src/core/lint';
import { parseMethod } from '../../src/core/method';
import { papiTarget, planStatus, sipasTarget, type PlanItem, type SipasMode } from '../../src/core/targets';

const DATA = join(__dirname, '..', '..', 'data');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(DATA, path), 'utf8'));

/** Points are compared in ten-thousandths so that 0,25 + 0,5 + ... adds up exactly. */
const units4 = (n: number): number => Math.round(n * 10000);
const sum4 = (ns: number[]): number => ns.reduce((s, n) => s + units4(n), 0);

/** The 8 field names of the province-level PAR INDEX (Quyết định 876/QĐ-BNV) [verified]. */
const VERIFIED_FIELDS = [
  'Công tác chỉ đạo, điều hành cải cách hành chính',
  'Cải cách thể chế',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy hành chính nhà nước',
  'Cải cách chế độ công vụ',
  'Cải cách tài chính công',
  'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
  'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội',
];
const SURVEY_METHOD = 'Điểm đánh giá thông qua điều tra xã hội học';

interface Walked {
  node: CriterionNode;
  depth: number;
  bonus: boolean;
}

function walk(set: CriteriaSet): Walked[] {
  const out: Walked[] = [];
  const visit = (node: CriterionNode, depth: number, bonus: boolean) => {
    const b = bonus || node.bonus === true;
    out.push({ node, depth, bonus: b });
    for (const c of node.children ?? []) visit(c, depth + 1, b);
  };
  for (const f of set.fields) visit(f, 0, false);
  return out;
}

const isLeaf = (n: CriterionNode): boolean => (n.children ?? []).length === 0;

describe.each([
  ['so-2024.json', 'so', 7],
  ['huyen-2024.json', 'huyen', 8],
  ['xa-2024.json', 'xa', 7],
] as const)('criteria set %s', (file, level: UnitLevel, fieldCount) => {
  const json = readJson(join('criteria', file));
  const { set, findings } = checkCriteriaSet(json);
  const nodes = set ? walk(set) : [];
  const counted = nodes.filter((w) => !w.bonus);
  const leaves = counted.filter((w) => isLeaf(w.node));
  const surveyLeaves = leaves.filter((w) => w.node.scoredBy === 'survey');
  const selfLeaves = leaves.filter((w) => w.node.scoredBy !== 'survey');

  test('passes the format check and the linter with no finding at all', () => {
    expect(findings).toEqual([]);
    expect(set).toBeDefined();
    expect(lintCriteriaSet(set!)).toEqual([]);
  });

  test('says plainly that it is a sample for 2024 at its level', () => {
    expect(set!.sample).toBe(true);
    expect(set!.year).toBe(2024);
    expect(set!.levels).toEqual([level]);
    expect(set!.version).toBe('2024.1-mau');
    expect(set!.source).toMatch(/^Mẫu thử - không phải bộ tiêu chí chính thức/);
    expect(set!.note).toMatch(/MẪU/);
    expect(set!.note).toMatch(/KHÔNG phải bộ tiêu chí chính thức/);
    expect(set!.period.from.startsWith('2024-')).toBe(true);
    expect(set!.period.to.startsWith('2024-')).toBe(true);
  });

  test('uses only the verified field names, numbered 1..n, bonus section last', () => {
    const fields = set!.fields.filter((f) => !f.bonus);
    expect(fields).toHaveLength(fieldCount);
    fields.forEach((f, i) => {
      expect(f.code).toBe(String(i + 1));
      expect(VERIFIED_FIELDS).toContain(f.name);
    });
    // Kept in the verified order even where a field is left out.
    const order = fields.map((f) => VERIFIED_FIELDS.indexOf(f.name));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const bonus = set!.fields.filter((f) => f.bonus);
    expect(set!.fields.slice(fields.length)).toEqual(bonus);
  });

  test('every parent carries exactly the sum of its children', () => {
    for (const { node } of nodes) {
      if (isLeaf(node)) continue;
      expect([node.code, sum4(node.children!.map((c) => c.maxPoints))]).toEqual([node.code, units4(node.maxPoints)]);
    }
  });

  test('fields add up to 100, self-scored and survey leaves together', () => {
    expect(sum4(set!.fields.filter((f) => !f.bonus).map((f) => f.maxPoints))).toBe(units4(100));
    expect(sum4(leaves.map((w) => w.node.maxPoints))).toBe(units4(100));
    const survey = sum4(surveyLeaves.map((w) => w.node.maxPoints)) / 10000;
    expect(survey).toBeGreaterThanOrEqual(25);
    expect(survey).toBeLessThanOrEqual(32);
  });

  test('has about 120 rows and 35-45 criteria (the consolidation benchmark size)', () => {
    expect(counted.length).toBeGreaterThanOrEqual(110);
    expect(counted.length).toBeLessThanOrEqual(130);
    const criteria = counted.filter((w) => w.depth === 1).length;
    expect(criteria).toBeGreaterThanOrEqual(35);
    expect(criteria).toBeLessThanOrEqual(45);
    expect(counted.some((w) => w.depth === 2)).toBe(true);
    expect(counted.every((w) => w.depth <= 2)).toBe(true);
  });

  test('every self-scored leaf has a readable method and an evidence requirement', () => {
    for (const { node } of selfLeaves) {
      const { method, findings: methodFindings } = parseMethod(node.method, node.maxPoints, node.code);
      expect([node.code, method.kind]).toEqual([node.code, expect.stringMatching(/^(options|deduction)$/)]);
      expect(methodFindings).toEqual([]);
      // Decimal commas, as Vietnamese sheets write them.
      expect(node.method).not.toMatch(/\d\.\d/);
      expect(node.evidence?.trim()).toBeTruthy();
    }
  });

  test('survey leaves say so in the method column and are never self-scored', () => {
    expect(surveyLeaves.length).toBeGreaterThan(0);
    for (const { node } of surveyLeaves) {
      expect(node.method).toBe(SURVEY_METHOD);
      expect(parseMethod(node.method, node.maxPoints).method.kind).toBe('survey');
      expect(node.notApplicableAllowed).toBeUndefined();
    }
  });

  test('"Không áp dụng" is allowed on a few rows only', () => {
    const na = selfLeaves.filter((w) => w.node.notApplicableAllowed === true).length;
    expect(na).toBeGreaterThanOrEqual(1);
    expect(na).toBeLessThanOrEqual(Math.ceil(selfLeaves.length / 8));
  });
});

describe('criteria sets together', () => {
  const sets = ['so', 'huyen', 'xa'].map((n) => checkCriteriaSet(readJson(`criteria/${n}-2024.json`)).set!);

  test('ids are distinct and each level has its own set', () => {
    expect(new Set(sets.map((s) => s.id)).size).toBe(3);
    expect(sets.flatMap((s) => s.levels).sort()).toEqual([...UNIT_LEVELS].sort());
  });

  test('only the commune set has a bonus section, outside the 100 points', () => {
    const bonus = sets.map((s) => s.fields.filter((f) => f.bonus));
    expect(bonus.map((b) => b.length)).toEqual([0, 0, 1]);
    const [section] = bonus[2];
    expect(section.name).toBe('Điểm cộng');
    expect(section.maxPoints).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------
// Units

interface UnitEntry {
  name: string;
  level: UnitLevel;
  district?: string;
}

describe('units of Bắc Kạn, 2024', () => {
  const units = readJson('units/bac-kan-2024.json') as UnitEntry[];
  const DISTRICTS = [
    'UBND thành phố Bắc Kạn',
    'UBND huyện Ba Bể',
    'UBND huyện Bạch Thông',
    'UBND huyện Chợ Đồn',
    'UBND huyện Chợ Mới',
    'UBND huyện Na Rì',
    'UBND huyện Ngân Sơn',
    'UBND huyện Pác Nặm',
  ];
  /** Commune-level units per district after Nghị quyết 855/NQ-UBTVQH14 (2020) and 722/NQ-UBTVQH15 (2023): 108 in all. */
  const OFFICIAL_COMMUNES: Record<string, number> = {
    'UBND thành phố Bắc Kạn': 8,
    'UBND huyện Ba Bể': 15,
    'UBND huyện Bạch Thông': 14,
    'UBND huyện Chợ Đồn': 20,
    'UBND huyện Chợ Mới': 14,
    'UBND huyện Na Rì': 17,
    'UBND huyện Ngân Sơn': 10,
    'UBND huyện Pác Nặm': 10,
  };

  test('is an array of {name, level} with valid levels', () => {
    expect(Array.isArray(units)).toBe(true);
    for (const u of units) {
      expect(typeof u.name).toBe('string');
      expect(u.name.trim()).toBe(u.name);
      expect(u.name).not.toBe('');
      expect(UNIT_LEVELS).toContain(u.level);
    }
  });

  test('names are unique', () => {
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
  });

  test('the 8 districts are the district-level units', () => {
    expect(units.filter((u) => u.level === 'huyen').map((u) => u.name).sort()).toEqual([...DISTRICTS].sort());
  });

  test('departments include Sở Nội vụ and carry no district', () => {
    const so = units.filter((u) => u.level === 'so');
    expect(so.map((u) => u.name)).toContain('Sở Nội vụ');
    expect(so.every((u) => u.district === undefined)).toBe(true);
  });

  test('every commune names its district and no district lists more than it has', () => {
    const communes = units.filter((u) => u.level === 'xa');
    for (const c of communes) {
      expect(DISTRICTS).toContain(c.district);
      expect(c.name).toMatch(/^UBND (xã|phường|thị trấn) \S/);
    }
    for (const d of DISTRICTS) {
      const n = communes.filter((c) => c.district === d).length;
      expect([d, n > 0 && n <= OFFICIAL_COMMUNES[d]]).toEqual([d, true]);
    }
    expect(communes.length).toBeLessThanOrEqual(108);
  });
});

// ---------------------------------------------------------------------------
// Targets of Kế hoạch 386

type TargetItem = PlanItem & { sample: boolean; max?: number };

describe('PAPI targets (Phụ lục 4)', () => {
  const file = readJson('targets/papi-2023-bac-kan.json') as {
    dimensions: { code: string; previous: number; sample: boolean }[];
    rule: { increase: number };
    items: TargetItem[];
  };
  const VERIFIED: Record<string, number> = { '6.1': 1.9933, '6.2': 1.4148, '6.3': 1.8536, '6.4': 1.8662 };

  test('dimension 6 of 2023 is the sum of its four verified sub-dimensions', () => {
    const dim6 = file.dimensions.find((d) => d.code === '6')!;
    expect(dim6).toEqual(expect.objectContaining({ previous: 7.1279, sample: false }));
    const subs = file.items.filter((i) => i.code.startsWith('6.'));
    expect(subs.map((i) => i.code).sort()).toEqual(Object.keys(VERIFIED));
    const sum = subs.reduce((s, i) => s + i.previous, 0);
    expect(Math.abs(sum - dim6.previous)).toBeLessThan(1e-4);
    for (const i of subs) {
      expect(i.previous).toBe(VERIFIED[i.code]);
      expect(i.sample).toBe(false);
    }
  });

  test('every other sub-dimension is marked as a sample', () => {
    const others = file.items.filter((i) => !i.code.startsWith('6.'));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((i) => i.sample)).toBe(true);
  });

  test('targets are last year + 0,1 and items fit the plan-item shape', () => {
    expect(file.rule.increase).toBe(0.1);
    for (const i of file.items) {
      expect(i).toEqual(expect.objectContaining({ index: 'PAPI', appendix: 4 }));
      expect(i.leadUnit.trim()).not.toBe('');
      expect(i.target).toBe(papiTarget(i.previous, file.rule.increase));
      expect(planStatus(i).status).toBe('no-data');
    }
  });
});

describe('SIPAS targets (Phụ lục 3)', () => {
  const file = readJson('targets/sipas-2023-bac-kan.json') as {
    rule: { mode: SipasMode; increase: number };
    ruleComment: string;
    items: TargetItem[];
  };

  test('records the rule and explains percentage points against relative', () => {
    expect(file.rule).toEqual({ mode: 'points', increase: 10 });
    expect(file.ruleComment).toMatch(/điểm phần trăm/);
    expect(file.ruleComment).toMatch(/tương đối/);
  });

  test('the overall 2023 rate is the verified 75,03%, with the 2024 result 78,17%', () => {
    const overall = file.items.find((i) => i.code === 'SIPAS')!;
    expect(overall).toEqual(expect.objectContaining({ previous: 75.03, latest: 78.17, sample: false }));
    expect(planStatus(overall)).toEqual({ gap: 6.86, status: 'not-yet' });
  });

  test('per-aspect and per-element rates are samples; element names are the verified ones', () => {
    const rest = file.items.filter((i) => i.code !== 'SIPAS');
    expect(rest.every((i) => i.sample)).toBe(true);
    expect(rest.filter((i) => i.code.startsWith('2.')).map((i) => i.name)).toEqual([
      'Tiếp cận dịch vụ',
      'Thủ tục hành chính',
      'Công chức trực tiếp giải quyết công việc',
      'Kết quả dịch vụ',
      'Tiếp nhận và xử lý góp ý, phản ánh, kiến nghị',
    ]);
  });

  test('targets follow the recorded rule', () => {
    for (const i of file.items) {
      expect(i).toEqual(expect.objectContaining({ index: 'SIPAS', appendix: 3 }));
      expect(i.target).toBe(sipasTarget(i.previous, file.rule.mode, file.rule.increase));
    }
  });
});

describe('PAR INDEX plan (Phụ lục 1-2)', () => {
  const file = readJson('targets/par-plan-2024-bac-kan.json') as { items: TargetItem[] };

  test('every item is a sample with a lead unit', () => {
    expect(file.items.every((i) => i.index === 'PAR' && i.sample && i.leadUnit.trim() !== '')).toBe(true);
  });

  test('Phụ lục 1 keeps the maximum; Phụ lục 2 raises last year within the maximum', () => {
    const [keep, raise] = [1, 2].map((a) => file.items.filter((i) => i.appendix === a));
    expect(keep.length).toBeGreaterThan(0);
    expect(raise.length).toBeGreaterThan(0);
    for (const i of keep) expect([i.code, i.previous, i.target]).toEqual([i.code, i.max, i.max]);
    for (const i of raise) {
      expect(i.previous).toBeLessThan(i.target);
      expect(i.target).toBeLessThanOrEqual(i.max!);
    }
  });
});
