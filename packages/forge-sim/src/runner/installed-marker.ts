import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { productSchema, type Product } from '@usage-reporting/core/api';

/**
 * Which installations of the data folder Forge has already sent `avi:forge:installed:app`:
 * installed.json, `{ "installations": { "jira": { "installedAt": … }, "confluence": { … } } }`.
 * A folder from before installations were per product holds `{ "installedAt": … }`: that one
 * installation was the Jira one (the runner's default product), so Confluence's is still to come.
 */
const FILE = 'installed.json';

const installedSchema = z.object({ installedAt: z.string() });
const markerSchema = z.union([
  z.object({ installations: z.partialRecord(productSchema, installedSchema) }),
  installedSchema.transform((jira) => ({ installations: { jira } }))
]);

export type InstalledMarker = Partial<Record<Product, { installedAt: string }>>;

export async function readInstalledMarker(dataDir: string): Promise<InstalledMarker> {
  const file = path.join(dataDir, FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    // Structural, not `instanceof Error`: errors from node:fs come from another realm under jest.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = markerSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not what the runner writes; delete it, or start clean with --reset.`);
  return parsed.data.installations;
}

export async function writeInstalledMarker(dataDir: string, marker: InstalledMarker): Promise<void> {
  await writeFile(path.join(dataDir, FILE), JSON.stringify({ installations: marker }));
}
