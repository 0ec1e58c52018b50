import { randomUUID } from 'node:crypto';
import type { Envelope } from '@usage-reporting/core/api';
import type { AdminPageOutput, FieldInfo, PreviewOutput, ResolverInput, ResolverName, ResolverOutput } from '@usage-reporting/core/api';
import { describeField, metricCatalog } from '@usage-reporting/core';
import { canonicalJson } from '@usage-reporting/core';
import { initialConsent, defaultSettings } from '@usage-reporting/core';
import { sha256Hex } from '@usage-reporting/core/node';
import type { HistorySummary } from '@usage-reporting/core';
import type { Report } from '@usage-reporting/core';
import { createClient, type AdminClient } from '../src/api/client';

/**
 * Realistic backend answers for the page's component tests, built with the same shared code the
 * backend uses (catalog descriptions, canonical JSON, SHA-256), so the page is tested on the shapes
 * and bytes it will really receive.
 */
export const fields: FieldInfo[] = metricCatalog.entries.map((entry) => {
  const d = describeField(entry);
  return {
    key: d.key,
    category: d.category,
    purpose: d.purpose,
    description: d.description,
    since: d.since,
    valueKind: d.valueType.kind,
    ...(entry.translations ? { translations: entry.translations } : {})
  };
});

export function report(overrides: Partial<Report> = {}): Report {
  return {
    fields: { 'app.versionMajor': 1, 'app.environment': 'production', 'site.product': 'jira', 'site.projects': '11-50' },
    format: 'usage-report/2',
    generatedAt: '2026-11-29T10:00:00.000Z',
    installationId: '6f1c8f4e-7d2a-8b8e-9c1d-2a3b4c5d6e7f',
    period: { from: '2026-10-29', to: '2026-11-28' },
    purposes: ['product-improvement', 'troubleshooting'],
    reportId: randomUUID(),
    withheld: [{ key: 'usage.adminPageOpened', reason: 'restricted-category' }],
    ...overrides
  };
}

export function previewOf(r: Report): PreviewOutput {
  const text = canonicalJson(r);
  return {
    draftId: randomUUID(),
    reportId: r.reportId,
    text,
    digest: sha256Hex(text),
    size: new TextEncoder().encode(text).length,
    createdAt: '2026-11-29T10:00:00.000Z',
    expiresAt: '2026-11-29T10:30:00.000Z',
    signingKeyFingerprint: 'SHA256:S91Xe3FVWJfU/HpJHUXewBkxyFGtGEUGp1oBux3eO1A'
  };
}

export function historyEntry(r: Report, overrides: Partial<HistorySummary> = {}): HistorySummary {
  const text = canonicalJson(r);
  return {
    reportId: r.reportId,
    trigger: 'per-case',
    createdAt: '2026-11-01T09:00:00.000Z',
    sentAt: '2026-11-01T09:00:01.000Z',
    status: 'sent',
    digest: sha256Hex(text),
    size: text.length,
    attempts: 1,
    lastError: null,
    receipt: { receiptId: 'rcpt-1', reportId: r.reportId, receivedAt: '2026-11-01T09:00:01.000Z', digest: sha256Hex(text), duplicate: false },
    period: r.period,
    ...overrides
  };
}

export function adminPage(overrides: Partial<AdminPageOutput> = {}): AdminPageOutput {
  return {
    context: { product: 'jira', isAdmin: true, appVersion: '1.4.0' },
    consent: initialConsent,
    settings: defaultSettings,
    formatVersion: 2,
    fields,
    newFields: [],
    preview: previewOf(report()),
    history: [],
    outboxSize: 0,
    vendorDeletion: null,
    vendorRestriction: null,
    nextAutomaticAt: null,
    delivery: { mode: 'direct', collectorKey: { ok: true, fingerprint: `SHA256:${'C'.repeat(43)}` }, rightsRequests: [], vendorExport: null },
    ...overrides
  };
}

type Handler<N extends ResolverName> = (input: ResolverInput<N>) => Envelope<ResolverOutput<N>> | Promise<Envelope<ResolverOutput<N>>>;
export type Handlers = { [N in ResolverName]?: Handler<N> };

/**
 * A backend for the page made of the given resolver answers. Every call is recorded; a resolver
 * without an answer fails the test loudly rather than returning something invented.
 */
export function fakeBackend(handlers: Handlers): { client: AdminClient; calls: { name: string; payload: unknown }[] } {
  const calls: { name: string; payload: unknown }[] = [];
  const client = createClient(async (functionKey, payload) => {
    // The client invokes `usageReporting.<name>`, as the backend defines it; the scripts are keyed by name.
    const name = functionKey.replace(/^usageReporting\./, '');
    calls.push({ name, payload });
    const handler = (handlers as Record<string, ((input: unknown) => unknown) | undefined>)[name];
    if (!handler) throw new Error(`The test gave no answer for resolver ${name}`);
    return handler(payload);
  });
  return { client, calls };
}
