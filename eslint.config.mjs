// Lint: typescript-eslint, the Office add-in rules as errors, and the direction of
// dependencies between the parts of src/ (see docs/architecture.md).
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';

const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, 'error']),
);

/** Imports a part of src/ may not make: each entry is a folder and what it must not reach. */
const layers = {
  'src/core': ['../workbook', '../excel', '../xlsx', '../taskpane', '../cli', '../preview', 'exceljs', 'react', 'react-dom', '@fluentui/*', 'fs', 'node:*', 'path'],
  'src/workbook': ['../excel', '../xlsx', '../taskpane', '../cli', '../preview', 'exceljs', 'react', 'react-dom', '@fluentui/*', 'fs', 'node:*', 'path'],
  'src/excel': ['../xlsx', '../taskpane', '../cli', '../preview', 'exceljs', 'react', 'fs', 'node:*'],
  'src/xlsx': ['../excel', '../taskpane', '../cli', '../preview', 'react'],
  'src/taskpane': ['../xlsx', '../cli', 'exceljs', 'fs', 'node:*'],
  'src/cli': ['../excel', '../taskpane', '../preview', 'react'],
  // The pane's Web Worker: reads .xlsx bytes (xlsx/buffer.ts) in the browser, so no node APIs.
  'src/worker': ['../excel', '../taskpane', '../cli', '../preview', '../xlsx/read', '../xlsx/write', 'react', 'react-dom', '@fluentui/*', 'fs', 'node:*', 'path'],
};

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
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: banned.map((p) => ({
            group: [p.startsWith('..') ? `${p}/**` : p, ...(p.startsWith('..') ? [p, `../${p}/**`] : [])],
            message: `${folder} may not import ${p}: dependencies point inward (docs/architecture.md).`,
          })),
        },
      ],
    },
  })),
  {
    // Only src/excel may name the Office.js globals.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/excel/**', 'src/preview/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Excel', message: 'Only src/excel talks to Office.js.' }, { name: 'Office', message: 'Only src/excel talks to Office.js.' }],
    },
  },
);
