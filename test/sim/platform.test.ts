import { getAppContext } from '@forge/api';
import { kvs } from '@forge/kvs';
import Resolver, { type Request } from '@forge/resolver';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../support/reference-app';
import { customUiContext, installedEvent, resolverCall, scheduledTriggerEvent } from '@usage-reporting/forge-sim';
import { uiModuleFor } from '@usage-reporting/forge-sim';
import { resolverFunctionKey } from '@usage-reporting/core/api';

// The reference app's KVS keys, as an existing installation has them stored (packages/forge/src/context/installation.ts;
// the package exports no key names, and a rename would orphan what installations already keep).
// The reference app's install record, as stored: the toolkit keeps its keys under 'usage-reporting:'.
const INSTALLATION_KEY = 'usage-reporting:installation:record';
const LAST_SCHEDULED_RUN_KEY = 'usage-reporting:schedule:lastRun';

// The app's handlers come from its Forge bundle (.forge-build/), as on the runner; the tests that
// register resolvers of their own below need no app code.
let platform: SimPlatform;
beforeEach(() => {
  platform = createReferencePlatform({ app: 'bundle', appVersion: '2.3.0' });
});
afterEach(() => platform.close());

describe('the runtime global an invocation sees', () => {
  test('getAppContext() carries the app, environment, invocation, module and the manifest’s permissions', async () => {
    const ctx = await platform.runAsInvocation({ functionKey: 'resolver', accountId: platform.users.admin }, async () => getAppContext());
    expect(ctx.appAri.toString()).toBe('ari:cloud:ecosystem::app/6f3c2a1e-8b7d-4c5e-9a0f-1d2e3f4a5b6c');
    expect(ctx.appVersion).toBe('2.3.0');
    expect(ctx.environmentType).toBe('DEVELOPMENT');
    expect(ctx.moduleKey).toBe('usage-reporting-jira-admin');
    expect(ctx.installationAri.toString()).toBe(`ari:cloud:ecosystem::installation/${platform.identity.installationId}`);
    expect(ctx.permissions?.scopes).toEqual(platform.manifest.scopes);
    expect(ctx.permissions?.external).toEqual({
      fetch: { backend: [{ address: 'https://collector.usage-reporting.example.com', inScopeEUD: false }] }
    });
    expect(ctx.invocationRemainingTimeInMillis()).toBeGreaterThan(20_000);
  });

  test('concurrent invocations each see their own invocation id', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(() =>
        platform.runAsInvocation({ functionKey: 'scheduled' }, async () => {
          const before = getAppContext().invocationId;
          await new Promise((r) => setTimeout(r, 5));
          return [before, getAppContext().invocationId];
        })
      )
    );
    for (const [before, after] of ids) expect(before).toBe(after);
    expect(new Set(ids.map(([id]) => id)).size).toBe(3);
  });

  test('outside any invocation the SDK finds no runtime until a platform is activated', async () => {
    expect(() => getAppContext()).toThrow('Forge runtime not found.');
    platform.activate();
    await kvs.set('ambient', true);
    expect(await kvs.get('ambient')).toBe(true);
    platform.deactivate();
    await expect(kvs.get('ambient')).rejects.toThrow(/no simulated platform is active/);
  });
});

