import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNIT_LEVELS, flattenCriteria, flattenSet } from '../../src/core/criteria';
import {
  NODE_PROPERTIES,
  WINDOW_PROPERTIES,
  PERIOD_PROPERTIES,
  SET_PROPERTIES,
  checkCriteriaSet,
  compareCodes,
  lookupCriteria,
  isWellFormedCode,
  normalizeCode,
  parentCodeOf,
  indexSheet,
  sheetRows,
} from '../../src/core/criteriaSet';
import { message } from '../../src/core/findings';
import { lintCriteriaSet } from '../../src/core/lint';
import { sampleSet } from './criteriaFixture';
import { generatedSet } from './generatedSheet';

/** Loose JSON: the tests break sets on purpose, which no precise type allows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The sample as plain JSON, edited by `edit` (which may mutate it freely). */
function jsonWith(edit: (j: Json) => void): unknown {
  const j = JSON.parse(JSON.stringify(sampleSet()));
  edit(j);
  return j;
}

describe('checkCriteriaSet', () => {
  test('accepts the sample set as it is', () => {
    const { set, findings } = checkCriteriaSet(jsonWith(() => undefined));
    expect(findings).toEqual([]);
    expect(set?.fields).toHaveLength(3);
  });

  test.each([
    ['year missing', (j: Json) => delete j.year, 'year', 'thiếu trường bắt buộc'],
    ['year not an integer', (j: Json) => (j.year = 2024.5), 'year', 'số nguyên'],
    ['year as text', (j: Json) => (j.year = '2024'), 'year', 'số nguyên'],
    ['unknown level', (j: Json) => (j.levels = ['so', 'tinh']), 'levels[1]', 'so, huyen, xa'],
    ['no level', (j: Json) => (j.levels = []), 'levels', 'khác rỗng'],
    ['repeated level', (j: Json) => (j.levels = ['xa', 'xa']), 'levels', 'lặp'],
    ['impossible date', (j: Json) => (j.period.from = '2024-02-30'), 'period.from', 'YYYY-MM-DD'],
    ['Vietnamese date', (j: Json) => (j.period.to = '31/12/2024'), 'period.to', 'YYYY-MM-DD'],
    ['period reversed', (j: Json) => (j.period = { from: '2024-12-31', to: '2024-01-01' }), 'period', 'sau ngày kết thúc'],
    ['period missing a bound', (j: Json) => delete j.period.to, 'period.to', 'thiếu'],
    ['negative maximum', (j: Json) => (j.fields[2].children[0].maxPoints = -1), 'fields[2].children[0].maxPoints', 'số âm'],
    ['maximum as text', (j: Json) => (j.fields[0].children[1].maxPoints = '1,5'), 'fields[0].children[1].maxPoints', 'phải là số'],
    ['code as number', (j: Json) => (j.fields[0].children[0].children[1].code = 1.1), 'fields[0].children[0].children[1].code', 'chuỗi'],
    ['blank name', (j: Json) => (j.fields[1].name = '  '), 'fields[1].name', 'không được để trống'],
    ['flag as text', (j: Json) => (j.fields[1].children[1].notApplicableAllowed = 'có'), 'fields[1].children[1].notApplicableAllowed', 'true hoặc false'],
    ['unknown scorer', (j: Json) => (j.fields[1].children[2].scoredBy = 'khảo sát'), 'fields[1].children[2].scoredBy', '"survey"'],
    ['row zero', (j: Json) => (j.fields[0].row = 0), 'fields[0].row', 'số nguyên dương'],
    ['misspelt property', (j: Json) => (j.fields[0].maxpoint = 4), 'fields[0].maxpoint', 'không được hỗ trợ'],
    ['unknown top property', (j: Json) => (j.nam = 2024), 'nam', 'không được hỗ trợ'],
    ['no fields', (j: Json) => (j.fields = []), 'fields', 'khác rỗng'],
    ['children not a list', (j: Json) => (j.fields[2].children = { code: '3.1' }), 'fields[2].children', 'danh sách'],
    ['node not an object', (j: Json) => (j.fields[1].children[0] = '2.1'), 'fields[1].children[0]', 'đối tượng'],
  ])('%s -> SET_INVALID at its path', (_label, edit, path, problem) => {
    const { set, findings } = checkCriteriaSet(jsonWith(edit));
    expect(set).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'SET_INVALID', severity: 'error', params: { path } });
    expect(String(findings[0].params.problem)).toContain(problem);
    expect(message(findings[0])).toContain(`tại ${path}:`);
    expect(message(findings[0], 'en')).toMatch(new RegExp(`at ${path.replace(/[[\].]/g, '\\$&')}: [a-z"]`));
  });

  test.each([null, [], 'bộ tiêu chí', 42])('%p is not a set', (json) => {
    const { set, findings } = checkCriteriaSet(json);
    expect(set).toBeUndefined();
    expect(findings.map((f) => f.params.path)).toEqual(['$']);
  });

  test('reports every problem, not only the first', () => {
    const { findings } = checkCriteriaSet(jsonWith((j) => {
      delete j.id;
      j.fields[0].children[0].children[0].maxPoints = -0.5;
      j.fields[2].children[1].bonus = 'yes';
    }));
    expect(findings.map((f) => f.params.path)).toEqual([
      'id',
      'fields[0].children[0].children[0].maxPoints',
      'fields[2].children[1].bonus',
    ]);
  });

  test('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = checkCriteriaSet(v);
        expect(r.set === undefined).toBe(r.findings.length > 0);
      }),
    );
  });
});

