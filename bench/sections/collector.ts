import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireBenchDatabase } from '../lib/bench-postgres';
import { collectorGoals, forEngine, ingestVsBare } from '../lib/collector-figures';
import { measureBare, measureCollector, perSecond, pooledPerSecond, type Plan } from '../lib/collector-phases';
import type { EngineUnderBench } from '../lib/engine-under-bench';
import { postgresUnderBench } from '../lib/postgres-under-bench';
import { PartialFigures } from '../lib/sections';
import { sqliteUnderBench } from '../lib/sqlite-under-bench';

/**
 * The collector's ingest throughput and p99 latency, on SQLite and then on PostgreSQL in the same
 * run: the collector runs in this process, a second process POSTs valid signed reports over loopback
 * with many requests in flight. On each engine: with 10,000 stored reports, with the bare route
 * (bare-ingest.ts) under the same load just before and just after, then with 1,000,000 stored
 * (seeded through the store's bulk loader), and at 1,000,000 once more while the retention job
 * refolds every day (as after a restart or a restored backup). --quick seeds 100,000 for the large
 * case and says so in `collector_stored_rows_large`. PostgreSQL's keys are SQLite's plus `_pg`.
 *
 * PostgreSQL is part of the section, not an extra: without a server (COLLECTOR_BENCH_DATABASE_URL,
 * or initdb to start a throwaway one) the SQLite figures are still printed and the section fails,
 * saying why.
 */
const progress = (line: string) => process.stderr.write(`  collector: ${line}\n`);

/** `collector_goals` in the readable output; bench/lib/collector-figures.ts holds them. */
export const goals = collectorGoals;

async function measureEngine(engine: EngineUnderBench, sizes: { small: number; large: number }, plan: Plan): Promise<Record<string, number>> {
  await engine.seedTo(sizes.small, 1, progress);
  // The bare route runs just before and just after ours, and counts as both runs pooled: on a shared
  // machine whose speed drifts, one run on one side would credit the drift to the ratio.
  const bareBefore = await measureBare(engine, plan, 5, progress);
  const a = await measureCollector(engine, plan, 2, { alsoDuringFold: false, progress });
  const bareAfter = await measureBare(engine, plan, 6, progress);
  const bare = pooledPerSecond([bareBefore, bareAfter]);
  await engine.seedTo(sizes.large, 3, progress);
  const b = await measureCollector(engine, plan, 4, { alsoDuringFold: true, progress });
  if (!b.duringFold || b.refoldLongestStepMs === undefined) throw new Error(`${engine.label}: the large phase did not measure ingest during a refold`);
  return forEngine(engine.engine, {
    collector_ingest_per_s: perSecond(a.load),
    collector_p99_ms: a.load.p99Ms,
    collector_ingest_per_s_1m_rows: perSecond(b.load),
    collector_p99_ms_1m_rows: b.load.p99Ms,
    collector_p50_ms: a.load.p50Ms,
    collector_p50_ms_1m_rows: b.load.p50Ms,
    collector_ingest_per_s_1m_rows_during_fold: perSecond(b.duringFold),
    collector_p99_ms_1m_rows_during_fold: b.duringFold.p99Ms,
    collector_max_ms_1m_rows_during_fold: b.duringFold.maxMs,
    collector_fold_longest_step_ms_1m_rows: b.refoldLongestStepMs,
    collector_stored_rows_small: a.storedRows,
    collector_stored_rows_large: b.storedRows,
    collector_retention_fold_s_1m_rows: b.foldSeconds,
    collector_db_mib_1m_rows: await engine.sizeMib(),
    collector_bare_ingest_per_s: bare,
    collector_ingest_vs_bare: ingestVsBare(perSecond(a.load), bare)
  });
}

export async function run({ quick }: { quick: boolean }): Promise<Record<string, number>> {
  const sizes = { small: 10_000, large: quick ? 100_000 : 1_000_000 };
  const plan: Plan = quick ? { warmup: 500, requests: 3_000, concurrency: 32 } : { warmup: 2_000, requests: 20_000, concurrency: 32 };
  if (quick) progress(`--quick: the "1m_rows" figures are measured at ${sizes.large} stored reports (see collector_stored_rows_large)`);
  // Asked first, so a missing server is said at once rather than after the SQLite half.
  const postgres = await acquireBenchDatabase();
  progress(postgres.ok ? `PostgreSQL: ${postgres.database.origin}` : `PostgreSQL: unavailable, its figures will be missing: ${postgres.reason}`);

  const figures: Record<string, number> = {};
  const dir = mkdtempSync(join(tmpdir(), 'collector-bench-'));
  try {
    Object.assign(figures, await measureEngine(sqliteUnderBench(dir), sizes, plan));
  } catch (err) {
    if (postgres.ok) await postgres.database.release();
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (!postgres.ok) throw new PartialFigures(figures, `PostgreSQL: ${postgres.reason}`);
  try {
    const engine = await postgresUnderBench(postgres.database.url);
    try {
      Object.assign(figures, await measureEngine(engine, sizes, plan));
    } finally {
      await engine.close();
    }
  } catch (err) {
    throw new PartialFigures(figures, `PostgreSQL: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  } finally {
    await postgres.database.release();
  }
  return figures;
}
