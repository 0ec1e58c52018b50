import { ok, type Envelope } from '@usage-reporting/core/api';
import type { AdminPageOutput } from '@usage-reporting/core/api';
import { pendingFields } from '@usage-reporting/core';
import { lastAutomaticDay, nextAutomaticAt } from '../core/schedule';
import type { CallerContext } from '../resolvers/define';
import { readVendorDeletion } from '../rights/vendor-deletion';
import { readVendorRestriction } from '../rights/vendor-restriction';
import { loadConsent, loadReports, loadSettings } from '../store/repositories';
import type { EngineDeps } from './deps';
import { fieldInfo } from './fields';
import { toSummary } from './history';
import { meter } from './meter';
import { loadOutbox } from './outbox';
import { preview, toPreviewOutput } from './preview';

/**
 * Everything the first screen needs, in one round trip: the consent and settings, the catalog as the
 * admin reads it, a freshly built and frozen preview (so "Send this report" can go straight to
 * sendReport), the history, the outbox and the vendor-side requests.
 */
export async function loadAdminPage(deps: EngineDeps, caller: CallerContext): Promise<Envelope<AdminPageOutput>> {
  const now = deps.now();
  const [consent, settings, reports, outbox, vendorDeletion, vendorRestriction] = await Promise.all([
    loadConsent(),
    loadSettings(),
    loadReports(),
    loadOutbox(),
    readVendorDeletion(),
    readVendorRestriction()
  ]);
  // Built from the very consent the page shows, read once.
  const built = await preview(deps, caller.product, { consent, settings, reports });
  if (!built.ok) return built;
  await meter('admin.page.opened', now);
  return ok({
    context: { product: caller.product, isAdmin: caller.isAdmin, appVersion: caller.appVersion },
    consent,
    settings,
    formatVersion: deps.catalog.formatVersion,
    fields: deps.catalog.entries.map(fieldInfo),
    newFields: pendingFields(consent, deps.catalog).map(fieldInfo),
    preview: toPreviewOutput(built.data),
    history: reports.map(toSummary).reverse(),
    outboxSize: outbox.length,
    vendorDeletion,
    vendorRestriction,
    nextAutomaticAt: nextAutomaticAt(consent, lastAutomaticDay(reports), now)
  });
}
