import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { KvsService } from '../runtime/ports.js';

/**
 * A stored state to start from: KVS key → value entries (and secrets) written before the app's
 * first invocation, so a session or a browser test can begin as an installation that already
 * exists, e.g. one that consented under an older report format version.
 *
 *   { "values": { "consent": { ... }, "settings": { ... } }, "secrets": { "collector-secret": "..." } }
 *
 * Entries are written through the simulated KVS REST service, the same path @forge/kvs takes,
 * so a key Forge would reject or a value over 240 KiB fails here with Forge's own error.
 */
export const seedSchema = z
  .object({
    values: z.record(z.string(), z.json()).default({}),
    secrets: z.record(z.string(), z.json()).default({})
  })
  .strict();

export type Seed = z.infer<typeof seedSchema>;
/** What callers write: both sections optional. */
export type SeedInput = z.input<typeof seedSchema>;

export type SeedResult<T> = { ok: true; value: T } | { ok: false; message: string };

const SHAPE_HINT = 'A seed is {"values": {"<key>": <json>}, "secrets": {"<key>": <json>}}, both sections optional.';

export function parseSeed(input: unknown, source: string): SeedResult<Seed> {
  const parsed = seedSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: `${source} is not a seed. ${SHAPE_HINT}\n${z.prettifyError(parsed.error)}` };
}

export async function readSeedFile(file: string): Promise<SeedResult<Seed>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read the seed file ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The seed file ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  return parseSeed(json, `The seed file ${file}`);
}

/** Writes every entry, values first; stops at the first one the KVS refuses and names it. */
export async function applySeed(kvs: KvsService, seed: Seed): Promise<SeedResult<{ values: number; secrets: number }>> {
  const writes = [
    ...Object.entries(seed.values).map(([key, value]) => ({ path: '/api/v1/set', what: 'value', key, value })),
    ...Object.entries(seed.secrets).map(([key, value]) => ({ path: '/api/v1/secret/set', what: 'secret', key, value }))
  ];
  for (const write of writes) {
    const response = await kvs.handle(write.path, { key: write.key, value: write.value });
    if (response.status >= 300) {
      return { ok: false, message: `The seed's ${write.what} '${write.key}' was refused by the KVS: ${describeFailure(response.status, response.body)}` };
    }
  }
  return { ok: true, value: { values: Object.keys(seed.values).length, secrets: Object.keys(seed.secrets).length } };
}

const failureBodySchema = z.object({ code: z.string(), message: z.string() });

/** The KVS's own `{ code, message }`, as @forge/kvs would raise it, e.g. `INVALID_KEY: The provided key…`. */
function describeFailure(status: number, body: unknown): string {
  const failure = failureBodySchema.safeParse(body);
  return failure.success ? `${failure.data.code}: ${failure.data.message}` : `HTTP ${status} ${JSON.stringify(body)}`;
}
