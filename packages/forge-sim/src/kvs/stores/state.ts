import type { KvsNamespace, KvsWrite, StoredRecord } from '../store.js';

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

/**
 * Applies `writes` in place and returns how to undo them, so a store whose persist step fails can
 * put the previous state back. Values are copied before anything changes: a commit lands whole.
 */
export function applyWrites(state: KvsState, writes: readonly KvsWrite[]): () => void {
  const copies = writes.map((w) => ({ ...w, record: w.record === null ? null : copyRecord(w.record) }));
  const undo: Array<() => void> = [];
  for (const write of copies) {
    let records = state.get(write.namespace);
    if (!records) {
      records = new Map();
      state.set(write.namespace, records);
    }
    const target = records;
    const before = target.get(write.key);
    undo.push(() => (before === undefined ? target.delete(write.key) : target.set(write.key, before)));
    if (write.record === null) target.delete(write.key);
    else target.set(write.key, write.record);
  }
  return () => undo.reverse().forEach((step) => step());
}
