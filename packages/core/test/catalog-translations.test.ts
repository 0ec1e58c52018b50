import fc from 'fast-check';
import {
  booleanMetric,
  builtInMetrics,
  CatalogError,
  countMetric,
  describeEntry,
  describeValue,
  enumMetric,
  environments,
  licenceStates,
  makeCatalog,
  meterEvents,
  metricCatalog,
  missingTranslations,
  siteCountSchema,
  type Catalog,
  type CatalogTranslations,
  type ConsentState,
  type MetricEntry,
  type SiteFacts
} from '../src';
import { buildReport } from '../src/node';
import { instant, reachableState } from './arbitraries';

/**
 * A catalog's descriptions reach the admin in the admin's language, with English wherever a
 * translation is missing, and a translation never changes a byte of what is sent.
 */
const common = { category: 'configuration', purpose: 'product-improvement', since: 1 } as const;
const enforced = booleanMetric({ ...common, key: 'sso.enforced', description: 'Whether SSO is enforced.', collect: () => true });
const protocol = enumMetric(['saml', 'oidc'] as const, { ...common, key: 'sso.protocol', description: 'Which protocol is used.', collect: () => 'saml' });

function problemsOf(entries: readonly unknown[], translations?: unknown): readonly string[] {
  try {
    makeCatalog(entries as MetricEntry[], { translations: translations as CatalogTranslations });
  } catch (err) {
    if (err instanceof CatalogError) return err.problems;
    throw err;
  }
  throw new Error('makeCatalog accepted the catalog');
}

describe('the reference catalog', () => {
  test.each(['de', 'ja'])('describes every field in %s, and a vendor catalog spreading builtInMetrics keeps the words', (language) => {
    expect(missingTranslations(metricCatalog.entries, language)).toEqual([]);
    expect(missingTranslations(makeCatalog([...builtInMetrics, enforced]).entries, language)).toEqual(['sso.enforced']);
  });

  test('labels every value of an enum it labels at all', () => {
    for (const entry of metricCatalog.entries) {
      if (entry.valueType.kind !== 'enum') continue;
      for (const language of ['de', 'ja']) {
        const labelled = Object.keys(entry.translations?.[language]?.valueLabels ?? {}).sort();
        if (labelled.length > 0) expect({ key: entry.key, language, labelled }).toEqual({ key: entry.key, language, labelled: [...entry.valueType.values].sort() });
      }
    }
    const environment = metricCatalog.byKey.get('app.environment') ?? enforced;
    expect(describeEntry(environment, 'de-DE')).toBe('Ob die App als Produktiv-, Staging- oder Entwicklungsinstallation läuft.');
    expect(describeValue(environment, 'production', 'ja-JP')).toBe('本番');
  });
});

describe('describeEntry and describeValue', () => {
  const provider = enumMetric(['okta', 'entra'] as const, {
    ...common,
    key: 'sso.provider',
    description: 'Which identity provider the site uses.',
    translations: {
      de: { description: 'Welchen Identitätsanbieter die Website nutzt.', valueLabels: { entra: 'Microsoft Entra' } },
      'de-CH': { description: 'Welchen Identitätsanbieter die Website nutzt (Schweiz).' },
      ja: { description: 'サイトで使用している ID プロバイダーです。' }
    },
    collect: () => 'okta'
  });

  test("pick the admin's language from a BCP 47 locale or Forge's underscore form, most specific tag first", () => {
    expect(describeEntry(provider, 'de-DE')).toBe('Welchen Identitätsanbieter die Website nutzt.');
    expect(describeEntry(provider, 'de_AT')).toBe('Welchen Identitätsanbieter die Website nutzt.');
    expect(describeEntry(provider, 'DE-de')).toBe('Welchen Identitätsanbieter die Website nutzt.');
    expect(describeEntry(provider, 'de-CH')).toBe('Welchen Identitätsanbieter die Website nutzt (Schweiz).');
    expect(describeEntry(provider, 'ja-JP')).toBe('サイトで使用している ID プロバイダーです。');
  });

  test('fall back to English for a language the entry lacks, no locale, or an empty translation read from elsewhere', () => {
    expect(describeEntry(provider, 'pt-BR')).toBe('Which identity provider the site uses.');
    expect(describeEntry(provider, 'en-US')).toBe('Which identity provider the site uses.');
    expect(describeEntry(provider, undefined)).toBe('Which identity provider the site uses.');
    expect(describeEntry(enforced, 'de-DE')).toBe('Whether SSO is enforced.');
    expect(describeEntry({ description: 'English.', translations: { de: { description: '  ' } } }, 'de')).toBe('English.');
  });

  test('label an enum value in the language, and show the value itself where there is no label', () => {
    expect(describeValue(provider, 'entra', 'de-DE')).toBe('Microsoft Entra');
    expect(describeValue(provider, 'okta', 'de-DE')).toBe('okta');
    expect(describeValue(provider, 'entra', 'ja-JP')).toBe('entra');
    expect(describeValue(provider, 'entra', 'pt-BR')).toBe('entra');
  });

  test('missingTranslations names the fields an admin would read in English', () => {
    expect(missingTranslations([provider, enforced], 'de-AT')).toEqual(['sso.enforced']);
    expect(missingTranslations([provider, enforced], 'fr')).toEqual(['sso.provider', 'sso.enforced']);
  });
});

