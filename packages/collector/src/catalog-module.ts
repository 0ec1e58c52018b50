import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { makeCatalog, type Catalog, type MetricEntry } from '@usage-reporting/core';

/**
 * The vendor's catalog, from the module COLLECTOR_CATALOG names. The collector must validate reports
 * with the catalog the vendor's app reports with, and that catalog is the vendor's code, so it is
 * loaded as code: a module whose `catalog` export (or default export) is made with makeCatalog.
 */
export type CatalogModuleResult = { ok: true; catalog: Catalog; path: string } | { ok: false; message: string };

const expected = 'expected a .js, .mjs or .cjs module whose `catalog` export (or default export) is a catalog made with makeCatalog from @usage-reporting/core';

/**
 * What makeCatalog returns, seen from outside. Structural, not `instanceof`: the module may hold its
 * own copy of @usage-reporting/core, and a catalog from that copy is as good as one from ours.
 */
const catalogShape = z.object({ entries: z.array(z.unknown()), formatVersion: z.number(), byKey: z.instanceof(Map) });

/** One line, as a start-up failure is printed: the path, what is wrong with it, and what was expected. */
const refusal = (path: string, what: string): CatalogModuleResult => ({ ok: false, message: `COLLECTOR_CATALOG: ${path} ${what}; ${expected}.` });

const oneLine = (text: string): string => text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value === 'function' ? 'a function' : `a ${typeof value}`;

/** Loads and checks the catalog module at `modulePath`, relative to `cwd` unless absolute. */
export async function loadCatalogModule(modulePath: string, cwd: string = process.cwd()): Promise<CatalogModuleResult> {
  const path = resolve(cwd, modulePath);
  const refuse = (what: string) => refusal(path, what);
  // Checked before importing, so a typo says "no file" rather than a loader's resolution error.
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return refuse('does not exist');
  if (!stat.isFile()) return refuse('is not a file');
  let exports: unknown;
  try {
    exports = await import(pathToFileURL(path).href);
  } catch (error) {
    return refuse(`failed to load (${oneLine(error instanceof Error ? error.message : String(error))})`);
  }
  return catalogFromExports(exports, path);
}

/** The catalog among the exports of the module at `path`: `catalog` if it has one, else its default export. */
export function catalogFromExports(exports: unknown, path: string): CatalogModuleResult {
  const refuse = (what: string) => refusal(path, what);
  const named = typeof exports === 'object' && exports !== null ? (exports as Record<string, unknown>) : {};
  const [name, candidate] = named.catalog !== undefined ? ['`catalog`', named.catalog] : ['its default export', named.default];
  if (candidate === undefined) return refuse('has no `catalog` export and no default export');
  const shape = catalogShape.safeParse(candidate);
  if (!shape.success) {
    const hint = Array.isArray(candidate) ? ' (pass the entries to makeCatalog and export what it returns)' : '';
    return refuse(`exports ${kindOf(candidate)} as ${name}, not a catalog${hint}`);
  }
  // Made again here, so its rules are checked by this collector's own core, whatever built the module's.
  try {
    // The cast hands makeCatalog entries it has not seen yet: checking them is what it is for.
    return { ok: true, catalog: makeCatalog(shape.data.entries as MetricEntry[]), path };
  } catch (error) {
    return refuse(`exports a catalog that makeCatalog refuses (${oneLine(error instanceof Error ? error.message : String(error))})`);
  }
}
