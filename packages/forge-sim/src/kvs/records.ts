import type { MetadataField, Ttl } from './schemas.js';
import type { JsonValue, StoredRecord } from './store.js';

const UNIT_MS: Record<Ttl['unit'], number> = {
  SECONDS: 1_000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000
};

export function ttlMillis(ttl: Ttl): number {
  return ttl.value * UNIT_MS[ttl.unit];
}

/** An expired record is gone for every reader, even before anything removes it. */
export function isLive(record: StoredRecord | undefined, now: number): record is StoredRecord {
  return record !== undefined && (record.expiresAt === undefined || record.expiresAt > now);
}

/** A write of `value` over `previous` (a live record or nothing): creation time survives an overwrite. */
export function nextRecord(previous: StoredRecord | undefined, value: JsonValue, ttl: Ttl | undefined, now: number): StoredRecord {
  return {
    value,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    ...(ttl ? { expiresAt: now + ttlMillis(ttl) } : {})
  };
}

export interface RecordView {
  key: string;
  value: JsonValue;
  createdAt?: number;
  updatedAt?: number;
  expireTime?: string;
}

/**
 * The wire shape of a record with the metadata the caller asked for. createdAt/updatedAt are epoch
 * seconds, as in @forge/kvs's fixtures (1718236800); expireTime is ISO-8601, as the query docs say.
 */
export function viewOf(key: string, record: StoredRecord, fields: readonly MetadataField[] = []): RecordView {
  const view: RecordView = { key, value: record.value };
  if (fields.includes('CREATED_AT')) view.createdAt = Math.floor(record.createdAt / 1000);
  if (fields.includes('UPDATED_AT')) view.updatedAt = Math.floor(record.updatedAt / 1000);
  if (fields.includes('EXPIRE_TIME') && record.expiresAt !== undefined) view.expireTime = new Date(record.expiresAt).toISOString();
  return view;
}
