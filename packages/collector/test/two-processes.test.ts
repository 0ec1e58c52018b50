import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { z } from 'zod';
import { receiptSchema, type Receipt } from '@usage-reporting/core/collector-api';
import { reportRequest, sha256Hex, verifyCollectorAnswer } from '@usage-reporting/core/node';
import { generateSigningKeyPem, parseSigningKey } from '../src/receipts/signing-key';
import { bytesOf, freshNonce, makeInstallation, makeReport, type Installation } from './support';
import { TestDatabase } from './support/postgres';
import { waitForListening } from './support/listening';

/**
 * Two collector processes on one PostgreSQL database, started as a vendor starts them (main.ts, the
 * bin, configured by environment) behind one address each on loopback, as behind a load balancer.
 * Whichever process a report reaches, it is stored once; whatever one process acknowledged is in the
 * database, even if that process is killed the next instant; and a report whose post failed, sent
 * again to the other process, is stored once too.
 */
const database = new TestDatabase();
afterAll(() => database.drop());

type Collector = ChildProcessByStdio<null, Readable, Readable>;

/** Starts main.ts under tsx, as cli.test.ts runs the bin, and answers its URL once it listens. */
function startCollector(env: Record<string, string>): Promise<{ child: Collector; url: string }> {
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, join(__dirname, '../src/main.ts')], {
    env: { PATH: process.env.PATH ?? '', COLLECTOR_LOG: 'false', COLLECTOR_PORT: '0', COLLECTOR_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  return waitForListening(child).then((url) => ({ child, url }));
}

/** What a post came to: an acknowledgement (2xx and a receipt), another status, or no answer at all. */
type Posted = { acknowledged: true; status: number; receipt: Receipt } | { acknowledged: false; status: number | 'no answer' };

/** POSTs `report` to `url` the way the app does (client.ts reportRequest): canonical bytes, freshly signed, a new nonce each time. */
async function post(url: string, who: Installation, report: ReturnType<typeof makeReport>): Promise<Posted> {
  const req = await reportRequest({ key: who.key, installationId: who.installationId, now: new Date(), nonce: freshNonce(), reportText: bytesOf(report), reportId: report.reportId });
  try {
    const res = await fetch(`${url}${req.path}`, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    if (res.status !== 200 && res.status !== 201) return { acknowledged: false, status: res.status };
    return { acknowledged: true, status: res.status, receipt: receiptSchema.parse(JSON.parse(text)) };
  } catch {
    // Refused, reset or cut off mid-answer: the app learns nothing, and sends it again later.
    return { acknowledged: false, status: 'no answer' };
  }
}

/** Runs `tasks` with at most `limit` in flight; answers their results in order. */
async function inFlight<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < tasks.length; i = next++) results[i] = await (tasks[i] as () => Promise<T>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

describe('two collector processes on one PostgreSQL database', () => {
  let dir: string;
  let env: Record<string, string>;
  let publicKey: string;
  let db: pg.Pool;
  const running: Collector[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'collector-two-'));
    const databaseUrl = await database.freshSchemaUrl();
    // One key for both, as a vendor configures every process of one collector: a receipt verifies whichever process signed it.
    const pem = generateSigningKeyPem();
    const parsed = parseSigningKey(pem);
    if (!parsed.ok) throw new Error(parsed.message);
    publicKey = parsed.key.publicKey;
    writeFileSync(join(dir, 'collector-signing-key.pem'), pem, { mode: 0o600 });
    env = {
      COLLECTOR_DATABASE_URL: databaseUrl,
      COLLECTOR_DB: join(dir, 'unused.db'),
      COLLECTOR_SIGNING_KEY_FILE: join(dir, 'collector-signing-key.pem'),
      // Each installation here sends far more than an app would; the limits are not what is tested.
      COLLECTOR_INGEST_BURST: '10000',
      COLLECTOR_INGEST_PER_HOUR: '100000',
      COLLECTOR_UNAUTHENTICATED_PER_MINUTE: '100000'
    };
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  });
  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  afterAll(async () => {
    await db?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async () => {
    const started = await startCollector(env);
    running.push(started.child);
    return started;
  };
  const storedCopies = async (reportIds: readonly string[]) => {
    const { rows } = await db.query('SELECT report_id, count(*)::int AS n FROM reports WHERE report_id = ANY($1) GROUP BY report_id', [reportIds]);
    return new Map(rows.map((r) => z.object({ report_id: z.string(), n: z.number() }).parse(r)).map((r) => [r.report_id, r.n]));
  };
  const verifies = (receipt: Receipt, who: Installation, report: ReturnType<typeof makeReport>) =>
    verifyCollectorAnswer(receipt.signedAnswer, publicKey, { kind: 'report-receipt', reportId: report.reportId, digest: sha256Hex(bytesOf(report)), installationId: who.installationId }).ok;

  it('stores a report posted to both at once, many times over, exactly once, and both answer a valid receipt', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const reports = Array.from({ length: 5 }, () => {
      const who = makeInstallation();
      return { who, report: makeReport({ installationId: who.installationId }) };
    });

    // Each report 16 times at once, half to each process: 80 posts in flight.
    const posts = reports.flatMap(({ who, report }) => Array.from({ length: 16 }, (_, i) => post(i % 2 === 0 ? a.url : b.url, who, report)));
    const answers = await Promise.all(posts);

    expect(answers.every((p) => p.acknowledged)).toBe(true);
    const copies = await storedCopies(reports.map((r) => r.report.reportId));
    for (const [i, { who, report }] of reports.entries()) {
      const mine = answers.slice(i * 16, (i + 1) * 16).flatMap((p) => (p.acknowledged ? [p] : []));
      expect(copies.get(report.reportId)).toBe(1);
      // One post stored it (201); every other one, at either process, was told it is held (200, duplicate).
      expect(mine.filter((p) => p.status === 201 && !p.receipt.duplicate)).toHaveLength(1);
      expect(mine.filter((p) => p.status === 200 && p.receipt.duplicate)).toHaveLength(15);
      // The same receipt each time, from either process, and each one verifies under the collector's key.
      expect(new Set(mine.map((p) => p.receipt.receiptId)).size).toBe(1);
      expect(mine.every((p) => verifies(p.receipt, who, report))).toBe(true);
    }
  }, 60_000);

  it('keeps every report a process acknowledged though it is killed mid-burst, and stores once what is sent again to the other', async () => {
    const [doomed, survivor] = await Promise.all([start(), start()]);
    const installations = Array.from({ length: 10 }, makeInstallation);
    const reports = Array.from({ length: 240 }, (_, i) => {
      const who = installations[i % installations.length] as Installation;
      return { who, report: makeReport({ installationId: who.installationId }) };
    });
    const acknowledgedBy = new Map<string, { status: number; receipt: Receipt; at: 'doomed' | 'survivor' }>();
    const failedAtDoomed: typeof reports = [];
    let killedAfter: number | null = null;

    // Every other report goes to the process about to die; it dies once it has acknowledged 40.
    const firstRound = await inFlight(
      16,
      reports.map(({ who, report }, i) => async () => {
        const at = i % 2 === 0 ? 'doomed' : 'survivor';
        const answer = await post(at === 'doomed' ? doomed.url : survivor.url, who, report);
        if (answer.acknowledged) {
          acknowledgedBy.set(report.reportId, { status: answer.status, receipt: answer.receipt, at });
          if (at === 'doomed' && killedAfter === null && [...acknowledgedBy.values()].filter((v) => v.at === 'doomed').length >= 40) {
            killedAfter = acknowledgedBy.size;
            doomed.child.kill('SIGKILL');
          }
        } else if (at === 'doomed') failedAtDoomed.push({ who, report });
        return answer;
      })
    );

    expect(killedAfter).not.toBeNull();
    // The kill fell in the middle of the burst: posts to it failed after, and the survivor answered every one of its own.
    expect(failedAtDoomed.length).toBeGreaterThan(0);
    expect(firstRound.filter((p, i) => i % 2 === 1 && !p.acknowledged)).toEqual([]);
    // Acknowledged means committed: every report either process answered with a receipt is in the database.
    const afterKill = await storedCopies([...acknowledgedBy.keys()]);
    expect([...acknowledgedBy.keys()].filter((id) => afterKill.get(id) !== 1)).toEqual([]);

    // What failed is sent again, to the process still running, as the app's next attempt would be.
    const retried = await inFlight(8, failedAtDoomed.map(({ who, report }) => () => post(survivor.url, who, report)));
    expect(retried.every((p) => p.acknowledged)).toBe(true);
    for (const [i, p] of retried.entries()) {
      const { who, report } = failedAtDoomed[i] as (typeof reports)[number];
      if (p.acknowledged) {
        expect(verifies(p.receipt, who, report)).toBe(true);
        acknowledgedBy.set(report.reportId, { status: p.status, receipt: p.receipt, at: 'survivor' });
      }
    }

    const copies = await storedCopies(reports.map((r) => r.report.reportId));
    expect(reports.filter(({ report }) => copies.get(report.reportId) !== 1).map(({ report }) => report.reportId)).toEqual([]);
    expect(acknowledgedBy.size).toBe(reports.length);
    expect(reports.every(({ who, report }) => verifies((acknowledgedBy.get(report.reportId) as { receipt: Receipt }).receipt, who, report))).toBe(true);
  }, 90_000);
});
