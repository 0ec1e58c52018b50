import { booleanMetric, countMetric, enumMetric, type MetricEntry } from '../src/catalog/entry';
import { CatalogError, makeCatalog, metricCatalog } from '../src/catalog/catalog';
import { builtInMetrics } from '../src/catalog/metrics';

/**
 * A vendor writes the catalog, often in plain JavaScript. makeCatalog refuses one that breaks a rule,
 * listing every problem with the entry it is in, so one run shows all there is to fix.
 */
const common = { category: 'configuration', purpose: 'product-improvement', description: 'Whether SSO is enforced.' } as const;
const sso = (key: string, since = 1) => booleanMetric({ ...common, key, since, collect: () => true });

function problemsOf(entries: readonly unknown[]): readonly string[] {
  try {
    makeCatalog(entries as MetricEntry[]);
  } catch (err) {
    if (err instanceof CatalogError) return err.problems;
    throw err;
  }
  throw new Error('makeCatalog accepted the catalog');
}

test("the app's own catalog is valid, and a vendor's minimal one too", () => {
  expect(metricCatalog.entries).toHaveLength(builtInMetrics.length);
  const catalog = makeCatalog([sso('sso.enforced'), countMetric({ ...common, key: 'sso.providers', since: 1, collect: () => 2 })]);
  expect(catalog.formatVersion).toBe(1);
  expect([...catalog.byKey.keys()]).toEqual(['sso.enforced', 'sso.providers']);
});

test('a key defined twice is refused, naming it', () => {
  expect(problemsOf([sso('sso.enforced'), sso('sso.enforced')])).toEqual(["'sso.enforced' is defined twice; keys must be unique"]);
});

test('a free-text value type is refused: a string field is how a URL or a user name would leave', () => {
  const freeText = { ...common, key: 'sso.entityId', since: 1, valueType: { kind: 'string' }, collect: () => 'https://idp.example.com/saml' };
  expect(problemsOf([freeText])).toEqual([expect.stringContaining("'sso.entityId' has value type \"string\": free text is never a report value")]);
});

test('an enum whose values are not short tokens, or that the privacy guard would block, is free text in disguise', () => {
  const spaces = enumMetric(['okta', 'my company idp'] as const, { ...common, key: 'sso.provider', since: 1, collect: () => 'okta' });
  const host = enumMetric(['login.acme.example'] as const, { ...common, key: 'sso.host', since: 1, collect: () => 'login.acme.example' });
  const ip = enumMetric(['10.0.0.1'] as const, { ...common, key: 'sso.ip', since: 1, collect: () => '10.0.0.1' });
  expect(problemsOf([spaces, host, ip])).toEqual([
    expect.stringContaining(`'sso.provider' has enum value "my company idp"; enum values are short tokens`),
    expect.stringContaining(`'sso.host' has enum value "login.acme.example", which the privacy guard would block (it looks like hostname)`),
    expect.stringContaining(`'sso.ip' has enum value "10.0.0.1", which the privacy guard would block (it looks like ipv4)`)
  ]);
});

test("a 'since' that skips a version is refused: no consent could have accepted the missing format", () => {
  expect(problemsOf([sso('sso.enforced', 1), sso('sso.jit', 3)])).toEqual([expect.stringContaining("'since' skips format 2")]);
  expect(problemsOf([sso('sso.enforced', 0)])).toEqual([expect.stringContaining("'sso.enforced' has 'since' 0")]);
});

test('every problem is listed at once, each naming its entry', () => {
  const problems = problemsOf([
    { ...sso('Sso Enforced'), category: 'marketing' },
    { ...sso('sso.jit'), description: '', collect: undefined },
    null
  ]);
  expect(problems).toEqual([
    "'Sso Enforced' is not a dotted camelCase key (like 'sso.identityProviders')",
    `'Sso Enforced' has category "marketing"; expected one of configuration, usage`,
    "'sso.jit' has no description; the admin reads it to decide",
    "'sso.jit' has no collect function",
    'entry 2 is not an object'
  ]);
  expect(() => makeCatalog([null] as unknown as MetricEntry[])).toThrow(/This usage-reporting catalog cannot be used:\n {2}- entry 0 is not an object/);
});
