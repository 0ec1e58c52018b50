import { expectNoCspViolations } from './fixtures/csp-violations';
import { expect, test } from './fixtures/forge';

/**
 * The CSP check every browser test ends with (fixtures/forge.ts) tested on its own: it must see a
 * violation inside the app's iframe, even one the app catches and never logs.
 */
test.describe('a string evaluated inside the app frame', () => {
  // This page violates the policy on purpose; the assertions below are the check.
  test.use({ appUnderTest: 'eval-fixture', allowCspViolations: true });

  test('is refused by Forge, caught by the page, and still reported as a violation', async ({ forge }) => {
    const app = await forge.open();
    await expect(app.locator('#eval-outcome')).toHaveText('refused: EvalError');

    await expect.poll(() => forge.cspViolations()).toEqual([
      {
        documentURI: expect.stringMatching(/\/admin\/index\.html$/),
        violatedDirective: 'script-src',
        blockedURI: 'eval',
        sourceFile: expect.stringMatching(/\/admin\/evaluate\.js$/),
        lineNumber: 6
      }
    ]);
  });

  test('fails the check the fixture runs after each test', async ({ forge }) => {
    const app = await forge.open();
    await expect(app.locator('#eval-outcome')).toHaveText('refused: EvalError');

    const violations = await forge.collectCspViolations();
    expect(() => expectNoCspViolations(violations)).toThrow(/script-src blocked eval in .*\/admin\/index\.html at .*evaluate\.js:6/);
  });

  test('is still counted after the app reloads and its document is gone', async ({ forge }) => {
    const app = await forge.open();
    await expect(app.locator('#eval-outcome')).toHaveText('refused: EvalError');
    await expect.poll(() => forge.cspViolations().length).toBe(1);

    await forge.actAs('member');
    await expect(app.locator('#eval-outcome')).toHaveText('refused: EvalError');

    // One from the discarded document, one from the current: each once, however it reached the test.
    expect(await forge.collectCspViolations()).toHaveLength(2);
  });
});

test.describe('the admin page', () => {
  test('evaluates no code: Forge’s policy is never violated', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira' });
    await expect(app.getByRole('heading', { level: 1, name: 'Usage Reporting' })).toBeVisible();

    expect(await forge.collectCspViolations()).toEqual([]);
  });
});
