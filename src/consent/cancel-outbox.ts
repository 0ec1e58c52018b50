import { keys } from '../store/keys';
import { listPrefix, remove } from '../store/kvs-store';
import { loadReport, saveReport } from '../store/repositories';

/**
 * Cancels every report still waiting to leave: each pending report is marked 'cancelled' in history
 * (with why), then its outbox entry goes. History first, so a crash in between leaves an outbox
 * entry whose report is already settled, which delivery just clears. Delivery also re-checks
 * consent before every attempt, so even an entry this misses could not leave after withdrawal.
 */
export async function cancelOutbox(reason: string): Promise<number> {
  let cancelled = 0;
  for (const { key } of await listPrefix(keys.outboxPrefix)) {
    const reportId = key.slice(keys.outboxPrefix.length);
    const record = await loadReport(reportId).catch(() => undefined);
    if (record && record.status === 'pending') {
      await saveReport({ ...record, status: 'cancelled', lastError: reason });
      cancelled += 1;
    }
    await remove(key);
  }
  return cancelled;
}
