import { makeCatalog } from '@usage-reporting/core';
import { builtInMetrics } from '@usage-reporting/core';
import { booleanMetric } from '@usage-reporting/core';
import { collectorErrorBodySchema, type CollectorErrorCode } from '@usage-reporting/core/collector-api';
import { bytesOf, collectorOn, makeReport, postReport, sendReport, type CollectorUnderTest } from './support';
import { storeEngines } from './support/engines';

/** A value no error message may ever contain: it stands for whatever free text a sender tried. */
const SECRET = 'Acme-Secret-Project-Falcon';

const base = makeReport();
const withReport = (patch: Record<string, unknown>) => bytesOf({ ...base, ...patch });
const key = { 'idempotency-key': base.reportId };

interface Case {
  name: string;
  body: string;
  headers?: Record<string, string>;
  status: number;
  code: CollectorErrorCode;
  issuePath?: string;
}

const cases: Case[] = [
  { name: 'a body that is not JSON', body: `{"fields": ${SECRET}`, headers: key, status: 400, code: 'MALFORMED_JSON' },
  { name: 'an empty body', body: '', headers: key, status: 400, code: 'MALFORMED_JSON' },
  { name: 'text/plain instead of JSON', body: withReport({}), headers: { ...key, 'content-type': 'text/plain' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'form encoding instead of JSON', body: `a=${SECRET}`, headers: { ...key, 'content-type': 'application/x-www-form-urlencoded' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a body over 64 KiB', body: withReport({ generatedAt: SECRET.repeat(3000) }), headers: key, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'JSON that is an array', body: `["${SECRET}"]`, headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: '(root)' },
  { name: 'a missing reportId', body: bytesOf({ ...base, reportId: undefined }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: 'reportId' },
  { name: 'purposes of the wrong type', body: withReport({ purposes: SECRET }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: 'purposes' },
  { name: 'an installationId that is not a uuid', body: withReport({ installationId: SECRET }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: 'installationId' },
  { name: 'an unknown top-level key', body: withReport({ [SECRET]: 1 }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: '(root)' },
  { name: 'an unknown field', body: withReport({ fields: { ...base.fields, [`site.${SECRET}`]: true } }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: 'fields' },
  { name: 'free text in an enum field', body: withReport({ fields: { ...base.fields, 'app.licence': SECRET } }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: 'fields.app.licence' },
  { name: 'free text in a bucket field', body: withReport({ fields: { ...base.fields, 'site.projects': `37 (${SECRET})` } }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: 'fields.site.projects' },
  { name: 'an exact count in a bucket field', body: withReport({ fields: { ...base.fields, 'site.projects': 37 } }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: 'fields.site.projects' },
  { name: 'a format name of the wrong form', body: withReport({ format: `usage-report/${SECRET}` }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: 'format' },
  { name: 'a format version no app produced', body: withReport({ format: 'usage-report/99' }), headers: key, status: 400, code: 'SCHEMA_VIOLATION', issuePath: 'format' },
  { name: 'a missing idempotency key', body: withReport({}), headers: {}, status: 400, code: 'IDEMPOTENCY_KEY_MISSING' },
  { name: 'an idempotency key that differs from reportId', body: withReport({}), headers: { 'idempotency-key': makeReport().reportId }, status: 400, code: 'IDEMPOTENCY_KEY_MISMATCH' },
  { name: 'valid JSON that is not the canonical bytes', body: JSON.stringify(base, null, 2), headers: key, status: 400, code: 'NOT_CANONICAL' }
];

const engines = storeEngines();

describe.each(engines)('malformed input to POST /v1/reports, on $name', (engine) => {
  let c: CollectorUnderTest;
  beforeAll(async () => {
    c = await collectorOn(engine);
  });
  afterAll(async () => {
    await c.close();
  });

  it.each(cases)('refuses $name with $status $code, stores nothing and echoes nothing', async ({ body, headers, status, code, issuePath }) => {
    const res = await postReport(c, body, headers);

    expect(res.statusCode).toBe(status);
    const error = collectorErrorBodySchema.parse(res.json()).error;
    expect(error.code).toBe(code);
    if (issuePath !== undefined) expect(error.issues?.map((i) => i.path)).toContain(issuePath);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('Falcon');
    expect(await c.store.countReports()).toBe(0);
  });

  it('names the rule that failed without quoting the value', async () => {
    const res = await postReport(c, withReport({ fields: { ...base.fields, 'app.licence': SECRET } }), key);
    expect(res.json()).toEqual({
      error: {
        code: 'SCHEMA_VIOLATION',
        message: 'The body is not a usage report this collector accepts.',
        issues: [{ path: 'fields.app.licence', message: 'not an allowed value (allowed: "active", "evaluation", "inactive", "none")' }]
      }
    });
  });

  it('keeps serving after every kind of malformed input', async () => {
    for (const { body, headers } of cases) await postReport(c, body, headers);
    expect((await sendReport(c, base)).status).toBe(201);
    expect(await c.store.countReports()).toBe(1);
  });
});

describe.each(engines)('format versions, on $name', (engine) => {
  // A catalog one release ahead: it added a field in format 2.
  const catalogV2 = makeCatalog([
    ...builtInMetrics,
    booleanMetric({
      key: 'site.darkModeDefault',
      category: 'configuration',
      purpose: 'product-improvement',
      since: 2,
      description: 'Whether the site defaults to dark mode.',
      collect: () => true
    })
  ]);
  let c: CollectorUnderTest;
  beforeEach(async () => {
    c = await collectorOn(engine, { catalog: catalogV2 });
  });
  afterEach(async () => {
    await c.close();
  });

  it('still accepts a format-1 report after format 2 exists', async () => {
    expect((await sendReport(c, makeReport({ format: 'usage-report/1' }))).status).toBe(201);
  });

  it('accepts a format-2 report with the format-2 field', async () => {
    const v2 = makeReport({ format: 'usage-report/2', fields: { ...makeReport().fields, 'site.darkModeDefault': true } });
    expect((await sendReport(c, v2)).status).toBe(201);
  });

  it('refuses a format-1 report that carries a field format 1 did not have', async () => {
    const wrong = makeReport({ format: 'usage-report/1', fields: { ...makeReport().fields, 'site.darkModeDefault': true } });
    const res = await postReport(c, bytesOf(wrong), { 'idempotency-key': wrong.reportId });
    expect(res.statusCode).toBe(400);
    expect(collectorErrorBodySchema.parse(res.json()).error.issues).toEqual([{ path: 'fields.site.darkModeDefault', message: 'not part of format version 1 (added in 2)' }]);
    expect(await c.store.countReports()).toBe(0);
  });

  it('refuses format 3, which no app has produced', async () => {
    const ahead = makeReport({ format: 'usage-report/3' });
    const res = await postReport(c, bytesOf(ahead), { 'idempotency-key': ahead.reportId });
    expect(res.statusCode).toBe(400);
    expect(collectorErrorBodySchema.parse(res.json()).error.issues).toEqual([{ path: 'format', message: 'unknown format version (newest known: usage-report/2)' }]);
  });

  it('refuses a field whose purpose the report does not cover', async () => {
    const narrowed = makeReport({ purposes: ['troubleshooting'] });
    const res = await postReport(c, bytesOf(narrowed), { 'idempotency-key': narrowed.reportId });
    expect(res.statusCode).toBe(400);
    expect(collectorErrorBodySchema.parse(res.json()).error.issues?.map((i) => i.path)).toEqual(['fields.app.licence', 'fields.site.product', 'fields.site.projects']);
  });
});
