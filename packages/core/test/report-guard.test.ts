import { booleanMetric } from '../src/catalog/entry';
import { makeCatalog } from '../src/catalog/catalog';
import { formatName } from '../src/report/schema';
import { classify } from '../src/report/privacy-guard';
import { guardReport } from '../src/reporting/report-guard';
import { parseReportOfAnyCatalog } from '../src/report/schema';

/**
 * A catalog may grow past format 99. `usage-report/100` has the shape of a token to the guard's
 * detectors, so a report of that format was refused whole; the catalog's own format names are
 * allowed strings, like its keys.
 */
const catalogOf = (formats: number) =>
  makeCatalog(
    Array.from({ length: formats }, (_, i) =>
      booleanMetric({ key: `sso.flag${i + 1}`, category: 'configuration', purpose: 'product-improvement', since: i + 1, description: 'A flag.', collect: () => true })
    )
  );

const report = (format: number) => ({ format: formatName(format), reportId: '6f1c2a9e-4b1d-4c3e-9a7b-1d2e3f4a5b6c', installationId: 'b7e4c0de-1a2b-8c3d-9e4f-5a6b7c8d9e0f', fields: { 'sso.flag1': true } });

test('a report of format 100 passes the guard when its catalog reaches format 100', () => {
  expect(classify(formatName(100), { siteHosts: [], allowed: new Set() })).toBe('token');
  expect(guardReport(report(100), [], catalogOf(100))).toEqual({ ok: true });
});

test('a format name the catalog never made is still blocked where it looks like a token', () => {
  expect(guardReport(report(100), [], catalogOf(3))).toMatchObject({ ok: false, code: 'PRIVACY_BLOCKED' });
});

describe('a report read without its catalog (the admin page holds none)', () => {
  const bytes = (fields: Record<string, unknown>) => ({
    fields,
    format: 'usage-report/1',
    generatedAt: '2026-11-29T09:00:00.000Z',
    installationId: 'b7e4c0de-1a2b-8c3d-9e4f-5a6b7c8d9e0f',
    period: { from: '2026-11-01', to: '2026-11-29' },
    purposes: ['product-improvement'],
    reportId: '6f1c2a9e-4b1d-4c3e-9a7b-1d2e3f4a5b6c',
    withheld: []
  });

  test("any app's catalog keys and scalar values read back", () => {
    expect(parseReportOfAnyCatalog(bytes({ 'sso.enabledProtocols': 'saml', 'sso.mfaEnforced': true, 'sso.providers': '1-10' }))).toMatchObject({ ok: true });
  });

  test('the envelope is still checked whole, and a value that is not a scalar is refused', () => {
    expect(parseReportOfAnyCatalog({ ...bytes({}), extra: 1 })).toMatchObject({ ok: false });
    expect(parseReportOfAnyCatalog(bytes({ 'sso.providers': { url: 'https://idp.example' } }))).toMatchObject({ ok: false });
    expect(parseReportOfAnyCatalog(bytes({ 'Not A Key': 1 }))).toMatchObject({ ok: false });
  });
});

test('a string that is not a closed label (an email, a URL) is refused where no catalog says otherwise', () => {
  const base = { format: 'usage-report/1', generatedAt: '2026-11-29T09:00:00.000Z', installationId: 'b7e4c0de-1a2b-8c3d-9e4f-5a6b7c8d9e0f', period: { from: '2026-11-01', to: '2026-11-29' }, purposes: ['product-improvement'], reportId: '6f1c2a9e-4b1d-4c3e-9a7b-1d2e3f4a5b6c', withheld: [] };
  expect(parseReportOfAnyCatalog({ ...base, fields: { 'sso.contact': 'ops@acme.example' } })).toMatchObject({ ok: false });
  expect(parseReportOfAnyCatalog({ ...base, fields: { 'sso.idp': 'https://idp.acme.example' } })).toMatchObject({ ok: false });
  expect(parseReportOfAnyCatalog({ ...base, fields: { 'sso.logins': '10001+' } })).toMatchObject({ ok: true });
});
