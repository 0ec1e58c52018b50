import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type * as Paths from '../../e2e/fixtures/paths';

/**
 * Where the browser suites save screenshots (e2e/fixtures/paths.ts): a test run writes beside
 * Playwright's own output, which git ignores, and only `npm run screenshots` writes the README's
 * committed pictures. The browser run checks the committed ones stayed as they were
 * (e2e/fixtures/screenshot-guard.ts); this checks the folder each setting chooses.
 */
const REPO_ROOT = path.resolve(__dirname, '../..');
const saved = { output: process.env.PLAYWRIGHT_OUTPUT_DIR, update: process.env.UPDATE_README_SCREENSHOTS };

afterEach(() => {
  restore('PLAYWRIGHT_OUTPUT_DIR', saved.output);
  restore('UPDATE_README_SCREENSHOTS', saved.update);
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** paths.ts reads the environment when it loads: a fresh copy of it for each setting. */
function pathsWith(env: { output?: string; update?: string }): typeof Paths {
  restore('PLAYWRIGHT_OUTPUT_DIR', env.output);
  restore('UPDATE_README_SCREENSHOTS', env.update);
  let loaded: typeof Paths | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<typeof Paths>('../../e2e/fixtures/paths');
  });
  if (!loaded) throw new Error('e2e/fixtures/paths did not load');
  return loaded;
}

test('a test run saves its screenshots under test-results/, which git ignores, not in e2e/screenshots', () => {
  const { SCREENSHOTS_DIR, README_SCREENSHOTS_DIR } = pathsWith({});
  expect(SCREENSHOTS_DIR).toBe(path.join(REPO_ROOT, 'test-results', 'screenshots'));
  expect(path.relative(README_SCREENSHOTS_DIR, SCREENSHOTS_DIR).startsWith('..')).toBe(true);
  const ignored = spawnSync('git', ['check-ignore', '-q', path.join(SCREENSHOTS_DIR, 'any.png')], { cwd: REPO_ROOT });
  expect(ignored.status).toBe(0);
});

test('with PLAYWRIGHT_OUTPUT_DIR, beside that output, a relative one taken from e2e/ as Playwright takes it', () => {
  expect(pathsWith({ output: '/tmp/pw-mine' }).SCREENSHOTS_DIR).toBe('/tmp/pw-mine/screenshots');
  expect(pathsWith({ output: '../test-results-2' }).SCREENSHOTS_DIR).toBe(path.join(REPO_ROOT, 'test-results-2', 'screenshots'));
});

test('only UPDATE_README_SCREENSHOTS=1, which npm run screenshots sets, writes the README’s pictures', () => {
  const { SCREENSHOTS_DIR, README_SCREENSHOTS_DIR } = pathsWith({ update: '1' });
  expect(SCREENSHOTS_DIR).toBe(README_SCREENSHOTS_DIR);
  expect(README_SCREENSHOTS_DIR).toBe(path.join(REPO_ROOT, 'e2e', 'screenshots'));
  expect(pathsWith({ update: '0' }).SCREENSHOTS_DIR).not.toBe(README_SCREENSHOTS_DIR);
});
