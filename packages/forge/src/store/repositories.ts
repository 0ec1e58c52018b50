import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { consentStateSchema, defaultSettings, initialConsent, settingsSchema, type ConsentState, type Settings } from '@usage-reporting/core';
import { ledgerEntrySchema, type LedgerEntry } from '@usage-reporting/core';
import type { PendingLedgerEntry } from '@usage-reporting/core';
import { keys } from './keys.js';
import { claim, listParsed, readOrThrow, readParsed, write } from './kvs-store.js';
import { installationSchema, reportRecordSchema, type Installation, type ReportRecord } from './records.js';
import { storedReceiptSchema } from '@usage-reporting/core';
import { withReceipt } from '../core/with-receipt.js';
import { withChain } from '../core/report-chain.js';
import { installationIdOf } from '@usage-reporting/core/node';
import { currentSigningKey } from '../identity/signing-keys.js';

/** Repositories: one function per thing the engine reads or writes, each one KVS call where it can be. */

export const loadConsent = async (): Promise<ConsentState> => (await readOrThrow(keys.consent, consentStateSchema)) ?? initialConsent;
export const saveConsent = (state: ConsentState): Promise<void> => write(keys.consent, state);

export const loadSettings = async (): Promise<Settings> => (await readOrThrow(keys.settings, settingsSchema)) ?? defaultSettings;
export const saveSettings = (settings: Settings): Promise<void> => write(keys.settings, settings);

/**
 * The installation id: derived from the genesis signing key, made once. Two first invocations racing
 * both read-or-create the same key (the KVS lets one create it), so both derive the same id, and of
 * their two identical records exactly one is written.
 */
export async function ensureInstallation(now: Date): Promise<Installation> {
  const existing = await readOrThrow(keys.installation, installationSchema);
  if (existing) return existing;
  // The lifecycle trigger recorded when the app was installed; the first report's period starts there.
  const installed = await readParsed(keys.installedRecord, z.object({ installedAt: z.iso.datetime() }));
  const installedAt = installed.ok && installed.value && installed.value.installedAt < now.toISOString() ? installed.value.installedAt : now.toISOString();
  const genesis = await currentSigningKey();
  const fresh: Installation = { installationId: installationIdOf(genesis.publicKey), installedAt, genesisPublicKey: genesis.publicKey };
  if ((await claim(keys.installation, fresh)) === 'claimed') return fresh;
  const winner = await readOrThrow(keys.installation, installationSchema);
  if (!winner) throw new Error('installation record vanished after a concurrent create');
  return winner;
}

/**
 * Ledger entries are appended under unique keys: concurrent appends never overwrite each other.
 * Entries of one instant (a withdrawal and the vendor deletion it asked for share their `at`) must
 * read back in the order they were written, so the key carries this process's monotonic clock
 * between the instant and the random id: the random id alone sorted them by chance. Across two
 * invocations of the same millisecond the order is arbitrary, as their order in fact is.
 */
export function ledgerWrite(entry: PendingLedgerEntry): { key: string; value: LedgerEntry } {
  const id = randomUUID();
  const order = process.hrtime.bigint().toString().padStart(20, '0');
  return { key: keys.ledger(entry.at, order, id), value: { ...entry, id } };
}

export async function appendLedger(entries: readonly PendingLedgerEntry[]): Promise<void> {
  for (const e of entries) {
    const { key, value } = ledgerWrite(e);
    await write(key, value);
  }
}

export async function loadLedger(): Promise<Array<{ key: string; value: LedgerEntry }>> {
  const { values } = await listParsed(keys.ledgerPrefix, ledgerEntrySchema);
  return values.sort((a, b) => (a.key < b.key ? -1 : 1));
}

export async function loadReports(): Promise<ReportRecord[]> {
  const [{ values }, receipts] = [await listParsed(keys.reportPrefix, reportRecordSchema), await listParsed(keys.receiptPrefix, storedReceiptSchema)];
  const receiptOf = new Map(receipts.values.map((r) => [r.value.reportId, r.value]));
  return withChain(values.map((v) => withReceipt(v.value, receiptOf.get(v.value.reportId)))).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.reportId < b.reportId ? -1 : 1));
}

export async function loadReport(reportId: string): Promise<ReportRecord | undefined> {
  const record = await readOrThrow(keys.report(reportId), reportRecordSchema);
  return record && withReceipt(record, await readOrThrow(keys.receipt(reportId), storedReceiptSchema));
}
export const saveReport = (record: ReportRecord): Promise<void> => write(keys.report(record.reportId), record);
