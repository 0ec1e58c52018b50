// Installs the Forge runtime globals before @forge/api loads (it captures fetch at import).
import '@usage-reporting/forge-sim/install-globals';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../test/support/reference-app';
import { assembleReport } from '../../packages/forge/src/engine/assemble';
import { productionDeps } from '../../packages/forge/src/engine/deps';
import { meter, rollUpMeters } from '../../packages/forge/src/engine/meter';
import { metricCatalog, utcDay } from '@usage-reporting/core';
import { ensureInstallation, loadConsent, loadReports, loadSettings } from '../../packages/forge/src/store/repositories';
import { percentile } from '../lib/stats';

/**
 * The engine's costs, read from the sim platform's counters (packages/forge-sim/src/counters.ts) while the real app code
 * runs under the real SDKs: KVS operations per metered event, counts lost under 1,000 concurrent
 * meter calls, product API calls to build a report on a small and a very large site, and the time to
 * build one (meters rolled up, site read, report built, digested and privacy-checked; the median).
 */
const progress = (line: string) => process.stderr.write(`  engine: ${line}\n`);
const CONCURRENT = 1000;

const inInvocation = <T>(platform: SimPlatform, fn: () => Promise<T>) =>
  platform.runAsInvocation({ functionKey: 'resolver', accountId: platform.users.admin }, fn);

async function metering(): Promise<{ kvsOpsPerEvent: number; lost: number }> {
  const platform = createReferencePlatform();
  try {
    platform.counters.reset();
    const results = await Promise.all(Array.from({ length: CONCURRENT }, () => inInvocation(platform, () => meter('report.previewed'))));
    const failed = results.filter((r) => !r.ok).length;
    if (failed > 0) throw new Error(`${failed} meter calls failed to write`);
    const kvsOpsPerEvent = platform.counters.total('kvs') / CONCURRENT;
    const days = await inInvocation(platform, () => rollUpMeters(new Date()));
    const counted = days.find((d) => d.day === utcDay(new Date()))?.counts['report.previewed'] ?? 0;
    return { kvsOpsPerEvent, lost: CONCURRENT - counted };
  } finally {
    platform.close();
  }
}

/** Builds reports on a Jira site of `projects` projects; product calls per build and build times. */
async function building(projects: number, runs: number): Promise<{ productCalls: number; ms: number[] }> {
  const platform = createReferencePlatform({ product: 'jira', siteSize: projects });
  const deps = productionDeps({ catalog: metricCatalog, siteCounts: true });
  try {
    const ms: number[] = [];
    let productCalls = 0;
    for (let i = 0; i < runs; i++) {
      platform.counters.reset();
      const t0 = performance.now();
      const built = await inInvocation(platform, async () => {
        const now = new Date();
        const [consent, settings, installation, reports] = [await loadConsent(), await loadSettings(), await ensureInstallation(now), await loadReports()];
        return assembleReport(deps, { product: 'jira', consent, settings, installation, reports, now });
      });
      ms.push(performance.now() - t0);
      if (!built.ok) throw new Error(`report build failed: ${built.code}: ${built.message}`);
      productCalls = platform.counters.total('product');
    }
    return { productCalls, ms };
  } finally {
    platform.close();
  }
}

export async function run({ quick }: { quick: boolean }): Promise<Record<string, number>> {
  progress(`${CONCURRENT} concurrent meter calls`);
  const m = await metering();
  const runs = quick ? 10 : 50;
  progress(`building reports: 10 projects, then 50,000 projects (${runs} builds each)`);
  const small = await building(10, runs);
  const large = await building(50_000, runs);
  return {
    kvs_ops_per_metered_event: m.kvsOpsPerEvent,
    lost_counts_concurrent_1000: m.lost,
    product_api_calls_10: small.productCalls,
    product_api_calls_50000: large.productCalls,
    report_build_ms: Number(percentile([...small.ms, ...large.ms].sort((a, b) => a - b), 50).toFixed(2))
  };
}