describe('data/schema/criteria-set.schema.json is in step with checkCriteriaSet', () => {
  const schema: Json = JSON.parse(readFileSync(join(__dirname, '../../data/schema/criteria-set.schema.json'), 'utf8'));
  const required = (props: Record<string, { required: boolean }>) =>
    Object.entries(props).filter(([, p]) => p.required).map(([k]) => k).sort();

  test.each([
    ['set', schema, SET_PROPERTIES],
    ['period', schema.properties.period, PERIOD_PROPERTIES],
    ['node', schema.$defs.node, NODE_PROPERTIES],
    ['evidenceWindow', schema.$defs.evidenceWindow, WINDOW_PROPERTIES],
  ])('%s: same properties, same required ones, nothing else allowed', (_name, part, props) => {
    expect(Object.keys(part.properties).sort()).toEqual(Object.keys(props).sort());
    expect([...part.required].sort()).toEqual(required(props));
    expect(part.additionalProperties).toBe(false);
  });

  test('an evidence window with days out of range or unknown keys is refused, with its path', () => {
    const { findings } = checkCriteriaSet(
      jsonWith((j) => {
        j.evidenceWindow = { daysBefore: -1, days: 3 };
        j.fields[0].evidenceWindow = { daysAfter: 1.5 };
      }),
    );
    expect(findings.map((f) => f.params.path)).toEqual(['evidenceWindow.daysBefore', 'evidenceWindow.days', 'fields[0].evidenceWindow.daysAfter']);
  });

  test('enumerations match', () => {
    expect(schema.properties.levels.items.enum).toEqual([...UNIT_LEVELS]);
    expect(schema.$defs.node.properties.scoredBy.enum).toEqual(['self', 'survey']);
  });

  test('a sample carrying every property the schema declares is accepted', () => {
    const example: Record<string, unknown> = { string: 'x', boolean: true, integer: 3, number: 0.5 };
    const json = jsonWith((j) => {
      j.$schema = '../schema/criteria-set.schema.json';
      j.note = 'ghi chú';
      j.evidenceWindow = { daysBefore: 31, daysAfter: 45 };
      const leaf = j.fields[1].children[2];
      for (const [name, p] of Object.entries<Json>(schema.$defs.node.properties)) {
        if (name in leaf || name === 'children') continue;
        leaf[name] = p.$ref === '#/$defs/evidenceWindow' ? { daysBefore: 0 } : p.enum ? p.enum[0] : example[p.type];
      }
    });
    expect(checkCriteriaSet(json).findings).toEqual([]);
  });

  test('each required property of the schema is required by the check', () => {
    for (const name of schema.required) {
      const { findings } = checkCriteriaSet(jsonWith((j) => delete j[name]));
      expect(findings.map((f) => f.params.path)).toEqual([name]);
    }
    for (const name of schema.$defs.node.required) {
      const { findings } = checkCriteriaSet(jsonWith((j) => delete j.fields[0][name]));
      expect(findings.map((f) => f.params.path)).toEqual([`fields[0].${name}`]);
    }
  });
});

