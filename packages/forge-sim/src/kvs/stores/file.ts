import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { storedRecordSchema, type KvsNamespace, type KvsStore } from '../store.js';
import { applyWrites, listRecords, readRecord, type KvsState } from './state.js';

/** The one file a store keeps in its folder. */
export const KVS_FILE_NAME = 'kvs.json';

const fileSchema = z.object({
  version: z.literal(1),
  namespaces: z.record(z.string(), z.record(z.string(), storedRecordSchema))
});

const namespaceSchema = z.union([z.literal('kvs'), z.literal('secret'), z.templateLiteral(['entity:', z.string()])]);

/**
 * A KVS store kept in `dir/kvs.json`, so the local runner's data survives a restart. Every commit
 * rewrites the file through a temporary file and a rename, so a crash mid-write leaves either the old
 * or the new state, never half of one. One process owns a folder: the file is read once, on first use.
 */
export function createFileKvsStore(dir: string): KvsStore {
  const path = join(dir, KVS_FILE_NAME);
  let state: KvsState | undefined;

  async function load(): Promise<KvsState> {
    if (state) return state;
    await mkdir(dir, { recursive: true });
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (!isMissingFile(error)) throw error;
    }
    state = text === undefined ? new Map() : decode(text, path);
    return state;
  }

  return {
    async get(namespace, key) {
      return readRecord(await load(), namespace, key);
    },
    async list(namespace) {
      return listRecords(await load(), namespace);
    },
    async commit(writes) {
      const current = await load();
      const undo = applyWrites(current, writes);
      // A unique temp name, so two stores over one folder (a restart test, say) never share one.
      const temp = `${path}.${randomUUID()}.tmp`;
      try {
        await writeFile(temp, encode(current), 'utf8');
        await rename(temp, path);
      } catch (error) {
        // What is in memory must match what is on disk, or a restart would resurrect other data.
        undo();
        await rm(temp, { force: true });
        throw error;
      }
    }
  };
}

function encode(state: KvsState): string {
  const namespaces: Record<string, Record<string, unknown>> = {};
  for (const [ns, records] of state) {
    if (records.size > 0) namespaces[ns] = Object.fromEntries(records);
  }
  return JSON.stringify({ version: 1, namespaces });
}

function decode(text: string, path: string): KvsState {
  const parsed = fileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`KVS data file ${path} is not in the expected format: ${parsed.error.message}`);
  const state: KvsState = new Map();
  for (const [ns, records] of Object.entries(parsed.data.namespaces)) {
    const namespace: KvsNamespace = namespaceSchema.parse(ns);
    state.set(namespace, new Map(Object.entries(records)));
  }
  return state;
}

// Structural, not `instanceof Error`: Node's fs errors come from another realm under jest's sandbox.
function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
