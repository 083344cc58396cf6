/**
 * The pane over the strict stand-in on the real sample: after a score is written, the
 * parent's SUM formula shows the new total (Excel's automatic calculation), so the pane
 * reports no false TOTAL_MISMATCH on a formula cell.
 */
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { parseScore } from '../../src/core/numbers';
import { createStandIn } from '../../src/preview/standin';
import { serviceOnStandIn } from './standinService';
import type { LoadResult } from '../../src/taskpane/service';

const SAMPLE = resolve(__dirname, '../../data/samples/so-tu-phap-2024.xlsx');

async function open() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const standIn = createStandIn(wb);
  const service = serviceOnStandIn(standIn);
  return { service, standIn };
}

const ok = (r: LoadResult) => {
  if (!r.ok) throw new Error('the sample has no score table');
  return r;
};

it('a written score updates its parent total (SUM formula); no TOTAL_MISMATCH follows', async () => {
  const { service } = await open();
  const first = ok(await service.load());
  const index = lookupCriteria(first.reading.set);
  const mismatched = new Set(first.findings.filter((f) => f.code === 'TOTAL_MISMATCH').map((f) => f.criterion));
  const answer = (r: typeof first, code: string) => r.reading.answers.find((a) => a.code === code);
  // A blank leaf whose parent total is right today.
  const leaf = index.nodes.find(
    (n) => n.isLeaf && n.scoredBy === 'self' && n.parent !== undefined && !mismatched.has(n.parent) && parseScore(answer(first, n.code)?.selfScore).ok === false && n.node.maxPoints > 0,
  );
  if (!leaf || leaf.parent === undefined) throw new Error('the sample has no blank leaf under a correct total');
  const before = parseScore(answer(first, leaf.parent)?.selfScore);
  expect(before.ok).toBe(true);

  await service.write([{ code: leaf.code, selfScore: leaf.node.maxPoints }]);
  const after = ok(await service.load());
  expect(after.findings.filter((f) => f.code === 'TOTAL_MISMATCH' && f.criterion === leaf.parent)).toEqual([]);
  const total = parseScore(answer(after, leaf.parent)?.selfScore);
  expect(total.ok && before.ok && Math.abs(total.value - (before.value + leaf.node.maxPoints))).toBeLessThan(1e-9);
});
