import { fail, ok, type Envelope } from '@usage-reporting/core/api';
import type { DocumentOutput } from '@usage-reporting/core/api';
import type { EngineDeps } from '../engine/deps.js';
import { ensureInstallation } from '../store/repositories.js';

/**
 * Everything the vendor holds about this installation, fetched live from the collector's rights API
 * and handed to the admin as one JSON document. Nothing is stored: a failure is shown, and the admin
 * simply asks again.
 */
export async function requestVendorExport(deps: EngineDeps): Promise<Envelope<DocumentOutput>> {
  if (deps.delivery.mode === 'manual') return fail('CONFLICT', 'This app reaches the vendor by hand-over files: make an export request file instead.');
  const now = deps.now();
  const installation = await ensureInstallation(now);
  const outcome = await deps.rights(installation.installationId).exportData();
  if (outcome.kind !== 'ok') {
    return fail('TRANSPORT', `The vendor's service did not provide the export (${outcome.reason}). Nothing was changed; try again later.`);
  }
  return ok({ fileName: `usage-reporting-vendor-data-${now.toISOString().slice(0, 10)}.json`, json: JSON.stringify(outcome.value, null, 2) });
}
