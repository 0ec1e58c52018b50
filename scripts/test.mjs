// `npm test`: every suite, for both apps (the reference app in apps/reference and SSO Config in
// apps/sso-config), in order: UI builds (the manifest test and the browser suites read each app's
// static/admin/dist) → Forge bundles (@forge/bundler as `forge deploy` runs it; jest's integration
// suites and the browser suites run these bundles, see scripts/forge-bundle.cjs) → type check → lint →
// Forge lint of each app → jest → the backend jest suites again under Node 24, the runtime manifest.yml names (it
// fetches Node 24 and builds better-sqlite3 for it once, see scripts/test-node24.mjs) → Playwright in
// Chromium. A failing step does not stop the later ones (a type error in one test file should not
// hide whether the browser suite passes); the exit code is 1 if any step failed. Only a failed UI
// build of the reference app stops the run: nothing after it means much. SSO Config's steps only
// feed its own suites, which then fail on their own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
// Debian's Chromium; CHROMIUM_PATH points elsewhere (the Playwright config reads the same variable).
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
// `npm test` runs every suite, this one too. The first run downloads Node 24 (~50 MB from the npm
// registry) and builds better-sqlite3 for it, cached in node_modules/.cache/node24; `npm test --
// --skip-node24` leaves it out on a machine that cannot, and CI never does.
const withNode24 = inCi || !process.argv.includes('--skip-node24');

const steps = [
  { title: 'Reference app UI build (npm run build:ui, apps/reference/static/admin)', command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: ['run', '--silent', 'build:ui'] },
  { title: 'SSO Config UI build (vite, apps/sso-config/static/admin)', command: bin('vite'), args: ['build', '--config', 'apps/sso-config/static/admin/vite.config.ts', '--logLevel', 'warn'] },
  // Its own step, so its size is printed and a bundler error is named as such; jest and Playwright
  // then find it fresh and do not build it again.
  { title: 'Reference app Forge bundle (@forge/bundler, npm run build:forge)', command: process.execPath, args: ['scripts/forge-bundle.cjs'] },
  { title: 'SSO Config Forge bundle (@forge/bundler)', command: process.execPath, args: ['scripts/forge-bundle.cjs', '--app', 'apps/sso-config'] },
  { title: 'Type check (tsc --noEmit)', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { title: 'Lint (eslint)', command: bin('eslint'), args: ['.'] },
  // What `forge lint` and `forge deploy` check (scopes against the product specs, the manifest), offline
  // against the specs pinned in forge-specs/; it prints how many files it parsed, and 0 is a failure.
  { title: "Reference app Forge lint (@forge/lint's client-side linters, with the toolkit sources it bundles)", command: process.execPath, args: ['scripts/forge-lint.mjs', 'apps/reference', '--with-toolkit-sources'] },
  { title: 'SSO Config Forge lint', command: process.execPath, args: ['scripts/forge-lint.mjs', 'apps/sso-config'] },
  { title: 'Unit, property and integration tests (jest)', command: bin('jest'), args: ['--ci'] },
  {
    title: 'Backend tests under Node 24 (jest, all but the UI and packaging suites)',
    command: process.execPath,
    args: ['scripts/test-node24.mjs'],
    off: withNode24 ? undefined : 'left out with --skip-node24; CI always runs it'
  },
  // e2e/playwright.config.ts collects both apps' specs: e2e/*.spec.ts and e2e/sso-config/*.spec.ts.
  { title: 'End-to-end tests, both apps (Playwright in Chromium)', command: bin('playwright'), args: ['test', '-c', 'e2e/playwright.config.ts'], needsChromium: true }
];

const results = [];
for (const [index, step] of steps.entries()) {
  console.log(`\n━━━ [${index + 1}/${steps.length}] ${step.title} ━━━`);
  if (step.off) {
    console.log(`Not run: ${step.off}.`);
    results.push(['not run', `${step.title} (${step.off})`]);
    continue;
  }
  if (step.needsChromium && !existsSync(CHROMIUM)) {
    const help = `No Chromium at ${CHROMIUM}. Install Debian's Chromium with:\n    sudo apt-get update && sudo apt-get install -y chromium`;
    if (inCi) {
      console.error(`${help}\nCI is set, so a missing browser fails the run.`);
      results.push(['FAILED', `${step.title} (no Chromium)`]);
    } else {
      console.warn(`${help}\nSkipping ONLY the browser suite; everything else ran.`);
      results.push(['SKIPPED', `${step.title} (no Chromium; sudo apt-get install -y chromium)`]);
    }
    continue;
  }
  const started = Date.now();
  const run = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.error) {
    console.error(`Could not run ${step.command}: ${run.error.message}. Did \`npm install\` finish?`);
    results.push(['FAILED', `${step.title} (could not start)`]);
  } else if (run.status !== 0) {
    results.push(['FAILED', `${step.title} (exit ${run.status ?? run.signal}, ${seconds}s)`]);
  } else {
    results.push(['passed', `${step.title} (${seconds}s)`]);
  }
  if (index === 0 && results[0][0] === 'FAILED') break;
}
summary();
const failed = results.filter(([status]) => status === 'FAILED');
const skipped = results.some(([status]) => status === 'SKIPPED');
if (failed.length > 0) {
  console.error(`\nnpm test failed: ${failed.map(([, title]) => title).join('; ')}.`);
  process.exit(1);
}
console.log(skipped ? '\nAll suites that could run passed; the browser suite was skipped (see above).' : '\nAll suites passed.');

function summary() {
  console.log('\n━━━ Summary ━━━');
  for (const [status, title] of results) console.log(`  ${status.padEnd(8)} ${title}`);
}
