import { appliesTo, metricCatalog } from '@usage-reporting/core';
import { noRestrictions, type ConsentState } from '@usage-reporting/core';
import { DEFAULT_ADMIN_ACCOUNT_ID, DEFAULT_MEMBER_ACCOUNT_ID } from '@usage-reporting/forge-sim';
import { expect, test, type Product } from './fixtures/forge';

const products: Product[] = ['jira', 'confluence'];
const extensionTypes: Record<Product, string> = { jira: 'jira:adminPage', confluence: 'confluence:globalSettings' };

/** Reads a JSON value the fixture app printed once its bridge call settled. */
async function printed(locator: import('@playwright/test').Locator): Promise<unknown> {
  await expect(locator).not.toHaveText('pending');
  return JSON.parse((await locator.textContent()) ?? '');
}

test.describe('the admin page, through the unmodified @forge/bridge and @forge/resolver', () => {
  for (const product of products) {
    test(`an admin on ${product} gets the page the backend's getContext admits them to`, async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product });
      await expect(app.getByRole('heading', { level: 1, name: 'Usage Reporting' })).toBeVisible();
      // What the backend's context check returned (product and app version), as the page states it.
      await expect(app.getByText(new RegExp(`${product === 'jira' ? 'Jira' : 'Confluence'} · app version 1\\.0\\.0`))).toBeVisible();
      await expect(app.getByText('Only site administrators can use this page')).toHaveCount(0);
      await forge.screenshot(`host-${product}-admin-light`);
    });

    test(`a non-admin on ${product} is refused`, async ({ forge }) => {
      const app = await forge.open({ as: 'member', product });
      await expect(app.getByRole('heading', { name: 'Only site administrators can use this page' })).toBeVisible();
      if (product === 'jira') await forge.screenshot('host-jira-member-refused');
    });
  }

  test('switching user, product and theme from the host page reloads or re-themes the app', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira', theme: 'light' });
    await expect(app.getByRole('heading', { level: 1, name: 'Usage Reporting' })).toBeVisible();
    await forge.actAs('member');
    await expect(app.getByRole('heading', { name: 'Only site administrators can use this page' })).toBeVisible();
    await forge.actAs('admin');
    await forge.switchProduct('confluence');
    await expect(forge.page.locator('#product-name')).toHaveText('Confluence');
    await expect(app.getByRole('heading', { level: 1, name: 'Usage Reporting' })).toBeVisible();
    await forge.switchTheme('dark');
    await expect(app.locator('html')).toHaveAttribute('data-color-mode', 'dark');
    await forge.screenshot('host-confluence-admin-dark');
  });
});

test.describe('the bridge host, seen from a minimal fixture app', () => {
  test.use({ appUnderTest: 'bridge-fixture' });

  for (const product of products) {
    test(`invoke('usageReporting.getContext') on ${product} returns the resolver's envelope for the acting user`, async ({ forge }) => {
      const asAdmin = await forge.open({ as: 'admin', product });
      expect(await printed(asAdmin.locator('#invoke-result'))).toEqual({ ok: true, data: { product, isAdmin: true, appVersion: '1.0.0' } });

      await forge.actAs('member');
      expect(await printed(forge.app.locator('#invoke-result'))).toEqual({ ok: true, data: { product, isAdmin: false, appVersion: '1.0.0' } });
    });

    test(`view.getContext() on ${product} has Forge's shape for the acting user and module`, async ({ forge }) => {
      const app = await forge.open({ as: 'member', product, theme: 'dark' });
      expect(await printed(app.locator('#page-context'))).toMatchObject({
        accountId: DEFAULT_MEMBER_ACCOUNT_ID,
        cloudId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        siteUrl: expect.stringMatching(/^https:\/\/.+\.atlassian\.net$/),
        moduleKey: product === 'jira' ? 'usage-reporting-jira-admin' : 'usage-reporting-confluence-settings',
        extension: { type: extensionTypes[product] },
        environmentType: 'DEVELOPMENT',
        locale: 'en-US',
        timezone: 'UTC',
        theme: { colorMode: 'dark' }
      });
      await forge.actAs('admin');
      expect(await printed(forge.app.locator('#page-context'))).toMatchObject({ accountId: DEFAULT_ADMIN_ACCOUNT_ID });
    });
  }

  test('view.theme.enable() applies the host colour mode and follows later switches', async ({ forge }) => {
    const app = await forge.open({ theme: 'dark' });
    await expect(app.locator('#theme-status')).toHaveText('enabled');
    await expect(app.locator('html')).toHaveAttribute('data-color-mode', 'dark');
    await expect(app.locator('html')).toHaveAttribute('data-theme', /(^| )dark:dark( |$)/);
    await forge.switchTheme('light');
    await expect(app.locator('html')).toHaveAttribute('data-color-mode', 'light');
    await expect(forge.page.locator('html')).toHaveAttribute('data-color-mode', 'light');
  });

  test('a resolver failure rejects invoke with the message Forge gives', async ({ forge }) => {
    const app = await forge.open();
    await expect(app.locator('#invoke-error')).toHaveText(
      "rejected: There was an error invoking the function - Resolver has no definition for 'noSuchResolver'."
    );
  });

  test('a bridge call the host does not simulate is rejected with a message naming it', async ({ forge }) => {
    const app = await forge.open();
    await expect(app.locator('#unsupported-call')).toHaveText(
      "rejected: The simulated Forge host does not support the bridge call 'reload' (supported: invoke, getContext, enableTheming)."
    );
  });

  test("the collector switch changes the platform's egress, and a reload shows it as set", async ({ forge, runner }) => {
    const networkState = async () => (await fetch(new URL('/__host/api/network', runner.url))).json();
    await forge.open();
    await forge.setCollectorReachable(false);
    expect(await networkState()).toEqual({ analyticsEgress: true, collectorReachable: false });
    await forge.open();
    await expect(forge.page.getByLabel('Collector')).toHaveValue('down');
    await forge.setCollectorReachable(true);
    expect(await networkState()).toEqual({ analyticsEgress: true, collectorReachable: true });
  });

  test('an app that declares no analytics egress is offered no analytics switch, and the host refuses to turn it', async ({ forge, runner }) => {
    await forge.open();
    await expect(forge.page.getByRole('form', { name: 'Network switches' })).toBeVisible();
    await expect(forge.page.getByLabel('Analytics egress')).toHaveCount(0);
    await expect(forge.setAnalyticsEgress(false)).rejects.toThrow('declares no `category: analytics` egress');
    const refused = await forge.page.evaluate(async () => {
      const response = await fetch('/__host/api/network', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ analyticsEgress: false }) });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(refused).toEqual({ status: 409, body: { ok: false, message: "This app declares no `category: analytics` egress, so the site admin's analytics switch has nothing to act on." } });
    expect(await (await fetch(new URL('/__host/api/network', runner.url))).json()).toEqual({ analyticsEgress: true, collectorReachable: true });
  });

  test('the host page runs the scheduled trigger on demand', async ({ forge }) => {
    await forge.open({ product: 'confluence' });
    const run = await forge.runScheduledTrigger();
    expect(run.ok).toBe(true);
    expect(run.text).toMatch(/^Scheduled trigger ran at /);
  });
});

