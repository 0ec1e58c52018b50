import { fail, ok, type Envelope } from '@usage-reporting/core/api';
import type { VendorDeletionOutput } from '@usage-reporting/core/api';
import { actionEntry } from '@usage-reporting/core';
import type { EngineDeps } from '../engine/deps.js';
import { appendLedger, loadConsent } from '../store/repositories.js';
import { attemptVendorDeletion, queueVendorDeletion } from './vendor-deletion.js';

/** The admin asks the vendor to delete what it holds, without withdrawing: queued, recorded, tried now. */
export async function requestVendorDeletion(deps: EngineDeps, accountId: string): Promise<Envelope<VendorDeletionOutput>> {
  if (deps.delivery.mode === 'manual') return fail('CONFLICT', 'This app reaches the vendor by hand-over files: make a deletion request file instead.');
  const now = deps.now();
  await appendLedger([actionEntry(await loadConsent(), 'request-vendor-deletion', [], { accountId, now })]);
  await queueVendorDeletion(now);
  const vendorDeletion = await attemptVendorDeletion(deps, { force: true });
  if (!vendorDeletion) throw new Error('the vendor deletion request vanished right after it was queued');
  return ok({ vendorDeletion });
}
