// `npm run screenshots`: refreshes the README's pictures in e2e/screenshots/ by running the browser
// suite with UPDATE_README_SCREENSHOTS=1 (e2e/fixtures/paths.ts). `npm test` writes its screenshots
// under test-results/ instead, so a test run never changes committed files; this is the one step that
// does, on purpose, and its result is reviewed and committed like any other change.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:ui'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(`${root}node_modules/.bin/playwright`, ['test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, UPDATE_README_SCREENSHOTS: '1' }
});
if (run.status === 0) console.log('\nREADME screenshots refreshed in e2e/screenshots/; review them with `git diff --stat e2e/screenshots` before committing.');
process.exit(run.status ?? 1);
