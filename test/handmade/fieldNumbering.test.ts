/**
 * Hand-made commune workbooks numbered as offices number them under Roman field rows
 * (tester findings F1 and F4): criteria carrying the field's number (I, 1.1 … II, 2.1) and
 * numbering restarting in each field (I, 1, 1.1 … II, 1, 2.1). Both read as the tree they
 * show, are matched to the bundled commune set, can be filled on every row, validate
 * without code errors, and are ranked by `chiso consolidate`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../src/core/answers';
import { flattenSet } from '../../src/core/criteria';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { computeTotals } from '../../src/core/totals';
import { planAnswers } from '../../src/workbook/answers';
import { withFieldNumbers } from '../../src/workbook/codes';
import { alignReading, readUnitWorkbook, validateReading, type UnitReading } from '../../src/workbook/read';
import { matchSet } from '../../src/workbook/setMatch';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { applyPlanSurgically } from '../../src/xlsx/surgical';
import { runChiso } from '../cli/chiso';
import { bundledSet, ROOT, TODAY } from './bundled';
import { communeWorkbook, type Numbering } from './commune';

const XA = bundledSet('xa');
const SETS = [bundledSet('so'), bundledSet('huyen'), XA];
const STYLES: Numbering[] = ['carried', 'restarted'];

async function read(buffer: Buffer): Promise<UnitReading> {
  const r = readUnitWorkbook(await readWorkbookBuffer(buffer, 'xa-lam-tay.xlsx'), { file: 'xa-lam-tay.xlsx' });
  if (!r.ok) throw new Error('the hand-made workbook is not read');
  return r;
}

describe('withFieldNumbers', () => {
  const codes = (...list: (string | undefined)[]) => withFieldNumbers(list);

  it('reads a field carrying its number as that number (I ≡ 1), leaving its criteria as written', () => {
    expect(codes('I', '1.1', '1.1.1', undefined, 'II', '2.1')).toEqual({ codes: ['1', '1.1', '1.1.1', undefined, '2', '2.1'], written: new Map() });
  });

  it('puts the field number in front of numbering that restarts in each field, and says how each row was written', () => {
    const r = codes('I', '1', '1.1', '2', 'II', '1', '2', '2.1');
    expect(r.codes).toEqual(['1', '1.1', '1.1.1', '1.2', '2', '2.1', '2.2', '2.2.1']);
    expect(r.written.get('2.2.1')).toBe('II/2.1');
    expect(r.written.has('2')).toBe(false);
  });

  it('keeps every other numbering as written: across fields, no Roman rows, a Roman number twice, a full code already on the sheet', () => {
    for (const list of [
      ['I', '1', '1.1', '2', 'II', '3', '3.1'],
      ['1', '1.1', '2', '2.1'],
      ['I', '1', '2', 'I', '1', '2'],
      ['2.1', 'I', '1', 'II', '1'],
      ['I', '1', '2.1'],
    ]) {
      expect(codes(...list)).toEqual({ codes: list, written: new Map() });
    }
  });
});

describe.each(STYLES)('a commune workbook numbered %s', (numbering) => {
  let rows: Record<string, number>;
  let buffer: Buffer;
  let reading: UnitReading;

  beforeAll(async () => {
    ({ buffer, rows } = await communeWorkbook(XA, numbering));
    reading = await read(buffer);
  });

  it('is read as the tree it shows, each row under its field, and matched to the commune set', () => {
    expect(matchSet(reading, SETS).set?.id).toBe(XA.id);
    const aligned = alignReading(reading, XA).reading;
    const tree = (nodes: typeof XA.fields): unknown => nodes.map((n) => [n.code, n.maxPoints, tree(n.children ?? [])]);
    expect(tree(aligned.set.fields)).toEqual(tree(XA.fields));
    for (const n of flattenSet(XA)) expect([n.code, aligned.rowOf.get(n.code)]).toEqual([n.code, rows[n.code]]);
    expect(computeTotals(lookupCriteria(XA), aligned.answers).max).toBe(100);
  });

  it('validates with no code errors and at most one renumbering note, naming the rows as written', () => {
    const found = validateReading(reading, { reference: XA, today: TODAY });
    expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    expect([...new Set(found.map((f) => f.code))].sort()).toEqual(numbering === 'carried' ? ['SCORE_MISSING'] : ['CODES_RENUMBERED', 'SCORE_MISSING']);
    const renumbered = found.filter((f) => f.code === 'CODES_RENUMBERED');
    if (numbering === 'restarted') {
      expect(renumbered).toHaveLength(1);
      expect(renumbered[0].params.example).toBe('I/1 → 1.1, I/1.1 → 1.1.1, I/1.2 → 1.1.2');
      expect(renumbered[0].cell).toBe(`A${rows['1.1']}`);
    }
    const missing = found.find((f) => f.code === 'SCORE_MISSING' && f.criterion === '2.5');
    expect(missing?.cell).toBe(`D${rows['2.5']}`);
  });

  it('takes a score for II/5 on its own row (33) and reads it back there', async () => {
    expect(rows['2.5']).toBe(33);
    const aligned = alignReading(reading, XA).reading;
    const plan = planAnswers(aligned, [{ code: '2.5', selfScore: 1.5 }]);
    const { data } = await applyPlanSurgically(buffer, plan, 'xa-lam-tay.xlsx');
    const grid = await readWorkbookBuffer(data, 'xa-lam-tay.xlsx');
    expect(grid.sheets[0].values[32][3]).toBe(1.5);
    expect(grid.sheets[0].values[rows['1.5'] - 1][3] ?? null).toBeNull();
    const again = alignReading(await read(data), XA).reading;
    expect(again.answers.find((a) => a.code === '2.5')?.selfScore).toBe(1.5);
  });
});

describe('chiso consolidate with the bundled sets', () => {
  it('ranks both hand-made commune files instead of rejecting them', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'chiso-field-numbering-'));
    const dir = join(tmp, 'xa');
    mkdirSync(dir);
    const units = { carried: 'UBND xã Cao Sơn', restarted: 'UBND xã Dương Quang' };
    for (const numbering of STYLES) writeFileSync(join(dir, `${numbering}.xlsx`), (await communeWorkbook(XA, numbering, { unit: units[numbering], scored: true })).buffer);
    const r = await runChiso('consolidate', dir, '--criteria', join(ROOT, 'data/criteria'), '--out', join(tmp, 'tong-hop.xlsx'), '--json', '--today', TODAY);
    const json = JSON.parse(r.stdout) as { units: { file: string; level: string | null; status: string; rank: number | null }[]; rejected: unknown[] };
    expect(json.rejected).toEqual([]);
    expect(json.units.map((u) => [u.file, u.level, u.status.startsWith('accepted'), u.rank !== null])).toEqual([
      ['carried.xlsx', 'xa', true, true],
      ['restarted.xlsx', 'xa', true, true],
    ]);
  }, 120_000);
});

describe('a code typed as a number in a field numbered anew', () => {
  it('is read against its own field, and a warning about it names the full code', () => {
    const field = (roman: string, count: number, typed: number): CellValue[][] => [
      [roman, `Lĩnh vực ${roman}`, null, null],
      ['1', `Tiêu chí 1 của lĩnh vực ${roman}`, null, null],
      ...Array.from({ length: count }, (_, i): CellValue[] => [`1.${i + 1}`, `Nội dung ${i + 1} của lĩnh vực ${roman}`, 1, null]),
      [typed, `Nội dung cuối của lĩnh vực ${roman}`, 1, null],
    ];
    const values: CellValue[][] = [['TT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá'], ...field('I', 9, 1.1), ...field('II', 0, 1.1)];
    const r = readUnitWorkbook({ sheets: [{ name: 'Sheet1', values }] });
    if (!r.ok) throw new Error('not read');
    // I/1.1 after I/1.9 is 1.10 (said, with the full code); II/1.1 is the first of its field, not 1.11.
    expect(r.findings.filter((f) => f.code === 'CODE_AMBIGUOUS').map((f) => [f.criterion, f.row, f.params.chosen])).toEqual([['1.1.10', 13, '1.10']]);
    expect([r.rowOf.get('1.1.10'), r.rowOf.get('2.1.1')]).toEqual([13, 16]);
  });
});
