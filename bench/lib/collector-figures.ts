import { atLeast, atMost, ratioAtLeast, type Goal } from './goals';

/**
 * The collector section's figure names for each store engine, the bare-baseline ratio, and the
 * issue's goals over them. SQLite keeps the names it always had; PostgreSQL's are the same with
 * `_pg` on the end, so one run's two engines line up key for key.
 */
export type StoreEngine = 'sqlite' | 'postgres';

export const engineSuffix = (engine: StoreEngine): string => (engine === 'postgres' ? '_pg' : '');

/** `figures` under the engine's names. */
export function forEngine(engine: StoreEngine, figures: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${key}${engineSuffix(engine)}`, value]));
}

/** Our ingest over the bare route's, on the same engine; how much of the engine's speed the collector keeps. */
export function ingestVsBare(ours: number, bare: number): number {
  if (!(ours >= 0) || !(bare > 0)) throw new RangeError(`a ratio to the bare route needs a bare rate above 0 (ours ${ours}, bare ${bare})`);
  return ours / bare;
}

/**
 * Issue 15's targets. "1m rows" is the large phase, which --quick measures at fewer reports
 * (collector_stored_rows_large says how many), so a quick run's scale goals are indicative only.
 */
export const collectorGoals: readonly Goal[] = [
  ratioAtLeast('SQLite ingest at 1m rows >= 0.8x at 10k', 'collector_ingest_per_s_1m_rows', 'collector_ingest_per_s', 0.8),
  atMost('SQLite refold holds the event loop <= 50 ms', 'collector_fold_longest_step_ms_1m_rows', 50, ' ms'),
  atLeast('SQLite ingest >= 0.5x the bare route', 'collector_ingest_vs_bare', 0.5),
  atLeast('PostgreSQL ingest >= 2,000 reports/s at 10k', 'collector_ingest_per_s_pg', 2000, '/s'),
  atLeast('PostgreSQL ingest >= 2,000 reports/s at 1m rows', 'collector_ingest_per_s_1m_rows_pg', 2000, '/s'),
  atMost('PostgreSQL p99 <= 20 ms at 10k', 'collector_p99_ms_pg', 20, ' ms'),
  atMost('PostgreSQL p99 <= 20 ms at 1m rows', 'collector_p99_ms_1m_rows_pg', 20, ' ms'),
  ratioAtLeast('PostgreSQL ingest at 1m rows >= 0.8x at 10k', 'collector_ingest_per_s_1m_rows_pg', 'collector_ingest_per_s_pg', 0.8),
  atLeast('PostgreSQL ingest >= 0.5x the bare route', 'collector_ingest_vs_bare_pg', 0.5)
];
