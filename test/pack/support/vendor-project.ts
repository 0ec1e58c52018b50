import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Packed } from './packing';

/**
 * SSO Config as a vendor's own project outside this repository: its manifest, tsconfig, sources and
 * tests, a package.json naming the toolkit by tarball, and the config files a vendor writes
 * themselves (jest, a tsconfig for the tests). Nothing in it points back into the repository.
 */

/** What the app's directory holds that its build and its tests read. static/ is its Custom UI: no test reads it. */
const APP_FILES = ['manifest.yml', 'tsconfig.json', 'src', 'test'];

/** The vendor's own tooling, at the repository's versions (the npm cache holds those). */
const TOOLCHAIN = ['typescript', 'jest', '@swc/jest', '@swc/core', '@types/node', '@types/jest'];

type Json = Record<string, unknown>;
const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;
const deps = (value: unknown): Record<string, string> => (value ?? {}) as Record<string, string>;

// The packages are ES modules. jest's CommonJS runtime cannot require those before Node 24.9, so
// swc compiles them as it compiles the app's TypeScript; forge-sim's README does not say so yet.
const JEST_CONFIG = `module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  transformIgnorePatterns: ['/node_modules/(?!@usage-reporting/)'],
  setupFiles: ['@usage-reporting/forge-sim/install-globals'],
  testEnvironment: 'node',
  testTimeout: 30000
};
`;

// The app's tsconfig.json covers src/ only (what forge deploy compiles); this one adds the tests.
// skipLibCheck is off here, so the packages' own .d.ts files are checked too (DOM: @forge/api's
// declarations name fetch types, such as RequestRedirect, that only DOM declares).
const TEST_TSCONFIG = `{
  "extends": "./tsconfig.json",
  "compilerOptions": { "types": ["node", "jest"], "lib": ["ES2023", "DOM"], "skipLibCheck": false },
  "include": ["src/**/*.ts", "test/**/*.ts"]
}
`;

/**
 * The app's test/support/fresh-bundle.ts builds the bundle before its suites run, with this
 * repository's scripts/forge-bundle.cjs found four folders above itself: outside the repository that
 * path does not exist. In the vendor's project the pack test has built .forge-build/ just before it
 * runs the suites, so the helper's stand-in has nothing to do; the suites keep their imports as written.
 */
const FRESH_BUNDLE_STAND_IN = `/** Stand-in written by test/pack: the pack test builds .forge-build/ before running these suites. */
export const BUILD_TIMEOUT_MS = 5_000;
export async function buildSsoBundleIfStale(): Promise<void> {}
`;

export function writeVendorProject(options: { repoRoot: string; appDir: string; project: string; packed: readonly Packed[] }): void {
  const { repoRoot, appDir, project, packed } = options;
  for (const file of APP_FILES) cpSync(join(appDir, file), join(project, file), { recursive: true });

  const app = readJson(join(appDir, 'package.json'));
  const root = readJson(join(repoRoot, 'package.json'));
  const tarballOf = new Map(packed.map((p) => [p.name, `file:${relative(project, p.tarball)}`]));
  const fromTarballs = (ranges: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(ranges).map(([name, range]) => {
        const tarball = tarballOf.get(name);
        // Otherwise npm would fetch that toolkit package from the registry, and the test would prove nothing about it.
        if (name.startsWith('@usage-reporting/') && tarball === undefined) throw new Error(`The app depends on ${name}, which the pack test does not pack.`);
        return [name, tarball ?? range];
      })
    );
  const toolchain = Object.fromEntries(
    TOOLCHAIN.map((name) => {
      const range = deps(root.devDependencies)[name];
      if (range === undefined) throw new Error(`The repository's package.json has no devDependency ${name} to take the version from.`);
      return [name, range];
    })
  );
  const adminUi = tarballOf.get('@usage-reporting/admin-ui');

  const manifest = {
    name: 'sso-config',
    version: '1.0.0',
    private: true,
    // admin-ui is for the app's Custom UI (static/), which no test builds: installed so that every
    // tarball goes into one project together, as a vendor using the whole toolkit installs them.
    dependencies: { ...fromTarballs(deps(app.dependencies)), ...(adminUi ? { '@usage-reporting/admin-ui': adminUi } : {}) },
    // No @types/better-sqlite3 here: the collector's declarations import better-sqlite3's types, and
    // the collector depends on them itself, which the type check with skipLibCheck off proves.
    devDependencies: { ...fromTarballs(deps(app.devDependencies)), ...toolchain },
    // The repository's answers to npm's install-script prompts: better-sqlite3 must build its driver.
    allowScripts: root.allowScripts,
    // The repository's pins, light-my-request among them: Fastify's inject() in the app's suites loads
    // it, and its newer releases require the ESM-only cookie 1.x, which jest's CommonJS runtime cannot
    // load on Node 20. A vendor whose suites inject into the collector needs the same pin.
    overrides: { 'light-my-request': deps(root.overrides)['light-my-request'] }
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(project, 'jest.config.js'), JEST_CONFIG);
  writeFileSync(join(project, 'tsconfig.test.json'), TEST_TSCONFIG);
  writeFileSync(join(project, 'test', 'support', 'fresh-bundle.ts'), FRESH_BUNDLE_STAND_IN);
}
