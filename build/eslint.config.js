// Lint rules, including the layer rules the compiler cannot see (imports of packages).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

// Bare Node built-in names are matched exactly (as patterns, 'util' would also match ../util/).
const nodeBuiltinNames = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'zlib', 'worker_threads', 'buffer', 'process'];
const nodeBuiltins = ['node:*'];

/** Imports a layer may not use, with the reason shown to whoever breaks the rule. */
const forbid = (groups) => {
  const withNode = groups.find((g) => g.group.includes('node:*'));
  const paths = withNode ? nodeBuiltinNames.map((name) => ({ name, message: withNode.message })) : [];
  return { 'no-restricted-imports': ['error', { paths, patterns: groups }] };
};

// The view areas are the folders under renderer/views (read here, so a new view is covered at
// once). One may import renderer/views/common but never another area's folder; common imports no
// area. The renderer rules are repeated because a later block replaces no-restricted-imports.
const viewAreas = readdirSync(new URL('../renderer/views', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const rendererGroups = [
  { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'renderer/ runs in a browser too: no electron, no Node. Use renderer/platform.' },
  { group: ['**/main/**'], message: 'renderer/ talks to main only through the IPC contract in shared/ipc.' },
  { group: ['dexie', 'dexie-*'], message: 'Dexie is used only under renderer/db.' },
  { group: ['ag-grid-*'], message: 'AG Grid is used only under renderer/components/grid.' },
  { group: ['echarts', 'echarts/*'], message: 'ECharts is used only under renderer/components/chart.' },
];
/** Relative imports that land in another area's folder, from a file up to three folders deep in its own. */
const otherViewPaths = (area) =>
  viewAreas
    .filter((other) => other !== area && (area === 'common' || other !== 'common'))
    .flatMap((other) => [1, 2, 3].flatMap((up) => [`${'../'.repeat(up)}${other}`, `${'../'.repeat(up)}${other}/**`]).concat([`**/views/${other}`, `**/views/${other}/**`]));
const viewRules = viewAreas.map((area) => ({
  files: [`renderer/views/${area}/**/*.ts`, `renderer/views/${area}/**/*.tsx`],
  rules: forbid([
    ...rendererGroups,
    { group: otherViewPaths(area), message: `No view imports another view's folder: put what views share in renderer/views/common (or renderer/components when it is not about the workbook's records)${area === 'common' ? ', and common imports no view' : ''}.` },
  ]),
}));

export default tseslint.config(
  { basePath: '..' },
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid([
      { group: ['react', 'react-dom', 'react/*', 'dexie', 'dexie-*', 'electron', 'ag-grid-*', 'echarts', 'echarts/*', ...nodeBuiltins], message: 'shared/ is pure TypeScript: no DOM, Node, React, Dexie or Electron.' },
      { group: ['**/renderer/**', '**/main/**', '**/test/**'], message: 'shared/ imports nothing outside shared/.' },
    ]),
  },
  {
    // Capacity is below the exchange: the export and the merge read capacity's allocation-hours
    // rule, never the other way round.
    files: ['shared/capacity/**/*.ts'],
    rules: forbid([
      { group: ['react', 'react-dom', 'react/*', 'dexie', 'dexie-*', 'electron', 'ag-grid-*', 'echarts', 'echarts/*', ...nodeBuiltins], message: 'shared/ is pure TypeScript: no DOM, Node, React, Dexie or Electron.' },
      { group: ['**/renderer/**', '**/main/**', '**/test/**'], message: 'shared/ imports nothing outside shared/.' },
      { group: ['**/exchange', '**/exchange/**'], message: 'shared/capacity must not import shared/exchange: the exchange builds on capacity (allocation-hours.ts), not the reverse.' },
    ]),
  },
  {
    // No two modules import each other, directly or round a longer loop (eslint-plugin-import-x).
    // The rule skips type-only imports; shared/import-graph.test.ts checks those loops too.
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'main/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([
        { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'renderer/ runs in a browser too: no electron, no Node. Use renderer/platform.' },
        { group: ['**/main/**'], message: 'renderer/ talks to main only through the IPC contract in shared/ipc.' },
      ]),
    },
  },
  {
    // One wrapper per stateful library: Dexie only under renderer/db, AG Grid only under
    // renderer/components/grid, ECharts only under renderer/components/chart.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/db/**'],
    rules: forbid([
      { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'renderer/ runs in a browser too: no electron, no Node. Use renderer/platform.' },
      { group: ['**/main/**'], message: 'renderer/ talks to main only through the IPC contract in shared/ipc.' },
      { group: ['dexie', 'dexie-*'], message: 'Dexie is used only under renderer/db.' },
    ]),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/db/**', 'renderer/components/grid/**'],
    rules: forbid([
      { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'renderer/ runs in a browser too: no electron, no Node. Use renderer/platform.' },
      { group: ['**/main/**'], message: 'renderer/ talks to main only through the IPC contract in shared/ipc.' },
      { group: ['dexie', 'dexie-*'], message: 'Dexie is used only under renderer/db.' },
      { group: ['ag-grid-*'], message: 'AG Grid is used only under renderer/components/grid.' },
    ]),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/db/**', 'renderer/components/grid/**', 'renderer/components/chart/**'],
    rules: forbid([
      { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'renderer/ runs in a browser too: no electron, no Node. Use renderer/platform.' },
      { group: ['**/main/**'], message: 'renderer/ talks to main only through the IPC contract in shared/ipc.' },
      { group: ['dexie', 'dexie-*'], message: 'Dexie is used only under renderer/db.' },
      { group: ['ag-grid-*'], message: 'AG Grid is used only under renderer/components/grid.' },
      { group: ['echarts', 'echarts/*'], message: 'ECharts is used only under renderer/components/chart.' },
    ]),
  },
  ...viewRules,
  {
    files: ['main/**/*.ts'],
    rules: forbid([
      { group: ['**/renderer/**', 'react', 'react-dom', 'dexie', 'ag-grid-*', 'echarts'], message: 'main/ never imports the renderer or its libraries.' },
    ]),
  },
  {
    // Tests run in Node and may use test helpers and Node; the layer rules are for app code.
    files: ['**/*.test.ts', 'test/**/*.ts', 'build/**/*.ts'],
    rules: { 'no-console': 'off', 'no-restricted-imports': 'off' },
  },
);
