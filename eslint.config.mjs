import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '**/dist/', '**/.data/', '.sim-data/', 'test-results/', 'playwright-report/', '**/.forge-build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', globalThis: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', {
        paths: [{ name: '@forge/ui', message: 'UI Kit 1 was removed by Atlassian; the admin page is Custom UI.' }],
        patterns: [
          { group: ['@forge/api/out/*'], message: 'Import from @forge/api, not its internals.' },
          // The toolkit's packages are used as a vendor uses them: through their package.json exports.
          {
            group: ['@usage-reporting/*/src', '@usage-reporting/*/src/*', '@usage-reporting/*/dist', '@usage-reporting/*/dist/*', '**/packages/*/src', '**/packages/*/src/*', '**/packages/*/dist', '**/packages/*/dist/*'],
            message: "Import a toolkit package by its name and entry points (e.g. '@usage-reporting/core', '@usage-reporting/core/node'), not by path into its internals."
          },
          {
            group: ['@usage-reporting/core/*', '!@usage-reporting/core/api', '!@usage-reporting/core/collector-api', '!@usage-reporting/core/node'],
            message: "@usage-reporting/core's entry points are '.', './api', './collector-api' and './node'."
          },
          { group: ['@usage-reporting/collector/*'], message: "@usage-reporting/collector's one entry point is '.'." },
          { group: ['@usage-reporting/forge/*'], message: "@usage-reporting/forge's one entry point is '.'." },
          {
            group: ['@usage-reporting/admin-ui/*', '!@usage-reporting/admin-ui/zod-jitless', '!@usage-reporting/admin-ui/first-screen', '!@usage-reporting/admin-ui/styles.css', '!@usage-reporting/admin-ui/tokens.css'],
            message: "@usage-reporting/admin-ui's entry points are '.', './zod-jitless', './first-screen', './styles.css' and './tokens.css'."
          },
          {
            group: ['@usage-reporting/forge-sim/*', '!@usage-reporting/forge-sim/host', '!@usage-reporting/forge-sim/runner', '!@usage-reporting/forge-sim/install-globals', '!@usage-reporting/forge-sim/playwright'],
            message: "@usage-reporting/forge-sim's entry points are '.', './host', './runner', './install-globals' and './playwright'."
          }
        ]
      }]
    }
  },
  {
    // The bench measures the engine's own steps (metering, report assembly) below the public API,
    // so that a figure isolates one cost; it is the one reader of a package's internals.
    files: ['bench/sections/engine.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    // Inside a package, its own files are relative imports; the boundary rule is for everyone else.
    files: ['packages/*/src/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: '@forge/ui', message: 'UI Kit 1 was removed by Atlassian; the admin page is Custom UI.' }] }] }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
);
