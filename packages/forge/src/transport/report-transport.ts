import { fetch as forgeFetch, getAppContext } from '@forge/api';
import type { VerifiedAnswer } from '@usage-reporting/core/api';
import { collectorErrorBodySchema, correctionReceiptSchema, receiptSchema, type Receipt, type SignedCollectorAnswer } from '@usage-reporting/core/collector-api';
import { correctionRequest, reportRequest, type CollectorPublicKey } from '@usage-reporting/core/node';
import { keyFingerprint } from '@usage-reporting/core/node';
import type { SentSignature } from '@usage-reporting/core';
import { collectorKeyFrom } from '../delivery/options.js';
import { checkAnswer } from '../delivery/verify-answer.js';
import { sendSigned } from './signed-request.js';

/**
 * The sender, injectable: it takes the exact report text and returns what happened as a value.
 * `retryable` goes back to the outbox; `rejected` never will succeed with these bytes.
 */
export type SendOutcome =
  /**
   * `signature` is what travelled in the headers beside the bytes, for history to show; `answer` is the
   * collector's signed receipt, verified against the configured collector key: 'sent' is proof, not a claim.
   */
  | { kind: 'sent'; receipt: Receipt; signature?: SentSignature; answer: VerifiedAnswer }
  | { kind: 'retryable'; reason: string }
  | { kind: 'rejected'; reason: string };

export interface ReportTransport {
  /** `supersedes`: this report corrects that earlier one (sent to the correction endpoint instead of ingest). */
  send(text: string, reportId: string, options?: { supersedes?: string }): Promise<SendOutcome>;
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

/** Time left in this invocation before Forge kills it; outside an invocation (a unit test), a full budget. */
export function remainingInvocationMs(): number {
  try {
    return getAppContext().invocationRemainingTimeInMillis();
  } catch {
    return 25_000;
  }
}

/** Leaves room inside Forge's invocation limit to record the outcome after the request. */
export function requestTimeoutMs(): number {
  return Math.max(500, Math.min(10_000, remainingInvocationMs() - 3_000));
}

export function collectorTransport(
  fetchImpl: FetchLike = forgeFetch,
  timeoutMs: () => number = requestTimeoutMs,
  collectorKey: () => CollectorPublicKey = collectorKeyFrom(undefined)
): ReportTransport {
  return {
    async send(text, reportId, options = {}) {
      const { supersedes } = options;
      // The same reportId makes a retry after a timeout safe: the collector answers with the original receipt.
      const answer = await sendSigned(
        (signer) =>
          supersedes === undefined ? reportRequest({ ...signer, reportText: text, reportId }) : correctionRequest({ ...signer, reportText: text, reportId, supersedes }),
        withTimeout(fetchImpl, timeoutMs)
      );
      if (answer.kind === 'unreachable') return { kind: 'retryable', reason: answer.reason };
      const outcome = classify(answer.status, answer.text, reportId, supersedes);
      if (outcome.kind !== 'sent') return outcome;
      const expected = { kind: 'report-receipt' as const, installationId: answer.installationId, reportId, digest: outcome.receipt.digest };
      const check = checkAnswer(outcome.signedAnswer, collectorKey(), expected, new Date());
      // The collector most likely holds the bytes, but nothing proves it: keep the report queued. A
      // retry gets the original receipt again, which verifies once the vendor's key is set right.
      if (!check.ok) return { kind: 'retryable', reason: `the collector's receipt could not be verified: ${check.message}` };
      if (check.payload.kind !== 'report-receipt' || check.payload.supersedes !== (supersedes ?? null)) {
        return { kind: 'retryable', reason: "the collector's signed receipt is not about this correction" };
      }
      const signature: SentSignature = {
        keyFingerprint: keyFingerprint(answer.signerPublicKey),
        signatureInput: answer.sent.headers['signature-input'] ?? '',
        signature: answer.sent.headers['signature'] ?? '',
        contentDigest: answer.sent.headers['content-digest'] ?? ''
      };
      return { kind: 'sent', receipt: outcome.receipt, signature, answer: check.verified };
    }
  };
}

/** The transport's timeout, applied whatever signal the signed sender passes. */
function withTimeout(fetchImpl: FetchLike, timeoutMs: () => number): FetchLike {
  return (url, init) => fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs()) });
}

/** What the status and body say, before the receipt's signature is checked (collectorTransport does that). */
export type Classified =
  | { kind: 'sent'; receipt: Receipt; signedAnswer: SignedCollectorAnswer | undefined }
  | { kind: 'retryable'; reason: string }
  | { kind: 'rejected'; reason: string };

export function classify(status: number, body: string, reportId: string, supersedes?: string): Classified {
  if (status === 200 || status === 201) {
    // 201 stored now; 200 a replay answered with the original receipt. Both mean the collector has it.
    const receipt = (supersedes === undefined ? receiptSchema : correctionReceiptSchema).safeParse(safeJson(body));
    if (receipt.success && receipt.data.reportId === reportId && (supersedes === undefined || Reflect.get(receipt.data, 'supersedes') === supersedes)) {
      const { reportId: id, receiptId, receivedAt, digest, duplicate, signedAnswer } = receipt.data;
      return { kind: 'sent', receipt: { reportId: id, receiptId, receivedAt, digest, duplicate }, signedAnswer };
    }
    // Accepted, but the receipt is unreadable: ask again later, the replay returns the original receipt.
    return { kind: 'retryable', reason: `collector answered ${status} without a valid receipt` };
  }
  const code = collectorErrorBodySchema.safeParse(safeJson(body));
  const named = code.success ? ` ${code.data.error.code}` : '';
  // Rate limited: the bytes are fine, the collector wants us to come back later.
  if (status === 429) return { kind: 'retryable', reason: `collector rate-limited (429${named})` };
  // Server-side failure: nothing wrong with the report, try again on a later run.
  if (status >= 500) return { kind: 'retryable', reason: `collector failed (${status}${named})` };
  // The collector's own privacy guard refused the content: the same bytes will be refused again.
  if (status === 422) return { kind: 'rejected', reason: `collector refused the content (422${named})` };
  // A correction naming a report the collector does not hold for us, or one already replaced: asking again cannot change that.
  if (supersedes !== undefined && code.success && (code.data.error.code === 'REPORT_NOT_FOUND' || code.data.error.code === 'REPORT_SUPERSEDED')) {
    return { kind: 'rejected', reason: `collector refused the correction (${status}${named})` };
  }
  // Too large: the same bytes will always be too large.
  if (status === 413) return { kind: 'rejected', reason: `collector refused the size (413${named})` };
  // Malformed, not canonical, conflicting id: resending identical bytes fails identically.
  if (status === 400 || status === 409 || status === 415) return { kind: 'rejected', reason: `collector rejected the report (${status}${named})` };
  // Redirects, auth or routing errors (3xx/401/403/404): a deployment or key problem (the key chain is
  // re-presented on 401 before this), not this report's fault; a later run may succeed.
  return { kind: 'retryable', reason: `unexpected collector status ${status}` };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An abort reason is a DOMException, which is not an Error in every realm: read its name directly. */
/** Plain words for history and the page; the error's name stays in brackets for support. */
export function networkReason(error: unknown): string {
  const name = errorName(error);
  return name === 'TimeoutError' ? `the collector did not answer in time (${name})` : `the collector could not be reached (${name})`;
}

export function errorName(error: unknown): string {
  const name: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'name') : undefined;
  return typeof name === 'string' && name !== '' ? name : 'error';
}
