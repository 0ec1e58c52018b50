import fc from 'fast-check';
import {
  allPurposes,
  bucketLabels,
  classify,
  describeHits,
  formatName,
  metricCatalog,
  scanForPersonalData,
  withheldReasonSchema,
  type GuardOptions,
  type PrivacyHitKind
} from '../src';

/**
 * The guard is the last line behind the catalog's types: whatever identifies a person or a site must
 * be caught even inside otherwise harmless text, and nothing a catalog legitimately produces may be,
 * or every report would be blocked.
 */
const noOptions: GuardOptions = { siteHosts: [], allowed: new Set() };

const hexDigits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
// 'www' as a first label makes a URL, a different kind; every other label makes a plain host name.
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/).filter((l) => l !== 'www');
const tld = fc.constantFrom('com', 'net', 'org', 'io', 'de', 'example');
const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([ls, t]) => [...ls, t].join('.'));
const octet = fc.integer({ min: 0, max: 255 });
const uuid = fc.uuid();
const randomCase = (s: string) => fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));
const base64url = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), minLength: min, maxLength: max });

/** Each kind of thing the guard documents, with a generator of examples of it. */
const personal: ReadonlyArray<readonly [string, PrivacyHitKind, fc.Arbitrary<string>]> = [
  ['an email address', 'email', fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/), host).map(([local, h]) => `${local}@${h}`)],
  ['a URL with a scheme', 'url', fc.tuple(fc.constantFrom('https', 'http', 'ftp', 'ssh', 'git+ssh'), host, fc.stringMatching(/^(\/[a-z0-9]{1,6}){0,3}$/)).map(([scheme, h, p]) => `${scheme}://${h}${p}`)],
  ['a www. address', 'url', fc.tuple(host, fc.stringMatching(/^(\/[a-z0-9]{1,6}){0,2}$/)).map(([h, p]) => `www.${h}${p}`)],
  ['an IPv4 address', 'ipv4', fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'))],
  ['a full IPv6 address', 'ipv6', fc.array(hexDigits(4), { minLength: 8, maxLength: 8 }).map((g) => g.join(':'))],
  ['a compressed IPv6 address', 'ipv6', fc.tuple(fc.array(hexDigits(4), { minLength: 1, maxLength: 3 }), fc.array(hexDigits(4), { minLength: 1, maxLength: 3 })).map(([a, b]) => `${a.join(':')}::${b.join(':')}`)],
  ['an Atlassian account id', 'account-id', fc.tuple(fc.integer({ min: 100000, max: 999999 }), uuid).map(([n, u]) => `${n}:${u}`)],
  ['a legacy Atlassian account id', 'account-id', hexDigits(24)],
  ["an app user's account id", 'account-id', fc.tuple(hexDigits(8), hexDigits(4)).map(([a, b]) => `qm:${a}-${b}`)],
  ['a UUID', 'uuid', uuid],
  ['a JWT', 'jwt', fc.tuple(base64url(4, 30), base64url(4, 40), base64url(0, 40)).map(([h, p, s]) => `eyJ${h}.${p}.${s}`)],
  ['a host name', 'hostname', host]
];

/** Words that say nothing about anyone, for the text around what is planted. */
const harmless = fc.array(fc.constantFrom('weekly', 'report', 'sent', 'to', 'the', 'jira', 'site', 'version', 'counts', 'ok'), { maxLength: 4 }).map((ws) => ws.join(' '));
const embed = (thing: string, before: string, after: string) => [before, thing, after].filter((s) => s !== '').join(' ');

