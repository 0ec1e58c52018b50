import { randomBytes, randomUUID } from 'node:crypto';
import { installationIdOf } from '@usage-reporting/core/node';
import type { PostgresStore, SqliteStore } from '@usage-reporting/collector';
import type { StoredReport } from '@usage-reporting/collector';
import { seededRandom, syntheticReport } from './synthetic-reports';

const dayMs = 24 * 60 * 60 * 1000;

export interface SeedArgs {
  count: number;
  installations: number;
  now: Date;
  spanDays: number;
  seed: number;
  chunk?: number;
}

/**
 * Valid stored reports in chunks of `chunk`, spread over the last `spanDays` days from
 * `installations` installations, so they sit within retention and look like a fleet reporting
 * over two years. Made lazily: a million rows never sit in memory at once.
 */
export function* storedReportChunks(args: SeedArgs): Generator<StoredReport[]> {
  const rand = seededRandom(args.seed);
  // Ids of the form installations have (v8, from a genesis key); nothing signs for these, they only sit in the store.
  const ids = Array.from({ length: args.installations }, () => installationIdOf(randomBytes(32).toString('base64url')));
  const chunk = args.chunk ?? 20_000;
  for (let start = 0; start < args.count; start += chunk) {
    const rows: StoredReport[] = [];
    for (let i = start; i < Math.min(args.count, start + chunk); i++) {
      // Oldest first, as they would have arrived.
      const receivedAt = new Date(args.now.getTime() - args.spanDays * dayMs * (1 - i / args.count));
      const { report, bytes, digest } = syntheticReport({ rand, installationId: ids[i % ids.length] as string, generatedAt: new Date(receivedAt.getTime() - 60_000) });
      rows.push({ reportId: report.reportId, receiptId: randomUUID(), installationId: report.installationId, receivedAt: receivedAt.toISOString(), digest, bytes });
    }
    yield rows;
  }
}

/**
 * Fills the SQLite store with `count` valid reports straight through its bulk loader, in transactions
 * of `chunk`: the HTTP path would take hours for a million rows and would measure nothing new.
 * `onChunk` sees the running total.
 */
export function seedStore(store: SqliteStore, args: SeedArgs, onChunk?: (inserted: number) => void): number {
  let inserted = 0;
  for (const rows of storedReportChunks(args)) {
    inserted += store.bulkInsert(rows);
    onChunk?.(inserted);
  }
  return inserted;
}

/**
 * The same reports into PostgreSQL through its bulk loader, 1,000 a transaction, `inFlight` batches
 * at once on the store's pool. Making reports yields to the event loop every 100, so the client sends
 * the batches' statements meanwhile: the server inserts on its own processes while this one builds
 * reports (two in flight seeded 200,000 about a quarter faster than one, over three trials each). Batches cover consecutive
 * days, so two in flight share at most one day's dirty mark and cannot deadlock on it. `onBatch` sees
 * the running total.
 */
export async function seedPostgresStore(store: Pick<PostgresStore, 'bulkInsert'>, args: Omit<SeedArgs, 'chunk'> & { inFlight?: number }, onBatch?: (inserted: number) => void): Promise<number> {
  const batch = 1_000;
  const depth = args.inFlight ?? 2;
  let inserted = 0;
  // Batches settle into this rather than rejecting: a second failure while the first is being
  // reported must not surface as an unhandled rejection. The first one is thrown.
  const failures: unknown[] = [];
  const pending = new Set<Promise<void>>();
  let next: StoredReport[] = [];
  const send = async () => {
    while (pending.size >= depth) await Promise.race(pending);
    if (failures.length > 0) throw failures[0];
    const sent: Promise<void> = store.bulkInsert(next).then(
      (n) => {
        inserted += n;
        onBatch?.(inserted);
      },
      (error: unknown) => {
        failures.push(error);
      }
    );
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
    next = [];
  };
  try {
    for (const rows of storedReportChunks({ ...args, chunk: 100 })) {
      next.push(...rows);
      if (next.length >= batch) await send();
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (next.length > 0) await send();
  } finally {
    await Promise.all(pending);
  }
  if (failures.length > 0) throw failures[0];
  return inserted;
}

/** A running total for the progress lines, at most one every 10 s, so a long seed shows it is moving. */
export function seedingProgress(count: number, progress: (line: string) => void, everyMs = 10_000): (inserted: number) => void {
  const started = performance.now();
  let last = started;
  return (inserted) => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    progress(`seeding: ${inserted} of ${count} in ${((now - started) / 1000).toFixed(0)} s…`);
  };
}
