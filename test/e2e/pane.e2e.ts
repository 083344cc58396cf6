/**
 * The task pane driven like a unit officer would, on the built bundle in the preview:
 * fill criteria through the form, a score above the maximum refused, an evidence date
 * outside the year flagged and cleared by a fix, a score typed in the sheet picked up,
 * and the downloaded .xlsx holding every answer in its cell and nothing else changed.
 * Each main state is screenshot at 320 and 450 px and scanned with axe-core.
 * The steps share one page and run in order: each builds on the previous one.
 */
import ExcelJS from 'exceljs';
import { formatNumber } from '../../src/core/format';
import { describeViolations, download, openPreview, seriousViolations, SERVED_SAMPLE, shoot, startSession, type Preview, type Session, eventually } from './harness';
import { sampleFacts, type FillableCriterion, type SampleFacts } from './sample';
import type { FrameLocator, Locator } from 'playwright-core';

let session: Session;
let preview: Preview;
let facts: SampleFacts;
let pane: FrameLocator;
/** The criteria the steps use: three filled through the form, one typed in the grid. */
let filled: FillableCriterion[];
let typed: FillableCriterion;
const scores = new Map<string, number>();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const vi = (n: number) => formatNumber(n, 'vi');

beforeAll(async () => {
  facts = await sampleFacts(SERVED_SAMPLE);
  if (facts.fillable.length < 4) throw new Error('the sample needs at least 4 blank criteria with a list of scores');
  [filled, typed] = [facts.fillable.slice(0, 3), facts.fillable[3]];
  session = await startSession();
  preview = await openPreview(session);
  pane = preview.pane;
});

afterAll(async () => {
  await session?.close();
});


function gridCell(address: string): Locator {
  return preview.page.locator(`table.grid td[data-address="${address}"]`);
}

function card(code: string): Locator {
  return pane.getByRole('region', { name: new RegExp(`^${escape(code)}\\. `) });
}

/** Finds a criterion with the search box and opens its card from the tree. */
async function openCriterion(code: string): Promise<Locator> {
  await pane.getByRole('tab', { name: 'Tiêu chí' }).click();
  await pane.getByRole('searchbox', { name: 'Tìm theo mã hoặc nội dung' }).fill(code);
  await pane.getByRole('treeitem', { name: new RegExp(`^${escape(code)} `) }).click();
  const found = card(code);
  await found.waitFor();
  return found;
}

/** Serious or critical axe violations per state and width, asserted by the last test. */
const axeReport: string[] = [];

/** Screenshots at both widths, `focus` scrolled to the middle of the pane, and axe over the pane at each. */
async function captureState(state: string, focus?: Locator): Promise<void> {
  for (const width of ['320', '450']) {
    await preview.page.getByRole('radio', { name: `${width} px` }).check();
    await eventually(async () => expect(await preview.paneFrame().evaluate(() => window.innerWidth)).toBe(Number(width)));
    await focus?.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shoot(preview, state);
    const violations = await seriousViolations(preview.paneFrame());
    if (violations.length > 0) axeReport.push(`${state} at ${width} px:\n${describeViolations(violations)}`);
  }
  await preview.page.getByRole('radio', { name: '320 px' }).check();
  scanned.push(state);
}
const scanned: string[] = [];

test('the pane opens on the sample: unit, year and progress', async () => {
  await expect(pane.getByText(`Năm ${facts.year}`, { exact: false }).first().isVisible()).resolves.toBe(true);
  await expect(pane.getByText(/dòng đã chấm/).isVisible()).resolves.toBe(true);
  await expect(pane.getByRole('tree', { name: 'Lĩnh vực và tiêu chí' }).isVisible()).resolves.toBe(true);
  await captureState('loaded');
});

test('criteria filled through the form land in their cells', async () => {
  const [first, ...others] = filled;
  // The first by its scoring-method choice at full marks, the others by typing an allowed score.
  const firstCard = await openCriterion(first.code);
  await firstCard.getByRole('radiogroup', { name: 'Chọn mức đạt được' }).getByRole('radio', { name: new RegExp(`: ${escape(vi(first.maxPoints))} điểm$`) }).first().check();
  scores.set(first.code, first.maxPoints);
  for (const c of others) {
    const value = c.allowed.find((v) => v > 0 && v < c.maxPoints) ?? c.maxPoints;
    const form = await openCriterion(c.code);
    await form.getByLabel('Điểm tự đánh giá', { exact: true }).fill(vi(value));
    scores.set(c.code, value);
  }
  for (const c of filled) {
    await eventually(async () => expect(await gridCell(c.cells.selfScore).textContent()).toBe(String(scores.get(c.code))));
  }
  const shown = await openCriterion(first.code);
  await captureState('card', shown.getByLabel('Điểm tự đánh giá', { exact: true }));
});