describe('checking translations', () => {
  test("a catalog-level map is merged into the entries, which keep their collect function and stay the vendor's own objects", () => {
    const catalog = makeCatalog([enforced, protocol], {
      translations: {
        de: { 'sso.enforced': { description: 'Ob SSO erzwungen wird.' } },
        ja: { 'sso.protocol': { description: '使用するプロトコルです。', valueLabels: { saml: 'SAML', oidc: 'OpenID Connect' } } }
      }
    });
    const merged = catalog.byKey.get('sso.enforced');
    expect(merged?.translations).toEqual({ de: { description: 'Ob SSO erzwungen wird.' } });
    expect(merged?.collect({} as never)).toBe(true);
    expect(describeValue(catalog.byKey.get('sso.protocol') ?? protocol, 'oidc', 'ja-JP')).toBe('OpenID Connect');
    expect(enforced.translations).toBeUndefined();
    // Re-made from its own entries, as the collector does, the catalog keeps its words.
    expect(describeEntry(makeCatalog(catalog.entries).byKey.get('sso.enforced') ?? enforced, 'de')).toBe('Ob SSO erzwungen wird.');
  });

  test('every problem is listed at once, naming the entry and the language', () => {
    const inline = { ...enforced, translations: { de: { description: 'Ob SSO erzwungen wird.' }, de_CH: { description: 'Ob SSO erzwungen wird.' }, en: { description: 'Whether.' } } };
    const labelled = { ...protocol, translations: { ja: { description: '使用するプロトコルです。', valueLabels: { saml: 'SAML', ldap: 'LDAP', oidc: '' } } } };
    const count = countMetric({ ...common, key: 'sso.providers', description: 'How many providers.', collect: () => 1 });
    expect(
      problemsOf([inline, labelled, count], {
        de: {
          'sso.enforced': { description: 'Noch einmal.' },
          'sso.providers': { description: '   ', valueLabels: { one: 'eins' } },
          'sso.unknown': { description: 'Unbekannt.' }
        },
        ja: { 'sso.providers': { label: 'プロバイダー' } },
        fr: 'Fournisseurs',
        pt_BR: { 'sso.enforced': { description: 'Se o SSO é obrigatório.' } }
      })
    ).toEqual([
      "the catalog's 'de' translations name 'sso.unknown', which is not a key of this catalog",
      "the catalog's 'fr' translations are not an object keyed by catalog key",
      "the catalog has translations under 'pt_BR', which is not a BCP 47 language tag (like 'de' or 'pt-BR')",
      "'sso.enforced' has a translation under 'de_CH', which is not a BCP 47 language tag (like 'de' or 'pt-BR')",
      "'sso.enforced' has a translation under 'en', but English is the description itself, not a translation",
      "'sso.enforced' is translated into 'de' in the entry and in the catalog's translations; keep one",
      "'sso.protocol' ('ja' translation): the label for 'oidc' is empty",
      "'sso.protocol' ('ja' translation): labels 'ldap', which is not one of the field's values (saml, oidc)",
      "'sso.providers' ('de' translation): description is empty",
      "'sso.providers' ('de' translation): has valueLabels, but only an enum field's values have labels",
      "'sso.providers' ('ja' translation): description is missing",
      "'sso.providers' ('ja' translation): has 'label', but a translation has only a description and valueLabels"
    ]);
  });

  test('a translation over the description limit, or one that is not an object, is refused like an English one', () => {
    expect(problemsOf([{ ...enforced, translations: { de: { description: 'x'.repeat(301) }, ja: 'SSO' } }])).toEqual([
      "'sso.enforced' ('de' translation): description is over 300 characters",
      "'sso.enforced' ('ja' translation): the translation is not an object with a description"
    ]);
    expect(problemsOf([{ ...enforced, translations: ['de'] }])).toEqual(["'sso.enforced' has translations that are not an object keyed by language tag"]);
  });
});

