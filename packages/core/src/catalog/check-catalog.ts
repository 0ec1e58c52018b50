import { scanForPersonalData } from '../report/privacy-guard.js';
import { checkTranslations, MAX_DESCRIPTION } from './check-translations.js';
import type { MetricEntry } from './entry.js';
import type { CatalogTranslations } from './translations.js';
import { productSchema } from '../api/product.js';
import { categorySchema, purposeSchema } from './vocabulary.js';

/**
 * What makes a catalog a vendor may ship. A catalog is code a vendor writes, often in plain
 * JavaScript, so the types alone do not hold: every rule is checked when the catalog is made, and
 * every broken rule is listed at once, naming the entry, so one run shows all there is to fix.
 *
 * - Keys are dotted camelCase (`sso.identityProviders`) and unique.
 * - A value is a boolean, a closed enum, a count or a bucket. Free text has no type here: a string
 *   field is how a URL, an entity id or a user's name would reach the wire.
 * - Enum values are short tokens (letters, digits, `-`, `_`, `.`) that the privacy guard would not
 *   block: an enum of email addresses or hosts is free text in disguise.
 * - `since` numbers form the formats 1, 2, … with none skipped: a new field belongs to the current
 *   format + 1, and a gap would name a format no consent could ever have accepted.
 * - Translations (the entries' own and a catalog-level map) follow check-translations.ts.
 */
export type CatalogCheck = { ok: true } | { ok: false; problems: string[] };

const KEY = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const ENUM_VALUE = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;
const MAX_ENUM_VALUE = 64;
const valueKinds = ['boolean', 'enum', 'count', 'bucket'] as const;

export function checkCatalog(entries: readonly MetricEntry[], translations?: CatalogTranslations): CatalogCheck {
  const problems: string[] = [];
  if (!Array.isArray(entries)) return { ok: false, problems: ['the catalog must be an array of entries'] };
  const seen = new Set<string>();
  entries.forEach((entry: unknown, index) => {
    const found = checkEntry(entry, index);
    problems.push(...found.problems);
    if (found.key === undefined) return;
    if (seen.has(found.key)) problems.push(`'${found.key}' is defined twice; keys must be unique`);
    seen.add(found.key);
  });
  problems.push(...checkVersions(entries));
  problems.push(...checkTranslations(entries, translations));
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

function checkEntry(entry: unknown, index: number): { key?: string; problems: string[] } {
  if (typeof entry !== 'object' || entry === null) return { problems: [`entry ${index} is not an object`] };
  const e = entry as Partial<Record<keyof MetricEntry, unknown>>;
  const key = typeof e.key === 'string' ? e.key : undefined;
  const name = key === undefined ? `entry ${index}` : `'${key}'`;
  const problems: string[] = [];
  if (key === undefined) problems.push(`entry ${index} has no key`);
  else if (!KEY.test(key)) problems.push(`${name} is not a dotted camelCase key (like 'sso.identityProviders')`);
  if (!categorySchema.safeParse(e.category).success) problems.push(`${name} has category ${JSON.stringify(e.category)}; expected one of ${categorySchema.options.join(', ')}`);
  if (!purposeSchema.safeParse(e.purpose).success) problems.push(`${name} has purpose ${JSON.stringify(e.purpose)}; expected one of ${purposeSchema.options.join(', ')}`);
  if (typeof e.since !== 'number' || !Number.isInteger(e.since) || e.since < 1) problems.push(`${name} has 'since' ${JSON.stringify(e.since)}; expected the format version that added it (1, 2, …)`);
  if (typeof e.description !== 'string' || e.description.trim() === '') problems.push(`${name} has no description; the admin reads it to decide`);
  else if (e.description.length > MAX_DESCRIPTION) problems.push(`${name} has a description over ${MAX_DESCRIPTION} characters`);
  if (typeof e.collect !== 'function') problems.push(`${name} has no collect function`);
  if (e.products !== undefined && !(Array.isArray(e.products) && e.products.length > 0 && e.products.every((p) => productSchema.safeParse(p).success) && new Set(e.products).size === e.products.length)) {
    problems.push(`${name} has products ${JSON.stringify(e.products)}; expected a list of distinct products (${productSchema.options.join(', ')}), or none for every product`);
  }
  problems.push(...checkValueType(name, e.valueType));
  return { key, problems };
}

function checkValueType(name: string, valueType: unknown): string[] {
  const kind = typeof valueType === 'object' && valueType !== null ? (valueType as { kind?: unknown }).kind : undefined;
  if (!valueKinds.includes(kind as (typeof valueKinds)[number])) {
    return [`${name} has value type ${JSON.stringify(kind)}: free text is never a report value; use a boolean, an enum of fixed values, a count or a bucket`];
  }
  if (kind !== 'enum') return [];
  const values = (valueType as { values?: unknown }).values;
  if (!Array.isArray(values) || values.length === 0) return [`${name} is an enum without values`];
  const problems: string[] = [];
  if (new Set(values).size !== values.length) problems.push(`${name} lists an enum value twice`);
  for (const value of values) {
    if (typeof value !== 'string' || value.length > MAX_ENUM_VALUE || !ENUM_VALUE.test(value)) {
      problems.push(`${name} has enum value ${JSON.stringify(value)}; enum values are short tokens (letters, digits, '-', '_', '.')`);
    } else if (scanForPersonalData(value, { siteHosts: [], allowed: new Set() }).length > 0) {
      problems.push(`${name} has enum value ${JSON.stringify(value)}, which the privacy guard would block (it looks like ${scanForPersonalData(value, { siteHosts: [], allowed: new Set() })[0]?.kind})`);
    }
  }
  return problems;
}

function checkVersions(entries: readonly MetricEntry[]): string[] {
  const versions = new Set(entries.map((e: unknown) => (typeof e === 'object' && e !== null ? (e as { since?: unknown }).since : undefined)).filter((s): s is number => typeof s === 'number' && Number.isInteger(s) && s >= 1));
  if (versions.size === 0) return [];
  const latest = Math.max(...versions);
  const missing: number[] = [];
  for (let v = 1; v <= latest; v++) if (!versions.has(v)) missing.push(v);
  if (missing.length === 0) return [];
  return [`'since' skips format ${missing.join(', ')}: the catalog's fields reach format ${latest}, so every format from 1 to ${latest} must add at least one field (a new field is the current format + 1)`];
}
