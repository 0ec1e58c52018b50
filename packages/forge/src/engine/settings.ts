import { ok, type Envelope } from '@usage-reporting/core/api';
import type { Settings } from '@usage-reporting/core';
import { actionEntry, type Actor } from '@usage-reporting/core';
import { keys } from '../store/keys.js';
import { writeAtomically } from '../store/kvs-store.js';
import { ledgerWrite, loadConsent, loadSettings } from '../store/repositories.js';

/**
 * Sets the history retention. It is one of the admin's decisions about the site's data, so it is
 * recorded in the ledger with the new settings in one transaction; an unchanged value writes nothing.
 * The purge itself happens on the next daily run.
 */
export async function setRetention(next: Settings, actor: Actor): Promise<Envelope<{ settings: Settings }>> {
  const current = await loadSettings();
  if (current.retentionDays === next.retentionDays) return ok({ settings: current });
  const consent = await loadConsent();
  const entry = actionEntry(consent, 'set-retention', [{ path: 'retentionDays', from: current.retentionDays, to: next.retentionDays }], actor);
  const { key, value } = ledgerWrite(entry);
  await writeAtomically([{ set: keys.settings, value: next }, { set: key, value }]);
  return ok({ settings: next });
}
