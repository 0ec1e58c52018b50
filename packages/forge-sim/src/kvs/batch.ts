import { failures, ok, type KvsFailure, type KvsResult } from './errors.js';
import { kvsLimits } from './limits.js';
import { isLive, nextRecord, viewOf } from './records.js';
import { batchDeleteRequestSchema, batchGetRequestSchema, batchSetRequestSchema } from './schemas.js';
import { parseBody, type KvsContext, type OperationResult } from './single.js';
import type { KvsWrite } from './store.js';
import { checkValueFor, resolveTarget, type Target } from './targets.js';

type ItemId = { key: string; entityName?: string };
type FailedKey = ItemId & { error: { code: string; message: string } };

const idOf = ({ key, entityName }: ItemId): ItemId => (entityName === undefined ? { key } : { key, entityName });
const failedKey = (item: ItemId, failure: KvsFailure): FailedKey => ({ ...idOf(item), error: { code: failure.code, message: failure.message } });
const missing: KvsFailure = { status: 404, code: 'KEY_NOT_FOUND', message: 'Key does not exist' };

/**
 * Whole-batch rules ("a batch operation will return an error and fail entirely if it doesn't contain
 * any keys, or there are multiple requests for the same key or key plus entity"), plus the 25-key cap.
 */
function checkBatchShape(items: readonly ItemId[]): KvsResult<true> {
  if (items.length === 0) return failures.badRequest('a batch must contain at least one key');
  if (items.length > kvsLimits.maxBatchItems) return failures.badRequest(`a batch can contain at most ${kvsLimits.maxBatchItems} keys`);
  const seen = new Set(items.map((i) => JSON.stringify([i.entityName ?? null, i.key])));
  if (seen.size !== items.length) return failures.badRequest('a batch cannot address the same key twice');
  return ok(true);
}

/** Each item succeeds or fails on its own; the successful writes land together. */
export async function batchSet(ctx: KvsContext, body: unknown): Promise<OperationResult> {
  const request = parseBody(batchSetRequestSchema, body);
  if (!request.ok) return request;
  const shape = checkBatchShape(request.value);
  if (!shape.ok) return shape;
  const now = ctx.now();
  const writes: KvsWrite[] = [];
  const successfulKeys: ItemId[] = [];
  const failedKeys: FailedKey[] = [];
  for (const item of request.value) {
    const target = resolveTarget('kvs', item.key, item.entityName);
    if (!target.ok) {
      failedKeys.push(failedKey(item, target.failure));
      continue;
    }
    const value = checkValueFor(target.value, item.value);
    if (!value.ok) {
      failedKeys.push(failedKey(item, value.failure));
      continue;
    }
    const existing = await ctx.store.get(target.value.namespace, item.key);
    const previous = isLive(existing, now) ? existing : undefined;
    writes.push({ namespace: target.value.namespace, key: item.key, record: nextRecord(previous, value.value, item.options?.ttl, now) });
    successfulKeys.push(idOf(item));
  }
  if (writes.length > 0) await ctx.store.commit(writes);
  return ok({ successfulKeys, failedKeys });
}

export async function batchGet(ctx: KvsContext, body: unknown): Promise<OperationResult> {
  const request = parseBody(batchGetRequestSchema, body);
  if (!request.ok) return request;
  const shape = checkBatchShape(request.value);
  if (!shape.ok) return shape;
  const now = ctx.now();
  const successfulKeys: unknown[] = [];
  const failedKeys: FailedKey[] = [];
  for (const item of request.value) {
    const target = resolveTarget('kvs', item.key, item.entityName);
    if (!target.ok) {
      failedKeys.push(failedKey(item, target.failure));
      continue;
    }
    const record = await ctx.store.get(target.value.namespace, item.key);
    if (!isLive(record, now)) failedKeys.push(failedKey(item, missing));
    else successfulKeys.push({ ...idOf(item), ...viewOf(item.key, record, item.options?.metadataFields) });
  }
  return ok({ successfulKeys, failedKeys });
}

export async function batchDelete(ctx: KvsContext, body: unknown): Promise<OperationResult> {
  const request = parseBody(batchDeleteRequestSchema, body);
  if (!request.ok) return request;
  const shape = checkBatchShape(request.value);
  if (!shape.ok) return shape;
  const now = ctx.now();
  const writes: KvsWrite[] = [];
  const successfulKeys: ItemId[] = [];
  const failedKeys: FailedKey[] = [];
  for (const item of request.value) {
    const target: KvsResult<Target> = resolveTarget('kvs', item.key, item.entityName);
    if (!target.ok) {
      failedKeys.push(failedKey(item, target.failure));
      continue;
    }
    const record = await ctx.store.get(target.value.namespace, item.key);
    if (record !== undefined) writes.push({ namespace: target.value.namespace, key: item.key, record: null });
    if (!isLive(record, now)) failedKeys.push(failedKey(item, missing));
    else successfulKeys.push(idOf(item));
  }
  if (writes.length > 0) await ctx.store.commit(writes);
  return ok({ successfulKeys, failedKeys });
}
