import { randomUUID } from 'node:crypto';
import type { Product } from '@usage-reporting/core/api';
import type { ConsentState, Settings } from '@usage-reporting/core';
import { buildReport, type BuildResult } from '@usage-reporting/core/node';
import { utcDay } from '@usage-reporting/core';
import { usageInPeriod } from '../core/meter-rollup.js';
import { reportPeriod } from '../core/schedule.js';
import type { Installation, ReportRecord } from '../store/records.js';
import type { EngineDeps } from './deps.js';
import { rollUpMeters } from './meter.js';

/**
 * The imperative half of report building: roll meters up, read the site, pick the period, then hand
 * everything to the pure buildReport. Preview and the scheduled send both come through here.
 */
export interface AssembleInput {
  product: Product;
  consent: ConsentState;
  settings: Settings;
  installation: Installation;
  /** History so far: the period starts where the last report that left (or will leave) ended. */
  reports: readonly ReportRecord[];
  now: Date;
  /** A correction covers exactly the period of the report it replaces, not the next one. */
  period?: { from: string; to: string };
}

export type Assembled = BuildResult & { unavailable: string[]; period: { from: string; to: string } };

export async function assembleReport(deps: EngineDeps, input: AssembleInput): Promise<Assembled> {
  const lastTo = input.reports
    .filter((r) => r.status === 'sent' || r.status === 'pending')
    .reduce<string | null>((max, r) => (max === null || r.period.to > max ? r.period.to : max), null);
  const period = input.period ?? reportPeriod(lastTo, utcDay(new Date(input.installation.installedAt)), input.now);
  // The vendor's facts need nothing read here, so they are read alongside the meters and the site.
  const [reading, vendor] = await Promise.all([
    rollUpMeters(input.now, deps.meterEvents).then((days) => deps.readSite(input.product, usageInPeriod(days, period, deps.meterEvents))),
    deps.vendorFacts()
  ]);
  const result = buildReport(
    { facts: reading.facts, vendor, period, siteHosts: deps.siteIdentifiers() },
    input.settings,
    input.consent,
    input.now,
    { reportId: randomUUID(), installationId: input.installation.installationId },
    deps.catalog
  );
  return { ...result, unavailable: reading.unavailable, period };
}
