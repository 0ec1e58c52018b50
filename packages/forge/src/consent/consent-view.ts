import type { ConsentOutput, Product } from '@usage-reporting/core/api';
import type { Catalog } from '@usage-reporting/core';
import type { ConsentState } from '@usage-reporting/core';
import { appliesTo, pendingFields } from '@usage-reporting/core';
import { lastAutomaticDay, nextAutomaticAt } from '../core/schedule.js';
import { fieldInfo } from '../engine/fields.js';
import type { ReportRecord } from '../store/records.js';

/**
 * What every consent resolver answers, and the admin page's first screen too (engine/admin-page.ts):
 * the state now, the fields awaiting review, the next automatic send. The fields awaiting review are
 * the ones this installation's product can send: a Jira site is not asked about Confluence's blog posts.
 */
export function consentView(consent: ConsentState, catalog: Catalog, product: Product, reports: readonly ReportRecord[], now: Date): ConsentOutput {
  return {
    consent,
    newFields: pendingFields(consent, catalog)
      .filter((entry) => appliesTo(entry, product))
      .map(fieldInfo),
    nextAutomaticAt: nextAutomaticAt(consent, lastAutomaticDay(reports), now)
  };
}
