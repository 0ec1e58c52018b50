import { collectorGoals, engineSuffix, forEngine, ingestVsBare } from '../../bench/lib/collector-figures';
import { pooledPerSecond } from '../../bench/lib/collector-phases';
import { atLeast, atMost, goalLine, ratioAtLeast } from '../../bench/lib/goals';
import { unitOf } from '../../bench/lib/units';

describe("the collector section's figure names", () => {
  const sqliteFigures = { collector_ingest_per_s: 8000, collector_p99_ms_1m_rows: 12, collector_bare_ingest_per_s: 12000 };

  it('keeps SQLite under the names it always had', () => {
    expect(forEngine('sqlite', sqliteFigures)).toEqual(sqliteFigures);
  });

  it("names PostgreSQL's figures as SQLite's with _pg on the end, value for value", () => {
    expect(forEngine('postgres', sqliteFigures)).toEqual({ collector_ingest_per_s_pg: 8000, collector_p99_ms_1m_rows_pg: 12, collector_bare_ingest_per_s_pg: 12000 });
    expect(engineSuffix('postgres')).toBe('_pg');
  });

  it("reads a PostgreSQL figure's unit as its SQLite twin's, and the bare ratio as a multiple of bare", () => {
    expect(unitOf('collector_ingest_per_s_1m_rows_pg')).toBe('/s');
    expect(unitOf('collector_p99_ms_pg')).toBe('ms');
    expect(unitOf('collector_stored_rows_small_pg')).toBe('rows');
    expect(unitOf('collector_bare_ingest_per_s_pg')).toBe('/s');
    expect(unitOf('collector_ingest_vs_bare_pg')).toBe('× bare');
  });
});

describe('our ingest against the bare route', () => {
  it('is our rate over the bare rate', () => {
    expect(ingestVsBare(3000, 12000)).toBe(0.25);
    expect(ingestVsBare(9000, 6000)).toBe(1.5);
  });

  it('pools the bare runs before and after ours by their requests over their time, not by averaging rates', () => {
    // 10,000 in 1 s and 10,000 in 4 s: 20,000 in 5 s, where the mean of the rates would say 6,250.
    expect(pooledPerSecond([
      { requests: 10_000, durationMs: 1_000 },
      { requests: 10_000, durationMs: 4_000 }
    ])).toBe(4_000);
    expect(() => pooledPerSecond([])).toThrow(RangeError);
  });

  it('refuses a bare rate of zero rather than print Infinity', () => {
    expect(() => ingestVsBare(3000, 0)).toThrow(RangeError);
    expect(() => ingestVsBare(Number.NaN, 100)).toThrow(RangeError);
  });
});

describe('goals', () => {
  it('pass at the bound and miss beyond it, in both directions', () => {
    expect(atLeast('fast', 'x_per_s', 2000)({ x_per_s: 2000 }).status).toBe('pass');
    expect(atLeast('fast', 'x_per_s', 2000)({ x_per_s: 1999.9 }).status).toBe('miss');
    expect(atMost('quick', 'x_ms', 20)({ x_ms: 20 }).status).toBe('pass');
    expect(atMost('quick', 'x_ms', 20)({ x_ms: 20.1 }).status).toBe('miss');
    expect(ratioAtLeast('scales', 'big', 'small', 0.8)({ big: 80, small: 100 }).status).toBe('pass');
    expect(ratioAtLeast('scales', 'big', 'small', 0.8)({ big: 79, small: 100 }).status).toBe('miss');
  });

  it('are "not measured", never passed, when a figure is missing', () => {
    expect(atLeast('fast', 'x_per_s', 2000)({})).toEqual({ goal: 'fast', status: 'not measured', measured: 'no x_per_s' });
    expect(ratioAtLeast('scales', 'big', 'small', 0.8)({ big: 80 }).status).toBe('not measured');
    expect(ratioAtLeast('scales', 'big', 'small', 0.8)({ big: 80, small: 0 }).status).toBe('not measured');
  });

  it('print what was measured next to the verdict', () => {
    expect(goalLine(atMost('PostgreSQL p99 <= 20 ms', 'collector_p99_ms_pg', 20, ' ms')({ collector_p99_ms_pg: 31.26 }))).toBe(
      'goal: PostgreSQL p99 <= 20 ms: MISS (collector_p99_ms_pg = 31.3 ms)'
    );
  });

  it("hold issue 15's targets against the figures the section returns", () => {
    const figures = {
      collector_ingest_per_s: 5000,
      collector_ingest_per_s_1m_rows: 4500,
      collector_fold_longest_step_ms_1m_rows: 60,
      collector_ingest_vs_bare: 0.6,
      collector_ingest_per_s_pg: 2500,
      collector_ingest_per_s_1m_rows_pg: 1900,
      collector_p99_ms_pg: 15,
      collector_p99_ms_1m_rows_pg: 25,
      collector_ingest_vs_bare_pg: 0.4
    };
    const verdicts = Object.fromEntries(collectorGoals.map((g) => g(figures)).map((r) => [r.goal, r.status]));
    expect(verdicts).toEqual({
      'SQLite ingest at 1m rows >= 0.8x at 10k': 'pass',
      'SQLite refold holds the event loop <= 50 ms': 'miss',
      'SQLite ingest >= 0.5x the bare route': 'pass',
      'PostgreSQL ingest >= 2,000 reports/s at 10k': 'pass',
      'PostgreSQL ingest >= 2,000 reports/s at 1m rows': 'miss',
      'PostgreSQL p99 <= 20 ms at 10k': 'pass',
      'PostgreSQL p99 <= 20 ms at 1m rows': 'miss',
      'PostgreSQL ingest at 1m rows >= 0.8x at 10k': 'miss',
      'PostgreSQL ingest >= 0.5x the bare route': 'miss'
    });
  });

  it('leave the PostgreSQL targets unmeasured when only SQLite ran', () => {
    const results = collectorGoals.map((g) => g({ collector_ingest_per_s: 5000, collector_ingest_per_s_1m_rows: 4500 }));
    expect(results.filter((r) => r.goal.startsWith('PostgreSQL')).every((r) => r.status === 'not measured')).toBe(true);
  });
});
