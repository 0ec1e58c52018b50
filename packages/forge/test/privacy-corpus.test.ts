import { kvs } from '@forge/kvs';
import type { ProductRequest, ProductService, ForgeRuntimeGlobal, InvocationScope } from '@usage-reporting/forge-sim';
import type { SimPlatform } from '@usage-reporting/forge-sim';
import { createWorld, DAY, type World } from './engine-support';
import { storageKey } from '../src/store/kvs-store';

/**
 * The adversarial privacy corpus: values that identify a person or a site, planted in every place a
 * metric's collect function reads from (the site's REST answers, the app's runtime context, the
 * stored meters and configuration). None of them may ever appear in a previewed or a sent report:
 * either the catalog's value types drop them, or the privacy guard blocks the report.
 */
const SITE_HOST = 'usage-reporting-sim.atlassian.net';
const corpus: ReadonlyArray<readonly [string, string]> = [
  ['email', 'alice@example.com'],
  ['email with plus', 'bob.smith+jira@acme-corp.co.uk'],
  ["the site's own URL", `https://${SITE_HOST}/browse/ABC-1`],
  ["the site's own hostname", SITE_HOST],
  ['intranet URL', 'http://intranet.acme.local/wiki'],
  ['hostname', 'build01.corp.acme.com'],
  ['IPv4', '10.0.12.7'],
  ['IPv6', '2001:db8::8a2e:370:7334'],
  ['account id', '712020:3f1c9a52-6d0e-4b7a-9c11-0a2b3c4d5e6f'],
  ['legacy account id', '5b10ac8d82e05b22cc7d4ef5'],
  ['foreign UUID', '3fa85f64-5717-4562-b3fc-2c963f66afa6'],
  ["the site's cloud id", 'a436116f-02ce-4520-8fbb-7301462a1674'],
  ['JWT', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ['Atlassian API token', 'ATATT3xFfGF0T9mZk2pQ7vR1sW8yL4nB6cD5eH0jK3uM9oP2qS1tV7wX4zA8bC6dE5fG=1A2B3C4D'],
  ['GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a']
];

type Plant = (platform: SimPlatform, value: string) => Promise<void>;

/** Every leaf of a JSON value replaced: numbers and strings become the planted value. */
function poison(body: unknown, value: string): unknown {
  if (typeof body === 'number' || typeof body === 'string') return value;
  if (Array.isArray(body)) return [...body.map((b) => poison(b, value)), { name: value, self: value }];
  if (typeof body === 'object' && body !== null) {
    return { ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, poison(v, value)])), displayName: value, [value]: value };
  }
  return body;
}

const isAdminCheck = (r: ProductRequest) => r.path.includes('/mypermissions') || r.path.includes('/user/current');

function wrapProduct(platform: SimPlatform, transform: (body: unknown, value: string) => unknown, value: string): void {
  const inner: ProductService = platform.product;
  Object.assign(platform, {
    product: {
      async handle(request: ProductRequest) {
        const res = await inner.handle(request);
        return isAdminCheck(request) ? res : { ...res, body: transform(res.body, value) };
      }
    } satisfies ProductService
  });
}

const plants: ReadonlyArray<readonly [string, Plant]> = [
  ['site REST answers, every value replaced', async (p, v) => wrapProduct(p, poison, v)],
  [
    'site REST answers, true counts plus names and links',
    async (p, v) =>
      wrapProduct(p, (body, value) => (typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, self: value, name: value, values: [{ key: value }] } : body), v)
  ],
  [
    "the app's runtime context (version, environment, licence)",
    async (p, v) => {
      const inner = p.runtimeFor.bind(p);
      Object.assign(p, {
        runtimeFor(scope: InvocationScope): ForgeRuntimeGlobal {
          const rt = inner(scope);
          const appContext: unknown = rt.appContext;
          if (typeof appContext !== 'object' || appContext === null) throw new Error('the sim runtime has no appContext');
          return { ...rt, appContext: { ...appContext, appVersion: v, environmentType: v, license: { isActive: true, isEvaluation: v, id: v } } };
        }
      });
    }
  ],
  [
    'stored meter counts',
    async (p, v) =>
      p.runAsInvocation({ functionKey: 'scheduled' }, async () => {
        const day = new Date().toISOString().slice(0, 10);
        await kvs.set(storageKey(`meter:day:${day}`), { [v]: 7, 'report.previewed': 2 });
        await kvs.set(storageKey(`meter:day:${v.replace(/[^A-Za-z0-9:._-]/g, '_').slice(0, 60)}`), { 'report.sent': 1 }).catch(() => undefined);
      })
  ],
  [
    'stored app records outside the report pipeline',
    async (p, v) =>
      p.runAsInvocation({ functionKey: 'scheduled' }, async () => {
        await kvs.set(storageKey('installation:record'), { installedAt: v, product: v });
        await kvs.set(storageKey('schedule:lastRun'), { at: v, product: v });
      })
  ]
];

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const reportsLeft: Record<string, number> = {};

describe.each(plants.map(([where, plant]) => [where, plant] as const))('planted in %s', (where, plant) => {
  test.each(corpus.map(([kind, value]) => [kind, value] as const))('%s never reaches a previewed or sent report', async (_kind, value) => {
    w = await createWorld();
    await plant(w.platform, value);
    const needle = value.toLowerCase();

    await w.must('setConsent', { mode: 'per-case' });
    const preview = await w.call('preview');
    if (preview.ok) {
      expect(preview.data.text.toLowerCase()).not.toContain(needle);
      await w.must('sendReport', { draftId: preview.data.draftId, digest: preview.data.digest });
    } else {
      // Blocked by the guard is an acceptable answer; the error names fields, never the value.
      expect(preview.error.code).toBe('PRIVACY_BLOCKED');
      expect(preview.error.message.toLowerCase()).not.toContain(needle);
    }
    await w.must('setConsent', { mode: 'automatic', cadence: 'weekly' });
    await w.scheduled();
    w.advance(8 * DAY);
    await w.scheduled();

    const received = await w.received();
    for (const r of received) expect(r.bytes.toLowerCase()).not.toContain(needle);
    reportsLeft[where] = (reportsLeft[where] ?? 0) + received.length;
  });
});

afterAll(() => {
  // Not vacuous: in every planted place, reports were still built and sent (the bad values were dropped).
  for (const [where] of plants) expect({ where, sent: (reportsLeft[where] ?? 0) > 0 }).toEqual({ where, sent: true });
});
