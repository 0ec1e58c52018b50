import { z } from 'zod';
import type { SimHttpResponse } from '../runtime/ports.js';
import { itemFraction } from './shape.js';
import { intParam, pageRange, range, type RouteContext, type SiteRoute } from './routes.js';

/**
 * Jira Cloud REST v3 endpoints the app calls, answering with the documented response shapes.
 * Every list is generated page by page from the site's shape, never materialised whole.
 */
const jiraError = (status: number, message: string): SimHttpResponse => ({ status, body: { errorMessages: [message], errors: {} } });

function myPermissions(ctx: RouteContext): SimHttpResponse {
  const keys = (ctx.query.get('permissions') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  // Jira refuses the call without an explicit permission list.
  if (keys.length === 0) return jiraError(400, 'The permissions query parameter is required.');
  const unknown = keys.filter((k) => !(k in PERMISSIONS));
  if (unknown.length > 0) return jiraError(404, `Permission key ${unknown[0]} does not exist.`);
  const admin = ctx.accountId !== undefined && ctx.users.isAdmin(ctx.accountId);
  const permissions = Object.fromEntries(
    keys.map((key) => {
      const def = PERMISSIONS[key as keyof typeof PERMISSIONS];
      // Every licensed user browses; only admins hold the global admin permissions.
      const havePermission = key === 'BROWSE_PROJECTS' ? true : admin;
      return [key, { id: def.id, key, name: def.name, type: 'GLOBAL', description: def.description, havePermission }];
    })
  );
  return { status: 200, body: { permissions } };
}

const PERMISSIONS = {
  ADMINISTER: { id: '0', name: 'Administer Jira', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.' },
  SYSTEM_ADMIN: { id: '44', name: 'Jira System Administrators', description: 'Ability to perform all administration functions. There must be at least one group with this permission.' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.' }
} as const;

function projectSearch(ctx: RouteContext): SimHttpResponse {
  const startAt = intParam(ctx.query, 'startAt', 0, Number.MAX_SAFE_INTEGER);
  const maxResults = intParam(ctx.query, 'maxResults', 50, 100);
  const total = ctx.shape.size;
  const { start, end } = pageRange(total, startAt, maxResults);
  const isLast = end >= total;
  const self = `${ctx.siteUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
  return {
    status: 200,
    body: {
      self,
      ...(isLast ? {} : { nextPage: `${ctx.siteUrl}/rest/api/3/project/search?startAt=${end}&maxResults=${maxResults}` }),
      maxResults,
      startAt,
      total,
      isLast,
      values: range(start, end).map((i) => project(ctx, i))
    }
  };
}

function project(ctx: RouteContext, i: number) {
  const id = String(10000 + i);
  const teamManaged = itemFraction(ctx.shape, 'project-style', i) < ctx.shape.teamManagedShare;
  const typeRoll = itemFraction(ctx.shape, 'project-type', i);
  const projectTypeKey = typeRoll < 0.6 ? 'software' : typeRoll < 0.85 ? 'business' : 'service_desk';
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${ctx.siteUrl}/rest/api/3/project/${id}`,
    id,
    key: projectKey(i),
    name: `Project ${i + 1}`,
    avatarUrls: { '48x48': `${ctx.siteUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10400` },
    projectTypeKey,
    simplified: teamManaged,
    style: teamManaged ? 'next-gen' : 'classic',
    isPrivate: false,
    properties: {}
  };
}

/** P0000, P0001, ... P000A: unique and upper case, as Jira project keys are. */
function projectKey(i: number): string {
  return `P${i.toString(36).toUpperCase().padStart(4, '0')}`;
}

function issueTypes(ctx: RouteContext): SimHttpResponse {
  const names = ['Epic', 'Story', 'Task', 'Bug', 'Subtask'];
  return {
    status: 200,
    body: range(0, ctx.shape.issueTypes).map((i) => {
      const id = String(10000 + i);
      const name = names[i] ?? `Custom type ${i - names.length + 1}`;
      return {
        self: `${ctx.siteUrl}/rest/api/3/issuetype/${id}`,
        id,
        description: '',
        iconUrl: `${ctx.siteUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/10315?size=medium`,
        name,
        untranslatedName: name,
        subtask: name === 'Subtask',
        avatarId: 10315,
        hierarchyLevel: name === 'Epic' ? 1 : name === 'Subtask' ? -1 : 0
      };
    })
  };
}

const approximateCountBody = z.object({ jql: z.string() });

/**
 * The JQL the simulated site can count. Anything else is refused rather than answered with an invented
 * number, so a report field that needs new JQL fails loudly in tests instead of passing on fiction.
 */
function approximateCount(ctx: RouteContext): SimHttpResponse {
  const parsed = approximateCountBody.safeParse(ctx.body);
  if (!parsed.success) return jiraError(400, 'The request body must be a JSON object with a jql string.');
  const jql = parsed.data.jql.trim().replace(/\s+/g, ' ');
  if (jql === '' || /^project is not EMPTY$/i.test(jql)) return { status: 200, body: { count: ctx.shape.issues } };
  if (/^created >= -30d$/i.test(jql)) return { status: 200, body: { count: ctx.shape.issuesCreatedLast30Days } };
  return jiraError(400, `The simulated site cannot count JQL '${jql.slice(0, 80)}'.`);
}

function fieldSearch(ctx: RouteContext): SimHttpResponse {
  const type = ctx.query.get('type');
  const startAt = intParam(ctx.query, 'startAt', 0, Number.MAX_SAFE_INTEGER);
  const maxResults = intParam(ctx.query, 'maxResults', 50, 100);
  const custom = ctx.shape.customFields;
  const system = ctx.shape.systemFields;
  const total = type === 'custom' ? custom : type === 'system' ? system : custom + system;
  const { start, end } = pageRange(total, startAt, maxResults);
  const values = range(start, end).map((i) => {
    const isCustom = type === 'custom' || (type !== 'system' && i >= system);
    const n = type === 'custom' ? i : i - system;
    return isCustom ? customField(n) : { id: `system_${i}`, key: `system_${i}`, name: `System field ${i + 1}`, schema: { type: 'string', system: `system_${i}` }, isLocked: true };
  });
  return { status: 200, body: { maxResults, startAt, total, isLast: end >= total, values } };
}

function customField(n: number) {
  const id = `customfield_${10000 + n}`;
  return {
    id,
    key: id,
    name: `Custom field ${n + 1}`,
    schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield', customId: 10000 + n },
    description: '',
    isLocked: false,
    searcherKey: 'com.atlassian.jira.plugin.system.customfieldtypes:textsearcher'
  };
}

function workflowsSearch(ctx: RouteContext): SimHttpResponse {
  const startAt = intParam(ctx.query, 'startAt', 0, Number.MAX_SAFE_INTEGER);
  const maxResults = intParam(ctx.query, 'maxResults', 50, 200);
  const total = ctx.shape.workflows;
  const { start, end } = pageRange(total, startAt, maxResults);
  const values = range(start, end).map((i) => ({
    id: `b9ff2384-d3b6-4d4e-9509-${String(100000000000 + i).slice(-12)}`,
    name: i === 0 ? 'Software Simplified Workflow' : `Workflow ${i + 1}`,
    description: '',
    scope: { type: 'GLOBAL' },
    version: { id: `v-${i}`, versionNumber: 1 },
    isEditable: i !== 0
  }));
  return { status: 200, body: { isLast: end >= total, maxResults, startAt, total, statuses: [], values } };
}

export const jiraRoutes: readonly SiteRoute[] = [
  { product: 'jira', method: 'GET', path: '/rest/api/3/mypermissions', handle: myPermissions },
  { product: 'jira', method: 'GET', path: '/rest/api/3/project/search', handle: projectSearch },
  { product: 'jira', method: 'GET', path: '/rest/api/3/issuetype', handle: issueTypes },
  { product: 'jira', method: 'POST', path: '/rest/api/3/search/approximate-count', handle: approximateCount },
  { product: 'jira', method: 'GET', path: '/rest/api/3/field/search', handle: fieldSearch },
  { product: 'jira', method: 'GET', path: '/rest/api/3/workflows/search', handle: workflowsSearch }
];
