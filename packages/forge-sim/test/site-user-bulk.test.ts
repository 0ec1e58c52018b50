import { z } from 'zod';
import type { Product } from '@usage-reporting/core/api';
import { createSimSite, createSiteUsers, type SimSite } from '../src/site/index';
import type { ProductRequest, SimHttpResponse } from '../src/runtime/ports';

/** Jira's GET /rest/api/3/user/bulk and Confluence's GET /wiki/rest/api/user/bulk on the simulated site. */
const SCOPES = ['read:jira-work', 'read:jira-user', 'read:confluence-user'];
const STRANGER = '712020:00000000-0000-4000-8000-00000000beef';

function site(product: Product, grantedScopes: string[] = SCOPES) {
  const users = createSiteUsers();
  return { users, site: createSimSite({ product, size: 5, users, grantedScopes }) };
}

const get = (s: SimSite, path: string, over: Partial<ProductRequest> = {}): Promise<SimHttpResponse> =>
  s.handle({ remote: s.product, provider: 'app', path, method: 'GET', ...over });

const jiraPage = z.object({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  isLast: z.boolean(),
  nextPage: z.string().optional(),
  values: z.array(z.object({ accountId: z.string(), displayName: z.string(), active: z.boolean(), accountType: z.string() }))
});
const confluencePage = z.object({
  size: z.number(),
  limit: z.number(),
  results: z.array(z.object({ type: z.string(), accountId: z.string(), displayName: z.string(), publicName: z.string(), accountStatus: z.string() }))
});

const q = (...ids: string[]) => ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');

describe('Jira GET /rest/api/3/user/bulk', () => {
  test('answers the accounts it knows with their names, and leaves an unknown one out', async () => {
    const { site: s, users } = site('jira');
    const r = await get(s, `/rest/api/3/user/bulk?${q(users.admin, STRANGER, users.member)}`, { provider: 'user', accountId: users.admin });
    expect(r.status).toBe(200);
    const page = jiraPage.parse(r.body);
    expect(page.values.map((u) => [u.accountId, u.displayName, u.active])).toEqual([
      [users.admin, 'Site Admin', true],
      [users.member, 'Site Member', true]
    ]);
    expect(page).toMatchObject({ total: 2, isLast: true, startAt: 0 });
  });

  test('a closed account is answered as Atlassian answers it: "Former user", not active', async () => {
    const { site: s, users } = site('jira');
    s.personalData.close(users.member);
    const page = jiraPage.parse((await get(s, `/rest/api/3/user/bulk?${q(users.member)}`, { provider: 'user', accountId: users.admin })).body);
    expect(page.values).toEqual([expect.objectContaining({ accountId: users.member, displayName: 'Former user', active: false })]);
  });

  test('pages ten at a time by default, with a next page until the last', async () => {
    const { site: s, users } = site('jira');
    const ids = Array.from({ length: 12 }, (_, i) => `712020:aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`);
    ids.forEach((id) => users.set(id, { admin: false }));
    const first = jiraPage.parse((await get(s, `/rest/api/3/user/bulk?${q(...ids)}`)).body);
    expect(first).toMatchObject({ maxResults: 10, total: 12, isLast: false });
    expect(first.values).toHaveLength(10);
    expect(first.nextPage).toContain('startAt=10');
    const second = jiraPage.parse((await get(s, `/rest/api/3/user/bulk?${q(...ids)}&startAt=10`)).body);
    expect(second.values.map((u) => u.accountId)).toEqual(ids.slice(10));
    expect(second.isLast).toBe(true);
  });

  test('without an accountId Jira answers 400', async () => {
    const { site: s } = site('jira');
    expect((await get(s, '/rest/api/3/user/bulk')).status).toBe(400);
  });

  test('asUser() for someone without access to Jira is refused; asApp() is answered', async () => {
    const { site: s, users } = site('jira');
    expect((await get(s, `/rest/api/3/user/bulk?${q(users.admin)}`, { provider: 'user', accountId: STRANGER })).status).toBe(403);
    expect((await get(s, `/rest/api/3/user/bulk?${q(users.admin)}`, { provider: 'app' })).status).toBe(200);
  });

  test('asUser() with no user to act for is a proxy authentication error', async () => {
    const { site: s, users } = site('jira');
    expect(await get(s, `/rest/api/3/user/bulk?${q(users.admin)}`, { provider: 'user' })).toEqual({ status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
  });

  test('needs read:jira-user, as Atlassian\'s spec says: read:jira-work alone is refused', async () => {
    const { site: s, users } = site('jira', ['read:jira-work']);
    const r = await get(s, `/rest/api/3/user/bulk?${q(users.admin)}`, { provider: 'user', accountId: users.admin });
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.body)).toContain('read:jira-user');
  });
});

describe('Confluence GET /wiki/rest/api/user/bulk', () => {
  test('answers known accounts with their names and account status, and leaves an unknown one out', async () => {
    const { site: s, users } = site('confluence');
    s.personalData.close(users.member);
    const r = await get(s, `/wiki/rest/api/user/bulk?${q(users.admin, STRANGER, users.member)}`, { provider: 'user', accountId: users.admin });
    expect(r.status).toBe(200);
    const page = confluencePage.parse(r.body);
    expect(page.results.map((u) => [u.accountId, u.displayName, u.accountStatus])).toEqual([
      [users.admin, 'Site Admin', 'active'],
      [users.member, 'Former user', 'closed']
    ]);
    expect(page).toMatchObject({ size: 2, limit: 200 });
  });

  test('asUser() for someone without access to Confluence is refused; asApp() is answered', async () => {
    const { site: s, users } = site('confluence');
    expect((await get(s, `/wiki/rest/api/user/bulk?${q(users.admin)}`, { provider: 'user', accountId: STRANGER })).status).toBe(403);
    expect((await get(s, `/wiki/rest/api/user/bulk?${q(users.admin)}`)).status).toBe(200);
  });

  test('is not a Jira endpoint: the Jira site answers 404', async () => {
    const { site: s, users } = site('jira');
    const r = await s.handle({ remote: 'confluence', provider: 'user', accountId: users.admin, method: 'GET', path: `/wiki/rest/api/user/bulk?${q(users.admin)}` });
    expect(r.status).toBe(404);
  });
});
