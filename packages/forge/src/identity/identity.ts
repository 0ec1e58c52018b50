import { z } from 'zod';
import { keyFingerprint, type InstallationKeyPair } from '@usage-reporting/core/node';
import { keyLinkSchema, verifyKeyChain, type KeyChain } from '@usage-reporting/core/node';
import { keys } from '../store/keys.js';
import { readOrThrow } from '../store/kvs-store.js';
import type { Installation } from '../store/records.js';
import { ensureInstallation } from '../store/repositories.js';
import { pendingNextKey, promoteNextKey, readCurrentSigningKey } from './signing-keys.js';

/** Who this installation is, and the key it proves it with. */
export interface SigningIdentity {
  installationId: string;
  /** The key it signs with now: the head of `chain`. */
  key: InstallationKeyPair;
  chain: KeyChain;
  installedAt: string;
  installation: Installation;
}

export const storedKeyChainSchema = z.strictObject({ links: z.array(keyLinkSchema) });

export class IdentityError extends Error {
  override name = 'IdentityError';
}

/**
 * Loads the installation's identity, creating it on first use. If a rotation stopped after the new
 * key was written into the chain but before it became the current signing key, this finishes it: the
 * chain is the record of which key the collector was told about.
 */
export async function loadSigningIdentity(now: Date): Promise<SigningIdentity> {
  const installation = await ensureInstallation(now);
  // Read after the installation exists (creating it may create the first key), together with each other.
  const [stored, current] = await Promise.all([readOrThrow(keys.keyChain, storedKeyChainSchema), readCurrentSigningKey()]);
  const chain: KeyChain = { genesisPublicKey: installation.genesisPublicKey, links: stored?.links ?? [] };
  const check = verifyKeyChain(installation.installationId, chain);
  if (!check.ok) throw new IdentityError(`the stored key chain is not valid (${check.reason}); erase this site's data to start a new identity`);
  let key = current;
  if (key?.publicKey !== check.head) {
    const next = await pendingNextKey();
    if (next?.publicKey !== check.head) throw new IdentityError("the signing key in secret storage is not this installation's current key; erase this site's data to start a new identity");
    await promoteNextKey(next);
    key = next;
  }
  return { installationId: installation.installationId, key, chain, installedAt: installation.installedAt, installation };
}

/** What the admin is shown about the key: its fingerprint, never the key material. */
export const signingFingerprint = (identity: SigningIdentity): string => keyFingerprint(identity.key.publicKey);
