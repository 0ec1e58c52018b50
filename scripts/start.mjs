// `npm start`: builds the admin UI and, when src/ or packages/ changed since, the Forge bundle the runner
// runs (scripts/forge-bundle.cjs --if-stale), then starts the local runner (packages/forge-sim/src/runner/main.ts) under tsx.
// Arguments after `--` go to the runner: `npm start -- --reset`, `--port 4000`, `--memory`.
// Set SKIP_UI_BUILD=1 to reuse an existing static/admin/dist.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (process.env.SKIP_UI_BUILD !== '1') {
  console.log('Building the admin UI (npm run build:ui)…');
  const build = spawnSync(npm, ['run', '--silent', 'build:ui'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The UI build failed; the runner was not started.');
    process.exit(build.status ?? 1);
  }
}

// No SKIP for this one: the runner would otherwise run code older than the sources beside it.
const bundle = spawnSync(process.execPath, ['scripts/forge-bundle.cjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
if (bundle.status !== 0) {
  console.error('The Forge bundle failed to build; the runner was not started.');
  process.exit(bundle.status ?? 1);
}

// The runner gets its own process group, so each Ctrl-C reaches it exactly once, through us: the first
// shuts it down cleanly, a second forces it. `kill -INT <this pid>` then works the same as Ctrl-C.
const runner = spawn(process.execPath, ['--import', 'tsx', 'packages/forge-sim/src/runner/main.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', detached: true });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (runner.exitCode === null && runner.signalCode === null) runner.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}
runner.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
