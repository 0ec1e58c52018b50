import fc from 'fast-check';
import {
  bucketLabels,
  bucketOf,
  canonicalJson,
  cadences,
  consentModes,
  effectiveAcceptedFormat,
  environments,
  formatVersionOf,
  guardReport,
  licenceStates,
  meterEvents,
  metricCatalog,
  reportSchemaFor,
  siteCountSchema,
  withheldReason,
  type ConsentState,
  type SiteFacts
} from '../src';
import { buildReport, sha256Hex, type ReportInputs } from '../src/node';
import { instant, reachableState, restrictionsFor } from './arbitraries';

/**
 * buildReport is the one path for preview and send: for any site and any consent, what it builds
 * must be a valid report whose bytes, digest and contents follow from its inputs, and nothing in it
 * may be free text or a field the consent withholds.
 */
const catalog = metricCatalog;

const versionString = fc.oneof(
  fc.tuple(fc.nat({ max: 999999 }), fc.nat({ max: 999999 }), fc.nat({ max: 999 })).map((v) => v.join('.')),
  // A build suffix or a string that is no version at all: free text the report must never carry.
  fc.tuple(fc.nat({ max: 99 }), fc.nat({ max: 99 }), fc.constantFrom('-beta+alice@example.com', '-build.acme.atlassian.net')).map(([a, b, s]) => `${a}.${b}${s}`),
  fc.string({ maxLength: 64 })
);

const siteFacts: fc.Arbitrary<SiteFacts> = fc.record({
  app: fc.record({ version: versionString, environment: fc.constantFrom(...environments), licence: fc.constantFrom(...licenceStates) }),
  product: fc.constantFrom('jira' as const, 'confluence' as const),
  counts: fc.dictionary(fc.constantFrom(...siteCountSchema.options), fc.oneof(fc.nat({ max: 60000 }), fc.maxSafeNat())),
  usage: fc.dictionary(fc.constantFrom(...meterEvents), fc.oneof(fc.nat({ max: 1000 }), fc.maxSafeNat()))
});

/** Any state the consent schema accepts, not only the ones the transitions reach: stored state may be old or edited. */
const anyConsent: fc.Arbitrary<ConsentState> = fc.record({
  mode: fc.constantFrom(...consentModes),
  cadence: fc.constantFrom(...cadences),
  acceptedFormat: fc.nat({ max: catalog.formatVersion + 2 }),
  restrictions: restrictionsFor(catalog),
  revision: fc.nat(),
  changedAt: fc.option(instant.map((d) => d.toISOString()), { nil: null })
});

const day = fc.date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2099-12-31T00:00:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const inputs: fc.Arbitrary<ReportInputs> = fc.record({
  facts: siteFacts,
  period: fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
  siteHosts: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/).map((name) => [`${name}.atlassian.net`])
});
const ids = fc.record({ reportId: fc.uuid({ version: 4 }), installationId: fc.uuid({ version: 8 }) });
const settings = fc.record({ retentionDays: fc.integer({ min: 30, max: 730 }) });
const consent = fc.oneof(reachableState(catalog), anyConsent);

const build = fc.tuple(inputs, settings, consent, instant, ids);

