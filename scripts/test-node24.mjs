// `node scripts/test-node24.mjs [jest args]`: the backend jest suites (all but the browser-only UI
// suites and the packaging suites) under Node 24, the runtime manifest.yml names (nodejs24.x), on machines whose own Node is 20.
// `npm test` runs it (`npm test -- --skip-node24` leaves it out, except in CI).
//
// Node 24 comes from the npm registry: `node-<platform>-<arch>@24` is the package the `node` package's
// preinstall script installs, a plain tarball with bin/node and the headers. Taking it directly needs
// no install script. It is cached in node_modules/.cache/node24, so later runs start at once.
//
// better-sqlite3 is the one native addon built against V8's ABI (the others use Node-API, which is
// stable across versions): the copy in node_modules was built for the machine's Node and will not load
// in 24. So the suites run in a scratch copy of the tree whose node_modules links to the real one,
// except better-sqlite3, which points at a copy built once for Node 24 (also under the cache). The
// scratch copy is needed because a child process (the collector started by test/collector/config.test.ts)
// resolves better-sqlite3 from its own file's location, which no jest option can redirect.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, 'node_modules', '.cache', 'node24');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const MAJOR = 24;

const node24 = ensureNode24();
const sqlite = ensureBetterSqlite3(node24);
const scratch = makeScratchTree(sqlite);
let status = 1;
try {
  const version = run(node24.bin, ['-p', 'process.version'], { capture: true }).trim();
  console.log(`Backend suites under Node ${version} (${node24.bin}), in ${scratch}`);
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  // Last and one regex: jest reads any test path after an array option as one more ignore pattern.
  // Left out: the browser-only UI suites, and the packaging suites (npm pack and npm install of the
  // packages in a temp project): they test what npm ships, not the runtime, and npm install would have
  // to compile better-sqlite3 for Node 24 without the headers this script provides to its own build.
  // screenshot-paths asks git what it ignores, and the scratch copy is no repository; it checks e2e paths, no backend.
  const ignored = ['/node_modules/', '/test/ui/', '/packages/admin-ui/test/', '/test/pack/', 'installed-package\\.test\\.ts$', 'screenshot-paths\\.test\\.ts$'];
  const args = [jest, '--ci', ...process.argv.slice(2), `--testPathIgnorePatterns=${ignored.join('|')}`];
  const result = spawnSync(node24.bin, args, { cwd: scratch, stdio: 'inherit', env: { ...process.env, PATH: `${node24.binDir}${pathSep()}${process.env.PATH ?? ''}` } });
  status = result.status ?? 1;
  console.log(`Node ${version}: jest exited ${result.status ?? result.signal}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);

function ensureNode24() {
  const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const dir = join(cache, 'node_modules', pkg);
  const bin = process.platform === 'win32' ? join(dir, 'bin', 'node.exe') : join(dir, 'bin', 'node');
  if (!isMajor(bin)) {
    console.log(`Fetching Node ${MAJOR} from the npm registry (${pkg}@${MAJOR})…`);
    mkdirSync(cache, { recursive: true });
    // --prefix makes the cache its own tiny project: nothing is added to the repository's package.json or lock.
    run(npm, ['install', '--prefix', cache, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', `${pkg}@${MAJOR}`]);
    if (!isMajor(bin)) throw new Error(`${pkg}@${MAJOR} installed, but ${bin} is not Node ${MAJOR}.`);
  }
  return { bin, dir, binDir: dirname(bin) };
}

function isMajor(bin) {
  if (!existsSync(bin)) return false;
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return out.status === 0 && out.stdout.trim().startsWith(`v${MAJOR}.`);
}

function ensureBetterSqlite3(node) {
  const source = join(root, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const abi = run(node.bin, ['-p', 'process.versions.modules'], { capture: true }).trim();
  const dest = join(cache, `better-sqlite3-${version}-abi${abi}`);
  if (loads(node.bin, dest)) return dest;
  console.log(`Building better-sqlite3 ${version} for Node ${MAJOR} (ABI ${abi}); cached for later runs…`);
  rmSync(dest, { recursive: true, force: true });
  cpSync(source, dest, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
  // npm run puts its bundled node-gyp on PATH; nodedir points it at Node 24's own headers, which the
  // package ships, instead of the machine's (npm's nodedir setting here is /usr, Node 20's).
  run(npm, ['run', '--silent', 'build-release'], {
    cwd: dest,
    env: { ...process.env, PATH: `${node.binDir}${pathSep()}${process.env.PATH ?? ''}`, npm_config_nodedir: node.dir }
  });
  if (!loads(node.bin, dest)) throw new Error(`better-sqlite3 built in ${dest} does not load in Node ${MAJOR}.`);
  return dest;
}

function loads(bin, dir) {
  if (!existsSync(join(dir, 'build', 'Release', 'better_sqlite3.node'))) return false;
  const probe = `new (require(${JSON.stringify(dir)}))(':memory:').prepare('select 1 as one').get().one === 1 || process.exit(1)`;
  return spawnSync(bin, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

/** The repository's files (tracked and new, not ignored) and the built UI, with node_modules linked back. */
function makeScratchTree(sqliteDir) {
  const dir = mkdtempSync(join(tmpdir(), 'usage-reporting-node24-'));
  const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { capture: true, cwd: root })
    .split('\0')
    .filter((f) => f !== '' && existsSync(join(root, f)));
  for (const file of files) cpSync(join(root, file), join(dir, file), { recursive: true });
  // The manifest check validates every app's resources against its built UI, which `npm test` builds first.
  const apps = existsSync(join(root, 'apps')) ? readdirSync(join(root, 'apps')).map((name) => join('apps', name)) : [];
  for (const app of ['.', ...apps]) {
    const dist = join(root, app, 'static', 'admin', 'dist');
    if (existsSync(dist)) cpSync(dist, join(dir, app, 'static', 'admin', 'dist'), { recursive: true });
  }
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '.cache' || entry === 'better-sqlite3' || entry === '@usage-reporting') continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry), 'junction');
  }
  // The workspace packages link to the scratch tree's own copies, as npm links them in the repository.
  mkdirSync(join(modules, '@usage-reporting'));
  for (const name of readdirSync(join(dir, 'packages'))) {
    const pkg = JSON.parse(readFileSync(join(dir, 'packages', name, 'package.json'), 'utf8'));
    symlinkSync(join(dir, 'packages', name), join(modules, pkg.name), 'junction');
  }
  symlinkSync(sqliteDir, join(modules, 'better-sqlite3'), 'junction');
  return dir;
}

function run(command, args, { capture = false, cwd = root, env = process.env } = {}) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
  if (result.error) throw new Error(`Could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}`);
  return capture ? result.stdout : '';
}

function pathSep() {
  return process.platform === 'win32' ? ';' : ':';
}