test('the example in docs/criteria-format.md is a valid set that the linter passes', () => {
  const doc = readFileSync(join(__dirname, '../../docs/criteria-format.md'), 'utf8');
  const json = /```json\n([\s\S]*?)```/.exec(doc)![1];
  const { set, findings } = checkCriteriaSet(JSON.parse(json));
  expect(findings).toEqual([]);
  expect(lintCriteriaSet(set!)).toEqual([]);
});

describe('codes', () => {
  test.each([
    [' I. ', 'I'],
    ['II.', 'II'],
    ['1.1.', '1.1'],
    ['1.1.2', '1.1.2'],
    ['\u00a01.2 .', '1.2'],
    [2, '2'],
    [1.1, '1.1'],
  ])('normalizeCode(%p) = %p', (raw, code) => {
    expect(normalizeCode(raw)).toBe(code);
  });

  test.each([
    ['I', true], ['IV', true], ['XII', true], ['1', true], ['1.1', true], ['1.10.2', true],
    ['IIII', false], ['1.01', false], ['0', false], ['1..2', false], ['1.', false], ['a', false], ['I.1', false], ['', false],
  ])('isWellFormedCode(%p) = %p', (code, ok) => {
    expect(isWellFormedCode(code)).toBe(ok);
  });

  test.each([
    ['1.1.2', '1.1'],
    ['1.1', '1'],
    ['1', undefined],
    ['I', undefined],
    ['1.10', '1'],
  ])('parentCodeOf(%p) = %p', (code, parent) => {
    expect(parentCodeOf(code)).toBe(parent);
  });

  test('compareCodes orders as tables list them', () => {
    const codes = ['1.10', 'II', '1.2', '2', 'IX', '1', '1.1.1', 'I', '1.1'];
    expect([...codes].sort(compareCodes)).toEqual(['1', '1.1', '1.1.1', '1.2', '1.10', '2', 'I', 'II', 'IX']);
  });

  test('normalizeCode is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double({ noNaN: true })), (raw) => {
        const once = normalizeCode(raw);
        expect(normalizeCode(once)).toBe(once);
      }),
    );
  });

  test('the parent of a well-formed arabic code is well formed and prefixes it', () => {
    const code = fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 5 }).map((a) => a.join('.'));
    fc.assert(
      fc.property(code, (c) => {
        const p = parentCodeOf(c)!;
        expect(isWellFormedCode(p)).toBe(true);
        expect(c.startsWith(`${p}.`)).toBe(true);
        expect(compareCodes(p, c)).toBeLessThan(0);
      }),
    );
  });
});

