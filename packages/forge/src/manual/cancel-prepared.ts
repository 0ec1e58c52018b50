import { keys } from '../store/keys.js';
import { listParsed } from '../store/kvs-store.js';
import { reportRecordSchema } from '../store/records.js';
import { saveReport } from '../store/repositories.js';

/**
 * Manual delivery's counterpart of cancelling the outbox: reports the daily job prepared that no admin
 * has handed over yet have not left, so a withdrawal cancels them. One already handed over is in the
 * admin's (or vendor's) hands and stays as it is; its receipt, if it comes, is still recorded.
 */
export async function cancelPrepared(reason: string): Promise<number> {
  let cancelled = 0;
  for (const { value } of (await listParsed(keys.reportPrefix, reportRecordSchema)).values) {
    if (value.status === 'pending' && value.delivery?.mode === 'manual' && value.delivery.handedOverAt === null) {
      await saveReport({ ...value, status: 'cancelled', lastError: reason });
      cancelled += 1;
    }
  }
  return cancelled;
}
