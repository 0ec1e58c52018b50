import type { FastifyRequest } from 'fastify';
import { idempotencyKeyHeader } from '@usage-reporting/core/collector-api';
import { isCanonicalJsonOf } from '@usage-reporting/core';
import type { Report } from '@usage-reporting/core';
import type { Signer } from './authenticate.js';
import { failure, type Failure } from './errors.js';
import { isJsonContentType, rawBody, type CollectorContext } from './context.js';
import { validateReport } from './validate-report.js';

/** `digest`: sha256Hex of `bytes`, from the signature check's hashing of the same body (Signer.bodyDigest). */
export type ReadReport = { ok: true; report: Report; bytes: string; digest: string } | { ok: false; failure: Failure };

/**
 * A signed request's body as a report, with every check ingest applies (ingest.ts), in the same order
 * and with the same answers: content type, idempotency key, JSON, the report schema and privacy guard
 * (validateReport), the signer's own installation, canonical bytes, key = reportId. Writes nothing.
 */
export function readReport(request: FastifyRequest, ctx: CollectorContext, signer: Signer): ReadReport {
  if (!isJsonContentType(request.headers['content-type'])) {
    return { ok: false, failure: failure('UNSUPPORTED_MEDIA_TYPE', 'Send the report as content-type application/json.') };
  }
  const key = request.headers[idempotencyKeyHeader];
  if (typeof key !== 'string' || key === '') {
    return { ok: false, failure: failure('IDEMPOTENCY_KEY_MISSING', `Send the report's reportId in the ${idempotencyKeyHeader} header.`) };
  }
  const bytes = rawBody(request.body);
  let json: unknown;
  try {
    json = JSON.parse(bytes);
  } catch {
    return { ok: false, failure: failure('MALFORMED_JSON', 'The body is not valid JSON.') };
  }
  const valid = validateReport(json, ctx.catalog);
  if (!valid.ok) return valid;
  const report = valid.report;
  if (report.installationId !== signer.installationId) {
    return { ok: false, failure: failure('FORBIDDEN', 'An installation may only send reports under its own installation id.') };
  }
  // The stored bytes must be the ones the admin previewed; only canonical JSON has one spelling.
  if (!isCanonicalJsonOf(json, bytes)) {
    return { ok: false, failure: failure('NOT_CANONICAL', 'The body is not the canonical JSON of the report (sorted keys, no whitespace).') };
  }
  if (key !== report.reportId) {
    return { ok: false, failure: failure('IDEMPOTENCY_KEY_MISMATCH', `The ${idempotencyKeyHeader} header differs from the body's reportId.`) };
  }
  return { ok: true, report, bytes, digest: signer.bodyDigest };
}
