import { fail, ok, type Envelope } from '@usage-reporting/core/api';
import type { EraseOutput } from '@usage-reporting/core/api';
import { keys } from '../store/keys.js';
import { listEverything, removeMany } from '../store/kvs-store.js';
import { appendLedger } from '../store/repositories.js';
import { deleteSigningKeys } from '../identity/signing-keys.js';
import { readVendorDeletion } from './vendor-deletion.js';

/**
 * Erases everything the app stores on the site: every plain key, the installation's signing key and the
 * new key of a rotation in progress (packages/forge/src/identity/rotation.ts).
 * Afterwards the app is as if freshly installed (consent 'not-asked', nothing can be sent).
 *
 * What is deliberately left, and why:
 * - ONE ledger entry saying site data was erased, when, and how many keys, with NO account id. It holds
 *   nothing personal, and without it the next admin would find an empty history and a reset consent with
 *   no explanation; the ledger's promise ("every consent change is recorded") would silently break.
 * - If a vendor deletion request is still pending, the installation id, the signing keys (a rotation in
 *   progress may hold the one the collector accepts), the key chain and that request stay
 *   until the collector acknowledges it. Erasing them would orphan the request: with a new installation
 *   id and key the app could never again prove to the vendor which data is its own, so the
 *   vendor-held copy could no longer be deleted through the app. The daily job
 *   finishes the request; erase again afterwards to remove these last keys too.
 */
export async function eraseSiteData(now: Date): Promise<Envelope<EraseOutput>> {
  const pendingVendorDeletion = (await readVendorDeletion())?.status === 'pending';
  const kept = new Set<string>(pendingVendorDeletion ? [keys.installation, keys.vendorDeletion, keys.keyChain, keys.pendingKeyLink] : []);
  // Consent goes first: even an erase cut short leaves the site at 'not-asked', sending nothing.
  const targets = (await listEverything())
    .map((e) => e.key)
    .filter((k) => !kept.has(k))
    .sort((a, b) => Number(b === keys.consent) - Number(a === keys.consent));
  const failed = await removeMany(targets);
  const erasedSecrets = pendingVendorDeletion ? 0 : await deleteSigningKeys();
  if (failed.length > 0) {
    return fail('STORAGE', `${failed.length} of ${targets.length} stored items could not be erased; the rest are gone and sharing is reset. Erase again to finish.`);
  }
  const erased = targets.length + erasedSecrets;
  await appendLedger([
    { at: now.toISOString(), accountId: null, action: 'erase-site-data', changes: [{ path: 'siteData.storedKeys', from: targets.length, to: 0 }], formatVersion: 0 }
  ]);
  return ok({ erasedKeys: erased, erasedAt: now.toISOString() });
}
