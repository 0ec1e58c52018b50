import { collectorErrorBodySchema, type CollectorErrorCode } from '@usage-reporting/core/collector-api';
import { metricCatalog } from '@usage-reporting/core';
import { scanForPersonalData } from '@usage-reporting/core';
import { privacyScanner } from '../src/http/privacy-scan';
import { bytesOf, collectorOn, makeInstallation, makeReport, postReport, sendReport, type EngineCollector } from './support';
import { storeEngines } from './support/engines';

const errorOf = (body: unknown) => collectorErrorBodySchema.parse(body).error;

describe.each(storeEngines())('what the collector refuses to store, whoever signed it, on $name', (engine) => {
  let c: EngineCollector;
  beforeAll(async () => {
    c = await collectorOn(engine);
  });
  afterAll(async () => {
    await c.close();
  });

  const refused = async (patch: Record<string, unknown>, status: number, code: CollectorErrorCode) => {
    const report = { ...makeReport(), ...patch };
    const res = await postReport(c, bytesOf(report), { 'idempotency-key': report.reportId });
    expect(res.statusCode).toBe(status);
    const error = errorOf(res.json());
    expect(error.code).toBe(code);
    expect(await c.store.countReports()).toBe(0);
    return { error, body: res.body };
  };

  // Field values are closed sets the schema checks; a withheld key is the free-form string left (catalog-key shaped).
  it.each([
    ['a host', 'acme.atlassian', 'hostname'],
    ['an account id', 'site.g5b10a2844c20165700ede21f', 'account-id'],
    ['a token', 'site.sk4eC39HqLyjWDarjtT1zdp7dc9X', 'token']
  ])('refuses a withheld key that looks like %s with 422 PRIVACY_VIOLATION, naming where and what, never the value', async (_name, key, kind) => {
    const { error, body } = await refused({ withheld: [{ key: 'site.projects', reason: 'restricted-field' }, { key, reason: 'restricted-field' }] }, 422, 'PRIVACY_VIOLATION');
    expect(error.issues).toEqual([{ path: '$["withheld"][1]["key"]', message: `looks like ${kind}` }]);
    expect(body).not.toContain(key);
  });

  it('accepts the report that carries only catalog values and its own ids', async () => {
    expect((await sendReport(c, makeReport({ withheld: [{ key: 'site.projects', reason: 'restricted-field' }] }))).status).toBe(201);
    await c.tables.clear('reports');
  });

  it('refuses more withheld entries than the catalog has keys', async () => {
    const withheld = Array.from({ length: metricCatalog.entries.length + 1 }, (_, i) => ({ key: metricCatalog.entries[i % metricCatalog.entries.length]?.key ?? '', reason: 'restricted-field' }));
    const { error } = await refused({ withheld }, 400, 'SCHEMA_VIOLATION');
    expect(error.issues?.map((i) => i.path)).toContain('withheld');
  });

  it.each([
    ['a period day that is not on the calendar', { period: { from: '2026-02-30', to: '2026-03-01' } }, 'period.from'],
    ['a leap day in a year without one', { period: { from: '2026-02-22', to: '2026-02-29' } }, 'period.to'],
    ['a period that ends before it starts', { period: { from: '2026-11-28', to: '2026-11-22' } }, 'period.to'],
    ['a generatedAt that is not on the calendar', { generatedAt: '2026-02-30T04:00:00.000Z' }, 'generatedAt']
  ])('refuses %s', async (_name, patch, path) => {
    const { error } = await refused(patch, 400, 'SCHEMA_VIOLATION');
    expect(error.issues?.map((i) => i.path)).toContain(path);
  });

  it('answers an unsigned request 401 before it looks at the body, however invalid that body is', async () => {
    const answers = [];
    for (const body of ['not json', '{"installationId":"x"}', bytesOf(makeReport())]) {
      const res = await c.app.inject({ method: 'POST', url: '/v1/reports', payload: body, headers: { 'content-type': 'text/plain' } });
      answers.push([res.statusCode, res.body]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]?.[0]).toBe(401);
    expect(errorOf(JSON.parse(String(answers[0]?.[1]))).code).toBe('UNAUTHENTICATED');
  });

  it('answers a report signed by a key that does not certify the id it names 401, not 400, even when the body is invalid', async () => {
    const victim = makeInstallation();
    const outsider = makeInstallation();
    const res = await postReport(c, '{"not":"a report"}', {}, { ...outsider, installationId: victim.installationId });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res.json()).code).toBe('UNAUTHENTICATED');
  });

  it("finds exactly what the app's guard finds, on first sight of a string and from its cache", () => {
    const scan = privacyScanner(metricCatalog);
    const report = makeReport({ withheld: [{ key: 'site.projects', reason: 'restricted-field' }, { key: 'acme.atlassian', reason: 'restricted-field' }] });
    const other = makeReport();
    // Strings that name an id pass only in the report that owns the id: such strings are never cached.
    const hostile = { ...report, format: `x-${other.installationId}`, generatedAt: `y-${report.installationId}` };
    for (const r of [report, other, hostile, report, hostile]) {
      const expected = scanForPersonalData(r, { siteHosts: [], allowed: new Set([r.installationId, r.reportId, ...metricCatalog.entries.map((e) => e.key)]) });
      expect(scan(r)).toEqual(expected);
    }
    expect(scan(hostile).map((h) => h.path)).toEqual(expect.arrayContaining(['$["format"]', '$["withheld"][1]["key"]']));
  });
});
