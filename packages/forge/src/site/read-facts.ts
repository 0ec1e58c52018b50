import { asApp, getAppContext, route } from '@forge/api';
import { z } from 'zod';
import type { Product } from '@usage-reporting/core/api';
import type { Environment, LicenceState, SiteCount, SiteFacts } from '@usage-reporting/core';
import type { DayCounts } from '../core/meter-rollup.js';

/**
 * Reads what the catalog needs from the site, as the app (asApp), with the manifest's scopes.
 * Every count comes from a `total`/count field of a one-item request, so the cost is a fixed
 * handful of calls whatever the site's size: 4 on Jira, 3 on Confluence. A read that fails or
 * answers an unexpected shape leaves its count out (listed in `unavailable`), never a guess.
 */
export interface SiteReading {
  facts: SiteFacts;
  unavailable: SiteCount[];
}

const totalField = z.object({ total: z.number().int().nonnegative() });
const countField = z.object({ count: z.number().int().nonnegative() });
const cqlTotal = z.object({ totalSize: z.number().int().nonnegative() });
const issueTypeList = z.array(z.object({ id: z.string() }));

type CountReader = () => Promise<number | undefined>;

async function readJson<S extends z.ZodType>(res: { ok: boolean; json(): Promise<unknown> }, schema: S): Promise<z.output<S> | undefined> {
  if (!res.ok) return undefined;
  const parsed = schema.safeParse(await res.json());
  return parsed.success ? parsed.data : undefined;
}

const jiraCounts: Partial<Record<SiteCount, CountReader>> = {
  projects: async () => (await readJson(await asApp().requestJira(route`/rest/api/3/project/search?maxResults=1`), totalField))?.total,
  issueTypes: async () => (await readJson(await asApp().requestJira(route`/rest/api/3/issuetype`), issueTypeList))?.length,
  issues: async () =>
    (
      await readJson(
        await asApp().requestJira(route`/rest/api/3/search/approximate-count`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ jql: 'project is not EMPTY' })
        }),
        countField
      )
    )?.count,
  customFields: async () => (await readJson(await asApp().requestJira(route`/rest/api/3/field/search?type=custom&maxResults=1`), totalField))?.total
};

const cqlCount = (type: 'space' | 'page' | 'blogpost'): CountReader => async () =>
  (await readJson(await asApp().requestConfluence(route`/wiki/rest/api/search?cql=${`type=${type}`}&limit=1`), cqlTotal))?.totalSize;

const confluenceCounts: Partial<Record<SiteCount, CountReader>> = {
  spaces: cqlCount('space'),
  pages: cqlCount('page'),
  blogposts: cqlCount('blogpost')
};

/**
 * `withCounts: false` makes no product call at all: an app whose catalog has no site-count field
 * neither pays for them nor needs their scopes.
 */
export async function readSiteFacts(product: Product, usage: DayCounts, withCounts = true): Promise<SiteReading> {
  const readers = !withCounts ? {} : product === 'jira' ? jiraCounts : confluenceCounts;
  const counts: Partial<Record<SiteCount, number>> = {};
  const unavailable: SiteCount[] = [];
  await Promise.all(
    Object.entries(readers).map(async ([kind, read]) => {
      const k = kind as SiteCount; // keys of our own constant table
      try {
        const n = await read();
        if (n === undefined) unavailable.push(k);
        else counts[k] = n;
      } catch {
        // The proxy refused or the network failed: this report goes without the count.
        unavailable.push(k);
      }
    })
  );
  const ctx = getAppContext();
  return {
    facts: { app: { version: ctx.appVersion, environment: environmentOf(ctx.environmentType), licence: licenceOf(ctx.license) }, product, counts, usage },
    unavailable: unavailable.sort()
  };
}

function environmentOf(type: string): Environment {
  const t = type.toUpperCase();
  return t === 'PRODUCTION' ? 'production' : t === 'STAGING' ? 'staging' : 'development';
}

function licenceOf(license: { isActive?: boolean; active?: boolean; isEvaluation?: boolean } | undefined): LicenceState {
  if (!license) return 'none';
  const active = license.isActive ?? license.active ?? false;
  if (!active) return 'inactive';
  return license.isEvaluation ? 'evaluation' : 'active';
}
