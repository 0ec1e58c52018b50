import { asUser, route } from '@forge/api';
import { z } from 'zod';
import type { Product } from '@usage-reporting/core/api';

/**
 * Whether the calling user administers the product, asked of the product as that user. The answer
 * comes from Jira or Confluence, never from anything the page sent.
 */
export type AdminCheck = { ok: true; isAdmin: boolean } | { ok: false; reason: string };

const jiraPermissions = z.object({
  permissions: z.object({ ADMINISTER: z.object({ havePermission: z.boolean() }) })
});

const confluenceUser = z.object({
  operations: z.array(z.object({ operation: z.string(), targetType: z.string() }))
});

export async function checkProductAdmin(product: Product): Promise<AdminCheck> {
  try {
    return product === 'jira' ? await jiraAdmin() : await confluenceAdmin();
  } catch (error) {
    // The proxy refused or the network failed: we cannot tell, so the caller must not be treated as admin.
    return { ok: false, reason: `admin check failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function jiraAdmin(): Promise<AdminCheck> {
  const res = await asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, { headers: { Accept: 'application/json' } });
  if (!res.ok) return { ok: false, reason: `Jira answered ${res.status} to the permission check` };
  const body = jiraPermissions.safeParse(await res.json());
  if (!body.success) return { ok: false, reason: 'Jira permission check returned an unexpected body' };
  return { ok: true, isAdmin: body.data.permissions.ADMINISTER.havePermission };
}

async function confluenceAdmin(): Promise<AdminCheck> {
  const res = await asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`, { headers: { Accept: 'application/json' } });
  if (!res.ok) return { ok: false, reason: `Confluence answered ${res.status} to the permission check` };
  const body = confluenceUser.safeParse(await res.json());
  if (!body.success) return { ok: false, reason: 'Confluence current-user check returned an unexpected body' };
  return { ok: true, isAdmin: body.data.operations.some((op) => op.operation === 'administer' && op.targetType === 'application') };
}
