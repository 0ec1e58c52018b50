// `npm test`: every suite, in order, stopping at the first failure.
// UI build (the manifest test reads static/admin/dist) → type check → lint → jest → Playwright in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const CHROMIUM = '/usr/bin/chromium';
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

const steps = [
  { title: 'UI build (npm run build:ui)', command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: ['run', '--silent', 'build:ui'] },
  { title: 'Type check (tsc --noEmit)', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { title: 'Lint (eslint)', command: bin('eslint'), args: ['.'] },
  { title: 'Unit, property and integration tests (jest)', command: bin('jest'), args: ['--ci'] },
  { title: 'End-to-end tests (Playwright in Chromium)', command: bin('playwright'), args: ['test', '-c', 'e2e/playwright.config.ts'], needsChromium: true }
];

const results = [];
for (const [index, step] of steps.entries()) {
  console.log(`\n━━━ [${index + 1}/${steps.length}] ${step.title} ━━━`);
  if (step.needsChromium && !existsSync(CHROMIUM)) {
    const help = `No Chromium at ${CHROMIUM}. Install Debian's Chromium with:\n    sudo apt-get update && sudo apt-get install -y chromium`;
    if (inCi) {
      console.error(`${help}\nCI is set, so a missing browser fails the run.`);
      report('FAILED', step.title);
    }
    console.warn(`${help}\nSkipping ONLY the browser suite; everything else ran.`);
    results.push(['SKIPPED', step.title]);
    continue;
  }
  const started = Date.now();
  const run = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.error) {
    console.error(`Could not run ${step.command}: ${run.error.message}. Did \`npm install\` finish?`);
    report('FAILED', step.title);
  }
  if (run.status !== 0) report('FAILED', `${step.title} (exit ${run.status ?? run.signal}, ${seconds}s)`);
  results.push(['passed', `${step.title} (${seconds}s)`]);
}
summary();
const skipped = results.some(([status]) => status === 'SKIPPED');
console.log(skipped ? '\nAll suites that could run passed; the browser suite was skipped (see above).' : '\nAll suites passed.');

function report(status, title) {
  results.push([status, title]);
  summary();
  console.error(`\nnpm test stopped: ${title} failed.`);
  process.exit(1);
}

function summary() {
  console.log('\n━━━ Summary ━━━');
  for (const [status, title] of results) console.log(`  ${status.padEnd(8)} ${title}`);
}
