import { asUser, route } from '@forge/api';
import { z } from 'zod';
import type { AccountName, Product } from '@usage-reporting/core/api';

/**
 * Names for account ids, asked of the product as the admin looking at the page (asUser), so they
 * see exactly the names the product would show them, under their own profile-visibility rules.
 * The answer is for the page only: nothing here is stored, reported or sent to the collector.
 */
export type AccountNames = { ok: true; accounts: AccountName[] } | { ok: false; reason: string };

/** Ids per request: both endpoints take them in the query string, which a long list overflows (JRACLOUD-78790). */
const IDS_PER_REQUEST = 50;

const jiraPage = z.object({
  isLast: z.boolean().optional(),
  values: z.array(z.object({ accountId: z.string(), displayName: z.string(), active: z.boolean() }))
});
const confluenceResults = z.object({
  results: z.array(z.object({ accountId: z.string(), displayName: z.string(), accountStatus: z.string().optional() }))
});

type Found = Map<string, Omit<AccountName, 'accountId'>>;
type Lookup = (ids: string[], found: Found) => Promise<string | undefined>;

export async function readAccountNames(product: Product, accountIds: readonly string[]): Promise<AccountNames> {
  const ids = [...new Set(accountIds)];
  const found: Found = new Map();
  const lookup = product === 'jira' ? jiraLookup : confluenceLookup;
  try {
    for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
      const failure = await lookup(ids.slice(i, i + IDS_PER_REQUEST), found);
      if (failure) return { ok: false, reason: failure };
    }
  } catch (error) {
    return { ok: false, reason: `the name lookup failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  // The products leave out accounts they do not know: those stay unknown rather than guessed.
  return { ok: true, accounts: ids.map((accountId) => ({ accountId, ...(found.get(accountId) ?? { status: 'unknown', displayName: null }) })) };
}

const query = (ids: string[]) => new URLSearchParams(ids.map((id) => ['accountId', id]));

/** Jira pages the answer (10 by default): ask for the whole chunk, and follow isLast if it still pages. */
const jiraLookup: Lookup = async (ids, found) => {
  for (let startAt = 0; ; ) {
    const res = await asUser().requestJira(route`/rest/api/3/user/bulk?${query(ids)}&startAt=${startAt}&maxResults=${ids.length}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) return `Jira answered ${res.status} to the name lookup`;
    const page = jiraPage.safeParse(await res.json());
    if (!page.success) return 'Jira answered the name lookup with an unexpected body';
    // Jira names a closed account "Former user" and marks it inactive, as it does a deactivated one.
    for (const u of page.data.values) found.set(u.accountId, { status: u.active ? 'active' : 'inactive', displayName: u.displayName });
    if (page.data.isLast !== false || page.data.values.length === 0) return undefined;
    startAt += page.data.values.length;
  }
};

const confluenceLookup: Lookup = async (ids, found) => {
  const res = await asUser().requestConfluence(route`/wiki/rest/api/user/bulk?${query(ids)}&limit=${ids.length}`, { headers: { Accept: 'application/json' } });
  if (!res.ok) return `Confluence answered ${res.status} to the name lookup`;
  const body = confluenceResults.safeParse(await res.json());
  if (!body.success) return 'Confluence answered the name lookup with an unexpected body';
  for (const u of body.data.results) found.set(u.accountId, { status: statusOf(u.accountStatus), displayName: u.displayName });
  return undefined;
};

/** Confluence says active, inactive, closed or unknown; an older answer without the field is a live account. */
function statusOf(accountStatus: string | undefined): AccountName['status'] {
  return accountStatus === 'closed' || accountStatus === 'inactive' || accountStatus === 'unknown' ? accountStatus : 'active';
}
