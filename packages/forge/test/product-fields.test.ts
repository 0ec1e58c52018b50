import { resolverContract, resolverFunctionKey, type Product } from '@usage-reporting/core/api';
import { envelopeSchema } from '@usage-reporting/core/api';
import { createWorld, type World } from './engine-support';

/**
 * The first screen lists the fields the installation's product can send, so the settings offer
 * nothing to restrict that the site could never report (a Jira site has no spaces).
 */
let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

async function pageIn(product: Product) {
  const raw = await w.platform.invokeResolver(resolverFunctionKey('loadAdminPage'), {}, { accountId: w.admin, product });
  const page = envelopeSchema(resolverContract.loadAdminPage.output).parse(raw);
  if (!page.ok) throw new Error(page.error.message);
  return page.data;
}

const jiraOnly = ['site.projects', 'site.issueTypes', 'site.issues', 'site.customFields'];
const confluenceOnly = ['site.spaces', 'site.pages', 'site.blogposts'];

test.each<[Product, string[], string[]]>([
  ['jira', jiraOnly, confluenceOnly],
  ['confluence', confluenceOnly, jiraOnly]
])('in %s the page lists its own site fields and none of the other product', async (product, own, other) => {
  const page = await pageIn(product);
  const keys = page.fields.map((f) => f.key);
  expect(keys).toEqual(expect.arrayContaining([...own, 'site.product', 'usage.adminPageOpened']));
  expect(keys.filter((k) => other.includes(k))).toEqual([]);
  // Every field the previewed report carries can be restricted from the settings.
  const reported = Object.keys((JSON.parse(page.preview.text) as { fields: Record<string, unknown> }).fields);
  expect(reported.filter((k) => !keys.includes(k))).toEqual([]);
});
