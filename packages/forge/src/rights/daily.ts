import type { EngineDeps } from '../engine/deps.js';
import { runPersonalDataCycle, type CycleOutcome } from '../privacy/personal-data-cycle.js';
import { attemptVendorDeletion, followUpVendorDeletion } from './vendor-deletion.js';
import { attemptVendorRestriction } from './vendor-restriction.js';
import { rotateKeyIfDue, type RotationResult } from './rotate-key.js';
import { step, type Step } from '../engine/step.js';

export interface RightsRun {
  keyRotation: Step<RotationResult>;
  vendorDeletion: Step<string>;
  vendorRestriction: Step<string>;
  personalData: Step<CycleOutcome>;
}

/**
 * The daily trigger's rights work: rotate the collector key when it is due, retry a pending vendor
 * deletion and restriction when their backoff has elapsed, and run the personal data reporting cycle
 * when it is due. Rotation goes first so that a rotation an earlier run left half done is finished
 * before the retries sign with the key. Independent steps: one failing never stops the others. Returns statuses only, nothing personal.
 */
export async function runDailyRights(deps: EngineDeps): Promise<RightsRun> {
  return {
    keyRotation: await step('collector key rotation', () => rotateKeyIfDue(deps)),
    vendorDeletion: await step('vendor deletion retry', async () => {
      await followUpVendorDeletion(deps.now());
      return (await attemptVendorDeletion(deps))?.status ?? 'none';
    }),
    vendorRestriction: await step('vendor restriction retry', async () => (await attemptVendorRestriction(deps))?.status ?? 'none'),
    personalData: await step('personal data cycle', () => runPersonalDataCycle(deps.now()))
  };
}
