import { fail, ok } from '@usage-reporting/core/api';
import { readAccountNames } from '../site/account-names.js';
import { loadLedger } from '../store/repositories.js';
import type { ResolverHandler } from './define.js';

/**
 * The names behind the consent ledger's account ids, for the "Your data" tab. Only ids the ledger
 * holds are looked up (the page cannot ask about anyone else), as the admin calling, and the answer
 * goes straight back to the page: it is not written anywhere.
 */
export const getLedgerNames: ResolverHandler<'getLedgerNames'> = {
  async run(_input, caller) {
    const ids = (await loadLedger()).flatMap((e) => (e.value.accountId === null ? [] : [e.value.accountId]));
    if (ids.length === 0) return ok({ accounts: [] });
    const names = await readAccountNames(caller.product, ids);
    if (!names.ok) {
      console.error(`[resolver getLedgerNames] ${names.reason}`);
      const product = caller.product === 'jira' ? 'Jira' : 'Confluence';
      return fail('TRANSPORT', `${product} did not give the names of the accounts in the ledger (${names.reason}). Their account ids are shown instead.`);
    }
    return ok({ accounts: names.accounts });
  }
};
