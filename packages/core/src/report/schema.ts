import { z } from 'zod';
import { fieldsSchema, metricCatalog, type Catalog } from '../catalog/catalog.js';
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
  return z.strictObject({
    fields: fieldsSchema(catalog),
    format: z.string().regex(/^usage-report\/[1-9]\d{0,5}$/),
    generatedAt: z.iso.datetime(),
    /** Version 8: derived from the installation's genesis key (packages/core/src/collector-api/identity.ts installationIdOf). */
    installationId: z.uuid({ version: 'v8' }),
    period: z.strictObject({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] }),
    purposes: z.array(purposeSchema).min(1).max(2),
    reportId: z.uuid({ version: 'v4' }),
    // A key is withheld at most once, so never more entries than the catalog has keys.
    withheld: z.array(z.strictObject({ key: catalogKeySchema, reason: withheldReasonSchema })).max(catalog.entries.length)
  });
}

export const reportSchema = reportSchemaFor(metricCatalog);
export type Report = z.infer<typeof reportSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: string[] };

export function parseReport(input: unknown, catalog: Catalog = metricCatalog): ParseResult<Report> {
  const parsed = reportSchemaFor(catalog).safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** The hard cap on an encoded report, well under the 240 KiB KVS value limit (drafts store bytes + metadata). */
export const MAX_REPORT_BYTES = 64 * 1024;
