import { validateReport } from '@usage-reporting/collector';
import { seedingProgress, seedPostgresStore, seedStore } from '../../bench/lib/seed-store';
import { seededRandom, syntheticReport } from '../../bench/lib/synthetic-reports';
import { metricCatalog } from '@usage-reporting/core';
import { canonicalJson } from '@usage-reporting/core';
import { newInstallationId, sendReport, testCollector } from '../../packages/collector/test/support';

describe("the bench's synthetic reports", () => {
  const rand = seededRandom(42);
  const reports = Array.from({ length: 300 }, () => syntheticReport({ rand, installationId: newInstallationId(), generatedAt: new Date('2026-11-29T06:00:00Z') }));

  it("pass every check the collector's ingest makes, not only the schema", () => {
    for (const { report, bytes } of reports) {
      expect(validateReport(JSON.parse(bytes), metricCatalog)).toEqual({ ok: true, report });
      expect(canonicalJson(JSON.parse(bytes))).toBe(bytes);
    }
  });

  it('mix the formats and purposes installations really send', () => {
    expect(new Set(reports.map((r) => r.report.format))).toEqual(new Set(['usage-report/1', 'usage-report/2']));
    expect(new Set(reports.map((r) => r.report.purposes.join('+')))).toEqual(
      new Set(['product-improvement+troubleshooting', 'troubleshooting', 'product-improvement'])
    );
  });

  it('are stored by the collector with 201', async () => {
    const c = testCollector();
    try {
      for (const { report } of reports.slice(0, 20)) expect((await sendReport(c, report)).status).toBe(201);
      expect(await c.store.countReports()).toBe(20);
    } finally {
      await c.close();
    }
  });

  it('seed the store in bulk within the retention period, and the retention job folds them without losing any', async () => {
    const c = testCollector();
    try {
      expect(seedStore(c.store, { count: 2_000, installations: 50, now: c.clock.now(), spanDays: 728, seed: 7, chunk: 500 })).toBe(2_000);
      const outcome = await c.runRetention();
      expect(outcome.deletedReports).toBe(0);
      expect(outcome.unparsedReports).toBe(0);
      expect(outcome.foldedDays.length).toBeGreaterThan(700);
      expect(await c.store.countReports()).toBe(2_000);
    } finally {
      await c.close();
    }
  });

  it('say how far a long seed has got, no more often than asked', () => {
    const every: string[] = [];
    const quiet: string[] = [];
    const often = seedingProgress(3_000, (l) => every.push(l), 0);
    const rarely = seedingProgress(3_000, (l) => quiet.push(l), 60_000);
    for (const n of [1_000, 2_000, 3_000]) {
      often(n);
      rarely(n);
    }
    expect(every.map((l) => l.replace(/ in \d+ s…$/, ''))).toEqual(['seeding: 1000 of 3000', 'seeding: 2000 of 3000', 'seeding: 3000 of 3000']);
    expect(quiet).toEqual([]);
  });

  it('go into PostgreSQL in batches of 1,000, two at a time, and a failed batch fails the seed', async () => {
    const args = { count: 4_500, installations: 20, now: new Date('2026-11-29T06:00:00Z'), spanDays: 30, seed: 1 };
    const slowStore = (failOn: number | null) => {
      const seen = { sizes: [] as number[], open: 0, most: 0 };
      const store = {
        bulkInsert: async (rows: Iterable<unknown>) => {
          const n = [...rows].length;
          const call = seen.sizes.push(n);
          seen.most = Math.max(seen.most, ++seen.open);
          // Far slower than making the next 1,000 reports, so a seeder that sends two is seen to.
          await new Promise((r) => setTimeout(r, 1_500));
          seen.open--;
          if (call === failOn) throw new Error('the server went away');
          return n;
        }
      };
      return { store, seen };
    };
    const ok = slowStore(null);
    expect(await seedPostgresStore(ok.store, args)).toBe(4_500);
    expect(ok.seen.sizes).toEqual([1_000, 1_000, 1_000, 1_000, 500]);
    expect(ok.seen.most).toBe(2);

    const failing = slowStore(2);
    await expect(seedPostgresStore(failing.store, args)).rejects.toThrow('the server went away');
    // It stops sending once it learns of the failure; the batches already out are waited for.
    expect(failing.seen.sizes.length).toBeLessThan(5);
    expect(failing.seen.open).toBe(0);
  }, 30_000);
});
