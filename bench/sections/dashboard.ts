import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { metricCatalog } from '@usage-reporting/core';
import { startCollector, type RunningCollector } from '@usage-reporting/collector';
import { SqliteStore } from '@usage-reporting/collector';
import { loadPages, type PageTiming } from '../lib/dashboard-client';
import { seedAggregates } from '../lib/seed-aggregates';
import { percentile } from '../lib/stats';

/**
 * The vendor dashboard at two years of full-catalog aggregates (every value of every field held by
 * k or more installations every day: the most cells the catalog allows). The collector runs on this
 * thread; a worker thread requests the pages over loopback.
 *
 * - Page times: each page alone, one request at a time (median and max).
 * - Ingest stall: the longest the collector's event loop was held (perf_hooks.monitorEventLoopDelay)
 *   while three clients load the heaviest pages back to back. An ingest request arriving during a
 *   load waits at most that long; this measures it directly rather than through a second load.
 */
const progress = (line: string) => process.stderr.write(`  dashboard: ${line}\n`);
const twoYears = 730;

// The widest fields have 12 values (counts) or 10 (buckets); app.licence is a short enum.
const wideField = metricCatalog.entries.find((e) => e.valueType.kind === 'count')?.key ?? 'app.licence';

function stats(timings: readonly PageTiming[]): { median: number; max: number } {
  const bad = timings.find((t) => t.status !== 200);
  if (bad) throw new Error(`${bad.path} answered ${bad.status}`);
  const ms = timings.map((t) => t.ms).sort((a, b) => a - b);
  return { median: percentile(ms, 50), max: ms.at(-1) ?? 0 };
}

export async function run({ quick }: { quick: boolean }): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-bench-'));
  const dbPath = join(dir, 'collector.db');
  const token = randomBytes(24).toString('base64url');
  const lastDay = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  let collector: RunningCollector | undefined;
  try {
    const store = new SqliteStore(dbPath);
    const t0 = performance.now();
    const cells = await seedAggregates(store, { lastDay, days: twoYears, seed: 7 });
    await store.close();
    progress(`seeded ${cells} aggregate cells (${twoYears} days, full catalog) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    collector = await startCollector({ port: 0, dbPath, dashboardToken: token, retentionIntervalMs: 24 * 60 * 60 * 1000 });
    await collector.runRetention();
    const from2y = new Date(Date.parse(`${lastDay}T00:00:00.000Z`) - (twoYears - 1) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const pages = {
      index: '/dashboard',
      metric: `/dashboard?metric=${encodeURIComponent(wideField)}`,
      metric2y: `/dashboard?metric=${encodeURIComponent(wideField)}&from=${from2y}&to=${lastDay}`
    };
    const client = { base: collector.url, authorization: `Bearer ${token}` };
    const rounds = quick ? 10 : 40;
    // Warm-up: the first loads compile the render path; a long-running collector has done that long ago.
    await loadPages({ ...client, paths: Object.values(pages).flatMap((p) => [p, p, p]), concurrency: 1 });

    const timed = async (path: string) => stats(await loadPages({ ...client, paths: Array.from({ length: rounds }, () => path), concurrency: 1 }));
    const index = await timed(pages.index);
    const metric = await timed(pages.metric);
    const metric2y = await timed(pages.metric2y);
    progress(`index ${index.median.toFixed(1)} ms (max ${index.max.toFixed(1)}), ${wideField} 90 days ${metric.median.toFixed(1)} ms (max ${metric.max.toFixed(1)}), two years ${metric2y.median.toFixed(1)} ms (max ${metric2y.max.toFixed(1)})`);

    // Three at once, as in the report of three loads stalling ingest for 14 s.
    const fields = metricCatalog.entries.map((e) => e.key);
    const mix = Array.from({ length: rounds * 3 }, (_, i) => {
      const field = encodeURIComponent(fields[i % fields.length] ?? wideField);
      return i % 3 === 0 ? pages.index : i % 3 === 1 ? `/dashboard?metric=${field}` : `/dashboard?metric=${field}&from=${from2y}&to=${lastDay}`;
    });
    const idle = monitorEventLoopDelay({ resolution: 1 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    idle.disable();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 5);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const concurrent = stats(await loadPages({ ...client, paths: mix, concurrency: 3 }));
    delay.disable();
    clearInterval(sampler);
    const stallMs = delay.max / 1e6;
    progress(
      `${mix.length} loads, 3 at once: median ${concurrent.median.toFixed(1)} ms; the event loop was held at most ${stallMs.toFixed(1)} ms ` +
        `(idle baseline ${(idle.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms); RSS grew ${((rssPeak - rssBefore) / 2 ** 20).toFixed(0)} MiB`
    );
    return {
      collector_dashboard_cells: cells,
      collector_dashboard_index_ms: index.median,
      collector_dashboard_index_max_ms: index.max,
      collector_dashboard_metric_ms: metric.median,
      collector_dashboard_metric_max_ms: metric.max,
      collector_dashboard_metric_2y_ms: metric2y.median,
      collector_dashboard_metric_2y_max_ms: metric2y.max,
      collector_dashboard_concurrent_ms: concurrent.median,
      collector_dashboard_ingest_stall_ms: stallMs,
      collector_dashboard_idle_loop_delay_ms: idle.max / 1e6,
      collector_dashboard_rss_growth_mib: (rssPeak - rssBefore) / 2 ** 20
    };
  } finally {
    await collector?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
