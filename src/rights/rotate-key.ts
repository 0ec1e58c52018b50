import { fetch as forgeFetch } from '@forge/api';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { establishKeyResponseSchema, type EstablishKeyResponse } from '../../shared/collector-api';
import type { EngineDeps } from '../engine/deps';
import { keys } from '../store/keys';
import { readParsed, write } from '../store/kvs-store';
import { ensureInstallation } from '../store/repositories';
import { installationSecret, nextSecretForRotation, pendingNextSecret, promoteNextSecret } from '../transport/installation-secret';
import type { FetchLike } from '../transport/report-transport';
import { sendRightsRequest } from '../transport/rights-client';

/**
 * How old the collector's key may get before the app replaces it. The collector stores a key that can
 * sign this installation's rights requests (signing.ts: HMAC is symmetric), so a copy of its store lets
 * someone export or delete this installation's data until the key changes. Rotating bounds that window;
 * 90 days is the common credential-rotation period, and a rotation costs one request, so it is cheap.
 */
export const keyRotationIntervalDays = 90;
const rotationIntervalMs = keyRotationIntervalDays * 24 * 60 * 60 * 1000;

/** What rights-client.ts writes when the collector establishes the key; rotation rewrites it, so it always says how old the key is. */
const keyFlagSchema = z.strictObject({ establishedAt: z.string() });

export type RotationResult =
  | 'no key established'
  | 'never shared'
  | 'not due'
  /** A fresh rotation went through. */
  | 'rotated'
  /** A rotation cut short earlier (the collector already switched, or promotion stopped half way) was finished. */
  | 'finished an interrupted rotation';

/**
 * Replaces the collector key when it is older than the interval, crash-safe. The order makes every
 * stop recoverable without losing the ability to sign:
 *   1. the new secret is stored under its own key, beside the current one;
 *   2. the collector is asked, with a request signed by the current secret, to switch to the new key;
 *   3. on 'rotated' (or 'unchanged': it already holds the new key) the new secret becomes current.
 * A stop before 2 or during 2 leaves the collector on the current key; a stop after it leaves the new
 * secret pending, and the next run sends the same rotation again, which the collector answers
 * 'unchanged' (it compares keys before it checks the signature), so the promotion is finished. A
 * pending rotation is finished whatever the key's age. A failure throws, and the daily job tries again.
 */
export async function rotateKeyIfDue(deps: EngineDeps, fetchImpl: FetchLike = forgeFetch): Promise<RotationResult> {
  const now = deps.now();
  const flag = await readParsed(keys.vendorKey, keyFlagSchema);
  if (!flag.ok || !flag.value) return 'no key established';
  const pending = await pendingNextSecret();
  if (!pending) {
    if (now.getTime() - Date.parse(flag.value.establishedAt) < rotationIntervalMs) return 'not due';
    // An installation that never shared has nothing at the collector a stolen key could reach but its key.
    if (!(await hasEverShared())) return 'never shared';
  }
  const { installationId } = await ensureInstallation(now);
  const next = pending ?? (await nextSecretForRotation());
  const answer = await requestRotation(installationId, await installationSecret(), next, fetchImpl);
  await promoteNextSecret(next);
  await write(keys.vendorKey, { establishedAt: answer.establishedAt });
  return pending ? 'finished an interrupted rotation' : 'rotated';
}

/** A receipt is written the moment the collector acknowledges a report, and kept until the site is erased. */
async function hasEverShared(): Promise<boolean> {
  const page = await kvs.query().where('key', { condition: 'BEGINS_WITH', values: [keys.receiptPrefix] }).limit(1).getMany();
  return page.results.length > 0;
}

async function requestRotation(installationId: string, current: Uint8Array, next: Uint8Array, fetchImpl: FetchLike): Promise<EstablishKeyResponse> {
  // Every success means the collector now holds the new key ('established' if it had lost the old one).
  const answer = await sendRightsRequest({ secret: current, installationId, action: { kind: 'rotate-key', newSecret: next } }, establishKeyResponseSchema, fetchImpl);
  if (answer.kind !== 'ok') throw new Error(`key rotation: ${answer.reason}`);
  return answer.value;
}
