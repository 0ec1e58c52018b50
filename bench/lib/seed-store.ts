import { randomBytes, randomUUID } from 'node:crypto';
import { installationIdOf } from '@usage-reporting/core/node';
import type { SqliteStore } from '@usage-reporting/collector';
import type { StoredReport } from '@usage-reporting/collector';
import { seededRandom, syntheticReport } from './synthetic-reports';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Fills the store with `count` valid reports straight through its bulk loader, in transactions of
 * `chunk`: the HTTP path would take hours for a million rows and would measure nothing new.
 * Reports are spread over the last `spanDays` days from `installations` installations, so they
 * sit within retention and look like a fleet reporting over two years.
 */
export function seedStore(store: SqliteStore, args: { count: number; installations: number; now: Date; spanDays: number; seed: number; chunk?: number }): number {
  const rand = seededRandom(args.seed);
  // Ids of the form installations have (v8, from a genesis key); nothing signs for these, they only sit in the store.
  const ids = Array.from({ length: args.installations }, () => installationIdOf(randomBytes(32).toString('base64url')));
  const chunk = args.chunk ?? 20_000;
  let inserted = 0;
  for (let start = 0; start < args.count; start += chunk) {
    const rows: StoredReport[] = [];
    for (let i = start; i < Math.min(args.count, start + chunk); i++) {
      // Oldest first, as they would have arrived.
      const receivedAt = new Date(args.now.getTime() - args.spanDays * dayMs * (1 - i / args.count));
      const { report, bytes, digest } = syntheticReport({ rand, installationId: ids[i % ids.length] as string, generatedAt: new Date(receivedAt.getTime() - 60_000) });
      rows.push({ reportId: report.reportId, receiptId: randomUUID(), installationId: report.installationId, receivedAt: receivedAt.toISOString(), digest, bytes });
    }
    inserted += store.bulkInsert(rows);
  }
  return inserted;
}
