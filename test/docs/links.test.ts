/** Every relative link and image in the docs and the README points at a file that exists. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const files = ['README.md', 'data/README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

test.each(files)('%s links to files that exist', (file) => {
  const text = readFileSync(join(root, file), 'utf8');
  const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^(https?:|mailto:|#)/.test(t));
  const missing = targets.filter((t) => !existsSync(resolve(root, dirname(file), t.split('#')[0])));
  expect(missing).toEqual([]);
});