describe('event shapes match what the real @forge/resolver expects', () => {
  test('a Custom UI call reaches the definition with payload, UI context, accountId and installContext', async () => {
    let seen: Request | undefined;
    const r = new Resolver().define('probe', (req) => {
      seen = req;
      return { fine: true };
    });
    const ui = uiModuleFor(platform.manifest, 'confluence');
    const uiContext = customUiContext({ ui, identity: platform.identity, appId: 'app-uuid', siteUrl: platform.site.siteUrl, accountId: platform.users.member });
    const args = resolverCall({ functionKey: 'probe', payload: { a: 1 }, uiContext, identity: platform.identity });
    await expect(r.getDefinitions()(args.event, args.context)).resolves.toEqual({ fine: true });
    expect(seen?.payload).toEqual({ a: 1 });
    expect(seen?.context).toMatchObject({
      accountId: platform.users.member,
      cloudId: platform.site.cloudId,
      moduleKey: 'usage-reporting-confluence-settings',
      extension: { type: 'confluence:globalSettings' },
      installContext: `ari:cloud:jira::site/${platform.site.cloudId}`
    });
  });

  test('scheduled trigger and installed events carry the cloud id and no user', () => {
    const scheduled = scheduledTriggerEvent({ moduleKey: 'usage-reporting-daily', identity: platform.identity, invocationId: 'i-1' });
    expect(scheduled.event).toEqual({ context: { cloudId: platform.site.cloudId, moduleKey: 'usage-reporting-daily' }, contextToken: expect.any(String) });
    expect(scheduled.context).not.toHaveProperty('principal');
    const installed = installedEvent({ identity: platform.identity, appAri: platform.manifest.appId, installerAccountId: platform.users.admin });
    expect(installed.event).toMatchObject({
      eventType: 'avi:forge:installed:app',
      id: platform.identity.installationId,
      installerAccountId: platform.users.admin,
      app: { id: platform.manifest.appId, version: '2.3.0' }
    });
  });
});

describe('running the manifest’s functions', () => {
  test('the installed event records the install once, whatever the redelivery', async () => {
    await platform.runLifecycleInstalled({ product: 'confluence' });
    platform.activate();
    const first = await kvs.get(INSTALLATION_KEY);
    expect(first).toMatchObject({ product: 'confluence', installedAt: expect.any(String) });
    await platform.runLifecycleInstalled();
    expect(await kvs.get(INSTALLATION_KEY)).toEqual(first);
  });

  test('the scheduled trigger runs with the product detected from its install context', async () => {
    await platform.runScheduledTrigger();
    platform.activate();
    expect(await kvs.get(LAST_SCHEDULED_RUN_KEY)).toMatchObject({ product: 'jira' });
  });

  test('counters count invocations, KVS operations and product calls, and reset', async () => {
    await platform.invokeResolver(resolverFunctionKey('getContext'), {}, { accountId: platform.users.admin });
    await platform.runLifecycleInstalled();
    expect(platform.counters.snapshot()).toEqual({
      invocations: { resolver: 1, lifecycle: 1 },
      // The installed event records when, then makes the installation's signing key and its id:
      // the install time and the identity record are read and written, the key is read and created.
      kvs: { '/api/v1/set': 2, '/api/v1/get': 2, '/api/v1/secret/get': 1, '/api/v1/secret/set': 1 },
      product: { 'GET /rest/api/3/mypermissions': 1 },
      egress: {}
    });
    platform.counters.reset();
    expect(platform.counters.total('invocations')).toBe(0);
  });
});

describe('Forge environment variables (`forge variables set`)', () => {
  test('the app reads them as process.env inside an invocation; test code outside one sees the machine’s environment', async () => {
    const withVariables = createReferencePlatform({ variables: { USAGE_REPORTING_COLLECTOR_PUBLIC_KEY: 'k'.repeat(43) } });
    try {
      const inside = await withVariables.runAsInvocation({ functionKey: 'scheduled' }, async () => ({
        value: process.env.USAGE_REPORTING_COLLECTOR_PUBLIC_KEY,
        listed: Object.keys(process.env).includes('USAGE_REPORTING_COLLECTOR_PUBLIC_KEY'),
        has: 'USAGE_REPORTING_COLLECTOR_PUBLIC_KEY' in process.env
      }));
      expect(inside).toEqual({ value: 'k'.repeat(43), listed: true, has: true });
      expect(process.env.USAGE_REPORTING_COLLECTOR_PUBLIC_KEY).toBeUndefined();
      // Another platform's invocation sees its own variables, not these.
      expect(await platform.runAsInvocation({ functionKey: 'scheduled' }, async () => process.env.USAGE_REPORTING_COLLECTOR_PUBLIC_KEY)).toBeUndefined();
      expect(await platform.runAsInvocation({ functionKey: 'scheduled' }, async () => process.env.PATH)).toBe(process.env.PATH);
    } finally {
      withVariables.close();
    }
  });
});
