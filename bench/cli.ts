/**
 * CLI start: `chiso --help` as a whole process against a bare `node -e 0`, through
 * `bin/chiso.js` and through the command `npm run chiso` runs (npm's own start excluded),
 * run side by side. The bundle is built first, as on any run after the first.
 * `npx tsx bench/cli.ts [--json] [--runs N]`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sideBySide, runProcess } from './process';

const ROOT = join(__dirname, '..');

export interface CliStartResult {
  operation: string;
  ms: number;
  nodeMs: number;
  /** Goal: at most 4. */
  ratio: number;
}

export async function cliStartBench(runs = 7): Promise<CliStartResult[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../scripts/cli-bundle.js') as { cliBundle(): string }).cliBundle();
  const node = () => runProcess(process.execPath, ['-e', '0'], ROOT);
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.chiso;
  const out: CliStartResult[] = [];
  for (const [operation, run] of [
    ['chiso --help via bin/chiso.js', () => runProcess(process.execPath, [join(ROOT, 'bin/chiso.js'), '--help'], ROOT)],
    [`chiso --help via npm run chiso (${script})`, () => runProcess('sh', ['-c', `${script} --help`], ROOT)],
  ] as const) {
    const r = await sideBySide(run, node, runs);
    out.push({ operation, ms: r.a.ms, nodeMs: r.b.ms, ratio: r.ratio });
  }
  return out;
}

if (require.main === module) {
  const at = process.argv.indexOf('--runs');
  cliStartBench(at > 0 ? Number(process.argv[at + 1]) : 7).then((results) => {
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ results })}\n`);
    else for (const r of results) process.stdout.write(`${r.operation}: ${r.ms} ms, node -e 0: ${r.nodeMs} ms, ratio ${r.ratio} (goal <= 4)\n`);
  });
}
