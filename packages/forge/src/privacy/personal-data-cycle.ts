import { privacy } from '@forge/api';
import { z } from 'zod';
import { ledgerEntrySchema, type LedgerEntry } from '@usage-reporting/core';
import { keys } from '../store/keys.js';
import { listParsed, readParsed, write } from '../store/kvs-store.js';
import { accountsToReport, anonymised } from './accounts.js';

/**
 * Forge's personal data reporting cycle for the only personal data the app keeps: the account ids in
 * the consent ledger. Each cycle reports every distinct id with when we last stored it; ids Atlassian
 * answers 'closed' are replaced by null in their entries (the entry itself stays: what changed, when,
 * and under which format is not personal and is the audit trail). 'updated' needs nothing: we store
 * no profile data that could go stale.
 *
 * Send claims (claim:send:<draftId>) also carry an account id, but expire a day after the click;
 * they are far inside the reporting window, so the cycle leaves them to their TTL.
 */
export const CYCLE_DAYS = 7;

const cycleRecordSchema = z.strictObject({
  at: z.iso.datetime(),
  reportedAccounts: z.number().int().nonnegative(),
  closedAccounts: z.number().int().nonnegative(),
  anonymisedEntries: z.number().int().nonnegative()
});
export type CycleRecord = z.infer<typeof cycleRecordSchema>;

export type CycleOutcome = { kind: 'not-due'; lastAt: string } | { kind: 'done'; record: CycleRecord } | { kind: 'failed'; reason: string };

export async function runPersonalDataCycle(now: Date, options: { force?: boolean } = {}): Promise<CycleOutcome> {
  const last = await readParsed(keys.privacyCycle, cycleRecordSchema);
  if (!options.force && last.ok && last.value && now.getTime() - Date.parse(last.value.at) < CYCLE_DAYS * 86_400_000) {
    return { kind: 'not-due', lastAt: last.value.at };
  }
  const ledger = (await listParsed(keys.ledgerPrefix, ledgerEntrySchema)).values;
  const accounts = accountsToReport(ledger.map((e) => e.value));
  let updates: Array<{ accountId: string; status: 'updated' | 'closed' }>;
  try {
    updates = await privacy.reportPersonalData(accounts);
  } catch (error) {
    // The SDK rejects with the Response on a non-2xx answer; keep only its status, never its body.
    const status: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'status') : undefined;
    return { kind: 'failed', reason: typeof status === 'number' ? `Atlassian answered ${status}` : error instanceof Error ? error.message : String(error) };
  }
  const closed = new Set(updates.filter((u) => u.status === 'closed').map((u) => u.accountId));
  let anonymisedEntries = 0;
  for (const { key, value } of ledger) {
    if (value.accountId === null || !closed.has(value.accountId)) continue;
    await write(key, anonymised(value) satisfies LedgerEntry);
    anonymisedEntries += 1;
  }
  const record: CycleRecord = { at: now.toISOString(), reportedAccounts: accounts.length, closedAccounts: closed.size, anonymisedEntries };
  await write(keys.privacyCycle, record);
  return { kind: 'done', record };
}
