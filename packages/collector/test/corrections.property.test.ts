import fc from 'fast-check';
import { foldDay, type DayReport } from '../src/aggregate/fold-day';
import { metricCatalog } from '@usage-reporting/core';
import type { Report } from '@usage-reporting/core';
import type { AggregateCell } from '../src/store/store';
import { collectorOn, makeInstallation, makeReport, rights, sendCorrection, sendReport, type Installation } from './support';
import { storeEngines, type Engine } from './support/engines';

/**
 * Over any sequence of sends, corrections, retractions and retention runs, across a few installations
 * and days: the aggregates the retention job leaves equal a fold of the surviving reports alone (never
 * superseded, never retracted), each placed on the day, and at the instant, its chain began counting.
 * The expectation is computed here, from the requests and their answers, with the same pure fold.
 */
const installations = 3;
const licences = ['active', 'evaluation'] as const;
const k = 2;

/**
 * What one report says. With k = 2 a licence cell is mostly suppressed, but whether a report covers
 * troubleshooting moves that purpose's published population, so most corrections change a cell.
 */
interface Says {
  licence: number;
  troubleshooting: boolean;
}
const says: fc.Arbitrary<Says> = fc.record({ licence: fc.nat({ max: licences.length - 1 }), troubleshooting: fc.boolean() });
const reportOf = (installationId: string, s: Says, period?: Report['period']): Report =>
  makeReport({
    installationId,
    ...(period ? { period } : {}),
    purposes: s.troubleshooting ? ['product-improvement', 'troubleshooting'] : ['product-improvement'],
    fields: { 'app.licence': licences[s.licence] as string, 'site.product': 'jira', ...(s.troubleshooting ? { 'app.versionMajor': 3 } : {}) }
  });

type Step =
  | { kind: 'send'; who: number; says: Says }
  | { kind: 'correct'; who: number; pick: number; says: Says }
  | { kind: 'retract'; who: number; pick: number }
  | { kind: 'advance'; hours: number }
  | { kind: 'fold' };

const who = fc.nat({ max: installations - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), who, says }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('correct' as const), who, pick: fc.nat(), says }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retract' as const), who, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'fold' as const }) }
);

/** What the model holds for a report the collector still counts: the newest of its chain. */
interface Counted {
  installationId: string;
  report: Report;
  countsAt: string;
}

const key = (x: AggregateCell) => `${x.day}|${x.purpose}|${x.field}|${x.value}`;
const sorted = (cells: AggregateCell[]) => [...cells].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

async function run(engine: Engine, steps: Step[]): Promise<void> {
  const c = await collectorOn(engine, { k, ingestRateLimit: { capacity: 1000, perHour: 1000 }, rightsRateLimit: { capacity: 1000, perHour: 1000 } });
  try {
    const people: Installation[] = Array.from({ length: installations }, () => makeInstallation());
    const counted = new Map<string, Counted>();
    const days = new Set<string>();
    /** Every raw report the collector should still hold (superseded ones too), and each chain, oldest first. */
    const held = new Set<string>();
    const chains = new Map<string, string[]>();
    const headsOf = (i: number) => [...counted.values()].filter((r) => r.installationId === people[i]?.installationId);

    for (const s of steps) {
      // Every request at its own instant, so "latest of the day" never rests on a tie.
      c.clock.advanceMs(60_000);
      switch (s.kind) {
        case 'send': {
          const person = people[s.who] as Installation;
          const report = reportOf(person.installationId, s.says);
          expect((await sendReport(c, report, person)).status).toBe(201);
          const countsAt = c.clock.now().toISOString();
          counted.set(report.reportId, { installationId: person.installationId, report, countsAt });
          held.add(report.reportId);
          chains.set(report.reportId, [report.reportId]);
          days.add(countsAt.slice(0, 10));
          break;
        }
        case 'correct': {
          const heads = headsOf(s.who);
          const old = heads[s.pick % Math.max(heads.length, 1)];
          if (!old) break;
          const person = people[s.who] as Installation;
          const report = reportOf(person.installationId, s.says, old.report.period);
          expect((await sendCorrection(c, person, report, old.report.reportId)).status).toBe(201);
          counted.delete(old.report.reportId);
          counted.set(report.reportId, { installationId: person.installationId, report, countsAt: old.countsAt });
          held.add(report.reportId);
          chains.set(report.reportId, [...(chains.get(old.report.reportId) ?? []), report.reportId]);
          days.add(c.clock.now().toISOString().slice(0, 10));
          break;
        }
        case 'retract': {
          const heads = headsOf(s.who);
          const gone = heads[s.pick % Math.max(heads.length, 1)];
          if (!gone) break;
          const chain = chains.get(gone.report.reportId) ?? [];
          const { res } = await rights(c, people[s.who] as Installation, { kind: 'retract', reportId: gone.report.reportId });
          expect(res.statusCode).toBe(200);
          expect(res.json()).toMatchObject({ deletedReports: chain.length });
          counted.delete(gone.report.reportId);
          for (const id of chain) held.delete(id);
          break;
        }
        case 'advance':
          c.clock.advanceMs(s.hours * 60 * 60 * 1000);
          break;
        case 'fold':
          await c.runRetention();
          break;
      }
    }
    await c.runRetention();

    const byDay = new Map<string, DayReport[]>();
    for (const r of counted.values()) {
      const day = r.countsAt.slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), { installationId: r.installationId, receivedAt: r.countsAt, report: r.report }]);
    }
    const expected = [...days].flatMap((day) => foldDay({ day, reports: byDay.get(day) ?? [], restrictions: new Map(), catalog: metricCatalog, k }));
    expect(sorted(await c.store.aggregates())).toEqual(sorted(expected));
    const stored = (await Promise.all(people.map((p) => c.store.reportsOf(p.installationId)))).flat().map((r) => r.reportId);
    expect(stored.sort()).toEqual([...held].sort());
  } finally {
    await c.close();
  }
}

describe.each(storeEngines())('corrections and retractions in the aggregates, on $name', (engine) => {
  it('leave aggregates equal to a fold of the surviving reports, each on the day its chain counts on', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 30, size: 'max' }), (steps) => run(engine, steps)), {
      numRuns: process.env.CI ? 300 : 60,
      // The case that needs the correction to mark the old report's day: that day was folded before it arrived.
      examples: [[[
        { kind: 'send', who: 0, says: { licence: 0, troubleshooting: true } },
        { kind: 'send', who: 1, says: { licence: 0, troubleshooting: true } },
        { kind: 'fold' },
        { kind: 'advance', hours: 30 },
        { kind: 'correct', who: 0, pick: 0, says: { licence: 1, troubleshooting: false } }
      ]]]
    });
  }, 120_000);
});
