import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { reportRequest } from '@usage-reporting/core/node';
import { generateInstallationKeyPair, installationIdOf, type InstallationKeyPair } from '@usage-reporting/core/node';
import { ingestPath } from '@usage-reporting/core/collector-api';
import { loadPlanSchema, stagePrefix, type LoadResult } from './load-protocol';
import { percentile } from './stats';
import { seededRandom, syntheticReport } from './synthetic-reports';

/**
 * The load generator: a separate process that POSTs valid reports to the collector over loopback
 * with N requests in flight, and prints one JSON result. Each report is signed by its installation's
 * own Ed25519 key, as the app signs (client.ts reportRequest), so the collector verifies every one.
 * Bodies and signatures are made just before the clock starts (signing would otherwise make this
 * process the bottleneck), well within the collector's 5-minute signature window.
 */
interface Prepared {
  headers: Record<string, string>;
  body: Buffer;
}

interface Signer {
  key: InstallationKeyPair;
  installationId: string;
}

async function prepare(count: number, installations: readonly Signer[], rand: () => number): Promise<Prepared[]> {
  const now = new Date();
  const out: Prepared[] = [];
  for (let i = 0; i < count; i++) {
    const signer = installations[i % installations.length] as Signer;
    const { report, bytes } = syntheticReport({ rand, installationId: signer.installationId, generatedAt: now });
    const req = await reportRequest({ ...signer, now, nonce: randomBytes(16).toString('base64url'), reportText: bytes, reportId: report.reportId });
    const body = Buffer.from(req.body, 'utf8');
    out.push({ headers: { ...req.headers, 'content-length': String(body.length) }, body });
  }
  return out;
}

function post(agent: Agent, url: URL, item: Prepared): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: ingestPath,
        headers: item.headers
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      }
    );
    req.on('error', reject);
    req.end(item.body);
  });
}

/** Sends every item with `concurrency` in flight; returns per-request latencies (ms) and outcomes. */
async function fire(agent: Agent, url: URL, items: readonly Prepared[], concurrency: number) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let networkErrors = 0;
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as Prepared;
      const t0 = performance.now();
      try {
        const status = await post(agent, url, item);
        latencies.push(performance.now() - t0);
        statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      } catch {
        networkErrors++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return { latencies, statuses, networkErrors };
}

/** One line per stage on stderr: the bench forwards them, and a run that stops making them is a hang it can name. */
const stage = (what: string) => process.stderr.write(`${stagePrefix}${what}\n`);

async function main(): Promise<void> {
  stage('started');
  const plan = loadPlanSchema.parse(JSON.parse(process.argv[2] ?? ''));
  const url = new URL(plan.url);
  const rand = seededRandom(plan.seed);
  const installations = Array.from({ length: plan.installations }, (): Signer => {
    const key = generateInstallationKeyPair();
    return { key, installationId: installationIdOf(key.publicKey) };
  });
  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });

  const warmup = await prepare(plan.warmup, installations, rand);
  stage(`warm-up signed (${warmup.length} requests)`);
  await fire(agent, url, warmup, plan.concurrency);
  stage('warm-up sent');
  // Signed after the warm-up, so a long warm-up never pushes the timed signatures towards the window's end.
  const timed = await prepare(plan.requests, installations, rand);
  stage(`timed requests signed (${timed.length})`);
  const started = performance.now();
  const run = await fire(agent, url, timed, plan.concurrency);
  const durationMs = performance.now() - started;
  agent.destroy();

  const sorted = [...run.latencies].sort((a, b) => a - b);
  const result: LoadResult = {
    requests: plan.requests,
    statuses: run.statuses,
    networkErrors: run.networkErrors,
    durationMs,
    p50Ms: sorted.length ? percentile(sorted, 50) : 0,
    p90Ms: sorted.length ? percentile(sorted, 90) : 0,
    p99Ms: sorted.length ? percentile(sorted, 99) : 0,
    maxMs: sorted.at(-1) ?? 0
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
