import type { SimHttpResponse } from '../runtime/ports.js';
import { intParam, pageRange, type RouteContext, type SiteRoute } from './routes.js';

/**
 * Looking people up by account id, as the admin page does to put names to the consent ledger:
 * Jira's GET /rest/api/3/user/bulk and Confluence's GET /wiki/rest/api/user/bulk. Both answer only
 * for the accounts the site knows and leave the others out; a closed account is still answered,
 * as Atlassian answers for it after the person left: "Former user", Jira with `active: false`,
 * Confluence with `accountStatus: 'closed'`. The caller sees what the product shows that caller:
 * run as a user (asUser), the user must be one of the site's own; run as the app, the app's scope decides.
 */
const FORMER_USER = 'Former user';

/** Repeated `accountId=a&accountId=b`, as both APIs document; commas are tolerated as well. */
function accountIds(query: URLSearchParams): string[] {
  const ids = query.getAll('accountId').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return [...new Set(ids)];
}

/** A user call from someone without access to the product is refused before anything is looked up. */
function actingUserRefused(ctx: RouteContext): boolean {
  return ctx.accountId !== undefined && !ctx.users.isKnown(ctx.accountId);
}

const found = (ctx: RouteContext, ids: string[]) => ids.filter((id) => ctx.users.isKnown(id) || ctx.isClosed(id));
const nameOf = (ctx: RouteContext, id: string) => (ctx.isClosed(id) ? FORMER_USER : ctx.users.displayName(id));

function jiraUserBulk(ctx: RouteContext): SimHttpResponse {
  if (actingUserRefused(ctx)) return { status: 403, body: { errorMessages: ['You do not have permission to access Jira.'], errors: {} } };
  const ids = accountIds(ctx.query);
  if (ids.length === 0) return { status: 400, body: { errorMessages: ['The accountId query parameter is required.'], errors: {} } };
  const startAt = intParam(ctx.query, 'startAt', 0, Number.MAX_SAFE_INTEGER);
  // Jira's documented default page is 10 users; it documents no ceiling, and the simulator keeps Confluence's 200.
  const maxResults = Math.max(1, intParam(ctx.query, 'maxResults', 10, 200));
  const users = found(ctx, ids);
  const { start, end } = pageRange(users.length, startAt, maxResults);
  const isLast = end >= users.length;
  const query = (at: number) => `${ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&')}&startAt=${at}&maxResults=${maxResults}`;
  return {
    status: 200,
    body: {
      self: `${ctx.siteUrl}/rest/api/3/user/bulk?${query(startAt)}`,
      ...(isLast ? {} : { nextPage: `${ctx.siteUrl}/rest/api/3/user/bulk?${query(end)}` }),
      maxResults,
      startAt,
      total: users.length,
      isLast,
      values: users.slice(start, end).map((id) => ({
        self: `${ctx.siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(id)}`,
        accountId: id,
        accountType: 'atlassian',
        avatarUrls: { '48x48': `https://avatar-management.services.atlassian.com/default/48` },
        displayName: nameOf(ctx, id),
        active: !ctx.isClosed(id),
        timeZone: 'Etc/UTC',
        locale: 'en_US'
      }))
    }
  };
}

function confluenceUserBulk(ctx: RouteContext): SimHttpResponse {
  if (actingUserRefused(ctx)) {
    return { status: 403, body: { statusCode: 403, data: { authorized: false, valid: true, errors: [], successful: false }, message: 'You do not have permission to use Confluence.' } };
  }
  const ids = accountIds(ctx.query);
  if (ids.length === 0) return { status: 400, body: { statusCode: 400, data: { authorized: true, valid: false, errors: [], successful: false }, message: 'accountId is required' } };
  // "Currently API returns 200 results max. If more than 200 ids are passed first 200 will be returned."
  const limit = Math.max(1, intParam(ctx.query, 'limit', 200, 200));
  const results = found(ctx, ids.slice(0, limit)).map((id) => {
    const name = nameOf(ctx, id);
    return {
      type: 'known',
      accountId: id,
      accountType: 'atlassian',
      accountStatus: ctx.isClosed(id) ? 'closed' : 'active',
      email: '',
      publicName: name,
      profilePicture: { path: '/wiki/aa-avatar/default.png', width: 48, height: 48, isDefault: true },
      displayName: name,
      isExternalCollaborator: false,
      _expandable: { operations: '', personalSpace: '' },
      _links: { self: `${ctx.siteUrl}/wiki/rest/api/user?accountId=${encodeURIComponent(id)}` }
    };
  });
  return { status: 200, body: { results, start: 0, limit, size: results.length, _links: { base: `${ctx.siteUrl}/wiki`, context: '/wiki' } } };
}

export const userBulkRoutes: readonly SiteRoute[] = [
  { product: 'jira', method: 'GET', path: '/rest/api/3/user/bulk', handle: jiraUserBulk },
  { product: 'confluence', method: 'GET', path: '/wiki/rest/api/user/bulk', handle: confluenceUserBulk }
];
