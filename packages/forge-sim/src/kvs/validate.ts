import { failures, ok, type KvsResult } from './errors.js';
import { jsonDepth, jsonSizeBytes, kvsLimits } from './limits.js';
import type { JsonValue } from './store.js';

/** The key rules every operation applies before touching data, in the order the service reports them. */
export function checkKey(key: string): KvsResult<string> {
  if (key.length === 0) return failures.keyTooShort();
  if (key.length > kvsLimits.maxKeyLength) return failures.keyTooLong(kvsLimits.maxKeyLength);
  if (!kvsLimits.keyPattern.test(key)) return failures.invalidKey();
  return ok(key);
}

/**
 * A value must be JSON the SDK types allow (string, number, boolean, array, object; `null` is not a
 * StorageValue), at most 240 KiB serialized and not deeper than the documented object depth.
 */
export function checkValue(value: JsonValue): KvsResult<JsonValue> {
  if (value === null) return failures.badRequest('value must be a string, number, boolean, array or object');
  const bytes = jsonSizeBytes(value);
  if (bytes > kvsLimits.maxValueBytes) return failures.maxSize(bytes, kvsLimits.maxValueBytes);
  if (jsonDepth(value) > kvsLimits.maxObjectDepth) return failures.maxDepth(kvsLimits.maxObjectDepth);
  return ok(value);
}

export function checkEntityName(entityName: string): KvsResult<string> {
  if (entityName.length < kvsLimits.minEntityNameLength) return failures.entityTypeTooShort();
  if (entityName.length > kvsLimits.maxEntityNameLength) return failures.entityTypeTooLarge();
  if (!kvsLimits.entityNamePattern.test(entityName)) return failures.invalidEntityType();
  return ok(entityName);
}

/** Entity values are attribute maps; their typed schema lives in the manifest, which is not checked here. */
export function checkEntityValue(value: JsonValue): KvsResult<JsonValue> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return failures.invalidEntityValue();
  return checkValue(value);
}
