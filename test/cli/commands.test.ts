/** Every command of the dispatch table is listed in the main help and answers --help. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { COMMANDS, MAIN_HELP } from '../../src/cli/commands';
import { CHISO } from './chiso';

const ROOT = resolve(__dirname, '../..');
const names = Object.keys(COMMANDS);

async function chiso(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(CHISO[0], [...CHISO[1], ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

test('the commands the issues ask for are registered', () => {
  expect(names).toEqual(expect.arrayContaining(['validate', 'template', 'print', 'consolidate', 'request-explanation', 'read-replies']));
});

test('`chiso --help` lists every command with a usage line and a bilingual description', async () => {
  const r = await chiso('--help');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(MAIN_HELP);
  const listed = r.stdout.slice(r.stdout.indexOf('Lệnh / Commands:'));
  for (const name of names) {
    expect(r.stdout).toContain(`  chiso ${name} `);
    expect(listed).toMatch(new RegExp(`^ {2}${name} +\\S.* / \\S`, 'm'));
  }
});

test.each(names.flatMap((n) => [[n, '--help'], [n, '-h']]))('`chiso %s %s` prints its own bilingual help and exits 0', async (name, flag) => {
  const r = await chiso(name, flag);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(COMMANDS[name].help);
  expect(r.stdout).toContain('Cách dùng / Usage');
  expect(r.stdout).toContain(`chiso ${name}`);
  expect(r.stdout).toContain('Mã thoát / Exit codes');
  expect(r.stderr).toBe('');
}, 30_000);
