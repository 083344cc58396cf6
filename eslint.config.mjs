// Lint: typescript-eslint, the Office add-in rules as errors, and the direction of
// dependencies between the parts of src/ (see docs/architecture.md).
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';

const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, 'error']),
);

/** Node's built-in modules, bare (`fs`) and prefixed (`node:fs`): the pure and browser layers use none. */
const NODE = ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))];
/** The pure layers: no adapter, no UI, no file format, no node, no data files (sets arrive as data at run time). */
const PURE = ['../excel', '../xlsx', '../taskpane', '../cli', '../preview', '../worker', '../pipeline', 'exceljs', 'jszip', 'fflate', 'saxes', 'react', 'react-dom', '@fluentui/*', '**/data/**', ...NODE];

/** Imports a part of src/ may not make: each entry is a folder and what it must not reach. */
const layers = {
  'src/core': ['../workbook', ...PURE],
  'src/workbook': PURE,
  'src/excel': ['../xlsx', '../taskpane', '../cli', '../preview', '../worker', 'exceljs', 'react', ...NODE],
  'src/xlsx': ['../excel', '../taskpane', '../cli', '../preview', '../worker', '../pipeline', 'react'],
  'src/taskpane': ['../xlsx', '../cli', '../preview', 'exceljs', ...NODE],
  'src/cli': ['../excel', '../taskpane', '../preview', '../worker', 'react'],
  // Jobs shared by the CLI and the pane's worker (consolidation, the criteria-set loader):
  // bundled into the browser worker, so bytes in, no node APIs, no file system.
  'src/pipeline': ['../excel', '../taskpane', '../cli', '../preview', '../worker', '../xlsx/read', '../xlsx/write', '../xlsx/pdf', 'react', 'react-dom', '@fluentui/*', ...NODE],
  // The pane's Web Worker: reads .xlsx bytes (xlsx/buffer.ts) in the browser, so no node APIs.
  'src/worker': ['../excel', '../taskpane', '../cli', '../preview', '../xlsx/read', '../xlsx/write', '../xlsx/pdf', 'react', 'react-dom', '@fluentui/*', ...NODE],
  // The stand-in and the preview page run in the browser beside the pane, never inside it.
  'src/preview': ['../cli', '../taskpane', '../worker', '../excel', '../xlsx/read', '../xlsx/write', '../xlsx/pdf', 'react', 'react-dom', '@fluentui/*', ...NODE],
};

const builtins = new Set(builtinModules);
/**
 * One ban as no-restricted-imports options: a package or node module by exact name (and a
 * package's subpaths), a sibling folder at any depth, or a gitignore-style pattern.
 */
function banOf(p, message) {
  if (p.startsWith('..')) {
    const tail = p.slice(3);
    return { patterns: [{ group: [p, `${p}/**`, `../../${tail}`, `../../${tail}/**`], message }] };
  }
  if (p.includes('*')) return { patterns: [{ group: [p], message }] };
  return { paths: [{ name: p, message }], patterns: builtins.has(p) ? [] : [{ group: [`${p}/*`], message }] };
}

function restrictions(folder, banned) {
  const bans = banned.map((p) => banOf(p, `${folder} may not import ${p}: dependencies point inward (docs/architecture.md).`));
  return { paths: bans.flatMap((b) => b.paths ?? []), patterns: bans.flatMap((b) => b.patterns) };
}

/** DOM globals the pure layers may not name (tsconfig.core.json, with only the ES library, catches the rest). */
const DOM = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'self', 'alert', 'Worker', 'Blob', 'FileReader', 'HTMLElement'];
const OFFICE_GLOBALS = [
  { name: 'Excel', message: 'Only src/excel talks to Office.js.' },
  { name: 'Office', message: 'Only src/excel talks to Office.js.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'test/stubs/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The Office add-in rules (load before read, no sync in a loop, isNullObject) apply
    // where Excel proxy objects live; elsewhere `cell.type` is exceljs and they misfire.
    files: ['src/excel/**/*.ts', 'src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  {
    // The pane's hooks: called unconditionally, with every dependency named.
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...Object.entries(layers).map(([folder, banned]) => ({
    files: [`${folder}/**/*.ts`, `${folder}/**/*.tsx`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', restrictions(folder, banned)] },
  })),
  {
    // Only src/excel may name the Office.js globals.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/excel/**', 'src/preview/**'],
    rules: {
      'no-restricted-globals': ['error', ...OFFICE_GLOBALS],
    },
  },
  {
    // The pure layers run in node, browsers and Office alike: no DOM either.
    files: ['src/core/**/*.ts', 'src/workbook/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...OFFICE_GLOBALS, ...DOM.map((name) => ({ name, message: `src/core and src/workbook are pure: no DOM (${name}); pass what is needed in.` }))],
    },
  },
);
