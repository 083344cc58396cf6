/**
 * `npm test`: everything, in two lanes that keep both cores of a small machine busy.
 *
 *   unit lane:    jest (unit and integration suites; LibreOffice, real .xlsx files)
 *   static lane:  tsc, tsc on the pure layers alone, eslint, then the production build
 *   then:         the end-to-end suites in headless Chromium, on the build just made
 *
 * The build happens once, beside the unit suites, and the e2e global setup reuses it.
 * Every step runs even when another fails; the exit code is 1 if any failed. Each lane's
 * output is printed whole when the lane ends, the unit lane live; the times of the steps
 * and the slowest test files (test/setup/slowest.js) close the run.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { LOCAL_BASE } from './addin-manifest.js';

const ROOT = resolve(__dirname, '..');
const bin = (pkg: string) => join(ROOT, 'node_modules', pkg);

interface Step {
  name: string;
  args: string[];
  env?: Record<string, string>;
}

interface Done {
  name: string;
  ok: boolean;
  seconds: number;
}

const UNIT: Step[] = [{ name: 'jest (unit)', args: [bin('jest/bin/jest.js'), '--ci'] }];
const STATIC: Step[] = [
  { name: 'tsc', args: [bin('typescript/bin/tsc'), '--noEmit'] },
  { name: 'tsc (core, workbook: ES library only)', args: [bin('typescript/bin/tsc'), '-p', 'tsconfig.core.json', '--noEmit'] },
  { name: 'eslint', args: [bin('eslint/bin/eslint.js'), 'src', 'test', 'bench', 'scripts', '--max-warnings', '0', '--no-error-on-unmatched-pattern'] },
  // Built for the local base the e2e global setup expects (scripts/demo.ts ensureBuild), so it is reused there.
  { name: 'webpack (production build for e2e)', args: [bin('webpack-cli/bin/cli.js'), '--mode', 'production'], env: { ADDIN_URL: LOCAL_BASE } },
];
const E2E: Step[] = [{ name: 'jest (e2e)', args: [bin('jest/bin/jest.js'), '--ci', '-c', 'test/e2e/jest.config.json'] }];

function runStep(step: Step, live: boolean): Promise<Done & { output: string }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, step.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...step.env } });
    let output = '';
    const take = (chunk: Buffer) => {
      if (live) process.stdout.write(chunk);
      else output += chunk.toString();
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => done({ name: step.name, ok: code === 0, seconds: (Date.now() - started) / 1000, output }));
    child.on('error', (e) => done({ name: step.name, ok: false, seconds: (Date.now() - started) / 1000, output: String(e) }));
  });
}

async function lane(steps: Step[], live: boolean): Promise<Done[]> {
  const out: Done[] = [];
  for (const step of steps) {
    const r = await runStep(step, live);
    if (!live) process.stdout.write(`\n=== ${step.name}: ${r.ok ? 'ok' : 'FAILED'} (${r.seconds.toFixed(0)} s)\n${r.output}`);
    out.push(r);
  }
  return out;
}

async function main(): Promise<number> {
  const started = Date.now();
  const [unit, checks] = await Promise.all([lane(UNIT, true), lane(STATIC, false)]);
  // The e2e suites need the build; they run even if it failed, so their error says why.
  const e2e = await lane(E2E, true);
  const all = [...unit, ...checks, ...e2e];
  const lines = all.map((d) => `  ${d.ok ? 'ok    ' : 'FAILED'} ${d.seconds.toFixed(0).padStart(5)} s  ${d.name}`);
  process.stdout.write(`\nnpm test: ${((Date.now() - started) / 1000).toFixed(0)} s in all (unit and static lanes in parallel)\n${lines.join('\n')}\n`);
  return all.every((d) => d.ok) ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
