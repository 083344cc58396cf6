/**
 * The Targets tab on the built bundle: the sample workbook has no last-year column, so the
 * officer chooses the bundled file of 2023 results; the gap shown for a criterion is the
 * one computed here from that file and the sample with the project's own readers.
 * Screenshot at 320 px (copied to docs/images for the user guide when UPDATE_DOC_IMAGES=1) and an axe scan.
 */
import { cellText } from '../../src/core/answers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { formatNumber } from '../../src/core/format';
import { parTarget } from '../../src/core/targets';
import { unitKey } from '../../src/core/consolidate';
import { parseBaselineCsv } from '../../src/workbook/baseline';
import { readUnitWorkbook } from '../../src/workbook/read';
import { readWorkbookFile } from '../../src/xlsx/read';
import { REPO_ROOT } from '../../scripts/demo';
import { describeViolations, openPreview, seriousViolations, SERVED_SAMPLE, shoot, startSession, type Preview, type Session, toDocs } from './harness';

const BASELINE_CSV = path.join(REPO_ROOT, 'data', 'samples', 'ket-qua-2023-so-tu-phap.csv');

let session: Session;
let preview: Preview;

beforeAll(async () => {
  session = await startSession();
  preview = await openPreview(session);
});

afterAll(async () => {
  await session?.close();
});

/** A criterion below its maximum last year and blank in the sample: its gap is its whole target. */
async function expectedGap(): Promise<{ code: string; previous: number; target: number; gap: number }> {
  const reading = readUnitWorkbook(await readWorkbookFile(SERVED_SAMPLE));
  if (!reading.ok) throw new Error('the sample has no readable score table');
  const parsed = parseBaselineCsv(readFileSync(BASELINE_CSV, 'utf8'));
  expect(parsed.problems).toEqual([]);
  const scores = parsed.baseline.units.get(unitKey(reading.meta.unit ?? ''))?.scores;
  if (!scores) throw new Error(`the baseline file has no rows for the sample's unit "${reading.meta.unit}"`);
  const index = lookupCriteria(reading.set);
  const blank = new Set(reading.answers.filter((a) => cellText(a.selfScore) === '' && cellText(a.appraisedScore) === '').map((a) => a.code));
  for (const [code, previous] of scores) {
    const node = index.byCode.get(code);
    if (!node || !blank.has(code) || previous >= node.node.maxPoints) continue;
    const { target } = parTarget(node, previous);
    return { code, previous, target, gap: target };
  }
  throw new Error('no blank criterion of the sample is below its maximum in the baseline file');
}

test('choosing last year\'s results shows the targets, the gap of a criterion, and passes axe', async () => {
  const expected = await expectedGap();
  const pane = preview.pane;
  await pane.getByRole('tab', { name: 'Mục tiêu' }).click();
  const input = pane.getByLabel('Chọn tệp kết quả năm trước (CSV/JSON)');
  await input.waitFor({ state: 'attached' });
  await input.setInputFiles(BASELINE_CSV);
  await pane.getByRole('status').filter({ hasText: 'Đang dùng tệp "ket-qua-2023-so-tu-phap.csv"' }).waitFor();

  const row = pane.locator('[data-table="gaps"] tbody tr').filter({ has: pane.getByRole('rowheader', { name: expected.code, exact: true }) });
  const cells = await row.locator('td').allTextContents();
  expect(cells).toEqual([formatNumber(expected.previous, 'vi'), formatNumber(expected.target, 'vi'), '—', formatNumber(expected.gap, 'vi')]);
  await expect(pane.getByRole('img', { name: /Mục tiêu và điểm hiện tại theo lĩnh vực/ }).isVisible()).resolves.toBe(true);

  await pane.getByRole('heading', { name: /Mục tiêu năm/ }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const paneShot = await shoot(preview, 'targets');
  expect(path.basename(paneShot)).toBe('pane-320-targets.png');
  toDocs(paneShot);

  const violations = await seriousViolations(preview.paneFrame());
  expect(describeViolations(violations)).toBe('');
});