describe('buildReport, for any site and any consent', () => {
  test('builds a report that parses with the catalog\'s schema, whose text is its canonical JSON and whose digest and size are of that text', () => {
    fc.assert(
      fc.property(build, ([i, s, c, now, id]) => {
        const result = buildReport(i, s, c, now, id, catalog);
        if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
        const { report, text, digest, size } = result.built;
        const parsed = reportSchemaFor(catalog).safeParse(JSON.parse(text));
        expect(parsed.success && parsed.data).toEqual(report);
        expect(text).toBe(canonicalJson(report));
        expect(digest).toBe(sha256Hex(text));
        expect(size).toBe(Buffer.byteLength(text, 'utf8'));
        expect(report).toMatchObject({ ...id, generatedAt: now.toISOString(), period: i.period, purposes: c.restrictions.purposes });
        // Sent again at delivery, the same bytes must pass the guard they passed when built.
        expect(guardReport(report, i.siteHosts, catalog)).toEqual({ ok: true });
      }),
      { numRuns: 200 }
    );
  });

  test('is pure: the same arguments give the same bytes', () => {
    fc.assert(
      fc.property(build, ([i, s, c, now, id]) => {
        expect(buildReport(i, s, c, now, id, catalog)).toEqual(buildReport(i, s, c, now, id, catalog));
      }),
      { numRuns: 50 }
    );
  });

  test('a field the consent withholds never appears; it is listed once, with the reason, and every field it does not withhold is there', () => {
    // Fields every site gives, whatever its facts: the rest depend on the product and on what the site could count.
    const alwaysGiven = (key: string) => /^(usage|config)\./.test(key) || ['app.environment', 'app.licence', 'site.product'].includes(key);
    fc.assert(
      fc.property(build, ([i, s, c, now, id]) => {
        const result = buildReport(i, s, c, now, id, catalog);
        if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
        const { report, unavailable } = result.built;
        const withheld = new Map(report.withheld.map((w) => [w.key, w.reason]));
        expect(report.withheld.map((w) => w.key)).toEqual([...withheld.keys()].sort());
        for (const entry of catalog.entries) {
          const reason = withheldReason(entry, c, catalog);
          const placed = [entry.key in report.fields, withheld.has(entry.key), unavailable.includes(entry.key)].filter(Boolean).length;
          expect(placed).toBeLessThanOrEqual(1);
          if (withheld.has(entry.key)) expect(withheld.get(entry.key)).toBe(reason);
          if (reason) expect(entry.key in report.fields).toBe(false);
          if (alwaysGiven(entry.key)) expect(reason ? withheld.has(entry.key) : entry.key in report.fields).toBe(true);
        }
      }),
      { numRuns: 200 }
    );
  });


  test('carries no field its format lacks, and only fields for the purposes it declares', () => {
    fc.assert(
      fc.property(build, ([i, s, c, now, id]) => {
        const result = buildReport(i, s, c, now, id, catalog);
        if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
        const { report } = result.built;
        const format = formatVersionOf(report.format);
        // The collector checks each field against the format the report names: a newer field would be refused there.
        expect(format).toBe(Math.min(effectiveAcceptedFormat(c, catalog), catalog.formatVersion));
        for (const key of Object.keys(report.fields)) {
          const entry = catalog.byKey.get(key);
          expect(entry && entry.since <= format && report.purposes.includes(entry.purpose)).toBe(true);
        }
      }),
      { numRuns: 200 }
    );
  });

  test('no value is free text: each is a boolean, a count, or a label from the field\'s closed set, and counts of scale leave only as buckets', () => {
    fc.assert(
      fc.property(build, ([i, s, c, now, id]) => {
        const result = buildReport(i, s, c, now, id, catalog);
        if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
        const { report, text } = result.built;
        for (const [key, value] of Object.entries(report.fields)) {
          const type = catalog.byKey.get(key)?.valueType;
          if (type?.kind === 'enum') expect(type.values).toContain(value);
          else if (type?.kind === 'bucket') expect(bucketLabels).toContain(value);
          else if (type?.kind === 'count') expect(Number.isSafeInteger(value) && (value as number) >= 0).toBe(true);
          else expect(typeof value).toBe('boolean');
        }
        for (const kind of siteCountSchema.options) {
          const key = `site.${kind}`;
          const count = i.facts.counts[kind];
          if (key in report.fields && count !== undefined) expect(report.fields[key]).toBe(bucketOf(count));
        }
        // Only the version's leading numbers may leave; the rest of the version string stays on the site.
        expect(text).not.toMatch(/alice@example\.com|build\.acme/);
      }),
      { numRuns: 200 }
    );
  });
});
