/**
 * The end-to-end harness: Debian's Chromium driven by playwright-core on a fresh profile,
 * dist/ served over http, the preview page opened at a pane width, screenshots written
 * to test-results/e2e/, and axe-core run inside the pane's frame.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { DIST, PREVIEW_PAGE, REPO_ROOT, serveDir, type StaticServer } from '../../scripts/demo';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
export const SAMPLE_NAME = 'so-tu-phap-2024.xlsx';
/** The copy the page serves, so the tests compare with exactly what the page opened. */
export const SERVED_SAMPLE = path.join(DIST, 'samples', SAMPLE_NAME);

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface Session {
  context: BrowserContext;
  server: StaticServer;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  const server = await serveDir(DIST, 0);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'chiso-e2e-'));
  let context: BrowserContext;
  try {
    // A persistent context is how playwright takes a user-data-dir: a fresh one per run.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      acceptDownloads: true,
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
  } catch (error) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    server,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Preview {
  page: Page;
  /** The task pane's frame, for locators. */
  pane: FrameLocator;
  /** The same frame as a Frame, for evaluate(). */
  paneFrame(): Frame;
  errors: string[];
}

/** Opens the browser app on the sample at a pane width and waits until the grid is drawn and the pane has rendered. */
export async function openPreview(session: Session, query: Record<string, string> = {}): Promise<Preview> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const search = new URLSearchParams({ width: '320', sample: SAMPLE_NAME, ...query }).toString();
  await page.goto(`${session.server.url}/${PREVIEW_PAGE}?${search}`);
  // An earlier page of the session may have left an autosave of the sample: it is offered
  // back (the browser app's promise to the officer); a fresh page starts from the file.
  const grid = page.locator('table.grid td[data-address]').first();
  const discard = page.locator('section.restore button[data-choice="discard"]');
  await grid.or(discard).first().waitFor();
  if (await discard.isVisible()) await discard.click();
  await grid.waitFor();
  const preview = previewOf(page, errors);
  await preview.pane.locator('#root > *').first().waitFor();
  return preview;
}

/** The browser app's page as a Preview: its task pane frame, and the errors the page reports. */
export function previewOf(page: Page, errors: string[]): Preview {
  return {
    page,
    pane: page.frameLocator('#pane'),
    paneFrame() {
      const frame = page.frame({ url: /preview-pane\.html/ });
      if (!frame) throw new Error('the task pane frame is not loaded');
      return frame;
    },
    errors,
  };
}

/** Screenshot of the whole preview at the current pane width: test-results/e2e/<state>-<width>.png. */
export async function shoot(preview: Preview, state: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const width = await preview.page.locator('#pane').evaluate((el) => Math.round(el.getBoundingClientRect().width));
  const file = path.join(SHOTS_DIR, `${state}-${width}.png`);
  await preview.page.screenshot({ path: file });
  const paneFile = path.join(SHOTS_DIR, `pane-${width}-${state}.png`);
  await preview.page.locator('#pane').screenshot({ path: paneFile });
  return paneFile;
}

/**
 * Copies a screenshot to docs/images (under `name`, default its own) only with
 * UPDATE_DOC_IMAGES=1, so a test run never dirties the tree.
 */
export function toDocs(shot: string, name = path.basename(shot)): void {
  if (process.env.UPDATE_DOC_IMAGES !== '1') return;
  const target = path.join(REPO_ROOT, 'docs', 'images', name);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(shot, target);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_SOURCE = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core over a frame (the pane, or the page itself): violations of serious or critical impact. */
export async function seriousViolations(frame: Frame): Promise<AxeViolation[]> {
  await frame.addScriptTag({ content: AXE_SOURCE() });
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // Fluent's focus manager (tabster) keeps invisible, aria-hidden focus sentinels that
    // move focus in and out of widgets: the aria-hidden-focus report on them is a known
    // false positive (Fluent UI's own guidance excludes them).
    const context = { exclude: [['[data-tabster-dummy]']] };
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable summary for a failing expectation. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/** Clicks "Lưu tệp" and saves the download under test-results/e2e; it keeps the opened file's name. */
export async function download(preview: Preview, expectedName = SAMPLE_NAME): Promise<string> {
  const [file] = await Promise.all([
    preview.page.waitForEvent('download'),
    preview.page.getByRole('button', { name: /^Lưu tệp/ }).click(),
  ]);
  if (file.suggestedFilename() !== expectedName) throw new Error(`downloaded ${file.suggestedFilename()}, expected ${expectedName}`);
  mkdirSync(SHOTS_DIR, { recursive: true });
  const target = path.join(SHOTS_DIR, `download-${Date.now()}.xlsx`);
  await file.saveAs(target);
  return target;
}

/** Polls until `check` passes (the pane writes after a debounce and re-reads after events). */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Width in CSS pixels of each cell of the first row where every column has a cell of its own. */
export function fullRowWidths(page: Page): Promise<{ row: string; widths: Record<string, number> }> {
  return page.evaluate(() => {
    const cols = document.querySelector('table.grid colgroup:last-of-type')?.querySelectorAll('col:not(.row-header-col)').length ?? 0;
    const rows = [...document.querySelectorAll<HTMLTableRowElement>('table.grid tr')];
    const tr = rows.find((r) => r.querySelectorAll('td[data-address]').length === cols && (r.textContent ?? '').length > 40);
    if (!tr) throw new Error('no row with a cell in every column');
    const cells = [...tr.querySelectorAll<HTMLElement>('td[data-address]')];
    return { row: cells[0].dataset.row ?? '', widths: Object.fromEntries(cells.map((td) => [td.dataset.address?.replace(/\d+$/, '') ?? '', td.getBoundingClientRect().width])) };
  });
}
