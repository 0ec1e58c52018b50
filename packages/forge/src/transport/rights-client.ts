import { fetch as forgeFetch } from '@forge/api';
import type { z } from 'zod';
import type { VerifiedAnswer } from '@usage-reporting/core/api';
import {
  deletionAcknowledgementSchema,
  installationExportSchema,
  restrictionsSchema,
  retractionAcknowledgementSchema,
  type DeletionAcknowledgement,
  type RetractionAcknowledgement,
  type InstallationExport,
  type RestrictablePurpose,
  type Restrictions
} from '@usage-reporting/core/collector-api';
import { rightsRequest, type CollectorPublicKey, type ExpectedAnswer, type RightsAction } from '@usage-reporting/core/node';
import { collectorKeyFrom } from '../delivery/options.js';
import { checkAnswer } from '../delivery/verify-answer.js';
import { safeJson } from './collector-http.js';
import type { FetchLike } from './report-transport.js';
import { sendSigned } from './signed-request.js';

/**
 * The app's side of the collector's per-installation rights API: export, delete and restrict what the
 * vendor holds. Every request is signed with the installation's key (packages/core/src/collector-api/http-signature.ts);
 * there is nothing to establish first, the key proves the installation by itself. Results come back
 * as values, classified like report sends.
 */
export type RightsOutcome<T> =
  /** `answer`: the collector's signed answer, verified against the configured collector key. */
  | { kind: 'ok'; value: T; answer: VerifiedAnswer }
  | { kind: 'retryable'; reason: string }
  | { kind: 'rejected'; reason: string };

export interface RightsClient {
  deleteData(): Promise<RightsOutcome<DeletionAcknowledgement>>;
  exportData(): Promise<RightsOutcome<InstallationExport>>;
  restrict(purposes: readonly RestrictablePurpose[]): Promise<RightsOutcome<Restrictions>>;
  /** Asks the vendor to delete one report this installation sent (the right to correct, by retraction). */
  retract(reportId: string): Promise<RightsOutcome<RetractionAcknowledgement>>;
}

export function collectorRightsClient(fetchImpl: FetchLike = forgeFetch, collectorKey: () => CollectorPublicKey = collectorKeyFrom(undefined)): RightsClient {
  const send = <S extends z.ZodType>(action: RightsAction, schema: S, expected: ExpectedAnswer) => sendRightsRequest(action, schema, fetchImpl, { key: collectorKey, expected });
  return {
    deleteData: () => send({ kind: 'delete' }, deletionAcknowledgementSchema, { kind: 'deletion-acknowledgement' }),
    exportData: () => send({ kind: 'export' }, installationExportSchema, { kind: 'installation-export' }),
    restrict: (purposes) => send({ kind: 'restrict', restrictedPurposes: purposes }, restrictionsSchema, { kind: 'restriction-acknowledgement' }),
    retract: (reportId) => send({ kind: 'retract', reportId }, retractionAcknowledgementSchema, { kind: 'retraction-acknowledgement', reportId })
  };
}

/**
 * Signs one rights request with the installation's current key, sends it and classifies the answer.
 * A success counts only once the collector's signed answer verifies and is about this installation.
 */
export async function sendRightsRequest<S extends z.ZodType>(
  action: RightsAction,
  schema: S,
  fetchImpl: FetchLike,
  verify: { key: () => CollectorPublicKey; expected: ExpectedAnswer }
): Promise<RightsOutcome<z.output<S>>> {
  const answer = await sendSigned((signer) => rightsRequest({ ...signer, action }), fetchImpl);
  if (answer.kind === 'unreachable') return { kind: 'retryable', reason: answer.reason };
  const { status, code } = answer;
  if (status >= 200 && status < 300) {
    const body = safeJson(answer.text);
    const parsed = schema.safeParse(body);
    // A success we cannot read is treated as not yet confirmed: the request is safe to repeat.
    if (!parsed.success) return { kind: 'retryable', reason: `collector answered ${status} with an unreadable body` };
    const signed: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'signedAnswer') : undefined;
    const check = checkAnswer(signed, verify.key(), { ...verify.expected, installationId: answer.installationId }, new Date());
    // Unproven is not done: asking again is safe, and verifies once the vendor's key is set right.
    if (!check.ok) return { kind: 'retryable', reason: `the collector's answer could not be verified: ${check.message}` };
    return { kind: 'ok', value: parsed.data, answer: check.verified };
  }
  // Expired or replayed signatures are fixed by signing again with a fresh time and nonce.
  if (code === 'SIGNATURE_EXPIRED' || code === 'SIGNATURE_REPLAYED') return { kind: 'retryable', reason: `collector: ${code}` };
  // Busy or broken collector: the request is fine, come back later.
  if (status === 429 || status >= 500) return { kind: 'retryable', reason: `collector answered ${status}${code ? ` ${code}` : ''}` };
  // Anything else (a key it still does not recognise after the chain was presented, another installation's data) fails the same way again.
  return { kind: 'rejected', reason: `collector refused the request (${status}${code ? ` ${code}` : ''})` };
}
