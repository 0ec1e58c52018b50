import { z } from 'zod';
import { fieldsSchema, metricCatalog, type Catalog } from '../catalog/catalog.js';
import type { FieldValue } from '../catalog/entry.js';
import { purposeSchema } from '../catalog/vocabulary.js';
import { catalogKeySchema } from './consent.js';

export const withheldReasonSchema = z.enum(['restricted-category', 'restricted-field', 'restricted-purpose', 'format-not-accepted']);
export type WithheldReason = z.infer<typeof withheldReasonSchema>;

export const FORMAT_PREFIX = 'usage-report/';
export const formatName = (version: number) => `${FORMAT_PREFIX}${version}`;
export function formatVersionOf(format: string): number {
  return Number(format.slice(FORMAT_PREFIX.length));
}

/** A real calendar day (zod's iso date knows month lengths and leap years: 2026-02-30 fails). */
const isoDate = z.iso.date();

/**
 * The report envelope, derived from a catalog. Because fields come from every catalog entry ever
 * added (entries are never removed), the schema accepts every format version ever produced.
 * Built once per catalog (a catalog never changes once made): constructing the zod schema costs a
 * millisecond or two, parsing with it microseconds, and the app, the collector and the bench parse often.
 */
export function reportSchemaFor(catalog: Catalog): ReportSchema {
  const held = schemas.get(catalog);
  if (held) return held;
  const built = buildReportSchema(catalog);
  schemas.set(catalog, built);
  return built;
}

type ReportSchema = ReturnType<typeof buildReportSchema>;
const schemas = new WeakMap<Catalog, ReportSchema>();

function buildReportSchema(catalog: Catalog) {
  return envelopeWith(fieldsSchema(catalog), catalog.entries.length);
}

/**
 * The envelope around a report's fields. The fields schema is the catalog's (every key, its value
 * type) where the catalog is at hand; the admin page has no catalog, only the app's descriptions of
 * it, and reads a report's bytes with any catalog key holding a boolean, number or closed label.
 */
function envelopeWith<F extends z.ZodType<Record<string, FieldValue>>>(fields: F, maxWithheld: number) {
  return z.strictObject({
    fields,
    format: z.string().regex(/^usage-report\/[1-9]\d{0,5}$/),
    generatedAt: z.iso.datetime(),
    /** Version 8: derived from the installation's genesis key (packages/core/src/collector-api/identity.ts installationIdOf). */
    installationId: z.uuid({ version: 'v8' }),
    period: z.strictObject({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] }),
    purposes: z.array(purposeSchema).min(1).max(2),
    reportId: z.uuid({ version: 'v4' }),
    // A key is withheld at most once, so never more entries than the catalog has keys.
    withheld: z.array(z.strictObject({ key: catalogKeySchema, reason: withheldReasonSchema })).max(maxWithheld)
  });
}

// A label is a closed token (an enum value or a bucket like '11-50' or '10001+'), never free text.
const anyCatalogLabel = z.string().regex(/^[A-Za-z0-9]+(?:[-_.+][A-Za-z0-9]*)*$/).max(64);
const anyCatalogFields = z.record(catalogKeySchema, z.union([z.boolean(), z.number(), anyCatalogLabel]));
const anyCatalogReportSchema = envelopeWith(anyCatalogFields, 10_000);

/**
 * Reads a report made with any app's catalog: the envelope is checked in full, the fields only for
 * their shape (catalog keys, scalar values). For readers without the catalog, like the admin page,
 * which shows the very bytes it was given; the collector and the backend parse with the catalog.
 */
export function parseReportOfAnyCatalog(input: unknown): ParseResult<Report> {
  return toParseResult(anyCatalogReportSchema.safeParse(input));
}

// Marked pure so that a bundle that never reads it (the admin page has no catalog) leaves the
// built-in catalog out: about 6 KB gzipped of the page.
export const reportSchema = /* @__PURE__ */ reportSchemaFor(metricCatalog);
export type Report = z.infer<typeof reportSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: string[] };

export function parseReport(input: unknown, catalog: Catalog = metricCatalog): ParseResult<Report> {
  return toParseResult(reportSchemaFor(catalog).safeParse(input));
}

function toParseResult(parsed: z.ZodSafeParseResult<Report>): ParseResult<Report> {
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** The hard cap on an encoded report, well under the 240 KiB KVS value limit (drafts store bytes + metadata). */
export const MAX_REPORT_BYTES = 64 * 1024;
