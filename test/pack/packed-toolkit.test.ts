import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { entryFiles, mustRun, npm, packWorkspaces, run, tarballFiles, tscErrors, type Packed, type Run } from './support/packing';
import { writeVendorProject } from './support/vendor-project';

/**
 * The toolkit as a vendor gets it: each package packed by `npm pack`, the tarballs installed into a
 * fresh project outside the repository that holds the second app (SSO Config), which then
 * type-checks, bundles with @forge/bundler as `forge deploy` would, and passes its own test suites
 * in forge-sim against that bundle. A file missing from `files`, an `exports` target that is not
 * built, a declaration naming a module the package does not ship, or an import that only resolves
 * inside the workspace fails here and nowhere else.
 *
 * Slow by nature, about two minutes on a 2-core machine, nearly all of it in beforeAll: `npm install`
 * compiles better-sqlite3 (the collector's driver, which the app's tests run the real collector on;
 * no prebuilt binary is reachable there) and @forge/bundler runs webpack over the app. Everything
 * else comes from the npm cache (--prefer-offline). scripts/test-node24.mjs leaves this suite out.
 */
const repoRoot = resolve(__dirname, '../..');
const appDir = join(repoRoot, 'apps', 'sso-config');
const PACKAGE_FOLDERS = ['packages/core', 'packages/forge', 'packages/forge-sim', 'packages/admin-ui', 'packages/collector'];

/**
 * What a tarball may hold besides dist/, package.json and README.md: forge-sim reads its Forge scope
 * tables (forge-specs/) and compiles its host page's browser scripts (src/host/browser/) at run time,
 * both found through layout/. Written out rather than read from `files`, so that widening `files`
 * (to all of src/, say) fails here.
 */
const SHIPPED_BESIDE_DIST: Record<string, string[]> = {
  '@usage-reporting/core': [],
  '@usage-reporting/forge': [],
  '@usage-reporting/forge-sim': ['forge-specs/', 'layout/', 'src/host/browser/'],
  '@usage-reporting/admin-ui': [],
  '@usage-reporting/collector': []
};

interface BundleSummary {
  outputDir: string;
  entryPoints: string[];
  files: string[];
}

interface JestReport {
  numTotalTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string; message: string }[];
}

function jestReport(result: Run): JestReport {
  try {
    return JSON.parse(result.stdout) as JestReport;
  } catch {
    throw new Error(`jest printed no report (exit ${result.code}):\n${result.stderr}`);
  }
}

let work: string;
let project: string;
let packed: Packed[];
let bundle: BundleSummary;

beforeAll(async () => {
  // The tarballs pack dist/, so it must be current: the packages, then admin-ui (it builds against core's dist/).
  await mustRun(process.execPath, ['scripts/build-packages.cjs', '--if-stale'], repoRoot);
  await mustRun(process.execPath, ['packages/admin-ui/scripts/build.mjs', '--if-stale'], repoRoot);

  work = mkdtempSync(join(tmpdir(), 'packed-toolkit-'));
  const tarballs = join(work, 'tarballs');
  project = join(work, 'sso-config');
  mkdirSync(tarballs);
  mkdirSync(project);
  packed = await packWorkspaces(repoRoot, PACKAGE_FOLDERS, tarballs);

  writeVendorProject({ repoRoot, appDir, project, packed });
  // Slow (about a minute): better-sqlite3 compiles its driver. A fresh install, not a copy of ours,
  // is the point: it resolves each package's declared dependencies and nothing else.
  await mustRun(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund'], project);

  // Slow (10 to 15 s): webpack through @forge/bundler, the step `forge deploy` runs, over this
  // project's manifest, tsconfig and node_modules. Only the bundler and its webpack and ts-loader
  // come from the repository (scripts/forge-bundle.cjs), as the Forge CLI brings its own.
  const out = await mustRun(process.execPath, [join(repoRoot, 'scripts', 'forge-bundle.cjs'), '--app', project, '--json'], repoRoot);
  bundle = JSON.parse(out.trim().split('\n').at(-1) ?? '') as BundleSummary;
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(PACKAGE_FOLDERS)('the tarball of %s', (folder) => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, folder, 'package.json'), 'utf8')) as Record<string, unknown>;
  const name = String(manifest.name);
  let files: string[];
  beforeAll(async () => {
    const tarball = packed.find((p) => p.name === name)?.tarball;
    if (!tarball) throw new Error(`npm pack produced no tarball for ${name}`);
    files = await tarballFiles(tarball);
  });

  it('holds dist/, package.json, README.md and its declared extras, and no sources or tests', () => {
    const allowed = ['dist/', ...(SHIPPED_BESIDE_DIST[name] ?? [])];
    const stray = files.filter((f) => f !== 'package.json' && f !== 'README.md' && !allowed.some((prefix) => f.startsWith(prefix)));
    expect(stray).toEqual([]);
    expect(files.filter((f) => /(^|\/)test\/|\.test\.|\.tsbuildinfo$/.test(f))).toEqual([]);
    expect(files).toContain('dist/index.js');
  });

  it('holds every file its main, types, bin and exports name', () => {
    const missing = entryFiles(manifest).filter((entry) => !files.includes(entry));
    expect(missing).toEqual([]);
  });
});

