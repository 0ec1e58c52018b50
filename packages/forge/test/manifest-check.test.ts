import { checkManifestForDelivery } from '@usage-reporting/forge';

/**
 * The manifest fits the delivery mode the app is built with. Atlassian's analytics tool policy (Aug
 * 2025) reserves `category: analytics` for its recognised tools, so a vendor's collector is plain
 * backend egress (direct), or there is no egress at all (manual, eligible for Runs on Atlassian).
 */
const withExternal = (external: unknown) => ({ modules: {}, permissions: { scopes: ['storage:app'], ...(external === undefined ? {} : { external }) } });
const collector = { address: 'https://collector.vendor.example', inScopeEUD: false };
const codes = (manifest: unknown, mode: 'direct' | 'manual') => checkManifestForDelivery(manifest, mode).map((p) => p.code);

describe('direct delivery', () => {
  test('exactly one plain backend entry, the collector: fits', () => {
    expect(checkManifestForDelivery(withExternal({ fetch: { backend: [collector] } }), 'direct')).toEqual([]);
    expect(checkManifestForDelivery(withExternal({ fetch: { backend: ['https://collector.vendor.example'] } }), 'direct')).toEqual([]);
  });

  test('the collector declared as analytics is a problem, with what to declare instead', () => {
    const problems = checkManifestForDelivery(withExternal({ fetch: { backend: [{ ...collector, category: 'analytics' }] } }), 'direct');
    expect(problems).toEqual([{ code: 'analytics-category', message: expect.stringContaining('declare the collector as plain backend egress') }]);
  });

  test('`category: analytics` anywhere under permissions.external is a problem, not only on the collector', () => {
    expect(codes(withExternal({ fetch: { backend: [collector], client: [{ address: 'https://x.example', category: 'ANALYTICS' }] } }), 'direct')).toEqual([
      'analytics-category',
      'more-egress'
    ]);
  });

  test('no egress, or more than the collector, is a problem', () => {
    expect(codes(withExternal(undefined), 'direct')).toEqual(['no-collector-egress']);
    expect(codes(withExternal({ fetch: { backend: [collector, 'https://api.vendor.example'] } }), 'direct')).toEqual(['more-egress']);
  });
});

describe('manual delivery', () => {
  test('no permissions.external at all: fits', () => {
    expect(checkManifestForDelivery(withExternal(undefined), 'manual')).toEqual([]);
    expect(checkManifestForDelivery({ modules: {} }, 'manual')).toEqual([]);
  });

  test('any permissions.external, even an empty one, is a problem', () => {
    expect(codes(withExternal({ fetch: { backend: [collector] } }), 'manual')).toEqual(['egress-in-manual-mode']);
    expect(codes(withExternal({}), 'manual')).toEqual(['egress-in-manual-mode']);
  });
});
