import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { keyFingerprint } from '@usage-reporting/core/node';
import { keyChainSchema, verifyKeyChain, type KeyChain, type KeyLink } from '@usage-reporting/core/node';
import { routePatterns } from '@usage-reporting/core/collector-api';
import type { KeyChainReceipt } from '@usage-reporting/core/collector-api';
import { unauthenticated, verifySignature, type Verified } from './authenticate.js';
import { failure, sendFailure } from './errors.js';
import { type CollectorContext } from './context.js';
import { admitSigned, parseBody } from './admit.js';

export const presentKeyChainRequestSchema = z.strictObject({ chain: keyChainSchema });
/** 256 links of about 300 bytes each, with room to spare; a longer body cannot hold a valid chain. */
const keyChainBodyLimit = 96 * 1024;

const conflict = failure('KEY_CHAIN_CONFLICT', 'The presented key chain does not continue the chain held for this installation.');

export type ChainMerge = { outcome: KeyChainReceipt['outcome']; newLinks: KeyLink[] } | { outcome: 'conflict' };

const sameLink = (a: KeyLink, b: KeyLink) =>
  a.previousPublicKey === b.previousPublicKey && a.publicKey === b.publicKey && a.rotatedAt === b.rotatedAt && a.endorsement === b.endorsement;

/**
 * What a presented chain does to the held one: the held chain must be a prefix of it. A shorter or
 * diverging chain is a conflict, never a replacement: taking it would let a key the installation
 * rotated away from (a leaked old key, a crashed rotation's orphan) fork the identity.
 */
export function mergeKeyChain(held: KeyChain | null, presented: KeyChain): ChainMerge {
  if (!held) return { outcome: 'recorded', newLinks: presented.links };
  if (held.genesisPublicKey !== presented.genesisPublicKey || presented.links.length < held.links.length) return { outcome: 'conflict' };
  for (const [i, link] of held.links.entries()) {
    const other = presented.links[i];
    if (!other || !sameLink(link, other)) return { outcome: 'conflict' };
  }
  const newLinks = presented.links.slice(held.links.length);
  return { outcome: newLinks.length === 0 ? 'unchanged' : 'extended', newLinks };
}

/**
 * On this route the presented chain is the credential: the signer must be its newest key, and it must
 * verify from the id the signer names. So the body is read after the signature verified and before the
 * key is accepted; a body that is no such chain proves nothing and gets the same 401 as a bad signature.
 */
async function authenticateByChain(request: FastifyRequest, ctx: CollectorContext): Promise<Verified & { chain?: KeyChain }> {
  const verified = await verifySignature(request, ctx);
  if (!verified.ok) return verified;
  const body = parseBody(request, presentKeyChainRequestSchema);
  if (!body.ok) return { ok: false, failure: unauthenticated };
  const check = verifyKeyChain(verified.signer.installationId, body.value.chain);
  if (!check.ok || check.head !== verified.signer.publicKey) return { ok: false, failure: unauthenticated };
  // A retired key (or a fork's) proves it once belonged to the installation, not that it speaks for it
  // now: refused before its nonce is recorded, so it leaves no trace.
  const held = await ctx.store.keyChainOf(verified.signer.installationId);
  if (mergeKeyChain(held?.chain ?? null, body.value.chain).outcome === 'conflict') return { ok: false, failure: conflict };
  return { ...verified, chain: body.value.chain };
}

export function registerKeyChain(app: FastifyInstance, ctx: CollectorContext): void {
  app.put(routePatterns.installationKey, { bodyLimit: keyChainBodyLimit }, async (request, reply) => {
    let chain: KeyChain | undefined;
    const signer = await admitSigned(request, reply, ctx, async (r) => {
      const auth = await authenticateByChain(r, ctx);
      chain = auth.chain;
      return auth;
    });
    if (!signer || !chain) return reply;
    const { installationId } = signer;
    // Compare and append in the store's transaction; a concurrent presentation makes us look again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const held = await ctx.store.keyChainOf(installationId);
      const merge = mergeKeyChain(held?.chain ?? null, chain);
      if (merge.outcome === 'conflict') break;
      const respond = () =>
        reply.code(200).send({
          installationId,
          outcome: merge.outcome,
          keys: chain ? chain.links.length + 1 : 1,
          headFingerprint: keyFingerprint(signer.publicKey)
        } satisfies KeyChainReceipt);
      if (merge.outcome === 'unchanged') return respond();
      const expectedKeys = held ? held.chain.links.length + 1 : 0;
      const appended = await ctx.store.appendKeyLinks(installationId, { genesisPublicKey: chain.genesisPublicKey, expectedKeys, links: merge.newLinks, recordedAt: ctx.now().toISOString() });
      if (appended) return respond();
    }
    return sendFailure(reply, conflict);
  });
}
