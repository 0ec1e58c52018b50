import type { ConsentOutput } from '@usage-reporting/core/api';
import type { Catalog } from '@usage-reporting/core';
import type { ConsentState } from '@usage-reporting/core';
import { pendingFields } from '@usage-reporting/core';
import { lastAutomaticDay, nextAutomaticAt } from '../core/schedule.js';
import { fieldInfo } from '../engine/fields.js';
import type { ReportRecord } from '../store/records.js';

/** What every consent resolver answers: the state now, the fields awaiting review, the next automatic send. */
export function consentView(consent: ConsentState, catalog: Catalog, reports: readonly ReportRecord[], now: Date): ConsentOutput {
  return {
    consent,
    newFields: pendingFields(consent, catalog).map(fieldInfo),
    nextAutomaticAt: nextAutomaticAt(consent, lastAutomaticDay(reports), now)
  };
}
