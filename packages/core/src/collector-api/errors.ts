import { z } from 'zod';

/**
 * Every error the collector returns has this body. Messages are written by the collector and never
 * echo a submitted value, so a client may show or log them as they are.
 */
export const collectorErrorCodes = [
  /** 400: the body is not JSON at all. Never retry. */
  'MALFORMED_JSON',
  /** 415: the content type is not application/json. Never retry. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** 413: the body exceeds the collector's size limit. Never retry the same bytes. */
  'PAYLOAD_TOO_LARGE',
  /** 400: JSON, but not a report (or request body) the schema accepts; `issues` says where. Never retry. */
  'SCHEMA_VIOLATION',
  /** 400: the report bytes are not its canonical JSON, so the digest the admin saw would not match. */
  'NOT_CANONICAL',
  /** 400: the `idempotency-key` header is absent. */
  'IDEMPOTENCY_KEY_MISSING',
  /** 400: the `idempotency-key` header differs from the body's reportId. */
  'IDEMPOTENCY_KEY_MISMATCH',
  /** 409: this reportId was already received with different bytes. Never retry. */
  'IDEMPOTENCY_CONFLICT',
  /** 429: too many requests for this installation; retry after `retry-after` seconds. */
  'RATE_LIMITED',
  /** 401: unsigned, malformed or wrongly signed, or signed by a key that does not speak for the installation. One fixed message whatever the cause. */
  'UNAUTHENTICATED',
  /** 401: the signed timestamp is outside the accepted window. Re-sign with a fresh timestamp. */
  'SIGNATURE_EXPIRED',
  /** 401: this nonce was already used: a captured request cannot be replayed. Re-sign with a fresh nonce. */
  'SIGNATURE_REPLAYED',
  /** 403: a correctly signed request for another installation's data. */
  'FORBIDDEN',
  /** 409: the presented key chain diverges from, or is shorter than, the chain the collector holds. Never retry the same chain. */
  'KEY_CHAIN_CONFLICT',
  /** 422: the report holds a value or withheld key that looks like a host, email, id or token; `issues` name the path and kind, never the value. */
  'PRIVACY_VIOLATION',
  /** 404: no such route. */
  'NOT_FOUND',
  /** 404: the named report is not one this installation sent (never sent, or another installation's): the answer is the same either way. */
  'REPORT_NOT_FOUND',
  /** 409: the named report was already replaced by a correction; correct or retract the newest one instead. */
  'REPORT_SUPERSEDED',
  /** 400: an uploaded hand-over file (hand-over.ts) is not JSON, not a hand-over file, damaged, or of a version the collector does not read. */
  'HAND_OVER_UNREADABLE',
  /** 400: a hand-over file whose parts disagree (its kind or installation is not its request's), or a collector answer uploaded instead of a request. */
  'HAND_OVER_WRONG_KIND',
  /** 500: the collector failed; retry later. */
  'INTERNAL'
] as const;

export const collectorErrorCodeSchema = z.enum(collectorErrorCodes);
export type CollectorErrorCode = z.infer<typeof collectorErrorCodeSchema>;

/** One schema problem: where (a JSON path of schema-known keys) and what rule failed. */
export const schemaIssueSchema = z.strictObject({ path: z.string(), message: z.string() });
export type SchemaIssue = z.infer<typeof schemaIssueSchema>;

export const collectorErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: collectorErrorCodeSchema,
    message: z.string(),
    issues: z.array(schemaIssueSchema).optional()
  })
});
export type CollectorErrorBody = z.infer<typeof collectorErrorBodySchema>;

/**
 * How the app's sender treats a status. 400/409/413/415/422: the request itself is wrong, a retry sends
 * the same bytes and fails the same way. 429 and 5xx: the collector is busy or broken, the bytes are fine.
 */
export const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;
