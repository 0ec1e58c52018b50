// `npm run build` in packages/admin-ui: the published package, in dist/.
//
//   dist/*.js, *.d.ts   ES modules and declarations (tsc, tsconfig.dist.json), for a vendor's Vite or
//                       webpack build; dist/package.json marks them as ES modules
//   dist/styles.css     the page's styles, one file (src/styles.css with its @imports inlined)
//   dist/tokens.css     the Atlassian token themes (src/tokens.css)
//   dist/resource/      the prebuilt Custom UI resource (Vite, from dist/ itself): index.html and
//                       assets/, relative URLs, no inline script, for a manifest resource `path`
//
//   node scripts/build.mjs [--if-stale]
//
// --if-stale skips the build when dist/ is newer than everything it is built from. It needs
// @usage-reporting/core built first (`npm run build:packages` at the repository root): its types
// and modules are read from its dist/, as a vendor's install would have them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const dist = join(pkgDir, 'dist');
const resourceOut = join(dist, 'resource');
const require = createRequire(join(pkgDir, 'package.json'));

const coreEntry = resolveCore();
const inputs = ['src', 'resource', 'scripts', 'package.json', 'tsconfig.dist.json'].map((p) => join(pkgDir, p)).concat(dirname(coreEntry));

if (process.argv.includes('--if-stale') && isFresh()) {
  console.log('admin-ui: dist/ is newer than its sources; not rebuilt.');
} else {
  const started = Date.now();
  // A clean dist/: a file deleted from src/ must not live on in the build.
  rmSync(dist, { recursive: true, force: true });
  compile();
  writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  writeFileSync(join(dist, 'styles.css'), inlineImports(join(pkgDir, 'src/styles.css')));
  copyFileSync(join(pkgDir, 'src/tokens.css'), join(dist, 'tokens.css'));
  await buildResource();
  console.log(`admin-ui: built dist/ and dist/resource/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function resolveCore() {
  try {
    return require.resolve('@usage-reporting/core');
  } catch {
    fail('@usage-reporting/core has no build to import: run `npm run build:packages` at the repository root first.');
  }
}

function compile() {
  const tsc = require.resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(pkgDir, 'tsconfig.dist.json')], { stdio: 'inherit' });
  if (run.status !== 0) fail(`tsc exited with ${run.status ?? run.signal}.`);
}

/** One stylesheet a vendor can import or link as it is: relative @imports only, inlined in order. */
function inlineImports(file, seen = new Set()) {
  if (seen.has(file)) fail(`${file} is imported twice (or in a cycle).`);
  seen.add(file);
  return readFileSync(file, 'utf8').replace(/^@import\s+(?:url\()?['"]([^'"]+)['"]\)?\s*;\s*$/gm, (line, spec) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) fail(`${file}: only relative @imports can be inlined, not ${line.trim()}`);
    return inlineImports(resolve(dirname(file), spec), seen).trimEnd();
  });
}

async function buildResource() {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: join(pkgDir, 'resource'),
    logLevel: 'warn',
    // Forge serves a resource from a sub-path of its CDN: every asset URL must be relative.
    base: './',
    build: {
      outDir: resourceOut,
      emptyOutDir: true,
      // Forge's CSP has no 'unsafe-inline' for scripts: the preload polyfill would be an inline script.
      modulePreload: { polyfill: false },
      // data: URIs for fonts or images would need CSP exceptions; emit files instead.
      assetsInlineLimit: 0,
      sourcemap: false,
      target: 'es2022'
    }
  });
}

function isFresh() {
  const marker = join(resourceOut, 'index.html');
  if (!existsSync(marker)) return false;
  const builtAt = statSync(join(dist, 'index.js')).mtimeMs;
  return inputs.every((input) => newestMtime(input) < builtAt);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A deleted file changes its directory's mtime, so the directories count too.
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function fail(message) {
  console.error(`admin-ui build: ${message}`);
  process.exit(1);
}
