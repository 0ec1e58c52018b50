import { booleanMetric, countMetric, makeCatalog } from '@usage-reporting/core';
import { collectorErrorBodySchema } from '@usage-reporting/core/collector-api';
import { collectorOn, makeInstallation, makeReport, sendReport, type CollectorUnderTest } from './support';
import { storeEngines } from './support/engines';

/** A vendor's own catalog, sharing no field with the one built into core. */
const vendorCatalog = makeCatalog([
  countMetric({ key: 'boards.count', category: 'usage', purpose: 'product-improvement', since: 1, description: 'How many boards the site has.', collect: () => undefined }),
  booleanMetric({ key: 'sso.enabled', category: 'configuration', purpose: 'troubleshooting', since: 1, description: 'Whether single sign-on is on.', collect: () => undefined })
]);

describe.each(storeEngines())('a collector started with the vendor’s catalog, on $name', (engine) => {
  let c: CollectorUnderTest;
  beforeEach(async () => {
    c = await collectorOn(engine, { catalog: vendorCatalog });
  });
  afterEach(async () => {
    await c.close();
  });

  it('stores a report of that catalog’s fields', async () => {
    const who = makeInstallation();
    const sent = await sendReport(c, makeReport({ installationId: who.installationId, fields: { 'boards.count': 12, 'sso.enabled': true } }));

    expect(sent.status).toBe(201);
    expect(await c.store.countReports()).toBe(1);
  });

  it('refuses a field of the built-in catalog, which this vendor’s app never sends', async () => {
    const who = makeInstallation();
    const sent = await sendReport(c, makeReport({ installationId: who.installationId, fields: { 'boards.count': 12, 'app.licence': 'active' } }));

    expect(sent.status).toBe(400);
    expect(collectorErrorBodySchema.parse(sent.res.json()).error.code).toBe('SCHEMA_VIOLATION');
    expect(await c.store.countReports()).toBe(0);
  });

  it('names that catalog’s keys in the issues it returns', async () => {
    const who = makeInstallation();
    const sent = await sendReport(c, makeReport({ installationId: who.installationId, fields: { 'boards.count': -1 } }));

    expect(sent.status).toBe(400);
    expect(collectorErrorBodySchema.parse(sent.res.json()).error.issues?.map((i) => i.path)).toEqual(['fields.boards.count']);
  });
});
