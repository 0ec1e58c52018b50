import type Database from 'better-sqlite3';
import type { RestrictionRecord } from '../store.js';
import { markCountedDaysOf } from '../sqlite-corrections.js';

/**
 * SQLite's half of CollectorStore.reapplyRestriction (deletion-log/replay.ts calls it at start-up): in
 * one IMMEDIATE transaction, writes the logged restriction unless the file holds one set at the same
 * instant or later, and marks the installation's days for refolding only when it wrote.
 */
export function reapplyRestrictionSqlite(db: Database.Database, installationId: string, restriction: RestrictionRecord): boolean {
  // updated_at is ISO-8601 UTC to the millisecond on both sides, so text order is time order.
  const putIfNewer = db.prepare(
    `INSERT INTO restrictions (installation_id, purposes, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (installation_id) DO UPDATE SET purposes = excluded.purposes, updated_at = excluded.updated_at WHERE restrictions.updated_at < excluded.updated_at`
  );
  const markDays = db.prepare(markCountedDaysOf);
  return db
    .transaction((): boolean => {
      const written = putIfNewer.run(installationId, JSON.stringify(restriction.purposes), restriction.updatedAt).changes > 0;
      if (written) markDays.run(installationId);
      return written;
    })
    .immediate();
}