test('npm installs every toolkit package from its tarball, one copy each', () => {
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
  const toolkit = Object.entries(lock.packages).filter(([path]) => path.includes('node_modules/@usage-reporting/'));
  expect(toolkit.map(([path, entry]) => [path, entry.resolved?.replace(/^.*\//, '')]).sort()).toEqual(
    packed.map((p) => [`node_modules/${p.name}`, p.tarball.replace(/^.*\//, '')]).sort()
  );
  expect(toolkit.every(([, entry]) => entry.resolved?.startsWith('file:'))).toBe(true);
});

test('the app’s sources type-check with its own tsconfig.json, against the packages’ declarations', async () => {
  const result = await run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'], project);
  expect(tscErrors(result)).toEqual([]);
  expect(result.code).toBe(0);
}, 120_000);

test('its tests type-check too, and the packages’ own declarations compile without skipLibCheck', async () => {
  const result = await run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.test.json'], project);
  expect(tscErrors(result)).toEqual([]);
  expect(result.code).toBe(0);
}, 120_000);

test('@forge/bundler bundles the toolkit’s dist/ from the installed tarballs, and nothing from the repository', () => {
  expect(bundle.outputDir).toBe(join(project, '.forge-build'));
  expect(bundle.entryPoints).toEqual(['index']);
  const code = readFileSync(join(bundle.outputDir, 'index.cjs'), 'utf8');
  const map = JSON.parse(readFileSync(join(bundle.outputDir, 'index.cjs.map'), 'utf8')) as { sources: string[] };
  // webpack names each module by its path from the app's directory, behind `webpack://<package name>/`.
  const sources = map.sources.map((s) => s.replace(/^webpack:\/\/sso-config\//, ''));
  const toolkit = sources.filter((s) => s.includes('@usage-reporting/'));

  expect(toolkit.filter((s) => !/^\.\/node_modules\/@usage-reporting\/(core|forge)\/dist\/.+\.js$/.test(s))).toEqual([]);
  expect([...new Set(toolkit.map((s) => s.split('/')[3]))].sort()).toEqual(['core', 'forge']);
  expect(sources.filter((s) => s.startsWith('../') || s.includes(repoRoot))).toEqual([]);
  expect(code.indexOf(repoRoot)).toBe(-1);
});

describe('the app’s own test suites, in forge-sim against the bundled handlers', () => {
  const jest = () => join(project, 'node_modules', 'jest', 'bin', 'jest.js');

  test('all pass', async () => {
    const result = await run(process.execPath, [jest(), '--ci', '--json'], project);
    const report = jestReport(result);
    const failed = report.testResults.filter((r) => r.status !== 'passed').map((r) => `${r.name}\n${r.message}`);
    const suites = readdirSync(join(project, 'test'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'));

    expect(failed).toEqual([]);
    expect(report.testResults.map((r) => relative(join(project, 'test'), r.name)).sort()).toEqual(suites.sort());
    expect(report.numFailedTests).toBe(0);
    expect(report.numTotalTests).toBeGreaterThan(20);
  }, 180_000);

  test('fail without the bundle: the handlers they call are the bundle’s', async () => {
    const bundleDir = join(project, '.forge-build');
    const aside = join(work, 'forge-build-aside');
    renameSync(bundleDir, aside);
    try {
      const result = await run(process.execPath, [jest(), '--ci', 'test/own-resolvers.test.ts'], project);
      expect(result.code).toBe(1);
      expect(`${result.stdout}${result.stderr}`).toContain(`No Forge bundle at ${join(bundleDir, 'index.cjs')}`);
    } finally {
      renameSync(aside, bundleDir);
    }
    expect(existsSync(join(bundleDir, 'index.cjs'))).toBe(true);
  }, 120_000);
});
