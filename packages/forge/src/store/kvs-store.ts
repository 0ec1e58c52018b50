import { kvs, type Ttl } from '@forge/kvs';
import type { z } from 'zod';

/**
 * The toolkit lives in the app's own KVS, beside the app's data: every key it writes (plain and
 * secret) starts with this namespace, applied here and nowhere else. Callers use the names in
 * keys.ts; lists return those names; export and erase reach only this namespace, so the app's own
 * keys are never read, exported or erased.
 */
export const KEY_NAMESPACE = 'usage-reporting:';
export const storageKey = (key: string): string => `${KEY_NAMESPACE}${key}`;
const logicalKey = (stored: string): string => stored.slice(KEY_NAMESPACE.length);

/**
 * A thin typed layer over @forge/kvs. Stored values are parsed on read: a value that no longer
 * matches its schema (an older app version wrote it, someone planted it) reads as absent-with-reason
 * rather than flowing on as a typed lie.
 */
export type Read<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

export async function readParsed<S extends z.ZodType>(key: string, schema: S): Promise<Read<z.output<S>>> {
  const raw: unknown = await kvs.get<unknown>(storageKey(key));
  if (raw === undefined) return { ok: true, value: undefined };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `stored value at '${key}' does not match its schema` };
}

/** Like readParsed, but an unreadable value is a storage error the caller reports. */
export async function readOrThrow<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | undefined> {
  const read = await readParsed(key, schema);
  if (!read.ok) throw new StorageError(read.reason);
  return read.value;
}

export class StorageError extends Error {
  override name = 'StorageError';
}

export const write = <T>(key: string, value: T, ttl?: Ttl): Promise<void> => kvs.set(storageKey(key), value, ttl ? { ttl } : undefined);
export const remove = (key: string): Promise<void> => kvs.delete(storageKey(key));

/**
 * Creates `key` only if it does not exist yet: the KVS decides atomically, so of two concurrent
 * callers exactly one gets 'claimed'. Any other failure is rethrown, never mistaken for 'taken'.
 */
export async function claim<T>(key: string, value: T, ttl?: Ttl): Promise<'claimed' | 'taken'> {
  try {
    await kvs.set(storageKey(key), value, { keyPolicy: 'FAIL_IF_EXISTS', ...(ttl ? { ttl } : {}) });
    return 'claimed';
  } catch (error) {
    if (isKeyConflict(error)) return 'taken';
    throw error;
  }
}

function isKeyConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code: unknown = Reflect.get(error, 'code');
  const details: unknown = Reflect.get(error, 'responseDetails');
  const status: unknown = typeof details === 'object' && details !== null ? Reflect.get(details, 'status') : undefined;
  return code === 'KEY_CONFLICT' || status === 409;
}

/** Every key (and raw value) under a prefix, page by page. */
export function listPrefix(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
  return listPages(() => kvs.query().where('key', { condition: 'BEGINS_WITH', values: [storageKey(prefix)] }));
}

/**
 * Every plain key of the toolkit's namespace, whatever its name. Export and erase use this rather
 * than the prefixes in keys.ts, so they also cover keys written by older versions; the app's own keys,
 * outside the namespace, are never among them. Secrets are not queryable; they are handled by name
 * (keys.ts secretKeys).
 */
export function listEverything(): Promise<Array<{ key: string; value: unknown }>> {
  return listPrefix('');
}

async function listPages(query: () => ReturnType<typeof kvs.query>): Promise<Array<{ key: string; value: unknown }>> {
  const out: Array<{ key: string; value: unknown }> = [];
  let cursor: string | undefined;
  do {
    let q = query().limit(100);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany<unknown>();
    for (const r of page.results) out.push({ key: logicalKey(r.key), value: r.value });
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Entries under a prefix whose values parse; the rest are reported by key so callers can say so. */
export async function listParsed<S extends z.ZodType>(prefix: string, schema: S): Promise<{ values: Array<{ key: string; value: z.output<S> }>; invalid: string[] }> {
  const values: Array<{ key: string; value: z.output<S> }> = [];
  const invalid: string[] = [];
  for (const entry of await listPrefix(prefix)) {
    const parsed = schema.safeParse(entry.value);
    if (parsed.success) values.push({ key: entry.key, value: parsed.data });
    else invalid.push(entry.key);
  }
  return { values, invalid };
}

/** Deletes keys in batches of 25 (the KVS batch limit); failed keys are returned, not ignored. */
export async function removeMany(keys: readonly string[]): Promise<string[]> {
  const failed: string[] = [];
  for (let i = 0; i < keys.length; i += 25) {
    const result = await kvs.batchDelete(keys.slice(i, i + 25).map((key) => ({ key: storageKey(key) })));
    for (const f of result.failedKeys) failed.push(logicalKey(f.key));
  }
  return failed;
}

/** One write of an atomic batch: set a key or delete it. */
export type AtomicWrite = { set: string; value: unknown } | { delete: string };

/**
 * Applies every write or none, in one KVS transaction (at most 25 operations, the KVS limit; the
 * caller sizes its batches). What must never be seen half-done goes through here: a consent change
 * and its ledger entries, a report and its outbox entry, a retention purge and its tally.
 */
export async function writeAtomically(writes: readonly AtomicWrite[]): Promise<void> {
  if (writes.length === 0) return;
  let tx = kvs.transact();
  for (const w of writes) tx = 'set' in w ? tx.set(storageKey(w.set), w.value) : tx.delete(storageKey(w.delete));
  await tx.execute();
}

/** Whether any key starts with `prefix` (one single-item page, whatever the number of keys). */
export async function anyUnder(prefix: string): Promise<boolean> {
  const page = await kvs.query().where('key', { condition: 'BEGINS_WITH', values: [storageKey(prefix)] }).limit(1).getMany();
  return page.results.length > 0;
}

/**
 * KVS secret storage (encrypted, not queryable, never in an export): the signing keys. Parsed on
 * read like plain values; a secret that does not match its schema reads as absent.
 */
export async function readSecret<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | undefined> {
  const parsed = schema.safeParse(await kvs.getSecret<unknown>(storageKey(key)));
  return parsed.success ? parsed.data : undefined;
}

export const writeSecret = <T>(key: string, value: T): Promise<void> => kvs.setSecret(storageKey(key), value);

/** Creates the secret only if absent; of two concurrent callers exactly one gets 'claimed'. */
export async function claimSecret<T>(key: string, value: T): Promise<'claimed' | 'taken'> {
  try {
    await kvs.setSecret(storageKey(key), value, { keyPolicy: 'FAIL_IF_EXISTS' });
    return 'claimed';
  } catch (error) {
    if (isKeyConflict(error)) return 'taken';
    throw error;
  }
}

/** Deletes the secret; returns whether it existed. */
export async function removeSecret(key: string): Promise<boolean> {
  if ((await kvs.getSecret<unknown>(storageKey(key))) === undefined) return false;
  await kvs.deleteSecret(storageKey(key));
  return true;
}