describe('lookupCriteria', () => {
  const index = lookupCriteria(sampleSet());

  test('keeps document order', () => {
    expect(index.nodes.map((n) => n.code)).toEqual([
      '1', '1.1', '1.1.1', '1.1.2', '1.2', '1.3', '2', '2.1', '2.2', '2.3', '3', '3.1', '3.2',
    ]);
  });

  test.each([
    // code, level, depth, parent, fieldCode, isLeaf, scoredBy, bonus
    ['1', 'field', 0, undefined, '1', false, 'self', false],
    ['1.1', 'criterion', 1, '1', '1', false, 'self', false],
    ['1.1.2', 'subcriterion', 2, '1.1', '1', true, 'self', false],
    ['1.2', 'criterion', 1, '1', '1', true, 'self', false],
    ['2.3', 'criterion', 1, '2', '2', true, 'survey', false],
    ['3.2', 'criterion', 1, '3', '3', true, 'self', true],
  ])('%s', (code, level, depth, parent, fieldCode, isLeaf, scoredBy, bonus) => {
    expect(index.byCode.get(code)).toMatchObject({ code, level, depth, parent, fieldCode, isLeaf, scoredBy, bonus });
  });

  test('children, methods and required document kinds', () => {
    expect(index.byCode.get('1')!.children).toEqual(['1.1', '1.2', '1.3']);
    expect(index.byCode.get('1.1.1')!.method.allowed).toEqual({ kind: 'set', values: [0, 1] });
    expect(index.byCode.get('1.1.2')!.method.allowed).toEqual({ kind: 'set', values: [0, 0.5, 1] });
    expect(index.byCode.get('1.1.1')!.requiredKinds.map((k) => k.id)).toEqual(['ke-hoach']);
    expect(index.byCode.get('1.2')!.requiredKinds.map((k) => k.id)).toEqual(['quyet-dinh']);
    expect(index.byCode.get('2.1')!.requiredKinds).toEqual([]);
  });

  test('a node marked survey is a survey row whatever its method says', () => {
    const set = sampleSet();
    set.fields[0].children![1].scoredBy = 'survey';
    expect(lookupCriteria(set).byCode.get('1.2')!.scoredBy).toBe('survey');
  });

  test('method findings come from leaves only, with the row', () => {
    const set = sampleSet();
    set.fields[0].method = 'văn bản không đọc được';
    set.fields[1].children![0].method = 'tùy tình hình';
    const found = lookupCriteria(set).findings;
    expect(found.map((f) => [f.code, f.criterion, f.row])).toEqual([['METHOD_UNPARSED', '2.1', 15]]);
  });

  test('codes are normalised; a repeated code keeps its first node in byCode', () => {
    const set = sampleSet();
    set.fields[0].code = '1.';
    set.fields[2].children![1].code = '3.1';
    const ix = lookupCriteria(set);
    expect(ix.byCode.get('1')!.node).toBe(set.fields[0]);
    expect(ix.byCode.get('3.1')!.node).toBe(set.fields[2].children![0]);
    expect(ix.nodes.filter((n) => n.code === '3.1')).toHaveLength(2);
  });

  test('Roman fields hold arabic criteria by nesting', () => {
    const set = sampleSet();
    set.fields[0].code = 'I';
    set.fields[0].children![0].code = '1';
    const ix = lookupCriteria(set);
    expect(ix.byCode.get('1')).toMatchObject({ parent: 'I', fieldCode: 'I', level: 'criterion' });
  });
});

describe('indexSheet, sheetRows and flattenSet: the module-level walks give the document order', () => {
  test('every node is listed with its parent (none for a field), in document order, as flattenCriteria gives it', () => {
    const set = generatedSet(400);
    const flat = flattenCriteria(set);
    // As read from a sheet: each node on its row, below its parent.
    flat.forEach((e, i) => (e.node.row = i + 5));
    expect(flattenSet(set)).toEqual(flat.map((e) => e.node));
    const sheet = indexSheet(set);
    const rows = sheetRows(sheet);
    expect(sheet.nodes).toEqual(flat.map((e) => e.node));
    expect(sheet.codes).toEqual(flat.map((e) => normalizeCode(e.node.code)));
    expect(sheet.parents).toEqual(flat.map((e) => (e.parent !== undefined ? normalizeCode(e.parent.code) : undefined)));
    for (const e of flat) if (e.node.row !== undefined) expect(rows.get(normalizeCode(e.node.code))).toBeLessThanOrEqual(e.node.row);
    expect(rows.size).toBeGreaterThan(300);
  });
});
