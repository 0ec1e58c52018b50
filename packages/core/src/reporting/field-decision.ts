import type { Catalog, MetricEntry } from '../catalog/index.js';
import type { ConsentState } from '../report/consent.js';
import type { WithheldReason } from '../report/schema.js';

/**
 * Before the first consent nothing has been accepted, yet the admin must see what consenting would
 * share: a preview then shows the current format. Sending is refused in that mode anyway.
 */
export const effectiveAcceptedFormat = (consent: ConsentState, catalog: Catalog): number =>
  consent.acceptedFormat === 0 ? catalog.formatVersion : consent.acceptedFormat;

/** Why a field is withheld from a report under this consent, or undefined when it may be included. */
export function withheldReason(entry: MetricEntry, consent: ConsentState, catalog: Catalog): WithheldReason | undefined {
  if (entry.since > effectiveAcceptedFormat(consent, catalog)) return 'format-not-accepted';
  const r = consent.restrictions;
  if (r.fields.includes(entry.key)) return 'restricted-field';
  if (r.categories.includes(entry.category)) return 'restricted-category';
  if (!r.purposes.includes(entry.purpose)) return 'restricted-purpose';
  return undefined;
}

/** Fields newer than what the admin accepted: what the page asks them to review. */
export const pendingFields = (consent: ConsentState, catalog: Catalog): MetricEntry[] =>
  consent.acceptedFormat === 0 ? [] : catalog.entries.filter((e) => e.since > consent.acceptedFormat);
