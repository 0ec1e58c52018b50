import type { ConsentState } from '@usage-reporting/core';
import type { PendingLedgerEntry, Transition } from '@usage-reporting/core';
import { meter } from '../engine/meter.js';
import { keys } from '../store/keys.js';
import { writeAtomically, type AtomicWrite } from '../store/kvs-store.js';
import { ledgerWrite } from '../store/repositories.js';

/**
 * Writes a consent change and the ledger entries that record it in ONE KVS transaction: the ledger
 * can never miss a change that took effect, nor record one that did not. An unchanged transition
 * writes nothing (a double click leaves no trace).
 *
 * Two admins changing consent at the same moment: the last write wins, and both changes are in the
 * ledger. KVS transactions only condition on entities, and consent is a plain key, so there is no
 * compare-and-set to lean on; the ledger keeps the record honest.
 */
export async function commitTransition(t: Transition, extra: readonly PendingLedgerEntry[] = []): Promise<ConsentState> {
  const entries = [...(t.changed ? t.ledger : []), ...extra];
  if (!t.changed && entries.length === 0) return t.state;
  const writes: AtomicWrite[] = t.changed ? [{ set: keys.consent, value: t.state }] : [];
  for (const entry of entries) {
    const { key, value } = ledgerWrite(entry);
    writes.push({ set: key, value });
  }
  await writeAtomically(writes);
  // Counted for the usage.consentChanges field: how often admins revisit their choice, never what they chose.
  if (t.changed) await meter('consent.changed', new Date(t.state.changedAt ?? Date.now()));
  return t.state;
}
