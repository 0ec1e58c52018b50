import { fetch as forgeFetch } from '@forge/api';
import { rightsRequest } from '@usage-reporting/core/node';
import { endorseNextKey, keyLinkSchema, type KeyChain, type KeyLink } from '@usage-reporting/core/node';
import { keyChainReceiptSchema, type KeyChainReceipt } from '@usage-reporting/core/collector-api';
import { keys } from '../store/keys.js';
import { readOrThrow, remove, write } from '../store/kvs-store.js';
import { sendSignedOnce, safeJson } from '../transport/collector-http.js';
import type { FetchLike } from '../transport/report-transport.js';
import { loadSigningIdentity, type SigningIdentity } from './identity.js';
import { nextKeyForRotation, pendingNextKey, promoteNextKey } from './signing-keys.js';

/**
 * Key rotation, crash-safe. The order makes every stop recoverable without losing the ability to sign:
 *   1. the new key pair is stored in secret storage, and the current key's endorsement of it (the new
 *      chain link) in plain storage, both before the collector hears of it, so a retry sends the very
 *      same link (a different one would contradict what the collector may already hold);
 *   2. the collector is sent the whole chain with the new link, signed by the NEW key (proof it is held);
 *   3. on success the link joins the stored chain, then the new key becomes current, then the pending
 *      link is forgotten. loadSigningIdentity finishes a stop between the first two of these.
 * A failure throws; the daily job (or the next request the collector does not recognise) tries again.
 */
export type RotationStep = 'rotated' | 'finished an interrupted rotation';

export const pendingKeyLink = async (): Promise<KeyLink | undefined> => readOrThrow(keys.pendingKeyLink, keyLinkSchema);

/**
 * `present: false` (manual delivery, no egress): the chain is kept on the site only, and every hand-over
 * file from then on carries it (manual/sign-hand-over.ts), so the collector learns it from the next file.
 */
export async function rotateSigningKey(now: Date, fetchImpl: FetchLike = forgeFetch, present = true): Promise<RotationStep> {
  const identity = await loadSigningIdentity(now);
  const pending = await pendingKeyLink();
  if (pending && pending.publicKey === identity.key.publicKey) {
    // Step 3 stopped after the key became current: only the pending link is left to tidy.
    await remove(keys.pendingKeyLink);
    return 'finished an interrupted rotation';
  }
  const next = await nextKeyForRotation();
  let link = pending;
  if (!link || link.publicKey !== next.publicKey || link.previousPublicKey !== identity.key.publicKey) {
    link = endorseNextKey({ installationId: identity.installationId, current: identity.key, nextPublicKey: next.publicKey, rotatedAt: now });
    await write(keys.pendingKeyLink, link);
  }
  const chain: KeyChain = { genesisPublicKey: identity.chain.genesisPublicKey, links: [...identity.chain.links, link] };
  if (present) await presentChain({ installationId: identity.installationId, key: next }, chain, fetchImpl);
  await write(keys.keyChain, { links: chain.links });
  await promoteNextKey(next);
  await remove(keys.pendingKeyLink);
  return pending ? 'finished an interrupted rotation' : 'rotated';
}

/**
 * Tells the collector every key this installation has used. Called when the collector does not
 * recognise the current key (it lost its copy of the chain, e.g. restored from an older backup), and
 * first finishes a rotation left pending, whose link the collector may already hold.
 */
export async function reassertKeyChain(now: Date, fetchImpl: FetchLike = forgeFetch): Promise<KeyChainReceipt> {
  if ((await pendingKeyLink()) !== undefined && (await pendingNextKey()) !== undefined) await rotateSigningKey(now, fetchImpl);
  const identity: SigningIdentity = await loadSigningIdentity(now);
  return presentChain(identity, identity.chain, fetchImpl);
}

async function presentChain(signer: { installationId: string; key: SigningIdentity['key'] }, chain: KeyChain, fetchImpl: FetchLike): Promise<KeyChainReceipt> {
  const answer = await sendSignedOnce(signer, (s) => rightsRequest({ ...s, action: { kind: 'present-key-chain', chain } }), fetchImpl);
  if (answer.kind === 'unreachable') throw new Error(`key chain: ${answer.reason}`);
  const parsed = keyChainReceiptSchema.safeParse(safeJson(answer.text));
  if (answer.status >= 200 && answer.status < 300 && parsed.success) return parsed.data;
  throw new Error(`key chain: the collector answered ${answer.status}${answer.code ? ` ${answer.code}` : ''}`);
}
