/**
 * The task pane's weight and start-up time, against an empty Fluent UI pane built with
 * the same webpack configuration and mode (bench/empty-pane: FluentProvider, the light
 * theme, a title and a button):
 * - first-load JS: the scripts the pane page loads before anything else (the entry's
 *   initial chunks), raw and gzip (level 6, what servers use by default). The goal row
 *   of issue 15: gzip at most 1.3x the empty pane's.
 * - in headless Chromium (not with --sizes), the time from the pane page's navigation
 *   start to an interactive form on the sample workbook (the "next to do" button of the
 *   loaded pane), median of several cold loads, and every script of ours the pane frame
 *   had fetched by then, gzip: the chunks fetched after the first one are counted here.
 *   For the empty pane, to its button.
 * The add-in's pane runs in the browser preview (on the Excel stand-in), so its time
 * includes reading and validating the sample through the Office.js adapter.
 *
 * `npx tsx bench/pane.ts [--sizes] [--json]`; `npm run -s bench -- --json` has the goal row.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { chromium, type BrowserContext, type Frame } from 'playwright-core';
import webpack, { type Configuration } from 'webpack';
import { LOCAL_BASE } from '../scripts/addin-manifest';
import { DIST, ensureBuild, PREVIEW_PAGE, REPO_ROOT, serveDir } from '../scripts/demo';

const EMPTY_OUT = path.join(REPO_ROOT, '.tmp', 'bench-empty-pane');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The pane's "Việc tiếp theo" button: present once the sample is read, validated and drawn. */
const READY_TEXT = { pane: 'Việc tiếp theo', empty: 'Bắt đầu' };
/** The sample the build copies to dist/samples/ (webpack.config.js); the preview opens it at once when named. */
const SAMPLE_NAME = 'so-tu-phap-2024.xlsx';
/** Issue 15: the pane's first-load JS (gzip) at most this many times the empty pane's. */
export const PANE_GOAL_RATIO = 1.3;

type ConfigFactory = (env: unknown, argv: { mode: string }) => Configuration;

/** The empty pane, through the add-in's webpack configuration with only the entry and page swapped. */
async function buildEmptyPane(): Promise<void> {
  // The empty pane is no release: ADDIN_URL only names where manifest.xml points, which it does not emit.
  const addinUrl = process.env.ADDIN_URL;
  process.env.ADDIN_URL = addinUrl ?? LOCAL_BASE;
  const config = (createRequire(__filename)(path.join(REPO_ROOT, 'webpack.config.js')) as ConfigFactory)({}, { mode: 'production' });
  if (addinUrl === undefined) delete process.env.ADDIN_URL;
  else process.env.ADDIN_URL = addinUrl;
  config.context = REPO_ROOT;
  config.entry = { empty: './bench/empty-pane/index.tsx' };
  config.output = { ...config.output, path: EMPTY_OUT };
  config.plugins = [
    new HtmlWebpackPlugin({
      filename: 'empty.html',
      chunks: ['empty'],
      inject: 'body',
      templateContent: '<!doctype html><html lang="vi"><head><meta charset="UTF-8"><title>Empty pane</title></head><body><div id="root"></div></body></html>',
    }),
  ];
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
}

export interface ChunkSizes {
  files: string[];
  raw: number;
  gzip: number;
}

function sizesOf(dir: string, files: string[]): ChunkSizes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = readFileSync(path.join(dir, file));
    raw += data.length;
    gzip += gzipSync(data, { level: 6 }).length;
  }
  return { files, raw, gzip };
}

/** The scripts a page loads before anything else: the entry's initial chunks. */
function initialScripts(dir: string, page: string): ChunkSizes {
  const html = readFileSync(path.join(dir, page), 'utf8');
  // The built pages are minified: attribute quotes may be gone.
  // office.js comes from Microsoft's CDN (Office has it cached) and is not ours to weigh.
  const files = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)].map((m) => m[1]).filter((f) => !/^https?:/.test(f));
  if (files.length === 0) throw new Error(`${page} loads no script`);
  return sizesOf(dir, files);
}

interface Ready {
  /** ms from the frame's navigation start. */
  at: number;
  /** Our scripts the frame had fetched by then (file names under the served folder). */
  scripts: string[];
}

/** When a button with `text` is enabled in `frame`, and the scripts fetched until then. */
async function readyAt(frame: Frame, text: string, origin: string): Promise<Ready> {
  const handle = await frame.waitForFunction(
    ({ label, from }) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label && !b.disabled);
      if (!button) return null;
      const scripts = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => name.startsWith(`${from}/`) && /\.js(?:$|\?)/.test(name))
        .map((name) => new URL(name).pathname.slice(1));
      return { at: performance.now(), scripts };
    },
    { label: text, from: origin },
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as Ready;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Loads {
  frame: number[];
  page: number[];
  /** The scripts fetched by the time of the last load's interactive form. */
  scripts: string[];
}

async function timeLoads(context: BrowserContext, url: string, which: 'pane' | 'empty', runs: number): Promise<Loads> {
  const out: Loads = { frame: [], page: [], scripts: [] };
  const origin = new URL(url).origin;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(url);
    let frame = page.mainFrame();
    if (which === 'pane') {
      // The preview points its frame at the pane once the sample and the stand-in are ready.
      const element = await page.waitForSelector('#pane[src*="preview-pane.html"]');
      const paneFrame = await element.contentFrame();
      if (!paneFrame) throw new Error('the preview has no pane frame');
      await paneFrame.waitForURL(/preview-pane\.html/);
      frame = paneFrame;
    }
    const ready = await readyAt(frame, READY_TEXT[which], origin);
    // The page's clock at the same moment: the preview's own set-up (exceljs, sample, stand-in) included.
    const pageMs = await page.evaluate(() => performance.now());
    out.frame.push(ready.at);
    out.page.push(which === 'pane' ? pageMs : ready.at);
    out.scripts = ready.scripts;
    await page.close();
  }
  return out;
}

