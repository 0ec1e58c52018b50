import { z } from 'zod';
import { installationIdOf, rawKeySchema, rawSignatureSchema, signWith, verifyWith, type InstallationKeyPair } from './identity.js';

/**
 * Key rotation as a chain of endorsements (backend and collector only: node:crypto).
 *
 * The installation id stays the hash of the genesis key for life; each later key is endorsed by the
 * key before it. Anyone holding the chain can check it from the id alone, so the collector keeps the
 * chain, not a trusted "current key" it could be talked into replacing: only the holder of the current
 * private key can extend it, and a stolen copy of the collector's database holds no private key.
 *
 * An endorsement signs this text (one field per line, no trailing newline):
 *   usage-reporting/key-rotation/v1
 *   <installation id>
 *   <previous public key>
 *   <next public key>
 *   <rotatedAt, ISO-8601 UTC>
 */
export const keyRotationStatementTag = 'usage-reporting/key-rotation/v1';
/** 90-day rotation for 60 years; a longer chain is not one this app made. */
export const maxKeyChainLinks = 256;

export const keyLinkSchema = z.strictObject({
  previousPublicKey: rawKeySchema,
  publicKey: rawKeySchema,
  rotatedAt: z.iso.datetime(),
  /** Ed25519 signature by `previousPublicKey` over the statement above. */
  endorsement: rawSignatureSchema
});
export type KeyLink = z.infer<typeof keyLinkSchema>;

export const keyChainSchema = z.strictObject({
  genesisPublicKey: rawKeySchema,
  links: z.array(keyLinkSchema).max(maxKeyChainLinks)
});
export type KeyChain = z.infer<typeof keyChainSchema>;

const statement = (installationId: string, previousPublicKey: string, publicKey: string, rotatedAt: string): string =>
  [keyRotationStatementTag, installationId, previousPublicKey, publicKey, rotatedAt].join('\n');

/** The current key endorses its successor. */
export function endorseNextKey(args: { installationId: string; current: InstallationKeyPair; nextPublicKey: string; rotatedAt: Date }): KeyLink {
  const rotatedAt = args.rotatedAt.toISOString();
  return {
    previousPublicKey: args.current.publicKey,
    publicKey: args.nextPublicKey,
    rotatedAt,
    endorsement: signWith(args.current, statement(args.installationId, args.current.publicKey, args.nextPublicKey, rotatedAt))
  };
}

export type ChainCheck = { ok: true; keys: string[]; head: string } | { ok: false; reason: string };

/**
 * Checks that the chain starts at the key the id certifies and that each link is endorsed by the key
 * before it. Returns every key in order, genesis first. Never throws on bad input.
 */
export function verifyKeyChain(installationId: string, chain: KeyChain): ChainCheck {
  if (installationIdOf(chain.genesisPublicKey) !== installationId) return { ok: false, reason: 'the genesis key does not certify this installation id' };
  const keys = [chain.genesisPublicKey];
  for (const [index, link] of chain.links.entries()) {
    const previous = keys[keys.length - 1] ?? '';
    if (link.previousPublicKey !== previous) return { ok: false, reason: `link ${index} does not continue from the key before it` };
    if (keys.includes(link.publicKey)) return { ok: false, reason: `link ${index} reuses an earlier key` };
    if (!verifyWith(previous, statement(installationId, previous, link.publicKey, link.rotatedAt), link.endorsement)) {
      return { ok: false, reason: `link ${index} is not endorsed by the key before it` };
    }
    keys.push(link.publicKey);
  }
  return { ok: true, keys, head: keys[keys.length - 1] ?? chain.genesisPublicKey };
}
