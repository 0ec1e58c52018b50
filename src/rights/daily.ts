import type { EngineDeps } from '../engine/deps';
import { runPersonalDataCycle, type CycleOutcome } from '../privacy/personal-data-cycle';
import { attemptVendorDeletion, followUpVendorDeletion } from './vendor-deletion';
import { attemptVendorRestriction } from './vendor-restriction';
import { step, type Step } from '../engine/step';

export interface RightsRun {
  vendorDeletion: Step<string>;
  vendorRestriction: Step<string>;
  personalData: Step<CycleOutcome>;
}

/**
 * The daily trigger's rights work: retry a pending vendor deletion and restriction when their backoff
 * has elapsed, and run the personal data reporting cycle when it is due. Independent steps: one
 * failing never stops the others. Returns statuses only, nothing personal.
 */
export async function runDailyRights(deps: EngineDeps): Promise<RightsRun> {
  return {
    vendorDeletion: await step('vendor deletion retry', async () => {
      await followUpVendorDeletion(deps.now());
      return (await attemptVendorDeletion(deps))?.status ?? 'none';
    }),
    vendorRestriction: await step('vendor restriction retry', async () => (await attemptVendorRestriction(deps))?.status ?? 'none'),
    personalData: await step('personal data cycle', () => runPersonalDataCycle(deps.now()))
  };
}
