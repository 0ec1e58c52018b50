import type { Catalog } from '@usage-reporting/core';
import type { SchemaIssue } from '@usage-reporting/core/collector-api';
import { formatVersionOf, type Report } from '@usage-reporting/core';
import { reportSchemaFor } from '@usage-reporting/core';
import { privacyScanner } from './privacy-scan.js';
import { failure, safeIssues, type Failure } from './errors.js';

/**
 * The app's own report schema (imported, never copied) plus what only the receiving side can check
 * against the catalog: the format is one a released app produced, each field existed in that format,
 * and each field serves a purpose the report says it covers. Then the app's privacy guard once more:
 * the collector must not store what a modified or buggy app let through.
 */
const scanners = new WeakMap<Catalog, ReturnType<typeof privacyScanner>>();
const scannerFor = (catalog: Catalog) => {
  const held = scanners.get(catalog);
  if (held) return held;
  const made = privacyScanner(catalog);
  scanners.set(catalog, made);
  return made;
};

export function validateReport(input: unknown, catalog: Catalog): { ok: true; report: Report } | { ok: false; failure: Failure } {
  const parsed = reportSchemaFor(catalog).safeParse(input);
  if (!parsed.success) {
    return { ok: false, failure: failure('SCHEMA_VIOLATION', 'The body is not a usage report this collector accepts.', safeIssues(parsed.error.issues, input, catalog)) };
  }
  const report = parsed.data;
  const version = formatVersionOf(report.format);
  if (version > catalog.formatVersion) {
    return {
      ok: false,
      failure: failure('SCHEMA_VIOLATION', 'The report format version is newer than any the app has produced.', [
        { path: 'format', message: `unknown format version (newest known: usage-report/${catalog.formatVersion})` }
      ])
    };
  }
  const issues: SchemaIssue[] = [];
  for (const key of Object.keys(report.fields)) {
    const entry = catalog.byKey.get(key);
    // The schema admitted the key, so it is a catalog key and safe to name.
    if (!entry) continue;
    if (entry.since > version) issues.push({ path: `fields.${key}`, message: `not part of format version ${version} (added in ${entry.since})` });
    else if (!report.purposes.includes(entry.purpose)) issues.push({ path: `fields.${key}`, message: `serves '${entry.purpose}', which the report's purposes do not include` });
  }
  if (issues.length > 0) return { ok: false, failure: failure('SCHEMA_VIOLATION', 'The report contradicts its own format version or purposes.', issues) };
  // The parsed report holds only schema-known keys, so a hit's path names nothing the sender chose.
  const hits = scannerFor(catalog)(report);
  if (hits.length > 0) {
    return {
      ok: false,
      failure: failure(
        'PRIVACY_VIOLATION',
        'The report holds values that look like personal or site data; nothing was stored.',
        hits.slice(0, 20).map((h) => ({ path: h.path, message: `looks like ${h.kind}` }))
      )
    };
  }
  return { ok: true, report };
}
