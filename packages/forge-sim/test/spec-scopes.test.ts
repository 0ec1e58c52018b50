import { getMissingScopes } from '@forge/manifest';
import fc from 'fast-check';
import { siteRoutes } from '../src/site/index';
import { missingScopes, specScopes } from '../src/site/spec-scopes';

describe('endpoint scopes from the pinned product specs (forge-specs/, what @forge/lint checks)', () => {
  test('editing an issue needs write:jira-work, or the granular write:issue:jira', () => {
    const required = specScopes('jira', 'PUT', '/rest/api/3/issue/ABC-1');
    expect(required).toEqual({ specPath: '/rest/api/3/issue/{issueIdOrKey}', current: ['write:jira-work'], beta: ['write:issue:jira'] });
    expect(missingScopes(['read:jira-work'], required!)).toEqual(['write:jira-work']);
    expect(missingScopes(['write:issue:jira'], required!)).toEqual([]);
  });

  test('a literal path is not taken for a parameter: /project/search is not /project/{projectIdOrKey}', () => {
    expect(specScopes('jira', 'GET', '/rest/api/3/project/search?maxResults=1')?.specPath).toBe('/rest/api/3/project/search');
  });

  test('Confluence v2 paths are written relative to /wiki/api/v2 and still match', () => {
    expect(specScopes('confluence', 'GET', '/wiki/api/v2/spaces')).toMatchObject({ specPath: '/spaces', current: ['read:space:confluence'] });
  });

  test('Confluence v1, which has no x-atlassian-oauth2-scopes, falls back to the OAuth entries of `security`', () => {
    expect(specScopes('confluence', 'GET', '/wiki/rest/api/search')).toEqual({ specPath: '/wiki/rest/api/search', current: ['search:confluence'], beta: [] });
  });

  test('every endpoint the simulated site answers is in the specs', () => {
    const unknown = siteRoutes().filter((r) => specScopes(r.product, r.method, r.path) === undefined);
    expect(unknown.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  test('missingScopes decides as @forge/manifest getMissingScopes does, for every endpoint the site answers', async () => {
    const requirements = siteRoutes().map((r) => specScopes(r.product, r.method, r.path)!);
    const pool = [...new Set(requirements.flatMap((r) => [...r.current, ...r.beta])), 'storage:app'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...requirements), fc.subarray(pool), async (required, granted) => {
        const expected = await getMissingScopes(granted, { current: [...required.current], beta: [...required.beta] });
        expect(missingScopes(granted, required)).toEqual(expected);
      }),
      { numRuns: 300 }
    );
  });
});

describe('the simulated site decides from the same specs', () => {
  test('every simulated endpoint is in the pinned specs, so none goes unchecked', () => {
    for (const route of siteRoutes()) expect(specScopes(route.product, route.method, route.path)).toBeDefined();
  });

  test('one granular scope alone does not open an endpoint whose granular alternative is a set', () => {
    const required = specScopes('jira', 'GET', '/rest/api/3/project/search')!;
    expect(missingScopes(['read:project:jira'], required)).toEqual(['read:jira-work']);
    expect(missingScopes(required.beta, required)).toEqual([]);
  });
});
