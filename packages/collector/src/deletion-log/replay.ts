import type { CollectorStore } from '../store/store.js';
import type { DeletionLog, DeletionLogEntry } from './log-file.js';

export interface DeletionReplay {
  /** Deletions in the log, each put back in effect. */
  deletions: number;
  /** Retractions in the log, each put back in effect. */
  retractions: number;
  /** Restriction changes in the log; only the newest of each installation's is put back. */
  restrictions: number;
  /** Raw reports erased now, by deletions and retractions: more than 0 only when the database came back from before them (a restored backup). */
  removedReports: number;
  /** Installations whose restriction was set back now: the database held an older one, or none. */
  restoredRestrictions: number;
  /** Installations that had reports erased or a restriction set back now. */
  installations: number;
}

/**
 * Start-up's half of the deletion log, in log order: every logged deletion and retraction is applied
 * again, so the reports they erased go once more whatever backup the database came from (reports
 * received after a request stay), and each installation's restriction is set back to its newest
 * logged state unless the database holds one set at the same instant or later. Idempotent: on a
 * database that already honours them all, it changes nothing.
 */
export async function replayDeletionLog(store: CollectorStore, log: DeletionLog): Promise<DeletionReplay> {
  const replay: DeletionReplay = { deletions: 0, retractions: 0, restrictions: 0, removedReports: 0, restoredRestrictions: 0, installations: 0 };
  const installations = new Set<string>();
  const superseded = supersededRestrictions(log.entries);
  for (const [i, entry] of log.entries.entries()) {
    if (entry.kind === 'restriction') {
      replay.restrictions += 1;
      if (superseded.has(i)) continue;
      if (await store.reapplyRestriction(entry.installationId, { purposes: entry.purposes, updatedAt: entry.updatedAt })) {
        replay.restoredRestrictions += 1;
        installations.add(entry.installationId);
      }
      continue;
    }
    let removed: number;
    if (entry.kind === 'deletion') {
      replay.deletions += 1;
      const { kind: _, ...record } = entry;
      removed = await store.reapplyDeletion(record);
    } else {
      replay.retractions += 1;
      const { kind: _, reportIds, ...record } = entry;
      removed = await store.reapplyRetraction(record, reportIds);
    }
    replay.removedReports += removed;
    if (removed > 0) installations.add(entry.installationId);
  }
  replay.installations = installations.size;
  return replay;
}

/**
 * The restriction lines a later line of the same installation, set at the same instant or later,
 * replaced: the store keeps the database's restriction on a tie, so without this two changes logged
 * within one millisecond would leave the first in force rather than the last.
 */
function supersededRestrictions(entries: readonly DeletionLogEntry[]): Set<number> {
  const superseded = new Set<number>();
  const newest = new Map<string, { index: number; updatedAt: number }>();
  for (const [i, entry] of entries.entries()) {
    if (entry.kind !== 'restriction') continue;
    const before = newest.get(entry.installationId);
    const updatedAt = Date.parse(entry.updatedAt);
    if (before === undefined || before.updatedAt <= updatedAt) {
      if (before !== undefined) superseded.add(before.index);
      newest.set(entry.installationId, { index: i, updatedAt });
    } else {
      superseded.add(i);
    }
  }
  return superseded;
}
