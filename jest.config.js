/** Unit, property and integration suites. Browser suites live in e2e/ and run under Playwright. */
module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx', '<rootDir>/packages/*/test/**/*.test.ts', '<rootDir>/packages/*/test/**/*.test.tsx', '<rootDir>/apps/*/test/**/*.test.ts', '<rootDir>/apps/*/test/**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }]
  },
  // The Forge runtime globals must exist before @forge/api loads: it captures global fetch at import time.
  setupFiles: ['<rootDir>/packages/forge-sim/src/install-globals.ts'],
  // The integration suites and the local runner run the app's @forge/bundler bundle: never a stale one.
  // And the collector's suites run on a real PostgreSQL server: a throwaway cluster, started once per
  // run, unless COLLECTOR_TEST_DATABASE_URL names one (packages/collector/test/support/postgres-global.ts).
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // The packages' sources, as tsconfig.json's paths map them: suites test the code, not a stale build.
  moduleNameMapper: {
    '^@usage-reporting/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^@usage-reporting/([a-z-]+)/(.*)$': '<rootDir>/packages/$1/src/$2',
    // The packages' sources import each other as ESM does, with .js extensions that name .ts files.
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  testEnvironment: 'node',
  testTimeout: 30000
};
