// `npm start`: builds the admin UI, then runs the local runner (sim/runner/main.ts) under tsx.
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

const runner = spawn(process.execPath, ['--import', 'tsx', 'sim/runner/main.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });

// Ctrl-C reaches the runner too (same process group); it shuts down cleanly and we exit with it.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (signal === 'SIGTERM') runner.kill('SIGTERM');
  });
}
runner.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
