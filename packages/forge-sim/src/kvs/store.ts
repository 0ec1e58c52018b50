import { z } from 'zod';

/**
 * Where the simulated KVS keeps its records. Plain keys, secrets and each custom entity live in
 * separate namespaces, as they do in Forge: a secret is never visible to `get` or `query`.
 */
export type KvsNamespace = 'kvs' | 'secret' | `entity:${string}`;

export const entityNamespace = (entityName: string): KvsNamespace => `entity:${entityName}`;

export type JsonValue = z.infer<ReturnType<typeof z.json>>;

/** One stored value. Times are epoch milliseconds of the service's clock. */
export const storedRecordSchema = z.object({
  value: z.json(),
  createdAt: z.number(),
  updatedAt: z.number(),
  expiresAt: z.number().optional()
});
export type StoredRecord = z.infer<typeof storedRecordSchema>;

/** A write in a commit; `record: null` deletes the key. */
export interface KvsWrite {
  namespace: KvsNamespace;
  key: string;
  record: StoredRecord | null;
}

export interface KvsStore {
  /** The record under `key`, expired or not (expiry is the service's business), as a private copy. */
  get(namespace: KvsNamespace, key: string): Promise<StoredRecord | undefined>;
  /** Every record of a namespace, in no particular order, as private copies. */
  list(namespace: KvsNamespace): Promise<Array<{ key: string; record: StoredRecord }>>;
  /** Applies all writes or none: a transaction or a batch lands as one unit. */
  commit(writes: readonly KvsWrite[]): Promise<void>;
}
