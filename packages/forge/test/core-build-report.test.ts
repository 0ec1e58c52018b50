import { generateInstallationKeyPair, installationIdOf } from '@usage-reporting/core/node';
import { randomUUID } from 'node:crypto';
import { builtInMetrics, countMetric, enumMetric, makeCatalog, metricCatalog, type SiteFacts } from '@usage-reporting/core';
import { defaultSettings, initialConsent, noRestrictions, type ConsentState } from '@usage-reporting/core';
import { sha256Hex } from '@usage-reporting/core/node';
import { MAX_REPORT_BYTES, parseReport } from '@usage-reporting/core';
import { buildReport, type ReportInputs } from '@usage-reporting/core/node';
import { coverage } from '../src/core/coverage';

const facts: SiteFacts = {
  app: { version: '3.12.1', environment: 'production', licence: 'active' },
  product: 'jira',
  counts: { projects: 42, issueTypes: 7, issues: 12_000, customFields: 130 },
  usage: { 'report.previewed': 3 }
};
const inputs: ReportInputs = { facts, period: { from: '2026-11-01', to: '2026-11-29' }, siteHosts: ['acme.atlassian.net', 'c0ffee00-1234-4abc-8def-001122334455'] };
const ids = { reportId: randomUUID(), installationId: installationIdOf(generateInstallationKeyPair().publicKey) };
const now = new Date('2026-11-29T09:00:00.000Z');
const consent = (patch: Partial<ConsentState> = {}): ConsentState => ({ ...initialConsent, mode: 'per-case', acceptedFormat: 2, ...patch });

function built(c: ConsentState = consent(), catalog = metricCatalog) {
  const result = buildReport(inputs, defaultSettings, c, now, ids, catalog);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.built;
}

describe('buildReport', () => {
  test('is pure: the same arguments give the same bytes, and the digest is of exactly those bytes', () => {
    const a = built();
    const b = built();
    expect(a.text).toBe(b.text);
    expect(a.digest).toBe(sha256Hex(a.text));
    expect(a.size).toBe(Buffer.byteLength(a.text, 'utf8'));
    expect(parseReport(JSON.parse(a.text))).toMatchObject({ ok: true });
  });

  test('site counts leave only as buckets, and a count the site did not give is absent', () => {
    const { report } = built();
    expect(report.fields).toMatchObject({ 'site.projects': '11-50', 'site.issues': '10001-50000', 'site.customFields': '101-500', 'app.versionMajor': 3, 'app.versionMinor': 12 });
    expect(Object.keys(report.fields)).not.toContain('site.spaces');
    expect(JSON.stringify(report)).not.toContain('12000');
  });

  test('withholds, with the reason, fields of an unaccepted format, restricted fields, categories and purposes', () => {
    const { report } = built(consent({ acceptedFormat: 1, restrictions: { categories: ['usage'], fields: ['site.issues'], purposes: ['troubleshooting'] } }));
    const reasons = Object.fromEntries(report.withheld.map((w) => [w.key, w.reason]));
    expect(reasons).toMatchObject({
      'site.customFields': 'format-not-accepted',
      'site.issues': 'restricted-field',
      'usage.reportsPreviewed': 'restricted-category',
      'site.projects': 'restricted-purpose'
    });
    expect(report.withheld.map((w) => w.key)).toEqual([...report.withheld.map((w) => w.key)].sort());
    for (const key of Object.keys(reasons)) expect(Object.keys(report.fields)).not.toContain(key);
    expect(report.purposes).toEqual(['troubleshooting']);
  });

  test('what it builds is covered by the consent it was built under, and not after a narrowing', () => {
    const c = consent();
    const { report } = built(c);
    expect(coverage(c, report, metricCatalog)).toEqual({ ok: true });
    expect(coverage({ ...c, restrictions: { ...noRestrictions, fields: ['site.projects'] } }, report, metricCatalog)).toMatchObject({ ok: false, code: 'RESTRICTIONS_CHANGED' });
    expect(coverage({ ...c, restrictions: { ...noRestrictions, purposes: ['troubleshooting'] } }, report, metricCatalog)).toMatchObject({ ok: false, code: 'RESTRICTIONS_CHANGED' });
    expect(coverage({ ...c, mode: 'off' }, report, metricCatalog)).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
    expect(coverage({ ...c, mode: 'not-asked', acceptedFormat: 0 }, report, metricCatalog)).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('the privacy guard blocks a value that slipped past the types, naming the field and never the value', () => {
    // makeCatalog refuses such an enum (check-catalog.ts); this one is assembled by hand, as a
    // catalog that skipped the check would be, so the guard at build time is what stops it.
    const notifyAddress = enumMetric(['ops@acme.example'] as const, {
      key: 'config.notifyAddress', category: 'configuration', purpose: 'troubleshooting', since: 1,
      description: 'A vendor mistake: an enum whose value is an email address.',
      collect: () => 'ops@acme.example'
    });
    const entries = [...builtInMetrics, notifyAddress];
    const leaky = { ...metricCatalog, entries, byKey: new Map(entries.map((e) => [e.key, e] as const)) };
    const result = buildReport(inputs, defaultSettings, consent(), now, ids, leaky);
    expect(result).toMatchObject({ ok: false, code: 'PRIVACY_BLOCKED' });
    if (result.ok) return;
    expect(result.message).toContain('config.notifyAddress');
    expect(result.message).toContain('email');
    expect(result.message).not.toContain('ops@acme');
  });

  test('a value outside its type is left out as unavailable, not sent', () => {
    const broken = makeCatalog([
      ...builtInMetrics,
      countMetric({ key: 'usage.broken', category: 'usage', purpose: 'troubleshooting', since: 1, description: 'Returns a negative count.', collect: () => -1 })
    ]);
    const result = buildReport(inputs, defaultSettings, consent(), now, ids, broken);
    expect(result).toMatchObject({ ok: true, built: { unavailable: ['usage.broken'] } });
  });

  test('a report over the size cap is refused with a clear error', () => {
    const huge = makeCatalog(
      Array.from({ length: 2500 }, (_, i) =>
        countMetric({ key: `usage.padding${String(i).padStart(5, '0')}WithAVeryLongDescriptiveName`, category: 'usage', purpose: 'troubleshooting', since: 1, description: 'Padding.', collect: () => 1_000_000 })
      )
    );
    const result = buildReport(inputs, defaultSettings, consent(), now, ids, huge);
    expect(result).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    if (!result.ok) expect(result.message).toContain(`the limit is ${MAX_REPORT_BYTES} bytes`);
  });
});
