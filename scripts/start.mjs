// `npm start`: builds an app's admin UI and, when its sources or packages/ changed since, the Forge
// bundle the runner runs (scripts/forge-bundle.cjs --if-stale), then starts the local runner
// (packages/forge-sim/src/runner/main.ts) under tsx in that app's directory, as `forge deploy` runs there.
// The app is the reference app (apps/reference) unless `--app <name>` names another (`--app sso-config`).
// Every other argument after `--` goes to the runner: `npm start -- --reset`, `--port 4000`, `--memory`.
// Set SKIP_UI_BUILD=1 to reuse the app's existing static/admin/dist.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNNER = join(root, 'packages/forge-sim/src/runner/main.ts');
const vite = join(root, 'node_modules/.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');

/** The repository's Forge apps: where each lives and the Vite config of its Custom UI. */
const APPS = {
  reference: { dir: 'apps/reference', ui: 'apps/reference/static/admin/vite.config.ts', about: 'the reference app (apps/reference); the default' },
  'sso-config': {
    dir: 'apps/sso-config',
    ui: 'apps/sso-config/static/admin/vite.config.ts',
    about: 'SSO Config, the second example vendor app (apps/sso-config), in manual delivery',
    // Its catalog is its own, so the runner's collector must be told it, as the vendor's collector is.
    collectorCatalog: 'apps/sso-config/src/usage/collector-catalog.ts'
  }
};
// The runner resolves these against its working directory, the app's; people type them from the root.
const PATH_FLAGS = ['--data-dir', '--seed', '--resource-dir', '--manifest'];

const parsed = parseArgs(process.argv.slice(2));
if (parsed.error) {
  console.error(`${parsed.error}\n${appUsage()}`);
  process.exit(2);
}
const { appName, runnerArgs, help } = parsed;
const app = APPS[appName];
const appDir = resolve(root, app.dir);

if (help) {
  console.log(appUsage());
  // The runner's own options follow; it prints them without starting anything.
  const runnerHelp = spawnSync(process.execPath, ['--import', 'tsx', RUNNER, '--help'], { cwd: root, stdio: 'inherit' });
  process.exit(runnerHelp.status ?? 1);
}

if (process.env.SKIP_UI_BUILD !== '1') {
  console.log(`Building the admin UI of ${appName} (vite build --config ${app.ui})…`);
  const build = spawnSync(vite, ['build', '--config', app.ui], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`The UI build of ${appName} failed; the runner was not started.`);
    process.exit(build.status ?? 1);
  }
}

// No SKIP for this one: the runner would otherwise run code older than the sources beside it.
const bundle = spawnSync(process.execPath, ['scripts/forge-bundle.cjs', '--app', appDir, '--if-stale'], { cwd: root, stdio: 'inherit' });
if (bundle.status !== 0) {
  console.error(`The Forge bundle of ${appName} failed to build; the runner was not started.`);
  process.exit(bundle.status ?? 1);
}

// The runner gets its own process group, so each Ctrl-C reaches it exactly once, through us: the first
// shuts it down cleanly, a second forces it. `kill -INT <this pid>` then works the same as Ctrl-C.
const env = app.collectorCatalog && !process.env.COLLECTOR_CATALOG ? { ...process.env, COLLECTOR_CATALOG: resolve(root, app.collectorCatalog) } : process.env;
const runner = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...runnerArgs], { cwd: appDir, stdio: 'inherit', detached: true, env });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (runner.exitCode === null && runner.signalCode === null) runner.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}
runner.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/** Takes `--app <name>` (or `--app=<name>`) and `--help` for this script; the rest is the runner's. */
function parseArgs(argv) {
  let appName = 'reference';
  let help = false;
  const runnerArgs = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--app' || arg.startsWith('--app=')) {
      const value = arg === '--app' ? argv[++i] : arg.slice('--app='.length);
      if (!value || value.startsWith('--')) return { error: '--app needs an app name.' };
      if (!Object.hasOwn(APPS, value)) return { error: `--app ${value}: no such app.` };
      appName = value;
    } else if (PATH_FLAGS.includes(arg) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      runnerArgs.push(arg, resolve(process.cwd(), argv[++i]));
    } else runnerArgs.push(arg);
  }
  return { appName, runnerArgs, help };
}

function appUsage() {
  const width = Math.max(...Object.keys(APPS).map((name) => name.length));
  return [
    'Usage: npm start -- [--app <name>] [options]',
    '  --app <name>         the app to build and run:',
    ...Object.entries(APPS).map(([name, { about }]) => `                         ${name.padEnd(width)}  ${about}`),
    '                       Its data folder is .data/ in its own directory.'
  ].join('\n');
}
