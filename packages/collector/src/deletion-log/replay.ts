import type { CollectorStore } from '../store/store.js';
import type { DeletionLog } from './log-file.js';

export interface DeletionReplay {
  /** Deletions in the log, each put back in effect. */
  deletions: number;
  /** Raw reports they erased now: more than 0 only when the database came back from before a deletion (a restored backup). */
  removedReports: number;
  /** Installations that had reports erased now. */
  installations: number;
}

/**
 * Start-up's half of the deletion log: every logged deletion is applied again, so an installation
 * that asked for deletion loses, once more, every raw report received at or before its acknowledgement,
 * whatever backup the database came from. Idempotent: on a database that already honours them all,
 * it erases nothing. Reports received after a deletion (the installation reported again) stay.
 */
export async function replayDeletionLog(store: CollectorStore, log: DeletionLog): Promise<DeletionReplay> {
  let removedReports = 0;
  const installations = new Set<string>();
  for (const record of log.entries) {
    const removed = await store.reapplyDeletion(record);
    removedReports += removed;
    if (removed > 0) installations.add(record.installationId);
  }
  return { deletions: log.entries.length, removedReports, installations: installations.size };
}
