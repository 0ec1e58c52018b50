import { metricCatalog } from '@usage-reporting/core';
import { runRetention } from '../src/aggregate/retention';
import { Slices } from '../src/aggregate/slices';
import type { CollectorStore, StoredReport } from '../src/store/store';
import { makeReport, uuid4 } from './support';
import { storeEngines, type StoreUnderTest } from './support/engines';

/**
 * The retention pass shares the event loop with ingest, so it works in time-budgeted slices
 * (aggregate/slices.ts): after each small piece it yields once the slice has used its budget. These
 * tests drive the slices with a clock the test moves, never with wall time: a piece "costs" what the
 * test says, so the budget's arithmetic is checked exactly, on a machine of any speed.
 */
const engines = storeEngines();

/** A clock that only the test moves, and a yield that records when it happened and lets the loop run. */
function manualSlices(budgetMs: number) {
  let t = 0;
  const yieldsAt: number[] = [];
  return {
    advance: (ms: number) => {
      t += ms;
    },
    yieldsAt,
    options: {
      budgetMs,
      clock: () => t,
      yieldToLoop: async () => {
        yieldsAt.push(t);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  };
}

describe('a slice', () => {
  it('goes straight on until its budget is spent, then yields, and reports the longest slice', async () => {
    const s = manualSlices(10);
    const slices = new Slices(s.options);
    for (let piece = 0; piece < 10; piece++) {
      s.advance(3);
      await slices.checkpoint();
    }
    // Pieces of 3 ms against a budget of 10: a yield at 12, 24 and 36 ms; 30 ms of pieces never waited for one each.
    expect(s.yieldsAt).toEqual([12, 24]);
    expect(slices.longestStepMs).toBe(12);
  });

  it('stops at the next checkpoint once its turn is lost, with the reason', async () => {
    const lost = new AbortController();
    const slices = new Slices({ ...manualSlices(10).options, lost: lost.signal });
    await slices.checkpoint();
    lost.abort(new Error('the connection holding the maintenance lock ended'));
    await expect(slices.checkpoint()).rejects.toThrow('the connection holding the maintenance lock ended');
  });

  it('refuses a budget that is not a positive number of milliseconds', () => {
    expect(() => new Slices({ budgetMs: 0 })).toThrow(RangeError);
  });
});

/** `count` valid stored reports from `installations` installations, received on `day` a second apart. */
function reportsOn(day: string, count: number, installations: number): StoredReport[] {
  const ids = Array.from({ length: installations }, () => makeReport().installationId);
  return Array.from({ length: count }, (_, i) => {
    const report = makeReport({ installationId: ids[i % installations] as string, fields: { 'app.licence': i % 3 === 0 ? 'evaluation' : 'active', 'site.product': 'jira', 'app.versionMajor': i % 2 } });
    return { reportId: report.reportId, receiptId: uuid4(), installationId: report.installationId, receivedAt: new Date(Date.parse(`${day}T00:00:00.000Z`) + i * 1000).toISOString(), digest: '0'.repeat(64), bytes: JSON.stringify(report) };
  });
}

/** The store, with every page read and every day written costing `pageMs` and `writeMs` on the test's clock. */
function costing(store: CollectorStore, advance: (ms: number) => void, costs: { pageMs: number; writeMs: number }): CollectorStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'reportsOnDayInPages') {
        return async function* (day: string, pageSize: number) {
          for await (const page of target.reportsOnDayInPages(day, pageSize)) {
            advance(costs.pageMs);
            yield page;
          }
        };
      }
      if (property === 'replaceDayAggregates') {
        return async (...args: Parameters<CollectorStore['replaceDayAggregates']>) => {
          advance(costs.writeMs);
          return target.replaceDayAggregates(...args);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    }
  });
}

describe.each(engines)('the refold in slices, on $name', (engine) => {
  const now = new Date('2026-11-29T12:00:00.000Z');
  const seeded = [...reportsOn('2026-11-27', 450, 30), ...reportsOn('2026-11-28', 40, 8), ...reportsOn('2026-11-29', 260, 12)];
  let opened: StoreUnderTest[] = [];
  const open = async () => {
    const s = await engine.openStore();
    opened.push(s);
    expect(await s.bulkInsert(seeded)).toBe(seeded.length);
    return s;
  };
  afterEach(async () => {
    await Promise.all(opened.map((s) => s.close()));
    opened = [];
  });
  const pass = (store: CollectorStore, slices: Parameters<typeof runRetention>[0]['slices']) =>
    runRetention({ store, now, retentionDays: 730, k: 5, catalog: metricCatalog, ...(slices ? { slices } : {}) });

  it('never works longer than its budget plus one piece before it yields', async () => {
    const { store } = await open();
    const s = manualSlices(10);
    const outcome = await pass(costing(store, s.advance, { pageMs: 4, writeMs: 3 }), s.options);

    expect(outcome.foldedDays).toEqual(['2026-11-27', '2026-11-28', '2026-11-29']);
    // 750 reports read a page of 100 at a time: 9 pages (4 ms each) and 3 days written (3 ms each), 45 ms in all.
    const gaps = s.yieldsAt.map((at, i) => at - (i === 0 ? 0 : (s.yieldsAt[i - 1] as number)));
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...gaps)).toBeLessThan(10 + 4);
    expect(outcome.longestStepMs).toBeLessThan(10 + 4);
  });

  it('folds exactly what one unbroken pass folds, however small its slices', async () => {
    const sliced = await open();
    const whole = await open();
    const tiny = manualSlices(Number.EPSILON);
    const everyPiece = costing(sliced.store, tiny.advance, { pageMs: 1, writeMs: 1 });

    const a = await pass(everyPiece, tiny.options);
    const b = await pass(whole.store, { budgetMs: Number.MAX_SAFE_INTEGER });

    // A yield after every page and every day: 9 pages and 3 days.
    expect(tiny.yieldsAt.length).toBeGreaterThanOrEqual(12);
    expect(a.foldedDays).toEqual(b.foldedDays);
    const cells = await sliced.store.aggregates();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells).toEqual(await whole.store.aggregates());
  });

  it('lets other work run while it folds a busy day, on the real clock', async () => {
    const { store } = await open();
    let turns = 0;
    let running = true;
    const spin = () => {
      turns++;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    // A budget this small yields at every checkpoint: each page read, and each day.
    const outcome = await pass(store, { budgetMs: Number.EPSILON });
    running = false;
    expect(outcome.foldedDays).toHaveLength(3);
    expect(turns).toBeGreaterThanOrEqual(12);
  });
});
