/**
 * The task pane's weight and start-up time, against an empty Fluent UI pane built with
 * the same webpack configuration (bench/empty-pane):
 * - the JavaScript the pane loads before it can render (the entry's initial chunks),
 *   raw and gzip (level 6, what servers use by default);
 * - in headless Chromium, the time from the pane page's navigation start to an
 *   interactive form on the sample workbook (the "next to do" button of the loaded
 *   pane), median of several cold loads; for the empty pane, to its button.
 * The add-in's pane runs in the browser preview (on the Excel stand-in), so its time
 * includes reading and validating the sample through the Office.js adapter.
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

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EMPTY_OUT = path.join(REPO_ROOT, '.tmp', 'bench-empty-pane');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The pane's "Việc tiếp theo" button: present once the sample is read, validated and drawn. */
const READY_TEXT = { pane: 'Việc tiếp theo', empty: 'Bắt đầu' };

type ConfigFactory = (env: unknown, argv: { mode: string }) => Configuration;

/** The empty pane, through the add-in's webpack configuration with only the entry and page swapped. */
async function buildEmptyPane(): Promise<void> {
  const factory = createRequire(__filename)(path.join(REPO_ROOT, 'webpack.config.js')) as ConfigFactory;
  // The empty pane is no release: ADDIN_URL only names where manifest.xml points, which it does not emit.
  const addinUrl = process.env.ADDIN_URL;
  process.env.ADDIN_URL = addinUrl ?? LOCAL_BASE;
  const config = factory({}, { mode: 'production' });
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

interface ChunkSizes {
  files: string[];
  raw: number;
  gzip: number;
}

/** The scripts a page loads before anything else: the entry's initial chunks. */
function initialScripts(dir: string, page: string): ChunkSizes {
  const html = readFileSync(path.join(dir, page), 'utf8');
  // The built pages are minified: attribute quotes may be gone.
  // office.js comes from Microsoft's CDN (Office has it cached) and is not ours to weigh.
  const files = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)].map((m) => m[1]).filter((f) => !/^https?:/.test(f));
  if (files.length === 0) throw new Error(`${page} loads no script`);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = readFileSync(path.join(dir, file));
    raw += data.length;
    gzip += gzipSync(data, { level: 6 }).length;
  }
  return { files, raw, gzip };
}

/** Milliseconds from the frame's navigation start until a button with `text` is enabled. */
async function readyAt(frame: Frame, text: string): Promise<number> {
  const handle = await frame.waitForFunction(
    (label) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label && !b.disabled);
      return button ? performance.now() : null;
    },
    text,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeLoads(context: BrowserContext, url: string, which: 'pane' | 'empty'): Promise<{ frame: number[]; page: number[] }> {
  const out = { frame: [] as number[], page: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
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
    const frameMs = await readyAt(frame, READY_TEXT[which]);
    // The page's clock at the same moment: the preview's own set-up (exceljs, sample, stand-in) included.
    const pageMs = await page.evaluate(() => performance.now());
    out.frame.push(frameMs);
    out.page.push(which === 'pane' ? pageMs : frameMs);
    await page.close();
  }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${Math.round(n)} ms`;

async function main(): Promise<void> {
  ensureBuild();
  console.log('Building the empty Fluent pane with the same webpack configuration...');
  await buildEmptyPane();
  const paneSizes = initialScripts(DIST, 'taskpane.html');
  const emptySizes = initialScripts(EMPTY_OUT, 'empty.html');

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
    const pane = await timeLoads(context, `${paneServer.url}/${PREVIEW_PAGE}?width=320`, 'pane');
    const empty = await timeLoads(context, `${emptyServer.url}/empty.html`, 'empty');
    console.log(`\nTask pane start-up (${RUNS} loads each, median; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)})\n`);
    console.log('| | first JS (raw) | first JS (gzip) | to interactive (pane frame) | to interactive (whole page) |');
    console.log('|---|---|---|---|---|');
    console.log(`| add-in pane on the sample | ${kb(paneSizes.raw)} | ${kb(paneSizes.gzip)} | ${ms(median(pane.frame))} | ${ms(median(pane.page))} |`);
    console.log(`| empty Fluent UI pane | ${kb(emptySizes.raw)} | ${kb(emptySizes.gzip)} | ${ms(median(empty.frame))} | ${ms(median(empty.page))} |`);
    console.log(`| difference | ${kb(paneSizes.raw - emptySizes.raw)} | ${kb(paneSizes.gzip - emptySizes.gzip)} | ${ms(median(pane.frame) - median(empty.frame))} | |`);
    console.log(`\nadd-in first chunks: ${paneSizes.files.join(', ')}\nempty pane first chunks: ${emptySizes.files.join(', ')}`);
  } finally {
    await context.close();
    await paneServer.close();
    await emptyServer.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
