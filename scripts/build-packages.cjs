// `npm run build:packages`: compiles every workspace package under packages/ to its dist/ (ES modules
// and declarations, from the package's tsconfig.build.json), as `npm pack` would ship it. Inside this
// repository tsc, tsx, jest, Vite and Playwright read the packages' sources (tsconfig.json's paths);
// what resolves a package through node_modules instead, as a vendor's build does, gets dist/: the
// Forge bundle (@forge/bundler does not compile TypeScript inside node_modules) and the pack test.
//
//   node scripts/build-packages.cjs [--if-stale]
//
// --if-stale skips a package whose dist/ is newer than its src/, package.json and build config.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { newestMtime } = require('./newest-mtime.cjs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const packagesDir = join(root, 'packages');
const ifStale = process.argv.includes('--if-stale');

/**
 * The package directories that have a build, in dependency order (core first: the others import it).
 * Most build with tsc alone (tsconfig.build.json); a package with more to build (admin-ui: CSS and a
 * prebuilt Custom UI resource) has its own scripts/build.mjs, which this runs instead.
 */
const ownBuild = (dir) => join(dir, 'scripts', 'build.mjs');
function buildablePackages() {
  if (!existsSync(packagesDir)) return [];
  const names = readdirSync(packagesDir).filter((name) => existsSync(join(packagesDir, name, 'tsconfig.build.json')) || existsSync(ownBuild(join(packagesDir, name))));
  return names.sort((a, b) => (a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b))).map((name) => join(packagesDir, name));
}


function isFresh(dir) {
  const marker = join(dir, 'dist', 'index.js');
  if (!existsSync(marker)) return false;
  const builtAt = statSync(marker).mtimeMs;
  return ['src', 'package.json', 'tsconfig.build.json'].every((input) => newestMtime(join(dir, input)) < builtAt);
}

const tsc = require.resolve('typescript/bin/tsc');
for (const dir of buildablePackages()) {
  const name = require(join(dir, 'package.json')).name;
  if (existsSync(ownBuild(dir))) {
    const own = spawnSync(process.execPath, [ownBuild(dir), ...(ifStale ? ['--if-stale'] : [])], { stdio: 'inherit' });
    if (own.status !== 0) {
      console.error(`build:packages: ${name} did not build (its scripts/build.mjs exited with ${own.status ?? own.signal}).`);
      process.exit(1);
    }
    continue;
  }
  if (ifStale && isFresh(dir)) continue;
  const started = Date.now();
  // A clean dist/: a file deleted from src/ must not live on in the build.
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build:packages: ${name} did not compile (tsc exited with ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  // The build is ES modules; the package's own package.json leaves `type` unset so that its sources,
  // which tsx, jest and Playwright read in this repository, keep the repository's module format.
  writeFileSync(join(dir, 'dist', 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  console.log(`build:packages: ${name} compiled to ${join('packages', dir.slice(packagesDir.length + 1), 'dist')}/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