test.describe('a test can start from a stored state (the seed option)', () => {
  // An installation whose admin chose automatic reports when the app produced format 1.
  const consentedAtFormat1: ConsentState = {
    mode: 'automatic',
    cadence: 'weekly',
    acceptedFormat: 1,
    restrictions: noRestrictions,
    revision: 2,
    changedAt: '2026-01-15T09:00:00.000Z'
  };
  test.use({ appUnderTest: 'bridge-fixture', seed: { values: { 'usage-reporting:consent': consentedAtFormat1 } } });

  test('the backend reads the seeded consent, and the fields added since format 1 await acceptance', async ({ forge, runner }) => {
    const app = await forge.open({ as: 'admin', product: 'jira' });
    const stored = await printed(app.locator('#stored-consent'));
    // The ones a Jira site can send: the page leaves out Confluence's.
    const addedSinceFormat1 = metricCatalog.entries.filter((e) => e.since > 1 && appliesTo(e, 'jira')).map((e) => e.key);
    expect(addedSinceFormat1.length).toBeGreaterThan(0);
    expect(stored).toEqual({
      mode: 'automatic',
      acceptedFormat: 1,
      formatVersion: metricCatalog.formatVersion,
      newFields: expect.arrayContaining(addedSinceFormat1)
    });
    expect(stored).toHaveProperty('newFields.length', addedSinceFormat1.length);
    expect(runner.output()).toContain('Seeded the KVS with 1 value(s) and 0 secret(s).');
  });
});

test.describe("the app document is served under Forge's Content-Security-Policy", () => {
  test.use({ appUnderTest: 'bridge-fixture', allowCspViolations: true });

  test('the policy comes from @forge/csp and frames only from the product page', async ({ forge, runner }) => {
    const documentResponse = forge.page.waitForResponse((r) => r.url().endsWith('/admin/index.html'));
    await forge.open();
    const csp = (await documentResponse).headers()['content-security-policy'] ?? '';
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    expect(directives.get('script-src')).toContain("'self'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('frame-ancestors')).toContain(new URL(runner.url).origin);
    expect(directives.get('report-uri')).toEqual([expect.stringMatching(/\/__forge\/csp-report$/)]);
  });

  test('an inline script in the app is refused, and the refusal is reported', async ({ forge, runner }) => {
    const app = await forge.open();
    await expect(app.locator('#invoke-result')).not.toHaveText('pending');
    await app.locator('body').evaluate((body) => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inlineRan = "yes"';
      body.append(script);
    });
    await expect.poll(() => forge.cspViolations().length).toBeGreaterThan(0);
    await expect(app.locator('body')).not.toHaveAttribute('data-inline-ran', 'yes');
    await expect.poll(() => runner.output()).toContain('CSP violation in the Custom UI: script-src');
  });
});
