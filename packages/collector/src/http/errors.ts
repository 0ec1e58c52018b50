import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { CollectorErrorBody, CollectorErrorCode, SchemaIssue } from '@usage-reporting/core/collector-api';
import type { Catalog } from '@usage-reporting/core';

export const statusOf: Record<CollectorErrorCode, number> = {
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  SCHEMA_VIOLATION: 400,
  NOT_CANONICAL: 400,
  IDEMPOTENCY_KEY_MISSING: 400,
  IDEMPOTENCY_KEY_MISMATCH: 400,
  IDEMPOTENCY_CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAUTHENTICATED: 401,
  SIGNATURE_EXPIRED: 401,
  SIGNATURE_REPLAYED: 401,
  FORBIDDEN: 403,
  KEY_CHAIN_CONFLICT: 409,
  REPORT_NOT_FOUND: 404,
  REPORT_SUPERSEDED: 409,
  PRIVACY_VIOLATION: 422,
  NOT_FOUND: 404,
  HAND_OVER_UNREADABLE: 400,
  HAND_OVER_WRONG_KIND: 400,
  INTERNAL: 500
};

export interface Failure {
  code: CollectorErrorCode;
  message: string;
  issues?: SchemaIssue[];
}

export const failure = (code: CollectorErrorCode, message: string, issues?: SchemaIssue[]): Failure => ({ code, message, ...(issues ? { issues } : {}) });

export function sendFailure(reply: FastifyReply, f: Failure): FastifyReply {
  const body: CollectorErrorBody = { error: f };
  return reply.code(statusOf[f.code]).header('cache-control', 'no-store').send(body);
}

/**
 * Path segments the schemas themselves define: the request formats' own keys, and the field keys of
 * the catalog the collector validates with. A submitted key outside these is never echoed: it is
 * data the sender chose, and an error body must not carry submitted data back (or into a log).
 */
const formatSegments = new Set<string>([
  'fields', 'format', 'generatedAt', 'installationId', 'period', 'from', 'to', 'purposes', 'reportId', 'withheld', 'key', 'reason',
  'chain', 'genesisPublicKey', 'links', 'previousPublicKey', 'publicKey', 'rotatedAt', 'endorsement', 'restrictedPurposes'
]);

const isKnownSegment = (segment: string, catalog: Catalog | undefined): boolean => formatSegments.has(segment) || (catalog?.byKey.has(segment) ?? false);

const describePath = (path: readonly PropertyKey[], catalog: Catalog | undefined): string =>
  path.length === 0
    ? '(root)'
    : path.map((s) => (typeof s === 'number' ? `[${s}]` : typeof s === 'string' && isKnownSegment(s, catalog) ? s : '<key>')).join('.').replace(/\.\[/g, '[');

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/**
 * zod issues rewritten by the collector: where, and which rule failed, in words built only from the
 * schema (expected types, allowed members, limits) and the KIND of what was received, never its value.
 * `catalog`: for a report, the catalog it was checked against, whose field keys may then be named.
 */
export function safeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, catalog?: Catalog): SchemaIssue[] {
  return issues.slice(0, 20).map((issue) => ({ path: describePath(issue.path, catalog), message: describeIssue(issue, input) }));
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(input, issue.path);
      return got === undefined ? `required ${issue.expected} is missing` : `expected ${issue.expected}, received ${kindOf(got)}`;
    }
    case 'invalid_value':
      return issue.values.length <= 12 && issue.values.every((v) => typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number')
        ? `not an allowed value (allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`
        : 'not an allowed value';
    case 'unrecognized_keys':
      return `${issue.keys.length} unknown key${issue.keys.length === 1 ? '' : 's'} (not in the report format)`;
    case 'too_big':
      return `too ${issue.origin === 'string' || issue.origin === 'array' ? 'long' : 'large'} (maximum ${String(issue.maximum)})`;
    case 'too_small':
      return `too ${issue.origin === 'string' || issue.origin === 'array' ? 'short' : 'small'} (minimum ${String(issue.minimum)})`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'does not have the required form' : `not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `not a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'matches none of the accepted shapes';
    case 'invalid_key':
      return 'has a key of the wrong form';
    case 'invalid_element':
      return 'has an element of the wrong form';
    case 'custom':
      return 'fails a rule of the report format';
  }
}
