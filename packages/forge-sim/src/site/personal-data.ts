import { z } from 'zod';
import type { SimHttpResponse } from '../runtime/ports.js';

/**
 * Forge's personal data reporting API (`privacy.reportPersonalData` → POST /app/report-accounts on
 * the Atlassian API, as the app). The app reports account ids it stores with when it stored them;
 * the answer lists only accounts that need action: 'closed' (erase or anonymise) or 'updated' (the
 * profile changed after `updatedAt`). 204 when none do. At most 90 accounts per request.
 */
export const REPORT_ACCOUNTS_PATH = '/app/report-accounts';
export const MAX_ACCOUNTS_PER_REQUEST = 90;

const requestSchema = z.object({
  accounts: z.array(z.object({ accountId: z.string().min(1), updatedAt: z.iso.datetime({ offset: true }) })).min(1).max(MAX_ACCOUNTS_PER_REQUEST)
});

export interface SimPersonalData {
  /** The person closed their Atlassian account: every report of it from now on answers 'closed'. */
  close(accountId: string): void;
  /** Whether the person closed their account: the site's user endpoints then answer for a former user. */
  isClosed(accountId: string): boolean;
  /** The person changed their profile at `at` (default now). */
  update(accountId: string, at?: Date): void;
  /** The next `times` requests answer `status` (Atlassian's API having a bad moment). */
  failNext(status: number, times?: number): void;
  /** How many report-accounts requests the app made. */
  readonly requests: number;
  handle(body: unknown): SimHttpResponse;
}

export function createPersonalData(): SimPersonalData {
  const closed = new Set<string>();
  const updatedAt = new Map<string, number>();
  let requests = 0;
  let failing: { status: number; remaining: number } | undefined;
  return {
    failNext(status, times = 1) {
      failing = { status, remaining: times };
    },
    close: (accountId) => void closed.add(accountId),
    isClosed: (accountId) => closed.has(accountId),
    update: (accountId, at = new Date()) => void updatedAt.set(accountId, at.getTime()),
    get requests() {
      return requests;
    },
    handle(body) {
      requests += 1;
      if (failing && failing.remaining > 0) {
        failing.remaining -= 1;
        return { status: failing.status, body: { code: failing.status, message: 'Simulated failure of the personal data reporting API' } };
      }
      const parsed = requestSchema.safeParse(body);
      if (!parsed.success) return { status: 400, body: { code: 400, message: 'Invalid request: expected {accounts: [{accountId, updatedAt}]} with 1 to 90 accounts.' } };
      const accounts: Array<{ accountId: string; status: 'closed' | 'updated' }> = [];
      for (const a of parsed.data.accounts) {
        if (closed.has(a.accountId)) accounts.push({ accountId: a.accountId, status: 'closed' });
        else if ((updatedAt.get(a.accountId) ?? 0) > Date.parse(a.updatedAt)) accounts.push({ accountId: a.accountId, status: 'updated' });
      }
      return accounts.length === 0 ? { status: 204 } : { status: 200, body: { accounts } };
    }
  };
}
