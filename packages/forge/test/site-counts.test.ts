import { metricCatalog } from '@usage-reporting/core';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { assembleReport } from '../src/engine/assemble';
import { productionDeps } from '../src/engine/deps';
import { ensureInstallation, loadConsent, loadReports, loadSettings } from '../src/store/repositories';

/**
 * Reading the site's scale costs product calls and scopes; an app whose catalog has no site-count
 * field asks for neither. Off by default, on where the app is wired with `siteCounts: true`.
 */
let platform: SimPlatform;
beforeEach(() => {
  platform = createReferencePlatform({ product: 'jira' });
});
afterEach(() => platform.close());

async function productCallsToBuild(siteCounts: boolean | undefined) {
  const deps = productionDeps({ catalog: metricCatalog, ...(siteCounts === undefined ? {} : { siteCounts }) });
  platform.counters.reset();
  const built = await platform.runAsInvocation({ functionKey: 'resolver', accountId: platform.users.admin }, async () => {
    const now = new Date();
    return assembleReport(deps, { product: 'jira', consent: await loadConsent(), settings: await loadSettings(), installation: await ensureInstallation(now), reports: await loadReports(), now });
  });
  return { calls: platform.counters.total('product'), built };
}

test('without siteCounts a report makes no product call, and the site-count fields are simply absent', async () => {
  const { calls, built } = await productCallsToBuild(undefined);
  expect(calls).toBe(0);
  expect(built.ok && Object.keys(built.built.report.fields).filter((k) => k.startsWith('site.projects'))).toEqual([]);
});

test('with siteCounts the counts are read, a fixed handful of calls', async () => {
  const { calls, built } = await productCallsToBuild(true);
  expect(calls).toBe(4);
  expect(built.ok && built.built.report.fields['site.projects']).toBe('11-50');
});
