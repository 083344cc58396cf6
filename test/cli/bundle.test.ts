/**
 * The bundled CLI (scripts/cli-bundle.js) is derived from src/: it lists every source
 * the command line runs, a newer source makes it stale, and the bundle runs in a worker
 * thread as the pool's reader, not as a second command line.
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHISO } from './chiso';

const ROOT = join(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = require('../../scripts/cli-bundle.js') as { cliBundle(): string; isStale(): boolean; INPUTS: string };

beforeAll(() => {
  bundle.cliBundle();
});

test('the bundle records every CLI source it was built from', () => {
  const { files } = JSON.parse(readFileSync(bundle.INPUTS, 'utf8')) as { files: string[] };
  for (const f of ['src/cli/main.ts', 'src/cli/consolidate.ts', 'src/cli/pool.ts', 'src/core/validate.ts', 'src/xlsx/read.ts', 'package-lock.json']) expect(files).toContain(f);
  expect(bundle.isStale()).toBe(false);
});

test('a source saved after the build makes the bundle stale', () => {
  const file = join(ROOT, 'src/cli/args.ts');
  const { atime, mtime } = statSync(file);
  try {
    utimesSync(file, atime, new Date(Date.now() + 60_000));
    expect(bundle.isStale()).toBe(true);
  } finally {
    utimesSync(file, atime, mtime);
  }
  expect(bundle.isStale()).toBe(false);
});

test('the bundled CLI prints its help and serves as the pool worker', async () => {
  const { stdout } = await promisify(execFile)(CHISO[0], [...CHISO[1], '--help'], { cwd: ROOT });
  expect(stdout).toMatch(/^chiso - /);
  // Loaded in a worker thread without the pool's role, the bundle does nothing at all.
  const script = `const { Worker } = require('node:worker_threads');
    const w = new Worker(${JSON.stringify(`require(${JSON.stringify(bundle.cliBundle())})`)}, { eval: true });
    w.on('exit', (code) => process.stdout.write('exit ' + code));`;
  const r = await promisify(execFile)(process.execPath, ['-e', script], { cwd: ROOT });
  expect(r.stdout).toBe('exit 0');
  expect(r.stderr).toBe('');
});