test('choosing a criterion in the pane selects its self-score cell in the sheet', async () => {
  for (const c of [filled[1], filled[0]]) {
    await openCriterion(c.code);
    await eventually(async () => expect(await preview.page.locator('table.grid td[aria-selected="true"]').getAttribute('data-address')).toBe(c.cells.selfScore));
  }
});

test('selecting a cell in the sheet opens its criterion in the pane', async () => {
  const c = filled[2];
  expect(await card(c.code).count()).toBe(0);
  await gridCell(c.cells.evidence).click();
  await card(c.code).waitFor();
  await expect(card(c.code).getByLabel('Điểm tự đánh giá', { exact: true }).isVisible()).resolves.toBe(true);
});

test('a score above the maximum is refused and not written', async () => {
  const c = filled[0];
  const form = await openCriterion(c.code);
  const input = form.getByLabel('Điểm tự đánh giá', { exact: true });
  await input.fill(vi(c.maxPoints + 1));
  await form.getByText('Điểm này chưa được ghi vào bảng tính.', { exact: false }).waitFor();
  await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
  // Longer than the pane's write debounce: a write, had there been one, would show by now.
  await new Promise((r) => setTimeout(r, 1500));
  await expect(gridCell(c.cells.selfScore).textContent()).resolves.toBe(String(c.maxPoints));
  await captureState('refused', input);
  await input.fill(vi(c.maxPoints));
  await eventually(async () => expect(await form.getByText('Điểm này chưa được ghi vào bảng tính.', { exact: false }).count()).toBe(0));
});

test('an evidence date outside the workbook year is flagged', async () => {
  const c = filled[0];
  const year = facts.year ?? new Date().getFullYear();
  const form = await openCriterion(c.code);
  await form.getByRole('button', { name: 'Thêm tài liệu' }).click();
  const doc = form.getByRole('group', { name: 'Tài liệu 1' });
  await doc.getByLabel('Số, ký hiệu').fill('386/KH-UBND');
  await doc.getByLabel('Ngày ban hành').fill(`07/6/${year - 2}`);
  await doc.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Bắc Kạn');
  await form.getByText('nằm ngoài kỳ đánh giá', { exact: false }).waitFor();
  await eventually(async () => expect(await gridCell(c.cells.evidence).textContent()).toContain(`07/6/${year - 2}`));
  await captureState('evidence-date', form.getByText('nằm ngoài kỳ đánh giá', { exact: false }));
});

test('correcting the date clears the error', async () => {
  const c = filled[0];
  const year = facts.year ?? new Date().getFullYear();
  const form = card(c.code);
  await form.getByRole('group', { name: 'Tài liệu 1' }).getByLabel('Ngày ban hành').fill(`07/6/${year}`);
  await eventually(async () => expect(await form.getByText('nằm ngoài kỳ đánh giá', { exact: false }).count()).toBe(0));
  await eventually(async () => expect(await gridCell(c.cells.evidence).textContent()).toContain(`07/6/${year}`));
  await expect(gridCell(c.cells.evidence).textContent()).resolves.toContain('386/KH-UBND');
});

test('a score typed in the sheet reaches the pane', async () => {
  const before = await treeStatus(typed.code);
  expect(before).toBe('todo');
  const over = typed.maxPoints + 5;
  const cell = gridCell(typed.cells.selfScore);
  await cell.scrollIntoViewIfNeeded();
  await cell.dblclick();
  await preview.page.getByRole('textbox', { name: `Ô ${typed.cells.selfScore} / Cell ${typed.cells.selfScore}` }).fill(String(over));
  await preview.page.keyboard.press('Enter');
  scores.set(typed.code, over);
  await eventually(async () => expect(await treeStatus(typed.code)).toBe('error'));
  const form = await openCriterion(typed.code);
  await expect(form.getByLabel('Điểm tự đánh giá', { exact: true }).inputValue()).resolves.toBe(vi(over));
});

test('the findings summary lists the problems', async () => {
  await pane.getByRole('tab', { name: /^Phát hiện/ }).click();
  await pane.getByText(typed.code, { exact: false }).first().waitFor();
  await captureState('findings');
});

