import type { Product } from '../src/api/product';
import { CatalogError, makeCatalog, metricCatalog } from '../src/catalog/catalog';
import type { CollectContext } from '../src/catalog/context';
import { appliesTo, booleanMetric, type MetricEntry } from '../src/catalog/entry';
import type { SiteCount } from '../src/catalog/vocabulary';

/**
 * A catalog entry may name the products whose sites have it (`products`). The admin page lists only
 * the fields the installation's product can send, so the declaration must match what collect does.
 */
const countsOf: Record<Product, Partial<Record<SiteCount, number>>> = {
  jira: { projects: 12, issueTypes: 7, issues: 900, customFields: 40 },
  confluence: { spaces: 9, pages: 300, blogposts: 20 }
};

/** What a report in `product` collects from, with every count that product's site gives. */
const contextIn = (product: Product): CollectContext => ({
  facts: { app: { version: '1.2.3', environment: 'production', licence: 'active' }, product, counts: countsOf[product], usage: {} },
  config: { mode: 'per-case', cadence: 'weekly', restrictionsActive: false, purposesNarrowed: false, retentionDays: 90 },
  vendor: undefined
});

const products: Product[] = ['jira', 'confluence'];

test.each(products)('in %s, exactly the built-in fields that apply there have a value', (product) => {
  const ctx = contextIn(product);
  const withValue = metricCatalog.entries.filter((e) => e.collect(ctx) !== undefined).map((e) => e.key);
  const applying = metricCatalog.entries.filter((e) => appliesTo(e, product)).map((e) => e.key);
  expect(withValue).toEqual(applying);
});

test('the site-scale fields belong to one product each', () => {
  const byProduct = (product: Product) => metricCatalog.entries.filter((e) => e.products?.length === 1 && e.products[0] === product).map((e) => e.key);
  expect(byProduct('jira')).toEqual(['site.projects', 'site.issueTypes', 'site.issues', 'site.customFields']);
  expect(byProduct('confluence')).toEqual(['site.spaces', 'site.pages', 'site.blogposts']);
});

test('an entry naming no products applies to every product', () => {
  const entry = booleanMetric({ key: 'sso.enforced', category: 'configuration', purpose: 'troubleshooting', since: 1, description: 'Whether SSO is enforced.', collect: () => true });
  expect(products.map((p) => appliesTo(entry, p))).toEqual([true, true]);
});

test('a catalog naming an unknown product, none, or one twice is refused, naming the entry', () => {
  const entry = (key: string, products: unknown) =>
    ({ ...booleanMetric({ key, category: 'configuration', purpose: 'troubleshooting', since: 1, description: 'Whether SSO is enforced.', collect: () => true }), products }) as MetricEntry;
  let problems: readonly string[] = [];
  try {
    makeCatalog([entry('sso.bitbucket', ['bitbucket']), entry('sso.none', []), entry('sso.twice', ['jira', 'jira']), entry('sso.fine', ['jira', 'confluence'])]);
  } catch (error) {
    if (error instanceof CatalogError) problems = error.problems;
  }
  expect(problems).toEqual([
    expect.stringContaining("'sso.bitbucket' has products [\"bitbucket\"]"),
    expect.stringContaining("'sso.none' has products []"),
    expect.stringContaining("'sso.twice' has products [\"jira\",\"jira\"]")
  ]);
});
