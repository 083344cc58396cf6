/**
 * planSlices: whole-row slices, grouped into requests under a cell allowance, covering
 * exactly the pending rows in order.
 */
import fc from 'fast-check';
import { cellsPerRequest, planSlices, READ_CELL_BYTES, READ_CELL_CAP, type PendingRows } from '../../src/excel/slices';

describe('planSlices', () => {
  test.each([
    // [pending, allowance, expected requests as [sheet, top, rows] lists]
    [[{ sheet: 0, from: 0, rows: 100, cols: 7 }], 37_500, [[[0, 0, 100]]]],
    [[{ sheet: 0, from: 1_875, rows: 28_127, cols: 7 }], 37_500, [
      [[0, 1_875, 5_357]], [[0, 7_232, 5_357]], [[0, 12_589, 5_357]], [[0, 17_946, 5_357]], [[0, 23_303, 5_357]], [[0, 28_660, 1_342]],
    ]],
    // Two sheets share a request while they fit, then the second is cut.
    [[{ sheet: 0, from: 10, rows: 20, cols: 5 }, { sheet: 2, from: 0, rows: 30, cols: 10 }], 300, [
      [[0, 10, 20], [2, 0, 20]], [[2, 20, 10]],
    ]],
    // A row wider than the allowance goes alone.
    [[{ sheet: 1, from: 0, rows: 2, cols: 500 }], 300, [[[1, 0, 1]], [[1, 1, 1]]]],
  ])('%j under %i cells', (pending, allowance, expected) => {
    const got = planSlices(pending as PendingRows[], allowance).map((req) => req.map((s) => [s.sheet, s.top, s.rows]));
    expect(got).toEqual(expected);
  });

  test('slices cover the pending rows exactly, in order, and respect the allowance', () => {
    const pendingArb = fc.array(fc.record({ rows: fc.integer({ min: 1, max: 400 }), cols: fc.integer({ min: 1, max: 60 }), from: fc.integer({ min: 0, max: 50 }) }), { maxLength: 6 });
    fc.assert(
      fc.property(pendingArb, fc.integer({ min: 1, max: 5_000 }), (raw, allowance) => {
        const pending = raw.map((p, sheet) => ({ sheet, ...p }));
        const requests = planSlices(pending, allowance);
        expect(requests.every((req) => req.length > 0)).toBe(true);
        for (const req of requests) {
          const cells = req.reduce((n, s) => n + s.rows * s.cols, 0);
          if (!(req.length === 1 && req[0].rows === 1)) expect(cells).toBeLessThanOrEqual(allowance);
        }
        const flat = requests.flat();
        for (const p of pending) {
          const mine = flat.filter((s) => s.sheet === p.sheet);
          let next = p.from;
          for (const s of mine) {
            expect([s.top, s.cols]).toEqual([next, p.cols]);
            next += s.rows;
          }
          expect(next).toBe(p.from + p.rows);
        }
      }),
    );
  });
});

describe('cellsPerRequest', () => {
  test.each([
    [4_500_000, Math.floor(4_500_000 / READ_CELL_BYTES)],
    [10, 1],
    [1e12, READ_CELL_CAP],
  ])('%i bytes -> %i cells', (bytes, cells) => {
    expect(cellsPerRequest(bytes)).toBe(cells);
  });
});
