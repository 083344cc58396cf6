// The CLI as one JavaScript file: src/cli/main.ts and everything it imports (exceljs
// included), bundled by esbuild into build/cli/chiso.cjs. Derived, never committed or
// edited: bin/chiso.js calls cliBundle(), which rebuilds when the bundle is missing or
// older than any file it was built from (recorded by esbuild in build/cli/inputs.json),
// so a fresh clone builds it on its first run and an edited source is never run stale.
// `node scripts/cli-bundle.js` builds it now (printing its path).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: runs before any TypeScript tooling */
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
// Two levels under the root, like src/cli/: `resolve(__dirname, '../../data')` still finds data/.
const OUT_DIR = join(ROOT, 'build', 'cli');
const BUNDLE = join(OUT_DIR, 'chiso.cjs');
const INPUTS = join(OUT_DIR, 'inputs.json');
/**
 * V8's compiled code of the bundle, one cache per command (compiling 1 MB of JavaScript is
 * most of a start): made when a command's first run ends, it holds the functions that run
 * compiled too (reading, validating, writing), not only the start-up's.
 */
const codeCache = (command) => join(OUT_DIR, `chiso.cjs.${command}.v8cache`);
const isCodeCache = (name) => name.startsWith('chiso.cjs.') && name.endsWith('.v8cache');

// In a worker thread the bundle serves the pool (src/cli/pool.ts starts workers on its
// own file); only the main thread runs the command line.
const ENTRY = `
const { isMainThread } = require('node:worker_threads');
if (isMainThread) require('./src/cli/main.ts');
else require('./src/cli/pool.ts');
`;

/** Whether the bundle is missing or any file it was built from changed since (or is gone). */
function isStale() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return true;
  }
  if (!existsSync(BUNDLE) || recorded.version !== 1) return true;
  for (const file of recorded.files) {
    let info;
    try {
      info = statSync(join(ROOT, file));
    } catch {
      return true;
    }
    if (info.mtimeMs > recorded.builtAt) return true;
  }
  return false;
}

/** Builds the bundle; the files appear whole (written aside, then renamed), so parallel builds are harmless. */
function build() {
  // Taken before esbuild reads anything: a source saved during the build makes the next run rebuild.
  const builtAt = Date.now();
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: 'cli-entry.js', loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    outfile: BUNDLE,
    write: false,
    metafile: true,
    // Stack traces of a bug point into src/ under `node --enable-source-maps build/cli/chiso.cjs`.
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    minify: true,
    logLevel: 'error',
    // Dependencies' own optional requires that are never taken in node.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  mkdirSync(OUT_DIR, { recursive: true });
  // Our own sources one by one; the dependencies through the lock files npm rewrites on every install.
  const files = Object.keys(result.metafile.inputs).filter((f) => f !== 'cli-entry.js' && !f.split('/').includes('node_modules'));
  files.push('package-lock.json', 'node_modules/.package-lock.json', 'scripts/cli-bundle.js');
  const tmp = `.${process.pid}.tmp`;
  const output = (ext) => result.outputFiles.find((f) => f.path.endsWith(ext)).contents;
  writeFileSync(`${BUNDLE}.map${tmp}`, output('.map'));
  writeFileSync(BUNDLE + tmp, output('.cjs'));
  writeFileSync(INPUTS + tmp, JSON.stringify({ version: 1, builtAt, files }));
  renameSync(`${BUNDLE}.map${tmp}`, `${BUNDLE}.map`);
  renameSync(BUNDLE + tmp, BUNDLE);
  renameSync(INPUTS + tmp, INPUTS);
  for (const name of readdirSync(OUT_DIR)) if (isCodeCache(name)) rmSync(join(OUT_DIR, name), { force: true });
}

/** The path of an up-to-date bundle, built first when needed. */
function cliBundle() {
  if (isStale()) build();
  return BUNDLE;
}

/**
 * Runs the bundle as the main module, compiled from V8's code cache of this command when
 * there is one (Node 20 has no module.enableCompileCache); the cache is written when the
 * command's first run exits. V8 rejects a cache made for other bytes, and a rebuild deletes it.
 */
function runCli() {
  const file = cliBundle();
  const Module = require('node:module');
  const { Script } = require('node:vm');
  const word = process.argv[2] ?? '';
  const command = /^[a-z][a-z-]{0,23}$/.test(word) ? word : 'main';
  const cache = codeCache(command);
  // A command's help or a usage error runs little of it: its cache waits for a real run.
  const realRun = (code) => command === 'main' || (code < 2 && !process.argv.includes('--help') && !process.argv.includes('-h'));
  let cachedData;
  try {
    cachedData = readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', (code) => {
      if (!realRun(code)) return;
      try {
        const tmp = `${cache}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cache);
      } catch {
        // A read-only install runs without the cache, only slower.
      }
    });
  }
  const mod = new Module(file, null);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(OUT_DIR);
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, OUT_DIR);
  mod.loaded = true;
}

module.exports = { cliBundle, runCli, isStale, BUNDLE, INPUTS };

if (require.main === module) {
  build();
  process.stdout.write(`${BUNDLE}\n`);
}
