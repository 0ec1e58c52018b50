import { contextApi, invokeApi, scheduledApi } from '@usage-reporting/forge-sim/host';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../support/reference-app';
import { DEFAULT_ADMIN_ACCOUNT_ID, DEFAULT_MEMBER_ACCOUNT_ID } from '@usage-reporting/forge-sim';

/** The host page's backend calls, without the browser: what the bridge hands back to @forge/bridge. */
let platform: SimPlatform;
beforeEach(() => {
  platform = createReferencePlatform();
});
afterEach(() => platform.close());

describe("invoke, as the host answers @forge/bridge's callBridge('invoke')", () => {
  test.each(['jira', 'confluence'] as const)('runs the real getContext resolver on %s as the acting user', async (product) => {
    expect(await invokeApi(platform, { functionKey: 'usageReporting.getContext', payload: {}, product, as: 'admin' })).toEqual({
      status: 200,
      body: { ok: true, value: { ok: true, data: { product, isAdmin: true, appVersion: '1.0.0' } } }
    });
    expect(await invokeApi(platform, { functionKey: 'usageReporting.getContext', payload: {}, product, as: 'member' })).toEqual({
      status: 200,
      body: { ok: true, value: { ok: true, data: { product, isAdmin: false, appVersion: '1.0.0' } } }
    });
  });

  test("one invoke is one resolver invocation, whose admin check asks the product's permission API", async () => {
    await invokeApi(platform, { functionKey: 'usageReporting.getContext', product: 'jira', as: 'member' });
    expect(platform.counters.snapshot().invocations).toEqual({ resolver: 1 });
    expect(platform.counters.snapshot().product).toEqual({ 'GET /rest/api/3/mypermissions': 1 });
  });

  test('with metadata, the value comes wrapped as { body, metadata }, as @forge/bridge documents', async () => {
    const response = await invokeApi(platform, { functionKey: 'usageReporting.getContext', payload: {}, metadata: { rateLimit: true }, product: 'jira', as: 'admin' });
    expect(response.body).toEqual({ ok: true, value: { body: { ok: true, data: { product: 'jira', isAdmin: true, appVersion: '1.0.0' } }, metadata: {} } });
  });

  test("a resolver that does not exist rejects with Forge's message", async () => {
    expect(await invokeApi(platform, { functionKey: 'noSuchResolver', product: 'jira', as: 'admin' })).toEqual({
      status: 200,
      body: { ok: false, message: "There was an error invoking the function - Resolver has no definition for 'noSuchResolver'." }
    });
  });

  test('a malformed request is a 400 naming what was wrong', async () => {
    const response = await invokeApi(platform, { functionKey: 'usageReporting.getContext', product: 'bitbucket', as: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ ok: false, message: expect.stringMatching(/^Malformed invoke request: [\s\S]*product/) });
    expect((await invokeApi(platform, undefined)).status).toBe(400);
    expect(platform.counters.total('invocations')).toBe(0);
  });
});

describe("getContext, as the host answers view.getContext()", () => {
  test("the acting user's Custom UI context for the product's admin module, with the page's theme", () => {
    const query = new URLSearchParams({ product: 'confluence', as: 'member', theme: 'dark' });
    const { status, body } = contextApi(platform, query);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      accountId: DEFAULT_MEMBER_ACCOUNT_ID,
      moduleKey: 'usage-reporting-confluence-settings',
      extension: { type: 'confluence:globalSettings' },
      theme: { colorMode: 'dark' },
      surfaceColor: null
    });
    expect(contextApi(platform, new URLSearchParams({ product: 'jira', as: 'admin', theme: 'light' })).body).toMatchObject({
      accountId: DEFAULT_ADMIN_ACCOUNT_ID,
      moduleKey: 'usage-reporting-jira-admin',
      extension: { type: 'jira:adminPage' },
      theme: { colorMode: 'light' }
    });
  });

  test("reports the acting user's locale the page was opened with, en-US by default, as the resolver context also does", async () => {
    const query = (locale?: string) => new URLSearchParams({ product: 'jira', as: 'admin', theme: 'light', ...(locale ? { locale } : {}) });
    expect(contextApi(platform, query('de-DE')).body).toMatchObject({ locale: 'de-DE', timezone: 'UTC' });
    expect(contextApi(platform, query()).body).toMatchObject({ locale: 'en-US' });
    expect(contextApi(platform, query('ja_JP')).status).toBe(400);
    expect(contextApi(platform, query('<script>')).status).toBe(400);
    expect(platform.uiContext(platform.users.admin, 'ja-JP').locale).toBe('ja-JP');
    const refused = await invokeApi(platform, { functionKey: 'usageReporting.getContext', product: 'jira', as: 'admin', locale: 'not a locale' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ ok: false, message: expect.stringMatching(/locale/) });
  });

  test('an unknown theme or user is a 400', () => {
    expect(contextApi(platform, new URLSearchParams({ product: 'jira', as: 'admin', theme: 'sepia' })).status).toBe(400);
    expect(contextApi(platform, new URLSearchParams({ product: 'jira', as: 'root', theme: 'light' })).status).toBe(400);
  });
});

describe('the "Run scheduled trigger now" control', () => {
  test("runs the manifest's scheduled function on the chosen product's site, and says in words what it did", async () => {
    const response = await scheduledApi(platform, { product: 'confluence' });
    expect(response).toMatchObject({ status: 200, body: { ok: true, summary: expect.stringMatching(/^nothing due: no automatic report \(sharing is 'not-asked'\)(;|$)/) } });
    expect(platform.counters.snapshot().invocations).toEqual({ scheduled: 1 });
    expect(platform.site.product).toBe('confluence');
  });

  test('an automatic report is named by its report id, and the words say whether it left', async () => {
    await platform.invokeResolver('usageReporting.setConsent', { mode: 'automatic', cadence: 'weekly' }, { accountId: platform.users.admin, product: 'jira' });
    // No collector here: the report is built and queued.
    const response = await scheduledApi(platform, { product: 'jira' });
    expect(response.body).toMatchObject({ ok: true, summary: expect.stringMatching(/^automatic report built but not delivered yet; it waits in the outbox \(report [0-9a-f-]{36}\)(;|$)/) });
  });

  test('a trigger that fails reports the failure instead of throwing', async () => {
    // Every KVS call fails: whatever the daily job does first with its stored state, it cannot.
    platform.faults.failKvs({ times: 1000 });
    const response = await scheduledApi(platform, { product: 'jira' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: false, summary: expect.stringContaining('Simulated KVS failure') });
  });
});
