import { kvs } from '@forge/kvs';
import type { ResolverName } from '@usage-reporting/core/api';
import type { SimPlatform } from '@usage-reporting/forge-sim';
import { secretKeys } from '../src/store/keys';
import { storageKey } from '../src/store/kvs-store';

/**
 * Everything the app has stored on the site, read from outside the code under test: every plain key
 * with its value, and the secret. Two snapshots being equal means nothing was written.
 */
export function kvsSnapshot(platform: SimPlatform): Promise<string> {
  return platform.runAsInvocation({ functionKey: 'scheduled' }, async () => {
    const entries: Array<[string, unknown]> = [];
    let cursor: string | undefined;
    do {
      let q = kvs.query().limit(100);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany();
      for (const r of page.results) entries.push([r.key, r.value]);
      cursor = page.nextCursor;
    } while (cursor);
    const secret: unknown = await kvs.getSecret(storageKey(secretKeys.signingKey));
    return JSON.stringify({ entries, secret: secret ?? null });
  });
}

/**
 * One valid payload per resolver. Typed over every contract name, so a new resolver does not compile
 * until it has one here, and the admin-only test then covers it.
 */
export const validPayloads: Record<ResolverName, unknown> = {
  getContext: {},
  loadAdminPage: {},
  preview: {},
  sendReport: { draftId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d', digest: 'a'.repeat(64) },
  setConsent: { mode: 'automatic', cadence: 'weekly' },
  acceptFormat: { version: 2 },
  setRestrictions: { restrictions: { categories: ['usage'], fields: [], purposes: ['troubleshooting'] } },
  setRetention: { retentionDays: 90 },
  withdraw: { alsoRequestVendorDeletion: true },
  getHistory: {},
  getHistoryEntry: { reportId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d' },
  getLedger: {},
  getLedgerNames: {},
  exportData: {},
  eraseData: { confirm: 'ERASE' },
  requestVendorExport: {},
  requestVendorDeletion: {},
  restrictVendorProcessing: { restrictedPurposes: ['troubleshooting'] },
  previewCorrection: { reportId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d' },
  sendCorrection: { draftId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d', digest: 'a'.repeat(64) },
  retractReport: { reportId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d' },
  handOverReport: { draftId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d', digest: 'a'.repeat(64) },
  downloadHandOver: { reportId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d' },
  prepareRightsRequest: { kind: 'export' },
  acceptCollectorAnswer: { text: '{}' },
  getVendorExport: {}
};
