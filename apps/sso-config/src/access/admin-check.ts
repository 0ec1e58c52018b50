import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { productSchema, type Product } from '@usage-reporting/core/api';

/**
 * Whether the calling user administers the product the page is open in, asked of Jira or Confluence
 * as that user: the answer never comes from anything the page sent.
 */
export type AdminCheck = { ok: true; isAdmin: boolean } | { ok: false; reason: string };

const jiraPermissions = z.object({ permissions: z.object({ ADMINISTER: z.object({ havePermission: z.boolean() }) }) });
const confluenceUser = z.object({ operations: z.array(z.object({ operation: z.string(), targetType: z.string() })) });

export async function checkAdmin(product: Product): Promise<AdminCheck> {
  try {
    if (product === 'jira') {
      const res = await asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, { headers: { Accept: 'application/json' } });
      if (!res.ok) return { ok: false, reason: `Jira answered ${res.status} to the permission check` };
      const body = jiraPermissions.safeParse(await res.json());
      return body.success ? { ok: true, isAdmin: body.data.permissions.ADMINISTER.havePermission } : { ok: false, reason: 'Jira permission check returned an unexpected body' };
    }
    const res = await asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`, { headers: { Accept: 'application/json' } });
    if (!res.ok) return { ok: false, reason: `Confluence answered ${res.status} to the current-user check` };
    const body = confluenceUser.safeParse(await res.json());
    return body.success
      ? { ok: true, isAdmin: body.data.operations.some((op) => op.operation === 'administer' && op.targetType === 'application') }
      : { ok: false, reason: 'Confluence current-user check returned an unexpected body' };
  } catch (error) {
    // We cannot tell, so the caller is not treated as an admin.
    return { ok: false, reason: `admin check failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The product from the invocation's install context (`ari:cloud:jira::site/…`); undefined for any other. */
export function productOf(installContext: unknown): Product | undefined {
  const match = typeof installContext === 'string' ? /^ari:cloud:([a-z]+)::site\//.exec(installContext) : null;
  const product = productSchema.safeParse(match?.[1]);
  return product.success ? product.data : undefined;
}