test('the downloaded .xlsx holds every answer in its cell and nothing else changed', async () => {
  const file = await download(preview);
  const [saved, original] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await saved.xlsx.readFile(file);
  await original.xlsx.readFile(SERVED_SAMPLE);
  const ws = saved.getWorksheet(facts.sheet)!;
  const before = original.getWorksheet(facts.sheet)!;
  const year = facts.year ?? new Date().getFullYear();
  for (const c of [...filled, typed]) expect([c.code, ws.getCell(c.cells.selfScore).value]).toEqual([c.code, scores.get(c.code)]);
  expect(ws.getCell(filled[0].cells.evidence).text).toContain('386/KH-UBND');
  expect(ws.getCell(filled[0].cells.evidence).text).toContain(`07/6/${year}`);
  // Every other self-score and evidence cell is as the sample had it.
  const changed = new Set([...filled, typed].flatMap((c) => [c.cells.selfScore, c.cells.evidence]));
  const column = (address: string) => address.replace(/\d+$/, '');
  const columns = new Set([column(typed.cells.selfScore), column(typed.cells.evidence)]);
  const differences: string[] = [];
  for (let r = 1; r <= before.rowCount; r++) {
    for (const col of columns) {
      const address = `${col}${r}`;
      if (changed.has(address)) continue;
      // A formula stays the same formula; its result follows the new answers (Excel recalculates).
      const [now, was] = [ws.getCell(address), before.getCell(address)];
      const same = was.formula ? now.formula === was.formula : now.text === was.text;
      if (!same) differences.push(address);
    }
  }
  expect(differences).toEqual([]);
});

async function treeStatus(code: string): Promise<string | null> {
  await pane.getByRole('tab', { name: 'Tiêu chí' }).click();
  await pane.getByRole('searchbox', { name: 'Tìm theo mã hoặc nội dung' }).fill(code);
  return pane.getByRole('treeitem', { name: new RegExp(`^${escape(code)} `) }).getAttribute('data-status');
}

test('closing and reopening the pane loses nothing', async () => {
  const before = await preview.paneFrame().evaluate(() => performance.timeOrigin);
  await preview.page.getByRole('button', { name: /Mở lại ngăn tác vụ/ }).click();
  await eventually(async () => expect(await preview.paneFrame().evaluate(() => performance.timeOrigin)).toBeGreaterThan(before));
  for (const c of filled) {
    const form = await openCriterion(c.code);
    // The value as the sheet holds it, shown with the Vietnamese decimal comma.
    const shown = await form.getByLabel('Điểm tự đánh giá', { exact: true }).inputValue();
    expect([c.code, shown]).toEqual([c.code, vi(scores.get(c.code) as number)]);
  }
  const form = await openCriterion(filled[0].code);
  await expect(form.getByRole('group', { name: 'Tài liệu 1' }).getByLabel('Số, ký hiệu').inputValue()).resolves.toBe('386/KH-UBND');
});

test('the pane follows the Office theme: dark when Office is dark', async () => {
  const background = () => preview.paneFrame().evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider') ?? document.body).backgroundColor);
  const luminance = (rgb: string) => (rgb.match(/\d+/g) ?? ['255', '255', '255']).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
  expect(luminance(await background())).toBeGreaterThan(128);
  const before = await preview.paneFrame().evaluate(() => performance.timeOrigin);
  await preview.page.getByRole('combobox', { name: /Giao diện/ }).selectOption('dark');
  await eventually(async () => expect(await preview.paneFrame().evaluate(() => performance.timeOrigin)).toBeGreaterThan(before));
  await pane.getByRole('tree', { name: 'Lĩnh vực và tiêu chí' }).waitFor();
  await eventually(async () => expect(luminance(await background())).toBeLessThan(128));
  // No light frame around the pane: the body has no margin and the theme's background.
  const body = await preview.paneFrame().evaluate(() => ({ margin: getComputedStyle(document.body).margin, background: getComputedStyle(document.body).backgroundColor }));
  expect(body.margin).toBe('0px');
  expect(luminance(body.background)).toBeLessThan(128);
  await captureState('dark');
});

test('an English Office starts the pane in English; its switch goes back to Vietnamese', async () => {
  const before = await preview.paneFrame().evaluate(() => performance.timeOrigin);
  await preview.page.getByRole('combobox', { name: /Ngôn ngữ Office/ }).selectOption('en-US');
  await eventually(async () => expect(await preview.paneFrame().evaluate(() => performance.timeOrigin)).toBeGreaterThan(before));
  await pane.getByRole('tree', { name: 'Fields and criteria' }).waitFor();
  await expect(pane.locator('main').getAttribute('lang')).resolves.toBe('en');
  await captureState('english');
  await pane.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
  await pane.getByRole('tree', { name: 'Lĩnh vực và tiêu chí' }).waitFor();
  await preview.page.getByRole('combobox', { name: /Ngôn ngữ Office/ }).selectOption('vi-VN');
});

test('no serious or critical accessibility violation in any main state, at 320 or 450 px', () => {
  expect(scanned).toEqual(['loaded', 'card', 'refused', 'evidence-date', 'findings', 'dark', 'english']);
  expect(axeReport.join('\n')).toBe('');
});
