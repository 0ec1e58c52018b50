import type { z } from 'zod';
import { metricCatalog, valueSchema, type Catalog, type ConfigFacts, type FieldValue, type SiteFacts } from '../catalog/index.js';
import { canonicalJson, utf8Length } from '../report/canonical-json.js';
import { type ConsentState, type Settings } from '../report/consent.js';
import { sha256Hex } from '../report/digest.js';
import { formatName, MAX_REPORT_BYTES, reportSchemaFor, type Report, type WithheldReason } from '../report/schema.js';
import { effectiveAcceptedFormat, withheldReason } from './field-decision.js';
import { guardReport } from './report-guard.js';

export interface ReportInputs {
  facts: SiteFacts;
  /** The app's own facts (its fact reader's snapshot), which its catalog reads as `ctx.vendor`. */
  vendor?: unknown;
  period: { from: string; to: string };
  /** The site's own hosts, which the privacy guard blocks wherever they appear. */
  siteHosts: readonly string[];
}

export interface ReportIds {
  reportId: string;
  installationId: string;
}

export interface BuiltReport {
  report: Report;
  /** The canonical JSON text: exactly the bytes (UTF-8) that are previewed, stored and sent. */
  text: string;
  digest: string;
  size: number;
  /** Fields the site could not give this time (not part of the report). */
  unavailable: string[];
}

export type BuildResult =
  | { ok: true; built: BuiltReport }
  | { ok: false; code: 'PRIVACY_BLOCKED' | 'TOO_LARGE' | 'INTERNAL'; message: string };

/**
 * Zod schemas are costly to construct (most of a build's time went into building them), and a
 * catalog never changes once made: the per-field value schemas are built once per catalog, like
 * the report schema (reportSchemaFor).
 */
const valueSchemaCache = new WeakMap<Catalog, Map<string, z.ZodType<FieldValue>>>();
function schemasOf(catalog: Catalog) {
  let value = valueSchemaCache.get(catalog);
  if (!value) {
    value = new Map(catalog.entries.map((e) => [e.key, valueSchema(e.valueType)]));
    valueSchemaCache.set(catalog, value);
  }
  return { report: reportSchemaFor(catalog), value };
}

/**
 * The one function that makes a report: preview, per-case send and scheduled send all call it, so
 * what the admin previews and what leaves cannot drift apart. Pure: same arguments, same bytes.
 */
export function buildReport(
  inputs: ReportInputs,
  settings: Settings,
  consent: ConsentState,
  now: Date,
  ids: ReportIds,
  catalog: Catalog = metricCatalog
): BuildResult {
  const schemas = schemasOf(catalog);
  const config: ConfigFacts = {
    mode: consent.mode,
    cadence: consent.cadence,
    restrictionsActive: consent.restrictions.categories.length > 0 || consent.restrictions.fields.length > 0,
    purposesNarrowed: consent.restrictions.purposes.length < 2,
    retentionDays: settings.retentionDays
  };
  const fields: Record<string, FieldValue> = {};
  const withheld: Array<{ key: string; reason: WithheldReason }> = [];
  const unavailable: string[] = [];
  for (const entry of catalog.entries) {
    const value = entry.collect({ facts: inputs.facts, config, vendor: inputs.vendor });
    if (value === undefined) continue;
    if (!schemas.value.get(entry.key)?.safeParse(value).success) {
      unavailable.push(entry.key);
      continue;
    }
    const reason = withheldReason(entry, consent, catalog);
    if (reason) withheld.push({ key: entry.key, reason });
    else fields[entry.key] = value;
  }
  withheld.sort((a, b) => (a.key < b.key ? -1 : 1));
  const candidate = {
    fields,
    // Like Syncthing's usage-report version: the format the admin accepted, whose rules these bytes
    // follow. The collector then refuses, on its own, any field that format did not have.
    format: formatName(Math.min(effectiveAcceptedFormat(consent, catalog), catalog.formatVersion)),
    generatedAt: now.toISOString(),
    installationId: ids.installationId,
    period: inputs.period,
    purposes: [...consent.restrictions.purposes],
    reportId: ids.reportId,
    withheld
  };
  const guarded = guardReport(candidate, inputs.siteHosts, catalog);
  if (!guarded.ok) return guarded;
  const parsed = schemas.report.safeParse(candidate);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    return { ok: false, code: 'INTERNAL', message: `The built report does not match the report schema at: ${where}` };
  }
  const text = canonicalJson(parsed.data);
  const size = utf8Length(text);
  if (size > MAX_REPORT_BYTES) {
    return { ok: false, code: 'TOO_LARGE', message: `The report is ${size} bytes; the limit is ${MAX_REPORT_BYTES} bytes.` };
  }
  return { ok: true, built: { report: parsed.data, text, digest: sha256Hex(text), size, unavailable } };
}
