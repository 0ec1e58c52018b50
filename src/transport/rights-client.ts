import { randomBytes } from 'node:crypto';
import { fetch as forgeFetch } from '@forge/api';
import { z } from 'zod';
import {
  collectorErrorBodySchema,
  deletionAcknowledgementSchema,
  establishKeyResponseSchema,
  installationExportSchema,
  restrictionsSchema,
  type DeletionAcknowledgement,
  type InstallationExport,
  type RestrictablePurpose,
  type Restrictions
} from '../../shared/collector-api';
import { rightsRequest, type RightsAction } from '../../shared/collector-api/client';
import { keys } from '../store/keys';
import { readParsed, write } from '../store/kvs-store';
import { collectorAddress } from './collector-address';
import { installationSecret } from './installation-secret';
import { networkReason, requestTimeoutMs, type FetchLike } from './report-transport';

/**
 * The app's side of the collector's per-installation rights API: export, delete and restrict what the
 * vendor holds. Requests are HMAC-signed with the installation secret; the key derived from it is
 * established on first contact. Results come back as values, classified like report sends.
 */
export type RightsOutcome<T> = { kind: 'ok'; value: T } | { kind: 'retryable'; reason: string } | { kind: 'rejected'; reason: string };

export interface RightsClient {
  deleteData(): Promise<RightsOutcome<DeletionAcknowledgement>>;
  exportData(): Promise<RightsOutcome<InstallationExport>>;
  restrict(purposes: readonly RestrictablePurpose[]): Promise<RightsOutcome<Restrictions>>;
}

const keyFlagSchema = z.strictObject({ establishedAt: z.string() });

export function collectorRightsClient(installationId: string, fetchImpl: FetchLike = forgeFetch): RightsClient {
  async function call<S extends z.ZodType>(action: RightsAction, schema: S): Promise<RightsOutcome<z.output<S>>> {
    const secret = await installationSecret();
    return sendRightsRequest({ secret, installationId, action }, schema, fetchImpl);
  }

  async function ensureKey(): Promise<RightsOutcome<true>> {
    const flag = await readParsed(keys.vendorKey, keyFlagSchema);
    if (flag.ok && flag.value) return { kind: 'ok', value: true };
    const established = await call({ kind: 'establish-key' }, establishKeyResponseSchema);
    if (established.kind !== 'ok') return established;
    await write(keys.vendorKey, { establishedAt: established.value.establishedAt });
    return { kind: 'ok', value: true };
  }

  const withKey = async <T>(run: () => Promise<RightsOutcome<T>>): Promise<RightsOutcome<T>> => {
    const key = await ensureKey();
    return key.kind === 'ok' ? run() : key;
  };

  return {
    deleteData: () => withKey(() => call({ kind: 'delete' }, deletionAcknowledgementSchema)),
    exportData: () => withKey(() => call({ kind: 'export' }, installationExportSchema)),
    restrict: (purposes) => withKey(() => call({ kind: 'restrict', restrictedPurposes: purposes }, restrictionsSchema))
  };
}

/**
 * Signs one rights request with the given secret, sends it to the manifest's collector and classifies
 * the answer. Exported for key rotation, which signs with the current secret but must not go through
 * ensureKey.
 */
export async function sendRightsRequest<S extends z.ZodType>(
  request: { secret: Uint8Array; installationId: string; action: RightsAction },
  schema: S,
  fetchImpl: FetchLike = forgeFetch
): Promise<RightsOutcome<z.output<S>>> {
  const address = collectorAddress();
  if (!address.ok) return { kind: 'retryable', reason: `collector address unavailable: ${address.reason}` };
  const req = rightsRequest({ ...request, now: new Date(), nonce: randomBytes(16).toString('base64url') });
  let res: { status: number; text(): Promise<string> };
  try {
    res = await fetchImpl(`${address.baseUrl}${req.path}`, {
      method: req.method,
      headers: req.headers,
      ...(req.body === '' ? {} : { body: req.body }),
      signal: AbortSignal.timeout(requestTimeoutMs())
    });
  } catch (error) {
    return { kind: 'retryable', reason: networkReason(error) };
  }
  const text = await res.text().catch(() => '');
  const body = safeJson(text);
  if (res.status >= 200 && res.status < 300) {
    const parsed = schema.safeParse(body);
    // A success we cannot read is treated as not yet confirmed: the request is safe to repeat.
    return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'retryable', reason: `collector answered ${res.status} with an unreadable body` };
  }
  const err = collectorErrorBodySchema.safeParse(body);
  const code = err.success ? err.data.error.code : undefined;
  // Expired or replayed signatures are fixed by signing again with a fresh timestamp and nonce.
  if (code === 'SIGNATURE_EXPIRED' || code === 'SIGNATURE_REPLAYED') return { kind: 'retryable', reason: `collector: ${code}` };
  // Busy or broken collector: the request is fine, come back later.
  if (res.status === 429 || res.status >= 500) return { kind: 'retryable', reason: `collector answered ${res.status}${code ? ` ${code}` : ''}` };
  // Anything else (bad signature, other installation, conflicting key) will fail the same way again.
  return { kind: 'rejected', reason: `collector refused the request (${res.status}${code ? ` ${code}` : ''})` };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