describe('translations never reach the wire', () => {
  const siteFacts: fc.Arbitrary<SiteFacts> = fc.record({
    app: fc.record({ version: fc.constantFrom('1.2.3', '10.0.0-beta', 'not a version'), environment: fc.constantFrom(...environments), licence: fc.constantFrom(...licenceStates) }),
    product: fc.constantFrom('jira' as const, 'confluence' as const),
    counts: fc.dictionary(fc.constantFrom(...siteCountSchema.options), fc.nat({ max: 60000 })),
    usage: fc.dictionary(fc.constantFrom(...meterEvents), fc.nat({ max: 1000 }))
  });
  const ids = { reportId: '6f1c2a9e-4b1d-4c3e-9a7b-1d2e3f4a5b6c', installationId: 'b7e4c0de-1a2b-8c3d-9e4f-5a6b7c8d9e0f' };

  test('a report built from the translated reference catalog has the same canonical JSON, byte for byte, as one built without translations', () => {
    const withoutTranslations = makeCatalog(builtInMetrics.map(({ translations: _translations, ...entry }) => entry));
    expect(metricCatalog.entries.every((e) => e.translations !== undefined)).toBe(true);
    expect(withoutTranslations.entries.some((e) => e.translations !== undefined)).toBe(false);
    fc.assert(
      fc.property(siteFacts, reachableState(metricCatalog), instant, (facts, consent, now) => {
        const inputs = { facts, period: { from: '2026-11-01', to: '2026-11-30' }, siteHosts: ['acme.atlassian.net'] };
        const translated = buildReport(inputs, { retentionDays: 365 }, consent, now, ids, metricCatalog);
        const plain = buildReport(inputs, { retentionDays: 365 }, consent, now, ids, withoutTranslations);
        expect(translated).toEqual(plain);
        if (translated.ok) {
          expect(translated.built.text).not.toMatch(/[\u3000-\u9fff]|Website|Bericht/);
        }
      }),
      { numRuns: 200 }
    );
  });

  test("a vendor's catalog-level translations change nothing either", () => {
    const translated = makeCatalog([enforced, protocol], { translations: { de: { 'sso.enforced': { description: 'Ob SSO erzwungen wird.' }, 'sso.protocol': { description: 'Welches Protokoll.' } } } });
    const plain = makeCatalog([enforced, protocol]);
    const facts: SiteFacts = { app: { version: '1.0.0', environment: 'production', licence: 'active' }, product: 'jira', counts: {}, usage: {} };
    const consent: ConsentState = { mode: 'automatic', cadence: 'monthly', acceptedFormat: 1, restrictions: { categories: [], fields: [], purposes: ['product-improvement', 'troubleshooting'] }, revision: 1, changedAt: null };
    const build = (catalog: Catalog) => {
      const result = buildReport({ facts, period: { from: '2026-11-01', to: '2026-11-30' }, siteHosts: [] }, { retentionDays: 365 }, consent, new Date('2026-12-01T00:00:00.000Z'), ids, catalog);
      if (!result.ok) throw new Error(`the report did not build: ${result.message}`);
      return result.built;
    };
    expect(build(translated).text).toBe(build(plain).text);
    expect(build(translated).digest).toBe(build(plain).digest);
  });
});
