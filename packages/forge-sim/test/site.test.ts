import { createSimSite, createSiteUsers, siteShape, type SimSite } from '../src/site/index';
import type { ProductRequest, SimHttpResponse } from '../src/runtime/ports';
import { z } from 'zod';
import type { Product } from '@usage-reporting/core/api';

const ALL_SCOPES = ['read:jira-work', 'manage:jira-configuration', 'read:confluence-user', 'search:confluence', 'read:space:confluence'];

function site(product: Product, size: number, grantedScopes: string[] = ALL_SCOPES): SimSite {
  return createSimSite({ product, size, users: createSiteUsers(), grantedScopes });
}

const get = (s: SimSite, path: string, over: Partial<ProductRequest> = {}): Promise<SimHttpResponse> =>
  s.handle({ remote: s.product, provider: 'app', path, method: 'GET', ...over });

const ids = z.array(z.object({ id: z.string() }));
/** The response body as a plain record (fails the test if it is not an object). */
const body = (r: SimHttpResponse): Record<string, unknown> => z.record(z.string(), z.unknown()).parse(r.body);

describe('Jira permission check', () => {
  const s = site('jira', 10);
  const users = createSiteUsers();

  test.each([
    [users.admin, true],
    [users.member, false]
  ])('mypermissions?permissions=ADMINISTER as %s says havePermission=%s', async (accountId, expected) => {
    const r = await get(s, '/rest/api/3/mypermissions?permissions=ADMINISTER', { provider: 'user', accountId });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      permissions: {
        ADMINISTER: { id: '0', key: 'ADMINISTER', name: 'Administer Jira', type: 'GLOBAL', description: expect.any(String), havePermission: expected }
      }
    });
  });

  test('without a permissions list Jira answers 400', async () => {
    const r = await get(s, '/rest/api/3/mypermissions', { provider: 'user', accountId: users.admin });
    expect(r.status).toBe(400);
  });

  test('asUser() with no user to act for is a proxy authentication error', async () => {
    const r = await get(s, '/rest/api/3/mypermissions?permissions=ADMINISTER', { provider: 'user', accountId: undefined });
    expect(r).toEqual({ status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
  });
});

describe('Confluence current user', () => {
  const s = site('confluence', 10);
  const users = createSiteUsers();

  test('an admin has the administer operation on the application', async () => {
    const r = await get(s, '/wiki/rest/api/user/current?expand=operations', { provider: 'user', accountId: users.admin });
    expect(r.status).toBe(200);
    expect(body(r)).toMatchObject({ type: 'known', accountId: users.admin });
    expect(body(r).operations).toContainEqual({ operation: 'administer', targetType: 'application' });
  });

  test('a member does not', async () => {
    const r = await get(s, '/wiki/rest/api/user/current?expand=operations', { provider: 'user', accountId: users.member });
    expect(body(r).operations).not.toContainEqual({ operation: 'administer', targetType: 'application' });
    expect(body(r).operations).toContainEqual({ operation: 'use', targetType: 'application' });
  });

  test('operations appear only when expanded', async () => {
    const r = await get(s, '/wiki/rest/api/user/current', { provider: 'user', accountId: users.admin });
    expect(body(r)).not.toHaveProperty('operations');
    expect(body(r)._expandable).toHaveProperty('operations');
  });
});

