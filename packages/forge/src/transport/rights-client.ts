import { fetch as forgeFetch } from '@forge/api';
import type { z } from 'zod';
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
import { rightsRequest, type RightsAction } from '@usage-reporting/core/node';
import { safeJson } from './collector-http.js';
import type { FetchLike } from './report-transport.js';
import { sendSigned } from './signed-request.js';

/**
 * The app's side of the collector's per-installation rights API: export, delete and restrict what the
 * vendor holds. Every request is signed with the installation's key (packages/core/src/collector-api/http-signature.ts);
 * there is nothing to establish first, the key proves the installation by itself. Results come back
 * as values, classified like report sends.
 */
export type RightsOutcome<T> = { kind: 'ok'; value: T } | { kind: 'retryable'; reason: string } | { kind: 'rejected'; reason: string };

export interface RightsClient {
  deleteData(): Promise<RightsOutcome<DeletionAcknowledgement>>;
  exportData(): Promise<RightsOutcome<InstallationExport>>;
  restrict(purposes: readonly RestrictablePurpose[]): Promise<RightsOutcome<Restrictions>>;
  /** Asks the vendor to delete one report this installation sent (the right to correct, by retraction). */
  retract(reportId: string): Promise<RightsOutcome<RetractionAcknowledgement>>;
}

export function collectorRightsClient(fetchImpl: FetchLike = forgeFetch): RightsClient {
  return {
    deleteData: () => sendRightsRequest({ kind: 'delete' }, deletionAcknowledgementSchema, fetchImpl),
    exportData: () => sendRightsRequest({ kind: 'export' }, installationExportSchema, fetchImpl),
    restrict: (purposes) => sendRightsRequest({ kind: 'restrict', restrictedPurposes: purposes }, restrictionsSchema, fetchImpl),
    retract: (reportId) => sendRightsRequest({ kind: 'retract', reportId }, retractionAcknowledgementSchema, fetchImpl)
  };
}

/** Signs one rights request with the installation's current key, sends it and classifies the answer. */
export async function sendRightsRequest<S extends z.ZodType>(action: RightsAction, schema: S, fetchImpl: FetchLike = forgeFetch): Promise<RightsOutcome<z.output<S>>> {
  const answer = await sendSigned((signer) => rightsRequest({ ...signer, action }), fetchImpl);
  if (answer.kind === 'unreachable') return { kind: 'retryable', reason: answer.reason };
  const { status, code } = answer;
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(safeJson(answer.text));
    // A success we cannot read is treated as not yet confirmed: the request is safe to repeat.
    return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'retryable', reason: `collector answered ${status} with an unreadable body` };
  }
  // Expired or replayed signatures are fixed by signing again with a fresh time and nonce.
  if (code === 'SIGNATURE_EXPIRED' || code === 'SIGNATURE_REPLAYED') return { kind: 'retryable', reason: `collector: ${code}` };
  // Busy or broken collector: the request is fine, come back later.
  if (status === 429 || status >= 500) return { kind: 'retryable', reason: `collector answered ${status}${code ? ` ${code}` : ''}` };
  // Anything else (a key it still does not recognise after the chain was presented, another installation's data) fails the same way again.
  return { kind: 'rejected', reason: `collector refused the request (${status}${code ? ` ${code}` : ''})` };
}
