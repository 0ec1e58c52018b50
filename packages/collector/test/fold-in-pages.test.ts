import type { CountedReport } from '../src/store/store';
import { collectorOn, makeInstallation, makeReport, sendCorrection, sendReport, uuid4, type EngineCollector } from './support';
import { storeEngines } from './support/engines';

/**
 * The retention fold reads a day a page at a time and deletes past-retention reports a batch at a
 * time, letting requests in between (a busy day once held ingest up for a third of a second). Paging
 * must not change what is counted: the same reports as one whole-day read, corrections in place of
 * what they replaced, whatever the page size and however many reports share one instant.
 */
describe.each(storeEngines())('on $name', (engine) => {
  let c: EngineCollector;
  beforeEach(async () => {
    c = await collectorOn(engine, { ingestRateLimit: { capacity: 1000, perHour: 10_000 }, rightsRateLimit: { capacity: 1000, perHour: 10_000 } });
  });
  afterEach(async () => {
    await c.close();
  });

  async function pagesOf(day: string, pageSize: number): Promise<CountedReport[][]> {
    const pages: CountedReport[][] = [];
    for await (const page of c.store.reportsOnDayInPages(day, pageSize)) pages.push(page);
    return pages;
  }

  const idsOf = (reports: readonly CountedReport[]) => reports.map((r) => r.reportId).sort();

  /** A day of 9 reports from 3 installations, four of them at the very same instant, and two corrections. */
  async function aBusyDay(): Promise<string> {
    const who = [makeInstallation(), makeInstallation(), makeInstallation()];
    const sent = [];
    for (let i = 0; i < 9; i++) {
      const report = makeReport({ installationId: who[i % 3]!.installationId });
      expect((await sendReport(c, report)).status).toBe(201);
      sent.push(report);
      // Four arrive together; the rest a second apart.
      if (i >= 3) c.clock.advanceMs(1000);
    }
    for (const [index, installation] of [[0, who[0]!], [4, who[1]!]] as const) {
      const replaced = sent[index]!;
      const correction = makeReport({ installationId: installation.installationId, reportId: uuid4(), period: replaced.period });
      expect((await sendCorrection(c, installation, correction, replaced.reportId)).status).toBe(201);
    }
    return c.clock.now().toISOString().slice(0, 10);
  }

  test.each([1, 2, 3, 4, 7, 100])('pages of %i hold exactly the reports one whole-day read holds', async (pageSize) => {
    const day = await aBusyDay();
    const whole = await c.store.reportsOnDay(day);
    const pages = await pagesOf(day, pageSize);

    expect(whole).toHaveLength(9);
    expect(pages.every((page) => page.length >= 1 && page.length <= pageSize)).toBe(true);
    const paged = pages.flat();
    expect(paged).toHaveLength(whole.length);
    expect(idsOf(paged)).toEqual(idsOf(whole));
    // Each report keeps the instant it counts at: a correction stands where the report it replaced stood.
    const countsAt = new Map(whole.map((r) => [r.reportId, r.countsAt]));
    expect(paged.every((r) => countsAt.get(r.reportId) === r.countsAt)).toBe(true);
  });

  test('a day without reports has no pages', async () => {
    expect(await pagesOf('2026-11-29', 10)).toEqual([]);
  });

  test('deleting past-retention reports goes batch by batch, pausing between batches, and leaves the younger ones', async () => {
    for (let i = 0; i < 25; i++) expect((await sendReport(c, makeReport())).status).toBe(201);
    c.clock.advanceDays(1);
    const keepFrom = c.clock.now().toISOString().slice(0, 10);
    for (let i = 0; i < 3; i++) expect((await sendReport(c, makeReport())).status).toBe(201);

    let pauses = 0;
    const deleted = await c.store.deleteReportsBeforeDay(keepFrom, { batch: 10, pause: async () => void pauses++ });

    expect(deleted).toBe(25);
    // Batches of 10, 10 and 5: a pause after each full one.
    expect(pauses).toBe(2);
    expect(await c.store.countReports()).toBe(3);
  });
});
