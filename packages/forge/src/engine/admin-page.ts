import { ok, type Envelope } from '@usage-reporting/core/api';
import type { AdminPageOutput } from '@usage-reporting/core/api';
import { appliesTo } from '@usage-reporting/core';
import { consentView } from '../consent/consent-view.js';
import type { CallerContext } from '../resolvers/define.js';
import { readVendorDeletion } from '../rights/vendor-deletion.js';
import { readVendorRestriction } from '../rights/vendor-restriction.js';
import { loadConsent, loadReports, loadSettings } from '../store/repositories.js';
import type { EngineDeps } from './deps.js';
import { fieldInfo } from './fields.js';
import { toSummary } from './history.js';
import { meter } from './meter.js';
import { loadOutbox } from './outbox.js';
import { preview, toPreviewOutput } from './preview.js';
import { deliveryView } from '../manual/delivery-view.js';
import { loadSigningIdentity } from '../identity/identity.js';

/**
 * Everything the first screen needs, in one round trip: the consent and settings, the catalog as the
 * admin reads it, a freshly built and frozen preview (so "Send this report" can go straight to
 * sendReport), the history, the outbox and the vendor-side requests.
 */
export async function loadAdminPage(deps: EngineDeps, caller: CallerContext): Promise<Envelope<AdminPageOutput>> {
  const now = deps.now();
  // Every read that depends on no other starts at once: on Forge each is a round trip of its own.
  const [consent, settings, reports, outbox, vendorDeletion, vendorRestriction, identity, delivery] = await Promise.all([
    loadConsent(),
    loadSettings(),
    loadReports(),
    loadOutbox(),
    readVendorDeletion(),
    readVendorRestriction(),
    loadSigningIdentity(now),
    deliveryView(deps)
  ]);
  // Built from the very consent the page shows, read once.
  // The page was opened whether or not its preview builds; metering never fails the call.
  const [built] = await Promise.all([preview(deps, caller.product, { consent, settings, reports, identity }), meter('admin.page.opened', now)]);
  if (!built.ok) return built;
  // The fields awaiting review and the next automatic send, as every consent resolver answers them.
  const { newFields, nextAutomaticAt } = consentView(consent, deps.catalog, caller.product, reports, now);
  return ok({
    context: { product: caller.product, isAdmin: caller.isAdmin, appVersion: caller.appVersion },
    consent,
    settings,
    formatVersion: deps.catalog.formatVersion,
    // Only what this installation's product can send: a Jira site has no spaces to restrict.
    fields: deps.catalog.entries.filter((e) => appliesTo(e, caller.product)).map(fieldInfo),
    newFields,
    preview: toPreviewOutput(built.data),
    history: reports.map(toSummary).reverse(),
    outboxSize: outbox.length,
    vendorDeletion,
    vendorRestriction,
    nextAutomaticAt,
    delivery
  });
}
