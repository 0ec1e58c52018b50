import { ok, type Envelope } from '@usage-reporting/core/api';
import type { DocumentOutput } from '@usage-reporting/core/api';
import { secretKeys } from '../store/keys.js';
import { listEverything, storageKey } from '../store/kvs-store.js';

/** What the export says about the data it leaves out, so the document is complete about itself. */
export const notExported = [
  {
    key: secretKeys.signingKey,
    storage: 'KVS secret storage',
    why: "The private half of this installation's signing key, which proves to the vendor that requests come from this site; exporting it would let anyone holding the file act for this site. Its public half is in the export (usage-reporting:installation and usage-reporting:identity:key-chain)."
  }
] as const;

/** Everything the app stores on the site, as ONE JSON document, key by key with the stored values. */
export async function exportSiteData(now: Date): Promise<Envelope<DocumentOutput>> {
  // Under the keys as stored (with the toolkit's namespace), so the document matches the site's storage.
  const entries = (await listEverything()).map((e) => ({ key: storageKey(e.key), value: e.value })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const document = {
    format: 'usage-reporting-site-export/1',
    exportedAt: now.toISOString(),
    keyCount: entries.length,
    entries,
    notIncluded: notExported
  };
  return ok({ fileName: `usage-reporting-site-data-${now.toISOString().slice(0, 10)}.json`, json: JSON.stringify(document, null, 2) });
}
