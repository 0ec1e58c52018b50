import type { KvsNamespace, KvsWrite, StoredRecord } from '../store';

/** Namespaces → keys → records, the in-memory form both stores keep. */
export type KvsState = Map<KvsNamespace, Map<string, StoredRecord>>;

/**
 * Copies on the way in and out, so a caller that mutates a value it stored or read cannot change
 * what the store holds (the real service only ever hands out serialized copies).
 */
export function copyRecord(record: StoredRecord): StoredRecord {
  return structuredClone(record);
}

export function readRecord(state: KvsState, namespace: KvsNamespace, key: string): StoredRecord | undefined {
  const record = state.get(namespace)?.get(key);
  return record ? copyRecord(record) : undefined;
}

export function listRecords(state: KvsState, namespace: KvsNamespace): Array<{ key: string; record: StoredRecord }> {
  return [...(state.get(namespace) ?? new Map<string, StoredRecord>())].map(([key, record]) => ({ key, record: copyRecord(record) }));
}

/** The state after `writes`, leaving `state` untouched so a failed persist can keep the old one. */
export function applyWrites(state: KvsState, writes: readonly KvsWrite[]): KvsState {
  const next: KvsState = new Map([...state].map(([ns, records]) => [ns, new Map(records)]));
  for (const write of writes) {
    let records = next.get(write.namespace);
    if (!records) {
      records = new Map();
      next.set(write.namespace, records);
    }
    if (write.record === null) records.delete(write.key);
    else records.set(write.key, copyRecord(write.record));
  }
  return next;
}