export interface PaneLoadResult {
  operation: string;
  /** First-load JS of the add-in's pane (taskpane.html's scripts), gzip, KiB. */
  paneKiB: number;
  /** The same for the empty Fluent UI pane. */
  emptyKiB: number;
  /** paneKiB / emptyKiB; goal: at most PANE_GOAL_RATIO. */
  ratio: number;
  goal: number;
  paneRawKiB: number;
  emptyRawKiB: number;
  paneFiles: string[];
  emptyFiles: string[];
  /** With timing: every script of ours the pane frame fetched until its form was interactive, gzip KiB. */
  toInteractiveKiB?: number;
  toInteractiveFiles?: string[];
  /** With timing: median ms from navigation start to an interactive form (pane frame, whole preview page) and to the empty pane's button. */
  paneMs?: number;
  pagePaneMs?: number;
  emptyMs?: number;
  runs?: number;
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * Builds dist/ when stale and the empty pane, weighs both first loads and, with `timing`,
 * loads each `runs` times in headless Chromium. Writes nothing to stdout.
 */
export async function paneLoadBench(options: { timing?: boolean; runs?: number } = {}): Promise<PaneLoadResult> {
  ensureBuild({ quiet: true });
  await buildEmptyPane();
  const pane = initialScripts(DIST, 'taskpane.html');
  const empty = initialScripts(EMPTY_OUT, 'empty.html');
  const result: PaneLoadResult = {
    operation: 'pane first-load JS (gzip) vs an empty Fluent UI pane',
    paneKiB: kib(pane.gzip),
    emptyKiB: kib(empty.gzip),
    ratio: Math.round((pane.gzip / empty.gzip) * 100) / 100,
    goal: PANE_GOAL_RATIO,
    paneRawKiB: kib(pane.raw),
    emptyRawKiB: kib(empty.raw),
    paneFiles: pane.files,
    emptyFiles: empty.files,
  };
  if (!options.timing) return result;

  const runs = options.runs ?? 5;
  const paneServer = await serveDir(DIST, 0);
  const emptyServer = await serveDir(EMPTY_OUT, 0);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'chiso-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--disable-cache'],
    viewport: { width: 1280, height: 800 },
  });
  try {
    const paneLoads = await timeLoads(context, `${paneServer.url}/${PREVIEW_PAGE}?width=320&sample=${SAMPLE_NAME}`, 'pane', runs);
    const emptyLoads = await timeLoads(context, `${emptyServer.url}/empty.html`, 'empty', runs);
    // The preview page's own scripts are fetched by the outer page, not the pane frame.
    const fetched = sizesOf(DIST, [...new Set(paneLoads.scripts)].sort());
    return {
      ...result,
      toInteractiveKiB: kib(fetched.gzip),
      toInteractiveFiles: fetched.files,
      paneMs: Math.round(median(paneLoads.frame)),
      pagePaneMs: Math.round(median(paneLoads.page)),
      emptyMs: Math.round(median(emptyLoads.frame)),
      runs,
    };
  } finally {
    await context.close();
    await paneServer.close();
    await emptyServer.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The goal row as the other bench tables print it. */
export function paneGoalLine(r: PaneLoadResult): string {
  return `pane first-load JS: ${r.paneKiB} KiB gzip, empty Fluent pane ${r.emptyKiB} KiB, ratio ${r.ratio} (goal <= ${r.goal})`;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const timing = !process.argv.includes('--sizes');
  if (!json) console.log('Building (dist/ when stale, and the empty Fluent pane with the same webpack configuration)...');
  const r = await paneLoadBench({ timing, runs: Number(process.env.BENCH_RUNS ?? 5) });
  if (json) {
    process.stdout.write(`${JSON.stringify({ goals: { pane: r } })}\n`);
    return;
  }
  const ms = (n: number | undefined) => (n === undefined ? '-' : `${n} ms`);
  const k = (n: number | undefined) => (n === undefined ? '-' : `${n} KiB`);
  console.log(`\nTask pane start-up${timing ? ` (${r.runs} loads each, median; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)})` : ''}\n`);
  console.log('| | first-load JS (raw) | first-load JS (gzip) | JS fetched until interactive (gzip) | to interactive (pane frame) | to interactive (whole page) |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| add-in pane on the sample | ${k(r.paneRawKiB)} | ${k(r.paneKiB)} | ${k(r.toInteractiveKiB)} | ${ms(r.paneMs)} | ${ms(r.pagePaneMs)} |`);
  console.log(`| empty Fluent UI pane | ${k(r.emptyRawKiB)} | ${k(r.emptyKiB)} | ${k(r.emptyKiB)} | ${ms(r.emptyMs)} | ${ms(r.emptyMs)} |`);
  console.log(`\n${paneGoalLine(r)}`);
  console.log(`\nadd-in first chunks: ${r.paneFiles.join(', ')}\nempty pane first chunks: ${r.emptyFiles.join(', ')}`);
  if (r.toInteractiveFiles) console.log(`add-in chunks until interactive: ${r.toInteractiveFiles.join(', ')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
