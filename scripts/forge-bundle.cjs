// `npm run build:forge`: bundles the app's functions with @forge/bundler, the package `forge deploy`
// and `forge tunnel` run, into .forge-build/ (git-ignored). The simulator, the browser suite and
// `npm start` run this bundle, so they run what Forge would deploy, not the TypeScript sources.
//
//   node scripts/forge-bundle.cjs [--json] [--if-stale] [--app <dir>]
//
// --app bundles another Forge app of the repository (e.g. apps/sso-config: its manifest.yml and
// tsconfig.json) into <dir>/.forge-build/; the default is the reference app, apps/reference.
//
// CommonJS, not .mjs: @forge/bundler refuses to configure webpack without a `require.main`, which
// an ES module entry point does not set (the CLI it was written for is CommonJS).
// Same entry points (the manifest's function handlers, through @forge/cli-shared's ConfigFile, as the
// CLI reads them) and the same webpack config (NodeBundler: ts-loader over ./tsconfig.json, target
// node18, `[name].cjs`). Prints the bundle's size; exits 1 with the bundler's message on any error.
// --json prints one summary object instead, for tests and the bench. --if-stale (jest's and
// Playwright's global setup, `npm start`) builds only when the bundle is missing or older than
// something it is built from, so no suite can run a stale bundle and none pays ~5–15 s for nothing.
const { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } = require('node:fs');
const { newestMtime } = require('./newest-mtime.cjs');
const { join } = require('node:path');

const repo = join(__dirname, '..');
const appFlag = process.argv.indexOf('--app');
const root = appFlag === -1 ? join(repo, 'apps/reference') : require('node:path').resolve(process.argv[appFlag + 1] ?? '');
const OUTPUT_DIR = join(root, '.forge-build');
const json = process.argv.includes('--json');
// What the bundle is built from: the app's code, what resolves its imports and how it is compiled.
// The toolkit packages count with their sources: the bundle takes their dist/, rebuilt from them first.
const INPUTS = [
  ...['src', 'manifest.yml', 'tsconfig.json'].map((input) => join(root, input)),
  ...['packages', 'package-lock.json', 'scripts/forge-bundle.cjs', 'scripts/build-packages.cjs', 'scripts/newest-mtime.cjs'].map((input) => join(repo, input))
];

// The CLI resolves the entry points (src/<module>) and reads manifest.yml relative to the working directory.
process.chdir(root);
const { getNodeBundler, getEntryPoints } = require('@forge/bundler');
const { ConfigFile, FileSystemReader, FileSystemWriter } = require('@forge/cli-shared');

const warnings = [];
const logger = {
  info: () => {},
  debug: () => {},
  warn: (message) => warnings.push(message)
};

// Forge adds two files of its own next to the app's bundle: its Node runtime's loader (__forge__.cjs)
// and wrapper, which the deploy fetches from Atlassian's CDN (or reads from FORGE_RUNTIME_PATH with
// LocalWrapperProvider, a checkout of that runtime we do not have). They are the platform, not the
// app: in the simulator packages/forge-sim/src/runtime plays that part, installing the globals the SDKs read. So this
// provider supplies nothing, offline, and the empty files it yields are not written out.
const noRuntimeWrapper = {
  getNodeRuntimeWrapper: async () => ({ script: '', source: 'none: packages/forge-sim/src/runtime stands in', version: 'sim' }),
  getNodeRuntimeLoader: async () => ({ script: '', source: 'none: packages/forge-sim/src/runtime stands in', version: 'sim' })
};

const started = Date.now();
if (process.argv.includes('--if-stale') && isFresh()) {
  console.log('Forge bundle: .forge-build/ is newer than src/, packages/ and the build inputs; not rebuilt.');
} else {
  main();
}

async function main() {
  // The app imports the toolkit packages by name; webpack resolves them, as in a vendor's app, through
  // node_modules to their compiled dist/, so that must be current.
  const built = require('node:child_process').spawnSync(process.execPath, [join(__dirname, 'build-packages.cjs'), '--if-stale'], { stdio: json ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (built.status !== 0) {
    console.error('Forge bundle failed: the toolkit packages did not build (npm run build:packages).');
    process.exitCode = 1;
    return;
  }
  try {
    const config = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
    const entryPoints = getEntryPoints(await config.getAppHandlers());
    const output = await getNodeBundler(logger, noRuntimeWrapper, config).bundle({ appDirectory: root, entryPoints });
    // NodeBundler writes to a fresh temporary directory, as for a deploy; .forge-build/ gets exactly its files.
    rmSync(OUTPUT_DIR, { recursive: true, force: true });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    cpSync(output.outputDir, OUTPUT_DIR, { recursive: true });
    rmSync(output.outputDir, { recursive: true, force: true });
    report({ entryPoints: entryPoints.map((e) => e.name), metadata: output.metadata });
  } catch (error) {
    console.error(`Forge bundle failed (@forge/bundler):\n${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

function report({ entryPoints, metadata }) {
  const files = readdirSync(OUTPUT_DIR).map((name) => ({ name, bytes: statSync(join(OUTPUT_DIR, name)).size }));
  const code = files.filter((f) => f.name.endsWith('.cjs'));
  const bytes = code.reduce((sum, f) => sum + f.bytes, 0);
  const mapBytes = files.filter((f) => f.name.endsWith('.map')).reduce((sum, f) => sum + f.bytes, 0);
  const summary = { outputDir: OUTPUT_DIR, entryPoints, files: code.map((f) => f.name), bytes, mapBytes, tsFiles: metadata?.tsFiles, jsFiles: metadata?.jsFiles, warnings, ms: Date.now() - started };
  if (json) {
    console.log(JSON.stringify(summary));
    return;
  }
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `Forge bundle: ${code.map((f) => `${f.name} ${kb(f.bytes)}`).join(', ')} (+ ${kb(mapBytes)} source maps) in .forge-build/, ` +
      `from ${summary.tsFiles} TS and ${summary.jsFiles} JS files of the app, ${(summary.ms / 1000).toFixed(1)} s.`
  );
}

function isFresh() {
  if (!existsSync(OUTPUT_DIR)) return false;
  const built = readdirSync(OUTPUT_DIR).filter((name) => name.endsWith('.cjs'));
  if (built.length === 0) return false;
  const builtAt = Math.min(...built.map((name) => statSync(join(OUTPUT_DIR, name)).mtimeMs));
  return INPUTS.every((input) => newestMtime(input) < builtAt);
}

