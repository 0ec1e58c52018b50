import type { SimHttpResponse } from '../runtime/ports.js';

/**
 * A failure as the real KVS reports it: a non-2xx status and a `{ code, message }` body, which
 * @forge/kvs turns into `ForgeKvsAPIError` with the same `code` (utils/error-handling.js).
 */
export interface KvsFailure {
  status: number;
  code: string;
  message: string;
}

export type KvsResult<T> = { ok: true; value: T } | { ok: false; failure: KvsFailure };

export const ok = <T>(value: T): KvsResult<T> => ({ ok: true, value });
export const fail = <T = never>(status: number, code: string, message: string): KvsResult<T> => ({
  ok: false,
  failure: { status, code, message }
});

/**
 * Codes and statuses. Sources: the KVS error table (400 + KEY_TOO_SHORT, KEY_TOO_LONG, INVALID_KEY,
 * MAX_SIZE, MAX_DEPTH, LIST_QUERY_LIMIT_EXCEEDED, QUERY_WHERE_*, INVALID_FILTER_*), the Custom Entity
 * error table (ENTITY_TYPE_*, INVALID_ENTITY_TYPE, INVALID_ENTITY_VALUE), and @forge/kvs's own
 * fixtures (404 KEY_NOT_FOUND "Provided key does not exist", 400 BAD_REQUEST "Provided request body
 * is invalid"). KEY_CONFLICT at 409 for FAIL_IF_EXISTS is what the live service answers (observed,
 * not in the reference tables).
 */
export const failures = {
  badRequest: (detail: string) => fail(400, 'BAD_REQUEST', `Provided request body is invalid: ${detail}`),
  keyNotFound: () => fail(404, 'KEY_NOT_FOUND', 'Provided key does not exist'),
  keyTooShort: () => fail(400, 'KEY_TOO_SHORT', 'The provided key needs to be more than one character'),
  keyTooLong: (max: number) => fail(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${max} characters`),
  invalidKey: () => fail(400, 'INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/'),
  maxSize: (bytes: number, max: number) =>
    fail(400, 'MAX_SIZE', `The provided value has exceeded the maximum size limit (${bytes} > ${max} bytes)`),
  maxDepth: (max: number) => fail(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${max + 1}) limit`),
  keyConflict: () => fail(409, 'KEY_CONFLICT', 'The key already exists and the key policy is FAIL_IF_EXISTS'),
  listQueryLimitExceeded: (max: number) => fail(400, 'LIST_QUERY_LIMIT_EXCEEDED', `Limit for list query should be between 1 and ${max}`),
  queryWhereInvalid: () => fail(400, 'QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause'),
  queryWhereFieldInvalid: () => fail(400, 'QUERY_WHERE_FIELD_INVALID', 'The specified field is not supported for filters'),
  invalidFilterCondition: () => fail(400, 'INVALID_FILTER_CONDITION', 'The specified condition is not supported for filters'),
  invalidFilterValues: () => fail(400, 'INVALID_FILTER_VALUES', 'The specified number of values are not supported by the given condition'),
  entityTypeTooShort: () => fail(400, 'ENTITY_TYPE_TOO_SHORT', 'The provided entity name needs to be more than 3 characters'),
  entityTypeTooLarge: () => fail(400, 'ENTITY_TYPE_TOO_LARGE', 'The provided entity name has exceeded the maximum 60 characters'),
  invalidEntityType: () => fail(400, 'INVALID_ENTITY_TYPE', 'The provided entity name does not match the entity name pattern'),
  invalidEntityValue: () => fail(400, 'INVALID_ENTITY_VALUE', 'Entity values must be objects of attributes'),
  /** The reference does not name this code; the transaction is refused as a whole, as documented. */
  conditionFailed: (key: string) =>
    fail(409, 'CONDITION_CHECK_FAILED', `Transaction cancelled: the condition on key '${key}' was not met`),
  internal: (cause: string) => fail(500, 'INTERNAL_SERVER_ERROR', `An internal server error has occurred: ${cause}`),
  notSimulated: (what: string) => fail(501, 'NOT_SIMULATED', `${what} is not simulated by the offline platform`),
  notFoundPath: (path: string) => fail(404, 'NOT_FOUND', `No KVS operation at ${path}`)
};

export function toHttp(failure: KvsFailure): SimHttpResponse {
  return { status: failure.status, body: { code: failure.code, message: failure.message } };
}
