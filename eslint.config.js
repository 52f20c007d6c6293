// ESLint flat config: typescript-eslint strict-type-checked, JSX a11y, and the import rules of
// docs/ARCHITECTURE.md ("Import boundaries" block below). Run with `npm run lint`.
import Module from 'node:module';
import { createRequire } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// `tsc` is TypeScript 7 (native, no JS API); typescript-eslint needs the 6.0 JS API, installed side by side
// as `typescript6`. Its packages `require('typescript')`, so that one name is pointed at 6.0 for this process.
const require = createRequire(import.meta.url);
const typescript6 = require.resolve('typescript6/package.json').replace(/package\.json$/, '');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const to6 = request === 'typescript' ? typescript6 : request.startsWith('typescript/') ? typescript6 + request.slice(11) : request;
  return resolveFilename.call(this, to6, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');

/** A `no-restricted-imports` block for one folder: `group` patterns are gitignore-style, on the import text. */
const packagesBlock = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const NODE_BUILTINS = {
  regex: '^(node:.*|(fs|path|os|net|tls|dns|http|https|crypto|child_process|stream|url|util|zlib|worker_threads)(/.*)?)$',
  message: 'Node built-ins are not allowed here (docs/ARCHITECTURE.md, "Runtimes and folders").',
};
const APP_FOLDERS = ['api', 'app', 'db', 'downloads', 'features', 'state', 'sw-bridge', 'ui', 'workers'];
// Files of server/ that may use Node (docs/ARCHITECTURE.md): everything else is in createApp's graph, which
// also runs on workerd.
const SERVER_NODE_ONLY = [
  'server/node/**',
  'server/sync/**',
  'server/index.ts',
  'server/config.ts',
  'server/static.ts',
  'server/proxy/connect-guard.ts',
  'server/proxy/fetch-feed.ts',
  'server/directory/podcast-index.ts',
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.e2e-dist*/**', '.bench-out/**', 'tmp/**', 'data/**', 'docs/**', 'public/**', 'test-results/**', 'tests/fixtures/**/*.{js,mjs,cjs}'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Every .ts/.tsx file belongs to one of the tsc -b projects (src/core, src, sw, server, tests; tests
        // also holds scripts/ and the vite/vitest configs), found from the nearest tsconfig.json.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and booleans in template strings are deliberate throughout (sizes, counts, flags in messages).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Concise arrows such as `() => resolve()` are the house style; void returns elsewhere are still flagged.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // OFF: without noUncheckedIndexedAccess every guard on an index or Record lookup reads as "unnecessary";
      // obeying it would delete the guards that keep hostile feeds and stale records from crashing.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // OFF: `void signal.value` is how an effect subscribes to a signal it does not otherwise read.
      '@typescript-eslint/no-meaningless-void-operator': 'off',
      // OFF: `!` marks invariants proven a line earlier (Map.get after has(), a ref read after mount, pop() after a
      // length check); a guard that cannot fire would only add dead branches.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // OFF: `async` without `await` is deliberate where an interface returns a Promise: a synchronous throw
      // becomes a rejection the caller's .catch sees, which dropping `async` would change.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore marks a deliberately unused binding; `...rest` drops the named keys on purpose.
      // A failure caught earlier (typed unknown) is stored and rethrown as it came.
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests and tools read untyped JSON (page.evaluate, res.json()) and index fixtures they built themselves:
    // the expect() that follows is the check, and a wrong shape fails the test either way.
    files: ['tests/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(mock.method) and saving a prototype method before patching it are what tests do.
      '@typescript-eslint/unbound-method': 'off',
      // An async fixture-server handler that throws fails its test by the test's own timeout.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11y },
    rules: {
      ...jsxA11y.flatConfigs.strict.rules,
      // OFF: it recognises React's `htmlFor` only, so every Preact `<label for=…>` reads as unlabelled; the e2e
      // axe checks (tests/e2e) test the labels in the real DOM instead.
      'jsx-a11y/label-has-associated-control': 'off',
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['src/core', 'src', 'sw', 'server', 'tests'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },

  // ---- Import boundaries (docs/ARCHITECTURE.md, "Runtimes and folders"): folders by resolved path ----
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: 'src/core',
              from: ['src', 'server', 'sw', 'tests', 'scripts'],
              except: ['./core'],
              message: 'src/core is pure: it imports nothing of the app.',
            },
            { target: 'src/features', from: ['src/db', 'src/api'], message: 'Features go through src/state, never db or api.' },
            {
              target: 'src/ui',
              from: APP_FOLDERS.filter((f) => f !== 'ui').map((f) => `src/${f}`),
              message: 'src/ui imports only preact and src/core.',
            },
            { target: 'src', from: ['server', 'sw', 'tests', 'scripts'], message: 'The page does not import other runtimes.' },
          ],
        },
      ],
    },
  },
  // ...and packages by name, per folder (one block per file set: a later block would replace an earlier one).
  packagesBlock(
    ['src/core/**'],
    [
      {
        group: ['preact', 'preact/*', 'preact-iso', '@preact/*', 'idb', 'workbox-*', 'dompurify', 'hono', 'hono/*'],
        message: 'src/core is pure: pure libraries only (fast-xml-parser, minisearch).',
      },
      NODE_BUILTINS,
    ],
  ),
  packagesBlock(['src/ui/**'], [{ group: ['@preact/signals', 'preact-iso', 'idb', 'workbox-*'], message: 'src/ui imports only preact and src/core.' }, NODE_BUILTINS]),
  packagesBlock(['src/**/*.{ts,tsx}', 'sw/**/*.ts'], [{ group: ['idb'], message: 'src/db alone imports idb.' }, NODE_BUILTINS], ['src/db/**', 'src/core/**', 'src/ui/**']),
  packagesBlock(
    ['server/**/*.ts'],
    [
      NODE_BUILTINS,
      {
        group: ['undici', 'better-sqlite3', 'pg', '@hono/node-server', '@hono/node-server/*'],
        message: "Node-only: keep it out of createApp's graph (docs/ARCHITECTURE.md).",
      },
    ],
    SERVER_NODE_ONLY,
  ),
  {
    files: ['src/**/*.{ts,tsx}', 'sw/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
);
