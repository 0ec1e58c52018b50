import { fetch as forgeFetch, getAppContext } from '@forge/api';
import { collectorErrorBodySchema, idempotencyKeyHeader, ingestPath, receiptSchema, type Receipt } from '../../shared/collector-api';
import { collectorAddress } from './collector-address';

/**
 * The sender, injectable: it takes the exact report text and returns what happened as a value.
 * `retryable` goes back to the outbox; `rejected` never will succeed with these bytes.
 */
export type SendOutcome =
  | { kind: 'sent'; receipt: Receipt }
  | { kind: 'retryable'; reason: string }
  | { kind: 'rejected'; reason: string };

export interface ReportTransport {
  send(text: string, reportId: string): Promise<SendOutcome>;
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

export function collectorTransport(fetchImpl: FetchLike = forgeFetch, timeoutMs: () => number = requestTimeoutMs): ReportTransport {
  return {
    async send(text, reportId) {
      const address = collectorAddress();
      // A missing or ambiguous manifest entry is a packaging error; retrying later may meet a fixed deployment.
      if (!address.ok) return { kind: 'retryable', reason: `collector address unavailable: ${address.reason}` };
      let res: { status: number; text(): Promise<string> };
      try {
        res = await fetchImpl(`${address.baseUrl}${ingestPath}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [idempotencyKeyHeader]: reportId },
          body: text,
          signal: AbortSignal.timeout(timeoutMs())
        });
      } catch (error) {
        // Timeout, DNS, reset: the collector may or may not have the report; the same reportId makes a retry safe.
        return { kind: 'retryable', reason: networkReason(error) };
      }
      return classify(res.status, await res.text().catch(() => ''), reportId);
    }
  };
}

export function classify(status: number, body: string, reportId: string): SendOutcome {
  if (status === 200 || status === 201) {
    // 201 stored now; 200 a replay answered with the original receipt. Both mean the collector has it.
    const receipt = receiptSchema.safeParse(safeJson(body));
    if (receipt.success && receipt.data.reportId === reportId) return { kind: 'sent', receipt: receipt.data };
    // Accepted, but the receipt is unreadable: ask again later, the replay returns the original receipt.
    return { kind: 'retryable', reason: `collector answered ${status} without a valid receipt` };
  }
  const code = collectorErrorBodySchema.safeParse(safeJson(body));
  const named = code.success ? ` ${code.data.error.code}` : '';
  // Rate limited: the bytes are fine, the collector wants us to come back later.
  if (status === 429) return { kind: 'retryable', reason: `collector rate-limited (429${named})` };
  // Server-side failure: nothing wrong with the report, try again on a later run.
  if (status >= 500) return { kind: 'retryable', reason: `collector failed (${status}${named})` };
  // Too large: the same bytes will always be too large.
  if (status === 413) return { kind: 'rejected', reason: `collector refused the size (413${named})` };
  // Malformed, not canonical, conflicting id: resending identical bytes fails identically.
  if (status === 400 || status === 409 || status === 415) return { kind: 'rejected', reason: `collector rejected the report (${status}${named})` };
  // Redirects, auth or routing errors (3xx/401/403/404): a deployment problem on the vendor side, not this report's fault.
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
