import { keys } from '../store/keys.js';
import { listPrefix, readParsed, remove } from '../store/kvs-store.js';
import { reportRecordSchema } from '../store/records.js';
import { saveReport } from '../store/repositories.js';

/**
 * Cancels every report still waiting to leave: each pending report is marked 'cancelled' in history
 * (with why), then its outbox entry goes. History first, so a crash in between leaves an outbox
 * entry whose report is already settled, which delivery just clears. A storage failure is thrown,
 * not skipped: the caller reports it and the admin can repeat the (idempotent) action. Delivery
 * re-checks consent before every attempt anyway, so an entry left behind can never leave the site.
 */
export async function cancelOutbox(reason: string): Promise<number> {
  let cancelled = 0;
  for (const { key } of await listPrefix(keys.outboxPrefix)) {
    const reportId = key.slice(keys.outboxPrefix.length);
    const read = await readParsed(keys.report(reportId), reportRecordSchema);
    // An unreadable record cannot be marked; its outbox entry still goes, so it is never retried.
    if (read.ok && read.value?.status === 'pending') {
      await saveReport({ ...read.value, status: 'cancelled', lastError: reason });
      cancelled += 1;
    }
    await remove(key);
  }
  return cancelled;
}
