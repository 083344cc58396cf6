/**
 * The pane's first chunk stays small (issue 15: its first-load JS at most 1.3x an empty
 * Fluent pane's, measured by bench/pane.ts on a build): this follows the static imports
 * (types aside) from src/taskpane/index.tsx, as webpack does, and checks that they reach
 * only the shell, and that the views meant to load on first use are not imported
 * statically by the pane (one static import puts a view back into the pane's chunk).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

interface Graph {
  /** Our modules reached, repository-relative. */
  modules: Set<string>;
  /** Package specifier -> the names imported from it. */
  packages: Map<string, Set<string>>;
}

function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx'), base]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // next candidate
    }
  }
  throw new Error(`${rel(from)}: cannot resolve ${spec}`);
}

/** The static, value-level imports and re-exports reachable from `entry`. */
function staticGraph(entry: string): Graph {
  const graph: Graph = { modules: new Set(), packages: new Map() };
  const visit = (file: string) => {
    if (graph.modules.has(rel(file))) return;
    graph.modules.add(rel(file));
    if (file.endsWith('.json')) return;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    for (const statement of source.statements) {
      let spec: string | undefined;
      let names: string[] = [];
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (clause?.isTypeOnly) continue;
        const bindings = clause?.namedBindings;
        const named = bindings && ts.isNamedImports(bindings) ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) : [];
        // Only type specifiers: erased, like `import type`.
        if (clause && !clause.name && bindings && ts.isNamedImports(bindings) && named.length === 0) continue;
        names = [...named, ...(clause?.name ? ['default'] : []), ...(bindings && ts.isNamespaceImport(bindings) ? ['*'] : [])];
        spec = (statement.moduleSpecifier as ts.StringLiteral).text;
      } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
        const clause = statement.exportClause;
        names = clause && ts.isNamedExports(clause) ? clause.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) : ['*'];
        if (names.length === 0) continue;
        spec = (statement.moduleSpecifier as ts.StringLiteral).text;
      }
      if (spec === undefined) continue;
      if (spec.startsWith('.')) visit(resolve(file, spec));
      else {
        const set = graph.packages.get(spec) ?? new Set<string>();
        names.forEach((n) => set.add(n));
        graph.packages.set(spec, set);
      }
    }
  };
  visit(path.join(ROOT, entry));
  return graph;
}

test('the first chunk is the shell: no App, strings, validation or Fluent components', () => {
  const { modules, packages } = staticGraph('src/taskpane/index.tsx');
  expect([...modules].sort()).toEqual([
    'src/excel/support.ts',
    'src/taskpane/components/PaneSkeleton.tsx',
    'src/taskpane/index.tsx',
    'src/taskpane/lang.ts',
    'src/taskpane/theme.ts',
  ]);
  expect(Object.fromEntries([...packages].map(([name, used]) => [name, [...used].sort()]))).toEqual({
    react: ['useEffect', 'useState'],
    'react-dom/client': ['createRoot'],
    '@fluentui/react-components': ['FluentProvider', 'webLightTheme'],
  });
});

test('the views loaded on first use and the dark theme are imported by the pane with import() only', () => {
  const { modules } = staticGraph('src/taskpane/pane.ts');
  expect(modules.has('src/taskpane/App.tsx')).toBe(true);
  expect(modules.has('src/taskpane/views.tsx')).toBe(true);
  const lazy = [
    'src/taskpane/components/TargetsView.tsx',
    'src/taskpane/components/HelpView.tsx',
    'src/taskpane/components/FindingsSummary.tsx',
    'src/taskpane/components/MappingStep.tsx',
    'src/taskpane/consolidation/ConsolidationMode.tsx',
    'src/taskpane/print/printSheet.ts',
    'src/taskpane/darkTheme.ts',
  ];
  expect(lazy.filter((file) => modules.has(file))).toEqual([]);
  // Each is still there to be loaded: the list above names real files.
  for (const file of lazy) expect(() => readFileSync(path.join(ROOT, file))).not.toThrow();
});
