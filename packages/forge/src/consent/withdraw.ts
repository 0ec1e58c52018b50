import { ok, type Envelope } from '@usage-reporting/core/api';
import type { WithdrawOutput } from '@usage-reporting/core/api';
import { actionEntry, withdraw as withdrawTransition } from '@usage-reporting/core';
import type { EngineDeps } from '../engine/deps.js';
import { loadConsent } from '../store/repositories.js';
import { attemptVendorDeletion, queueVendorDeletion, readVendorDeletion } from '../rights/vendor-deletion.js';
import { cancelOutbox } from './cancel-outbox.js';
import { cancelPrepared } from '../manual/cancel-prepared.js';
import { commitTransition } from './commit.js';

export const WITHDRAWN_REASON = 'Sharing was withdrawn before this report left the site.';

/**
 * Withdrawal stops everything at once: mode 'off' is committed first (so any delivery that starts
 * from now on sees it and cancels), then every queued report is cancelled. With
 * `alsoRequestVendorDeletion` a deletion request is queued, recorded in the ledger and tried at once;
 * the daily job retries it until the collector acknowledges.
 */
export async function withdrawConsent(
  deps: EngineDeps,
  input: { alsoRequestVendorDeletion: boolean },
  accountId: string
): Promise<Envelope<WithdrawOutput>> {
  const now = deps.now();
  const before = await loadConsent();
  const transition = withdrawTransition(before, { accountId, now });
  const deletionEntry = input.alsoRequestVendorDeletion ? [actionEntry(transition.state, 'request-vendor-deletion', [], { accountId, now })] : [];
  const consent = await commitTransition(transition, deletionEntry);
  const cancelledReports = (await cancelOutbox(WITHDRAWN_REASON)) + (await cancelPrepared(WITHDRAWN_REASON));
  if (!input.alsoRequestVendorDeletion) return ok({ consent, cancelledReports, vendorDeletion: await readVendorDeletion() });
  await queueVendorDeletion(now);
  const vendorDeletion = await attemptVendorDeletion(deps, { force: true });
  return ok({ consent, cancelledReports, vendorDeletion });
}
