import { actionEntry, purposeSchema } from '@usage-reporting/core';
import { ok, type Envelope, type RightsRequestInput, type RightsRequestOutput } from '@usage-reporting/core/api';
import { rightsRequest, type RightsAction } from '@usage-reporting/core/node';
import type { EngineDeps } from '../engine/deps.js';
import { queueVendorDeletion, readVendorDeletion } from '../rights/vendor-deletion.js';
import { writeRestrictionRequest } from '../rights/vendor-restriction.js';
import { appendLedger, loadConsent } from '../store/repositories.js';
import { notManual } from './hand-over-report.js';
import { saveRightsRequest, toRightsView, type RightsRequestRecord } from './records.js';
import { signHandOver } from './sign-hand-over.js';

/**
 * Manual delivery of a rights request: export, delete or restrict what the vendor holds, as a signed
 * request file the admin hands over like a report. The request is recorded the moment the file is
 * made (the ledger entry, the pending deletion or restriction the page shows), because from then on
 * it is out of the app's hands; the collector's signed answer, pasted back, settles it
 * (accept-answer.ts). A request file acts once at the collector, so each click makes a new file.
 */
export async function prepareRightsRequest(deps: EngineDeps, input: RightsRequestInput, accountId: string): Promise<Envelope<RightsRequestOutput>> {
  if (deps.delivery.mode !== 'manual') return notManual;
  const now = deps.now();
  const consent = await loadConsent();
  let action: RightsAction;
  let restrictedPurposes: string[] | null = null;
  if (input.kind === 'export') {
    action = { kind: 'export' };
    await appendLedger([actionEntry(consent, 'request-vendor-export', [], { accountId, now })]);
  } else if (input.kind === 'delete') {
    action = { kind: 'delete' };
    await appendLedger([actionEntry(consent, 'request-vendor-deletion', [], { accountId, now })]);
    await queueVendorDeletion(now);
  } else {
    const set = purposeSchema.options.filter((p) => input.restrictedPurposes.includes(p));
    action = { kind: 'restrict', restrictedPurposes: set };
    restrictedPurposes = set;
    const before = await writeRestrictionRequest(set, now);
    const change = { path: 'vendor.restrictedPurposes', from: [...before].sort(), to: [...set].sort() };
    await appendLedger([actionEntry(consent, 'restrict-vendor-processing', [change], { accountId, now })]);
  }
  const file = await signHandOver((signer) => rightsRequest({ ...signer, action }), now);
  const record: RightsRequestRecord = {
    kind: input.kind,
    requestedAt: now.toISOString(),
    ...file,
    restrictedPurposes,
    answeredAt: null,
    collectorKeyFingerprint: null,
    answer: null
  };
  await saveRightsRequest(record);
  return ok({
    ...file,
    request: toRightsView(record),
    vendorDeletion: await readVendorDeletion()
  });
}
