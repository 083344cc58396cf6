/**
 * How the tests start the real command line: `node bin/chiso.js`, the bundled CLI the
 * installed command and `npm run chiso` run (rebuilt from src/ when a source is newer).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../..');

/** The program and the first arguments of a `chiso` process. */
export const CHISO: [string, string[]] = [process.execPath, [join(ROOT, 'bin/chiso.js')]];

export interface ChisoRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI from the repository root; a non-zero exit is returned, not thrown. */
export async function runChiso(...args: string[]): Promise<ChisoRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(CHISO[0], [...CHISO[1], ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
