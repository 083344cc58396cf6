/**
 * The layer rules of eslint.config.mjs, proved on code they must refuse and code they must
 * let through: a rule that never fires would pass `npm run lint` as happily as a good one.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const IMPORT = '@typescript-eslint/no-restricted-imports';
const GLOBAL = 'no-restricted-globals';

type Probe = [file: string, code: string];

const REFUSED_IMPORTS: Probe[] = [
  // The pure layers: no worker, zip, file format, node built-in (bare or node:), data file, outer layer.
  ['src/core/x.ts', "import { a } from '../worker/protocol';"],
  ['src/workbook/x.ts', "import { a } from '../worker/protocol';"],
  ['src/core/x.ts', "import JSZip from 'jszip';"],
  ['src/workbook/x.ts', "import ExcelJS from 'exceljs';"],
  ['src/core/x.ts', "import { readFileSync } from 'fs';"],
  ['src/core/x.ts', "import { readFileSync } from 'node:fs';"],
  ['src/workbook/x.ts', "import { readFile } from 'fs/promises';"],
  ['src/core/x.ts', "import { createHash } from 'crypto';"],
  ['src/workbook/x.ts', "import { join } from 'path';"],
  ['src/workbook/x.ts', "import set from '../../data/criteria/so-2024.json';"],
  ['src/core/x.ts', "import { readUnitWorkbook } from '../workbook/read';"],
  ['src/workbook/nested/x.ts', "import { excelRun } from '../../excel';"],
  // The adapters.
  ['src/preview/page/x.ts', "import { App } from '../../taskpane/App';"],
  ['src/preview/standin/x.ts', "import { run } from '../../cli/main';"],
  ['src/preview/page/x.ts', "import { join } from 'node:path';"],
  ['src/worker/x.ts', "import { readWorkbookFile } from '../xlsx/read';"],
  ['src/worker/x.ts', "import { readFile } from 'fs';"],
  ['src/taskpane/x.ts', "import { readWorkbookFile } from '../xlsx/read';"],
  ['src/cli/x.ts', "import { startWorker } from '../taskpane/consolidation/startWorker';"],
  ['src/pipeline/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['src/pipeline/x.ts', "import { readWorkbookFile } from '../xlsx/read';"],
  ['src/workbook/x.ts', "import { consolidateSources } from '../pipeline/consolidate';"],
];

const REFUSED_GLOBALS: Probe[] = ['window.innerWidth', 'document.title', 'localStorage.getItem("x")', 'fetch("x")', 'Excel.run'].flatMap((expr) => [
  ['src/workbook/x.ts', `export const v = ${expr};`] as Probe,
  ['src/core/x.ts', `export const v = ${expr};`] as Probe,
]);

const ALLOWED: Probe[] = [
  ['src/workbook/x.ts', "import { normalizeCode } from '../core/criteriaSet';"],
  // Bans are by name, not by a word inside a path: a local ./events or ./buffer is fine.
  ['src/core/x.ts', "import { a } from './events';"],
  ['src/core/x.ts', "import { a } from './buffer';"],
  ['src/preview/page/x.ts', "import { columnLetter } from '../../workbook/grid';"],
  ['src/worker/x.ts', "import { readWorkbookBuffer } from '../xlsx/buffer';"],
  ['src/cli/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['src/pipeline/x.ts', "import { readWorkbookBuffer } from '../xlsx/buffer';"],
];

// ESLint loads its flat config with a dynamic import, which Jest's module system refuses:
// all probes are linted in one node process and the rules they hit read back as JSON.
const LINT = `
import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [filePath, code] of JSON.parse(process.argv[1])) {
  const [r] = await eslint.lintText(code + '\\nexport {};\\n', { filePath });
  out.push(r.messages.map((m) => m.ruleId ?? m.message).filter((id) => id !== '@typescript-eslint/no-unused-vars'));
}
console.log(JSON.stringify(out));
`;

const hits = new Map<string, string[]>();
const key = ([file, code]: Probe) => `${file}\n${code}`;

beforeAll(() => {
  const all = [...REFUSED_IMPORTS, ...REFUSED_GLOBALS, ...ALLOWED];
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT, JSON.stringify(all)], { cwd: ROOT, encoding: 'utf8' });
  (JSON.parse(out) as string[][]).forEach((rules, i) => hits.set(key(all[i]), rules));
}, 120_000);

test.each(REFUSED_IMPORTS)('%s refuses %s', (...p) => {
  expect(hits.get(key(p))).toContain(IMPORT);
});

test.each(REFUSED_GLOBALS)('%s refuses the global in %s', (...p) => {
  expect(hits.get(key(p))).toContain(GLOBAL);
});

test.each(ALLOWED)('%s allows %s', (...p) => {
  expect(hits.get(key(p))).toEqual([]);
});
