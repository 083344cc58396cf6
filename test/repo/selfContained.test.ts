/**
 * The repository stands alone: a copy of its files in a folder with nothing beside it runs
 * the manifest and real-world fixture tests, and no file reaches outside the tree.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Files git would put in a clone (tracked) plus new ones not ignored (work in progress). */
function repositoryFiles(): string[] {
  const out = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`git ls-files failed: ${out.stderr}`);
  return out.stdout.split('\0').filter((f) => f !== '' && existsSync(join(ROOT, f)));
}

describe('the repository stands alone', () => {
  test('no source, test, script or config names the shared folder beside the clone or an absolute path of this machine', () => {
    // The pattern is split so this file does not match itself.
    const pattern = ['\\.\\./sha', 'red|/wo', 'rk/'].join('');
    const out = spawnSync('git', ['grep', '-nE', pattern, '--', 'src', 'test', 'scripts', 'bench', '.ci', 'package.json', 'jest.config.js', 'webpack.config.js'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.stdout).toBe('');
  });

  test('the fixtures and schemas the tests need are in the tree, with their licence notes', () => {
    const fixtures = join(ROOT, 'test/fixtures/real-world-xlsx');
    expect(readdirSync(fixtures).filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThanOrEqual(35);
    expect(existsSync(join(fixtures, 'LICENSE-exceljs'))).toBe(true);
    expect(existsSync(join(ROOT, 'test/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd'))).toBe(true);
    expect(existsSync(join(ROOT, 'test/schemas/office-addin-manifest/README.md'))).toBe(true);
  });

  test('a copy in an empty temporary folder passes the manifest and fixture tests', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-clone-'));
    const copy = join(dir, 'repo');
    try {
      for (const file of repositoryFiles()) {
        mkdirSync(dirname(join(copy, file)), { recursive: true });
        cpSync(join(ROOT, file), join(copy, file));
      }
      // Installed packages are not part of a clone; `npm ci` would bring the same ones.
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--runInBand', 'test/manifest', 'test/xlsx/read.test.ts'], {
        cwd: copy,
        encoding: 'utf8',
        timeout: 240_000,
      });
      const summary = `${run.stdout}\n${run.stderr}`;
      expect(summary).toMatch(/Tests:\s+\d+ passed, \d+ total/);
      expect(summary).not.toMatch(/skipped/);
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
