import type { Product } from '@usage-reporting/core/api';
import { runDailyRights, type RightsRun } from '../rights/daily.js';
import { sendAutomaticReport, type AutomaticOutcome } from './automatic.js';
import type { EngineDeps } from './deps.js';
import { purgeExpiredHistory, type PurgeOutcome } from './history.js';
import { retryOutbox, type OutboxRun } from './outbox.js';
import { step, type Step } from './step.js';

export interface ScheduledRun {
  outbox: Step<OutboxRun>;
  automatic: Step<AutomaticOutcome>;
  retention: Step<PurgeOutcome>;
  /** Vendor deletion/restriction retries and the personal data reporting cycle (packages/forge/src/rights/daily.ts). */
  rights: Step<RightsRun>;
}

/**
 * The daily trigger's work, in this order: retry what is already queued (oldest reports first), then
 * the automatic report if one is due, then retention. The steps are independent: a KVS outage
 * during retention does not cost the day's report, and a collector outage does not stop the purge.
 */
export async function runScheduledJob(deps: EngineDeps, product: Product): Promise<ScheduledRun> {
  const outbox = await step('outbox retry', () => retryOutbox(deps));
  const automatic = await step('automatic report', () => sendAutomaticReport(deps, product));
  const retention = await step('history retention', () => purgeExpiredHistory(deps.now()));
  const rights = await step('rights', () => runDailyRights(deps));
  return { outbox, automatic, retention, rights };
}

/** What the trigger returns and logs: outcomes and counts, never report bytes. */
export type ScheduledRunSummary = ReturnType<typeof summarizeRun>;

export function summarizeRun(run: ScheduledRun) {
  const automatic = !run.automatic.ok
    ? { error: run.automatic.error }
    : run.automatic.value.kind === 'queued' || run.automatic.value.kind === 'ready-to-hand-over'
      ? { kind: run.automatic.value.kind, reportId: run.automatic.value.record.reportId, status: run.automatic.value.record.status }
      : run.automatic.value;
  return {
    outbox: run.outbox.ok ? run.outbox.value : { error: run.outbox.error },
    automatic,
    retention: run.retention.ok ? run.retention.value : { error: run.retention.error },
    rights: run.rights.ok ? run.rights.value : { error: run.rights.error }
  };
}