describe('scale endpoints answer from the size, in one call, at any size', () => {
  test.each([10, 50_000])('Jira with %i projects', async (size) => {
    const s = site('jira', size);
    const shape = siteShape('jira', size);
    const projects = body(await get(s, '/rest/api/3/project/search?maxResults=1'));
    expect(projects).toMatchObject({ total: size, maxResults: 1, startAt: 0, isLast: size <= 1 });
    expect(projects.values).toHaveLength(1);
    const count = await s.handle({ remote: 'jira', provider: 'app', path: '/rest/api/3/search/approximate-count', method: 'POST', body: JSON.stringify({ jql: '' }) });
    expect(count).toEqual({ status: 200, body: { count: shape.issues } });
    expect(body(await get(s, '/rest/api/3/field/search?type=custom&maxResults=1'))).toMatchObject({ total: shape.customFields });
    expect(body(await get(s, '/rest/api/3/workflows/search?maxResults=1'))).toMatchObject({ total: shape.workflows });
    expect((await get(s, '/rest/api/3/issuetype')).body).toHaveLength(shape.issueTypes);
    expect(s.calls).toBe(5);
  });

  test.each([10, 50_000])('Confluence with %i spaces', async (size) => {
    const s = site('confluence', size);
    const shape = siteShape('confluence', size);
    expect(body(await get(s, '/wiki/rest/api/search?cql=type=space&limit=1'))).toMatchObject({ totalSize: size, size: 1, limit: 1 });
    expect(body(await get(s, '/wiki/rest/api/search?cql=type%3Dpage&limit=1'))).toMatchObject({ totalSize: shape.pages });
    expect(s.calls).toBe(2);
  });

  test('the same size gives the same site; another size another', () => {
    expect(siteShape('jira', 1234)).toEqual(siteShape('jira', 1234));
    expect(siteShape('jira', 1234).issues).not.toBe(siteShape('jira', 1235).issues);
  });

  test('project pages walk the whole site with consistent totals and no overlap', async () => {
    const s = site('jira', 120);
    const seen: string[] = [];
    let startAt = 0;
    for (;;) {
      const page = body(await get(s, `/rest/api/3/project/search?startAt=${startAt}&maxResults=50`));
      expect(page.total).toBe(120);
      seen.push(...ids.parse(page.values).map((p) => p.id));
      if (page.isLast) break;
      startAt += 50;
    }
    expect(new Set(seen).size).toBe(120);
  });

  test('v2 spaces page with a cursor until there is no next link', async () => {
    const s = site('confluence', 60);
    let next: string | undefined = '/wiki/api/v2/spaces?limit=25';
    const spaceIds: string[] = [];
    while (next) {
      const page = body(await get(s, next));
      spaceIds.push(...ids.parse(page.results).map((r) => r.id));
      next = z.object({ next: z.string().optional() }).parse(page._links).next;
    }
    expect(spaceIds).toHaveLength(60);
    expect(new Set(spaceIds).size).toBe(60);
  });

  test('JQL the site cannot count is refused, not answered with an invented number', async () => {
    const s = site('jira', 10);
    const r = await s.handle({ remote: 'jira', provider: 'app', path: '/rest/api/3/search/approximate-count', method: 'POST', body: JSON.stringify({ jql: 'assignee = currentUser()' }) });
    expect(r.status).toBe(400);
  });
});

describe('least privilege and routing', () => {
  test('an endpoint whose scope the manifest does not declare is refused with 403, naming the scope', async () => {
    // read:permission:jira is the granular grant for the permission check alone (Atlassian's spec).
    const s = site('jira', 10, ['read:permission:jira']);
    const r = await get(s, '/rest/api/3/project/search');
    expect(r.status).toBe(403);
    expect(z.array(z.string()).parse(body(r).errorMessages)[0]).toContain('[read:jira-work]');
    const allowed = await get(s, '/rest/api/3/mypermissions?permissions=ADMINISTER', { provider: 'user', accountId: createSiteUsers().admin });
    expect(allowed.status).toBe(200);
  });

  test('Confluence refuses the same way', async () => {
    const s = site('confluence', 10, ['read:confluence-user']);
    const r = await get(s, '/wiki/rest/api/search?cql=type=space');
    expect(r).toMatchObject({ status: 403, body: { statusCode: 403 } });
  });

  test('unknown paths are 404; a Jira call on a Confluence site is 404', async () => {
    const jira = site('jira', 10);
    expect((await get(jira, '/rest/api/3/nothing-here')).status).toBe(404);
    const confluence = site('confluence', 10);
    expect((await confluence.handle({ remote: 'jira', provider: 'app', path: '/rest/api/3/project/search', method: 'GET' })).status).toBe(404);
  });

  test('configure switches product and size at run time', async () => {
    const s = site('jira', 10);
    s.configure({ product: 'confluence', size: 77 });
    expect(body(await get(s, '/wiki/rest/api/search?cql=type=space&limit=0')).totalSize).toBe(77);
  });
});
