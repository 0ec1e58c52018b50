import { isAttemptDue } from '../core/backoff.js';
import { keys } from '../store/keys.js';
import { listParsed } from '../store/kvs-store.js';
import { outboxEntrySchema, type OutboxEntry } from '../store/records.js';
import { remainingInvocationMs } from '../transport/report-transport.js';
import { deliver } from './deliver.js';
import type { EngineDeps } from './deps.js';

export const loadOutbox = async (): Promise<OutboxEntry[]> =>
  (await listParsed(keys.outboxPrefix, outboxEntrySchema)).values.map((v) => v.value).sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : 1));

const RESERVE_MS = 4_000;

export interface OutboxRun {
  attempted: number;
  sent: number;
  stillQueued: number;
  settledOtherwise: number;
  errors: string[];
}

/**
 * The scheduled job's retry pass: every outbox entry whose backoff has elapsed gets one more delivery
 * attempt, oldest first. Each attempt is independent: a storage error on one entry is recorded and
 * the next entry is still tried. Consent is re-checked inside deliver(), right before each attempt.
 */
export async function retryOutbox(deps: EngineDeps): Promise<OutboxRun> {
  const now = deps.now();
  const run: OutboxRun = { attempted: 0, sent: 0, stillQueued: 0, settledOtherwise: 0, errors: [] };
  for (const entry of await loadOutbox()) {
    // A collector that times out costs up to 10 s per attempt: stop starting attempts while there is
    // still time for the automatic report and retention. Entries left over wait for the next run.
    if (!isAttemptDue(entry.nextAttemptAt, now) || remainingInvocationMs() < RESERVE_MS) {
      run.stillQueued += 1;
      continue;
    }
    run.attempted += 1;
    try {
      const record = await deliver(deps, entry.reportId);
      if (record?.status === 'sent') run.sent += 1;
      else if (record?.status === 'pending') run.stillQueued += 1;
      else run.settledOtherwise += 1;
    } catch (error) {
      run.stillQueued += 1;
      run.errors.push(`${entry.reportId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return run;
}
