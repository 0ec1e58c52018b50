import type { Catalog } from '@usage-reporting/core';
import { allowsSending, type ConsentState } from '@usage-reporting/core';
import { formatVersionOf, type Report } from '@usage-reporting/core';
import { withheldReason } from '@usage-reporting/core';

export type Coverage = { ok: true } | { ok: false; code: 'CONSENT_REQUIRED' | 'RESTRICTIONS_CHANGED'; message: string };

/**
 * The gate in front of every transmission: does the consent in force right now cover this report's
 * bytes (mode, format version, every field's category and purpose, the purposes it declares)?
 * Checked again at every retry, so an outbox entry never outlives the consent it was queued under.
 */
export function coverage(consent: ConsentState, report: Report, catalog: Catalog): Coverage {
  if (!allowsSending(consent.mode)) {
    return { ok: false, code: 'CONSENT_REQUIRED', message: `Sharing is '${consent.mode}': no report may leave the site.` };
  }
  const version = formatVersionOf(report.format);
  if (version > catalog.formatVersion || consent.acceptedFormat < 1) {
    return { ok: false, code: 'CONSENT_REQUIRED', message: `Report format ${version} has not been accepted.` };
  }
  for (const key of Object.keys(report.fields)) {
    const entry = catalog.byKey.get(key);
    if (!entry) return { ok: false, code: 'RESTRICTIONS_CHANGED', message: `Field '${key}' is not in the catalog.` };
    const reason = withheldReason(entry, consent, catalog);
    if (reason) return { ok: false, code: 'RESTRICTIONS_CHANGED', message: `Field '${key}' is now withheld (${reason}).` };
  }
  const extra = report.purposes.filter((p) => !consent.restrictions.purposes.includes(p));
  if (extra.length > 0) return { ok: false, code: 'RESTRICTIONS_CHANGED', message: `Purpose '${extra[0]}' is no longer allowed.` };
  return { ok: true };
}
