import { fetch as forgeFetch } from '@forge/api';
import type { EngineDeps } from '../engine/deps.js';
import { loadSigningIdentity } from '../identity/identity.js';
import { pendingKeyLink, rotateSigningKey } from '../identity/rotation.js';
import { keys } from '../store/keys.js';
import { anyUnder } from '../store/kvs-store.js';
import type { FetchLike } from '../transport/report-transport.js';

/**
 * How old the installation's signing key may get before the app replaces it. The collector stores
 * public keys only, so its database cannot sign; rotation bounds what a key stolen from the site
 * itself (or from a backup of its secret storage) could do. 90 days is the common credential-rotation
 * period, and a rotation costs one request. The vendor cannot force it sooner.
 */
export const keyRotationIntervalDays = 90;
const rotationIntervalMs = keyRotationIntervalDays * 24 * 60 * 60 * 1000;

export type RotationResult =
  | 'never shared'
  | 'not due'
  /** A fresh rotation went through. */
  | 'rotated'
  /** A rotation cut short earlier (the collector already holds the new key, or promotion stopped half way) was finished. */
  | 'finished an interrupted rotation';

/**
 * Rotates the signing key when it is older than the interval (packages/forge/src/identity/rotation.ts says how it
 * stays crash-safe). A pending rotation is finished whatever the key's age. A failure throws, and the
 * daily job tries again.
 */
export async function rotateKeyIfDue(deps: EngineDeps, fetchImpl: FetchLike = forgeFetch): Promise<RotationResult> {
  const now = deps.now();
  if ((await pendingKeyLink()) === undefined) {
    const identity = await loadSigningIdentity(now);
    const lastLink = identity.chain.links[identity.chain.links.length - 1];
    const keySince = lastLink?.rotatedAt ?? identity.installedAt;
    if (now.getTime() - Date.parse(keySince) < rotationIntervalMs) return 'not due';
    // An installation that never shared has nothing at the collector a stolen key could reach.
    if (!(await hasEverShared())) return 'never shared';
  }
  return rotateSigningKey(now, fetchImpl, deps.delivery.mode === 'direct');
}

/** A receipt is written the moment the collector acknowledges a report, and kept until the site is erased. */
const hasEverShared = (): Promise<boolean> => anyUnder(keys.receiptPrefix);
