import { kvs } from '@forge/kvs';

/**
 * Every plain key the app has stored on the site, with its value, by paging an unfiltered query.
 * Listing everything (rather than the prefixes in store/keys.ts) is deliberate: export and erase must
 * also cover keys written by older app versions or by code that forgot to register its prefix.
 * Secrets are not queryable; they are handled by name (store/keys.ts secretKeys).
 */
export async function listAllKeys(): Promise<Array<{ key: string; value: unknown }>> {
  const out: Array<{ key: string; value: unknown }> = [];
  let cursor: string | undefined;
  do {
    let q = kvs.query().limit(100);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany<unknown>();
    for (const r of page.results) out.push({ key: r.key, value: r.value });
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
