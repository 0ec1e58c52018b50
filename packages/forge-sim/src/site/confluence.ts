import type { SimHttpResponse } from '../runtime/ports.js';
import { itemFraction } from './shape.js';
import { intParam, pageRange, range, type RouteContext, type SiteRoute } from './routes.js';

/** Confluence Cloud REST endpoints the app calls (v1 `/wiki/rest/api`, v2 `/wiki/api/v2`). */
const confluenceError = (status: number, message: string): SimHttpResponse => ({
  status,
  body: { statusCode: status, data: { authorized: status !== 401 && status !== 403, valid: status < 400, errors: [], successful: false }, message }
});

function currentUser(ctx: RouteContext): SimHttpResponse {
  const expand = (ctx.query.get('expand') ?? '').split(',').map((e) => e.trim());
  const accountId = ctx.accountId;
  // Run as the app, Confluence answers for the app's own system user, which administers nothing.
  const isAdmin = accountId !== undefined && ctx.users.isAdmin(accountId);
  const operations = [
    { operation: 'use', targetType: 'application' },
    { operation: 'create', targetType: 'space' },
    ...(isAdmin ? [{ operation: 'administer', targetType: 'application' }] : [])
  ];
  const displayName = accountId ? ctx.users.displayName(accountId) : 'Usage Reporting (app)';
  return {
    status: 200,
    body: {
      type: 'known',
      accountId: accountId ?? '557058:f6c1c6fb-6a9e-4b44-9f3e-app000000000',
      accountType: accountId ? 'atlassian' : 'app',
      email: '',
      publicName: displayName,
      profilePicture: { path: '/wiki/aa-avatar/default.png', width: 48, height: 48, isDefault: true },
      displayName,
      isExternalCollaborator: false,
      ...(expand.includes('operations') ? { operations } : {}),
      _expandable: { ...(expand.includes('operations') ? {} : { operations: '' }), personalSpace: '' },
      _links: { self: `${ctx.siteUrl}/wiki/rest/api/user?accountId=${accountId ?? ''}`, base: `${ctx.siteUrl}/wiki`, context: '/wiki' }
    }
  };
}

/** The CQL the simulated site can count; anything else is refused, not guessed. */
function cqlType(cql: string): 'space' | 'page' | 'blogpost' | undefined {
  const m = /^type\s*=\s*"?(space|page|blogpost)"?$/i.exec(cql.trim());
  const type = m?.[1]?.toLowerCase();
  return type === 'space' || type === 'page' || type === 'blogpost' ? type : undefined;
}

function search(ctx: RouteContext): SimHttpResponse {
  const cql = ctx.query.get('cql') ?? '';
  const type = cqlType(cql);
  if (!type) return confluenceError(400, `The simulated site cannot evaluate CQL '${cql.slice(0, 80)}'.`);
  const start = intParam(ctx.query, 'start', 0, Number.MAX_SAFE_INTEGER);
  const limit = intParam(ctx.query, 'limit', 25, 100);
  const totalSize = type === 'space' ? ctx.shape.size : type === 'page' ? ctx.shape.pages : ctx.shape.blogposts;
  const page = pageRange(totalSize, start, limit);
  const results = range(page.start, page.end).map((i) => (type === 'space' ? spaceResult(ctx, i) : contentResult(ctx, type, i)));
  return {
    status: 200,
    body: {
      results,
      start,
      limit,
      size: results.length,
      totalSize,
      cqlQuery: cql,
      searchDuration: 12,
      _links: { base: `${ctx.siteUrl}/wiki`, context: '/wiki' }
    }
  };
}

function spaceResult(ctx: RouteContext, i: number) {
  const s = space(ctx, i);
  return {
    space: { id: Number(s.id), key: s.key, name: s.name, type: s.type, status: 'current', _links: { webui: `/spaces/${s.key}` } },
    title: s.name,
    excerpt: '',
    url: `/spaces/${s.key}`,
    entityType: 'space',
    lastModified: '2026-01-01T00:00:00.000Z',
    friendlyLastModified: 'Jan 01, 2026',
    score: 1
  };
}

function contentResult(ctx: RouteContext, type: 'page' | 'blogpost', i: number) {
  const id = String(1_000_000 + i);
  return {
    content: { id, type, status: 'current', title: `${type === 'page' ? 'Page' : 'Blog post'} ${i + 1}`, _links: { webui: `/pages/${id}` } },
    title: `${type === 'page' ? 'Page' : 'Blog post'} ${i + 1}`,
    excerpt: '',
    url: `/pages/${id}`,
    entityType: 'content',
    lastModified: '2026-01-01T00:00:00.000Z',
    friendlyLastModified: 'Jan 01, 2026',
    score: 1
  };
}

function space(ctx: RouteContext, i: number) {
  const personal = itemFraction(ctx.shape, 'space-type', i) < ctx.shape.personalSpaceShare;
  const id = String(65536 + i);
  const key = personal ? `~7120203f${i.toString(16).padStart(6, '0')}` : `S${i.toString(36).toUpperCase().padStart(4, '0')}`;
  return { id, key, name: personal ? `Personal space ${i + 1}` : `Space ${i + 1}`, type: personal ? 'personal' : 'global' };
}

/** v2 lists page with an opaque cursor; ours encodes the offset, which clients must not rely on. */
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
function decodeCursor(cursor: string | null): number | undefined {
  if (cursor === null) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

function spacesV2(ctx: RouteContext): SimHttpResponse {
  const offset = decodeCursor(ctx.query.get('cursor'));
  if (offset === undefined) return { status: 400, body: { errors: [{ status: 400, code: 'INVALID_REQUEST_PARAMETER', title: 'Invalid cursor', detail: null }] } };
  const limit = Math.max(1, intParam(ctx.query, 'limit', 25, 250));
  const { start, end } = pageRange(ctx.shape.size, offset, limit);
  const results = range(start, end).map((i) => {
    const s = space(ctx, i);
    return {
      id: s.id,
      key: s.key,
      name: s.name,
      type: s.type,
      status: 'current',
      authorId: ctx.users.admin,
      createdAt: '2026-01-01T00:00:00.000Z',
      homepageId: String(2_000_000 + i),
      description: null,
      icon: null,
      _links: { webui: `/spaces/${s.key}` }
    };
  });
  const next = end < ctx.shape.size ? `/wiki/api/v2/spaces?cursor=${encodeCursor(end)}&limit=${limit}` : undefined;
  return {
    status: 200,
    headers: next ? { link: `<${next}>; rel="next", <${ctx.siteUrl}/wiki>; rel="base"` } : {},
    body: { results, _links: { ...(next ? { next } : {}), base: `${ctx.siteUrl}/wiki` } }
  };
}

export const confluenceRoutes: readonly SiteRoute[] = [
  { product: 'confluence', method: 'GET', path: '/wiki/rest/api/user/current', handle: currentUser },
  { product: 'confluence', method: 'GET', path: '/wiki/rest/api/search', handle: search },
  { product: 'confluence', method: 'GET', path: '/wiki/api/v2/spaces', handle: spacesV2 }
];
