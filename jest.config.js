/** Unit, property and integration suites. Browser suites live in e2e/ and run under Playwright. */
module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }]
  },
  // The Forge runtime globals must exist before @forge/api loads: it captures global fetch at import time.
  setupFiles: ['<rootDir>/sim/jest/install-globals.ts'],
  // The integration suites and the local runner run the app's @forge/bundler bundle: never a stale one.
  globalSetup: '<rootDir>/sim/jest/build-forge-bundle.ts',
  testEnvironment: 'node',
  testTimeout: 30000
};
