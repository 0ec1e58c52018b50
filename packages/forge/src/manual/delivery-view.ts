import { fail, ok, type DeliveryView, type DocumentOutput, type Envelope } from '@usage-reporting/core/api';
import type { EngineDeps } from '../engine/deps.js';
import { loadRightsRequestViews, loadVendorExport } from './records.js';

/** The delivery part of the first screen: the mode, whether answers can be verified, and the rights requests' state. */
export async function deliveryView(deps: EngineDeps): Promise<DeliveryView> {
  const key = deps.collectorKey();
  const [rightsRequests, kept] = await Promise.all([loadRightsRequestViews(), loadVendorExport()]);
  return {
    mode: deps.delivery.mode,
    collectorKey: key.ok ? { ok: true, fingerprint: key.fingerprint } : { ok: false, problem: key.message },
    rightsRequests,
    vendorExport: kept ? { exportedAt: kept.exportedAt, receivedAt: kept.receivedAt, fileName: kept.fileName, size: new TextEncoder().encode(kept.json).length } : null
  };
}

/** The vendor's export this site verified and kept (manual delivery), for download. */
export async function getVendorExport(): Promise<Envelope<DocumentOutput>> {
  const kept = await loadVendorExport();
  return kept ? ok({ fileName: kept.fileName, json: kept.json }) : fail('NOT_FOUND', "No export from the vendor is kept on this site. Make an export request file and bring back the vendor's answer.");
}
