import type { EngineDeps } from '../engine/deps';
import { runPersonalDataCycle, type CycleOutcome } from '../privacy/personal-data-cycle';
import { attemptVendorDeletion, followUpVendorDeletion } from './vendor-deletion';
import { attemptVendorRestriction } from './vendor-restriction';

type Step<T> = { ok: true; value: T } | { ok: false; error: string };

export interface RightsRun {
  vendorDeletion: Step<string>;
  vendorRestriction: Step<string>;
  personalData: Step<CycleOutcome>;
}

async function step<T>(name: string, run: () => Promise<T>): Promise<Step<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(`[scheduled] ${name} failed: ${message}`);
    return { ok: false, error: message };
  }
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
