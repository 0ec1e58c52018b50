import { formatField, populationField } from '../src/aggregate/fold-day';
import { buildCollectorApp } from '../src/app';
import { makeCatalog, metricCatalog } from '@usage-reporting/core';
import { booleanMetric } from '@usage-reporting/core';
import { builtInMetrics } from '@usage-reporting/core';
import { collectorOn, makeReport, newInstallationId, sendReport, uuid4, type CollectorUnderTest, type EngineCollector } from './support';
import { storeEngines } from './support/engines';

/** Six installations report on the collector's current day (k = 5, so their cells are published). */
async function sixInstallationsReport(c: CollectorUnderTest): Promise<string[]> {
  const ids = Array.from({ length: 6 }, newInstallationId);
  for (const installationId of ids) expect((await sendReport(c, makeReport({ installationId }))).status).toBe(201);
  return ids;
}

const engines = storeEngines();

describe.each(engines)('the retention job, on $name', (engine) => {
  let c: EngineCollector;
  beforeEach(async () => {
    c = await collectorOn(engine);
  });
  afterEach(async () => {
    await c.close();
  });

  it('keeps raw reports younger than 730 days', async () => {
    await sixInstallationsReport(c);
    c.clock.advanceDays(729);
    const outcome = await c.runRetention();
    expect(outcome.deletedReports).toBe(0);
    expect(await c.store.countReports()).toBe(6);
  });

  it('deletes raw reports once 730 days have passed, leaving the daily aggregates they were folded into', async () => {
    await sixInstallationsReport(c);
    c.clock.advanceDays(730);
    const outcome = await c.runRetention();

    expect(outcome).toMatchObject({ foldedDays: ['2026-11-29'], deletedReports: 6 });
    expect(await c.store.countReports()).toBe(0);
    const cells = await c.store.aggregates();
    expect(cells).toContainEqual({ day: '2026-11-29', purpose: 'product-improvement', field: populationField, value: '"reporting"', installations: 6 });
    expect(cells).toContainEqual({ day: '2026-11-29', purpose: 'product-improvement', field: 'app.licence', value: '"active"', installations: 6 });
    expect(cells).toContainEqual({ day: '2026-11-29', purpose: 'product-improvement', field: formatField, value: '"usage-report/1"', installations: 6 });
    expect(cells).toContainEqual({ day: '2026-11-29', purpose: 'troubleshooting', field: 'app.versionMajor', value: '3', installations: 6 });
  });

  it('deletes only the days past retention and keeps their aggregates stable on later runs', async () => {
    await sixInstallationsReport(c);
    c.clock.advanceDays(400);
    await sixInstallationsReport(c);
    c.clock.advanceDays(400);

    expect((await c.runRetention()).deletedReports).toBe(6);
    expect(await c.store.countReports()).toBe(6);
    const afterFirst = await c.store.aggregates();
    expect(new Set(afterFirst.map((a) => a.day))).toEqual(new Set(['2026-11-29', '2028-01-03']));

    c.clock.advanceDays(1);
    const second = await c.runRetention();
    expect(second).toMatchObject({ foldedDays: [], deletedReports: 0 });
    expect(await c.store.aggregates()).toEqual(afterFirst);
  });

  it('honours a configured retention period', async () => {
    await c.close();
    c = await collectorOn(engine, { retentionDays: 30 });
    await sixInstallationsReport(c);
    c.clock.advanceDays(29);
    expect((await c.runRetention()).deletedReports).toBe(0);
    c.clock.advanceDays(1);
    expect((await c.runRetention()).deletedReports).toBe(6);
  });

  it('never keeps a raw report past the retention period, whatever time of day it arrived', async () => {
    c.clock.set('2026-11-29T23:59:59.999Z');
    await sixInstallationsReport(c);
    c.clock.set('2028-11-28T23:59:59.999Z'); // 730 days later, to the millisecond
    await c.runRetention();
    expect(await c.store.countReports()).toBe(0);
  });

  it('recomputes a day within retention after an installation erased its data', async () => {
    const ids = await sixInstallationsReport(c);
    await c.runRetention();
    const before = await c.store.aggregates();
    expect(before.find((a) => a.purpose === 'product-improvement' && a.field === populationField)?.installations).toBe(6);

    await c.store.deleteReportsOf(ids[0] ?? '', { acknowledgementId: uuid4(), installationId: ids[0] ?? '', acknowledgedAt: c.clock.now().toISOString() });
    await c.runRetention();
    const after = await c.store.aggregates();
    expect(after.find((a) => a.purpose === 'product-improvement' && a.field === populationField)?.installations).toBe(5);
    expect(after.find((a) => a.field === 'app.licence')?.installations).toBe(5);
  });
});

describe.each(engines)('the retention job after an incompatible catalog change, on $name', (engine) => {
  it('counts stored reports the catalog in use no longer parses, instead of dropping them silently', async () => {
    const catalogV3 = makeCatalog([
      ...builtInMetrics,
      booleanMetric({ key: 'site.darkModeDefault', category: 'configuration', purpose: 'product-improvement', since: 3, description: 'Dark mode default.', collect: () => true })
    ]);
    const ahead = await collectorOn(engine, { catalog: catalogV3 });
    try {
      const report = makeReport({ format: 'usage-report/3', fields: { ...makeReport().fields, 'site.darkModeDefault': true } });
      expect((await sendReport(ahead, report)).status).toBe(201);
      // The same data file, served by a build whose catalog lacks the field (a rolled-back release).
      const rolledBack = buildCollectorApp({ store: ahead.store, now: ahead.clock.now, catalog: metricCatalog });
      const outcome = await rolledBack.runRetention();
      expect(outcome.unparsedReports).toBe(1);
      expect(await ahead.store.countReports()).toBe(1);
      await rolledBack.app.close();
    } finally {
      await ahead.close();
    }
  });
});

// How the pass shares the event loop with ingest (slices of a time budget): refold-slices.test.ts.
