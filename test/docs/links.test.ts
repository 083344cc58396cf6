/**
 * Every relative link and image in the docs and the README points at a file that exists,
 * and so does every file a comment in the code names: a comment pointing at a file that
 * was renamed, or that lives outside this repository, misleads the next reader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const files = ['README.md', 'data/README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

test.each(files)('%s links to files that exist', (file) => {
  const text = readFileSync(join(root, file), 'utf8');
  const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^(https?:|mailto:|#)/.test(t));
  const missing = targets.filter((t) => !existsSync(resolve(root, dirname(file), t.split('#')[0])));
  expect(missing).toEqual([]);
});

const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage', 'test-results', 'fixtures']);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(relative(root, path));
  }
  return out;
}

const tree = walk(root);
const names = new Set(tree.map((f) => basename(f)));
const sources = tree.filter((f) => /^(src|test|scripts|bench)\//.test(f) && /\.(ts|tsx|mjs|js)$/.test(f)).concat(['eslint.config.mjs', 'webpack.config.js', 'jest.config.js']);

/** Comments of a source file: line comments and block comments (strings are rare enough to ignore). */
const COMMENT = /\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
/** A path from the root or relative to the file: `src/core/findings.ts`, `../workbook/read`, `docs/cli.md`. */
const PATH = /(?<![\w/.@-])((?:\.{1,2}\/)*(?:src|test|docs|scripts|bench|data|assets|bin|types)\/[\w./-]*\w)/g;
/** A bare file name: `layout.ts`, `cli.md`. */
const NAME = /(?<![\w/.@-])([\w-]+(?:\.[\w-]+)*\.(?:ts|tsx|md|json|mjs|html|xsd))\b/g;

function resolves(file: string, ref: string): boolean {
  const candidates = [resolve(root, ref), resolve(root, dirname(file), ref)];
  return candidates.some((c) => existsSync(c) || ['.ts', '.tsx', '.json', '.md'].some((ext) => existsSync(c + ext)));
}

test('the scan sees the comments and the files it should', () => {
  expect(sources).toEqual(expect.arrayContaining(['src/core/findings.ts', 'src/cli/main.ts', 'test/docs/links.test.ts']));
  expect(resolves('src/cli/io.ts', 'src/core/clock.ts')).toBe(true);
  expect(resolves('src/cli/io.ts', '../core/clock')).toBe(true);
  expect(resolves('src/cli/io.ts', 'src/core/nothing.ts')).toBe(false);
});

test.each(sources)('files named in the comments of %s exist in the repository', (file) => {
  const text = readFileSync(join(root, file), 'utf8');
  const refs: string[] = [];
  for (const [comment] of text.matchAll(COMMENT)) {
    // A placeholder (<file.json>, icon-<size>.png) or a glob names no single file.
    const placeholder = (at: number, ref: string) => /[<*>]/.test(comment[at - 1] ?? '') || /[<*>]/.test(comment.slice(at + ref.length, at + ref.length + 2));
    for (const m of comment.matchAll(PATH)) if (!placeholder(m.index, m[1]) && !resolves(file, m[1])) refs.push(m[1]);
    for (const m of comment.matchAll(NAME)) {
      // A file the code itself writes (an output name in a string) exists once it runs.
      const written = new RegExp(`['"\`/]${m[1].replace(/\./g, '\\.')}['"\`]`).test(text);
      if (!placeholder(m.index, m[1]) && !names.has(m[1]) && !written && !/\//.test(comment.slice(Math.max(0, m.index - 1), m.index))) refs.push(m[1]);
    }
  }
  expect(refs).toEqual([]);
});
