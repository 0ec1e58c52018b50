import { readCollectorEnv } from '../src/config';
import { collectorOn, makeInstallation, makeReport, sendReport, type CollectorUnderTest } from './support';
import { storeEngines } from './support/engines';

/**
 * COLLECTOR_MIN_REPORTING_DAYS: an installation enters a day's aggregates only once it has reported on
 * that many distinct days. What it buys against sybils: a batch of fresh fake installations, made on
 * one day to carry a real installation's value past k, publishes nothing that day.
 */
const licenceOn = async (c: CollectorUnderTest, day: string) =>
  (await c.store.aggregates()).find((a) => a.day === day && a.field === 'app.licence' && a.value === JSON.stringify('evaluation'))?.installations;

const today = (c: CollectorUnderTest) => c.clock.now().toISOString().slice(0, 10);

describe.each(storeEngines())('installations count towards k only after several days of reporting, on $name', (engine) => {
  let c: CollectorUnderTest;
  afterEach(async () => {
    await c.close();
  });

  test('fresh installations made on one day publish nothing that day; the same installations reporting again the next day do', async () => {
    c = await collectorOn(engine, { k: 2, minReportingDays: 2 });
    const real = makeInstallation();
    const sybils = [makeInstallation(), makeInstallation()];
    const everyone = [real, ...sybils];
    // The real installation has reported before; the sybils appear today with its rare value.
    await sendReport(c, makeReport({ installationId: real.installationId, fields: { 'app.licence': 'evaluation', 'site.product': 'jira' } }));
    c.clock.advanceDays(1);
    for (const who of everyone) await sendReport(c, makeReport({ installationId: who.installationId, fields: { 'app.licence': 'evaluation', 'site.product': 'jira' } }));
    await c.runRetention();
    const firstDay = today(c);
    // Only the real installation is established today: one installation, under k, nothing published.
    expect(await licenceOn(c, firstDay)).toBeUndefined();

    c.clock.advanceDays(1);
    for (const who of everyone) await sendReport(c, makeReport({ installationId: who.installationId, fields: { 'app.licence': 'evaluation', 'site.product': 'jira' } }));
    await c.runRetention();
    expect(await licenceOn(c, today(c))).toBe(3);
    // A day already folded stays as it was: its fold depends only on reports received up to it.
    expect(await licenceOn(c, firstDay)).toBeUndefined();
  });

  test('off by default: every installation counts from its first report', async () => {
    c = await collectorOn(engine, { k: 2 });
    for (let i = 0; i < 2; i++) await sendReport(c, makeReport({ installationId: makeInstallation().installationId, fields: { 'app.licence': 'evaluation', 'site.product': 'jira' } }));
    await c.runRetention();
    expect(await licenceOn(c, today(c))).toBe(2);
  });
});

describe('the sybil threshold setting', () => {
  test('is read from COLLECTOR_MIN_REPORTING_DAYS and refuses nonsense with the variable named', () => {
    expect(readCollectorEnv({ COLLECTOR_MIN_REPORTING_DAYS: '3' })).toMatchObject({ ok: true, env: { COLLECTOR_MIN_REPORTING_DAYS: 3 } });
    expect(readCollectorEnv({})).toMatchObject({ ok: true, env: { COLLECTOR_MIN_REPORTING_DAYS: 1 } });
    const bad = readCollectorEnv({ COLLECTOR_MIN_REPORTING_DAYS: '0' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('COLLECTOR_MIN_REPORTING_DAYS');
  });
});
