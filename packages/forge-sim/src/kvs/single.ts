import { z } from 'zod';
import { failures, ok, type KvsResult } from './errors.js';
import { isLive, nextRecord, viewOf, type RecordView } from './records.js';
import { deleteRequestSchema, getRequestSchema, setRequestSchema, type SetOptions } from './schemas.js';
import type { KvsStore, StoredRecord } from './store.js';
import { checkValueFor, resolveTarget, type Space } from './targets.js';

export interface KvsContext {
  store: KvsStore;
  now: () => number;
}

/** `undefined` body means 204 No Content, which @forge/kvs reads as "nothing to return". */
export type OperationResult = KvsResult<unknown>;

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): KvsResult<z.infer<S>> {
  const parsed = schema.safeParse(body);
  return parsed.success ? ok(parsed.data) : failures.badRequest(z.prettifyError(parsed.error));
}

export async function getOne(ctx: KvsContext, space: Space, body: unknown): Promise<OperationResult> {
  const request = parseBody(getRequestSchema, body);
  if (!request.ok) return request;
  const target = resolveTarget(space, request.value.key, request.value.entityName);
  if (!target.ok) return target;
  const record = await ctx.store.get(target.value.namespace, target.value.key);
  if (!isLive(record, ctx.now())) return failures.keyNotFound();
  return ok(viewOf(target.value.key, record, request.value.options?.metadataFields));
}

/** The outcome of a set before it is committed: what to store and what to answer. */
export interface PlannedSet {
  record: StoredRecord;
  response: RecordView | undefined;
}

/** Key policy and return-value rules of `set`, shared by set, batch set and transaction set. */
export function planSet(
  key: string,
  existing: StoredRecord | undefined,
  value: StoredRecord['value'],
  options: SetOptions,
  now: number
): KvsResult<PlannedSet> {
  const previous = isLive(existing, now) ? existing : undefined;
  if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous) return failures.keyConflict();
  const record = nextRecord(previous, value, options?.ttl, now);
  const fields = options?.returnMetadataFields;
  let response: RecordView | undefined;
  if (options?.returnValue === 'LATEST') response = viewOf(key, record, fields);
  if (options?.returnValue === 'PREVIOUS' && previous) response = viewOf(key, previous, fields);
  return ok({ record, response });
}

export async function setOne(ctx: KvsContext, space: Space, body: unknown): Promise<OperationResult> {
  const request = parseBody(setRequestSchema, body);
  if (!request.ok) return request;
  const target = resolveTarget(space, request.value.key, request.value.entityName);
  if (!target.ok) return target;
  const value = checkValueFor(target.value, request.value.value);
  if (!value.ok) return value;
  const { namespace, key } = target.value;
  const planned = planSet(key, await ctx.store.get(namespace, key), value.value, request.value.options, ctx.now());
  if (!planned.ok) return planned;
  await ctx.store.commit([{ namespace, key, record: planned.value.record }]);
  return ok(planned.value.response);
}

/** Deleting a missing key answers KEY_NOT_FOUND, which @forge/kvs swallows (storage-api.js). */
export async function deleteOne(ctx: KvsContext, space: Space, body: unknown): Promise<OperationResult> {
  const request = parseBody(deleteRequestSchema, body);
  if (!request.ok) return request;
  const target = resolveTarget(space, request.value.key, request.value.entityName);
  if (!target.ok) return target;
  const { namespace, key } = target.value;
  const existing = await ctx.store.get(namespace, key);
  if (existing === undefined) return failures.keyNotFound();
  await ctx.store.commit([{ namespace, key, record: null }]);
  return isLive(existing, ctx.now()) ? ok(undefined) : failures.keyNotFound();
}