describe('the privacy guard flags, even inside harmless text,', () => {
  test.each(personal)('%s (as %s)', (_shape, kind, arb) => {
    fc.assert(
      fc.property(arb, harmless, harmless, (thing, before, after) => {
        expect(classify(embed(thing, before, after), noOptions)).toBe(kind);
      }),
      { numRuns: 150 }
    );
  });

  test('tokens: long runs mixing letters and digits', () => {
    // 40 characters or more is flagged whatever its entropy; shorter runs need about 3 bits per character.
    // A random run may also look like another kind (a legacy account id): blocked either way.
    const token = fc.tuple(base64url(38, 60), fc.integer({ min: 0, max: 9 }), fc.constantFrom(...'abcdefXYZ')).map(([run, d, l]) => `${d}${run}${l}`);
    fc.assert(
      fc.property(token, harmless, harmless, (thing, before, after) => {
        expect(classify(embed(thing, before, after), noOptions)).toBeDefined();
      }),
      { numRuns: 150 }
    );
  });

  test("the site's own host, in any letter case, wherever it appears", () => {
    const site = fc
      .tuple(label, fc.constantFrom('atlassian.net', 'jira.com'))
      .map(([name, domain]) => `${name}.${domain}`)
      .chain((siteHost) => fc.tuple(fc.constant(siteHost), randomCase(siteHost)));
    fc.assert(
      fc.property(site, harmless, harmless, ([siteHost, written], before, after) => {
        // Glued to the words around it: a host inside a longer token is still the site's host.
        expect(classify(`${before}${written}${after}`, { siteHosts: [siteHost], allowed: new Set() })).toBe('site-host');
      }),
      { numRuns: 200 }
    );
  });

});

describe('the privacy guard never flags what a catalog allows', () => {
  const catalogWords = [
    ...bucketLabels,
    ...allPurposes,
    ...withheldReasonSchema.options,
    ...metricCatalog.entries.flatMap((e) => (e.valueType.kind === 'enum' ? e.valueType.values : []))
  ];
  const siteHosts = ['acme.atlassian.net'];

  test('enum and bucket labels, purposes, withholding reasons, format names, days and timestamps', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2999-12-31T23:59:59.999Z'), noInvalidDate: true });
    const value = fc.oneof(
      fc.constantFrom(...catalogWords),
      // Formats 1 to 99 only: from usage-report/100 on, the name is a 16-character run the token
      // detector flags; guardReport allows the catalog's own format names (report-guard.test.ts).
      fc.integer({ min: 1, max: 99 }).map(formatName),
      day.map((d) => d.toISOString()),
      day.map((d) => d.toISOString().slice(0, 10))
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(classify(v, { siteHosts, allowed: new Set() })).toBeUndefined();
      }),
      { numRuns: 500 }
    );
  });

  test('a whole report-shaped value of such words, numbers and booleans, keyed by catalog keys, has no hit', () => {
    const fieldValue = fc.oneof(fc.constantFrom(...catalogWords), fc.boolean(), fc.maxSafeNat());
    const fields = fc.dictionary(fc.constantFrom(...metricCatalog.entries.map((e) => e.key)), fieldValue);
    fc.assert(
      fc.property(fields, uuid, uuid, (f, reportId, installationId) => {
        const report = { fields: f, reportId, installationId, purposes: [...allPurposes], withheld: [{ key: 'site.issues', reason: 'restricted-field' }] };
        // The ids and catalog keys look like ids and host names by design; the report guard allows exactly them.
        const allowed = new Set([reportId, installationId, ...metricCatalog.entries.map((e) => e.key)]);
        expect(scanForPersonalData(report, { siteHosts, allowed })).toEqual([]);
      })
    );
  });

  test('allowing the report\'s own ids lets no other id through beside them', () => {
    fc.assert(
      fc.property(uuid, uuid, harmless, (id, other, words) => {
        fc.pre(id !== other);
        const options = { siteHosts, allowed: new Set([id]) };
        expect(classify(id, options)).toBeUndefined();
        expect(classify(embed(other, id, words), options)).toBe('uuid');
      })
    );
  });

});

describe('a hit', () => {
  test('names the field the personal data is in and its kind, never the data itself', () => {
    fc.assert(
      fc.property(fc.oneof(...personal.map(([, , arb]) => arb)), fc.boolean(), (thing, inWithheld) => {
        const report = { fields: { 'app.licence': 'active', 'site.product': 'jira' }, withheld: [{ key: 'site.issues', reason: 'restricted-field' }] };
        const planted = inWithheld
          ? { ...report, withheld: [...report.withheld, { key: thing, reason: 'restricted-field' }] }
          : { ...report, fields: { ...report.fields, 'app.licence': thing } };
        const where = inWithheld ? '$["withheld"][1]["key"]' : '$["fields"]["app.licence"]';
        const hits = scanForPersonalData(planted, { siteHosts: [], allowed: new Set(['app.licence', 'site.product', 'site.issues']) });
        expect(hits).toEqual([{ path: where, kind: classify(thing, noOptions) }]);
        expect(describeHits(hits)).not.toContain(thing);
      })
    );
  });
});
