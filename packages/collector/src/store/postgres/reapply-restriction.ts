import type pg from 'pg';
import type { RestrictionRecord } from '../store.js';
import { inTransaction, lockFor, lockSpace } from './connection.js';
import { markCountedDaysOf } from './dirty-days.js';

/**
 * PostgreSQL's half of CollectorStore.reapplyRestriction (deletion-log/replay.ts calls it at start-up):
 * under the installation's lock, as a restriction request takes it (rights.ts), writes the logged
 * restriction unless the database holds one set at the same instant or later, which another process
 * sharing the database may have just written; marks the installation's days only when it wrote.
 */
export function reapplyRestrictionPostgres(pool: pg.Pool, installationId: string, restriction: RestrictionRecord): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    await lockFor(client, lockSpace.installation, installationId);
    const written = await client.query(
      `INSERT INTO restrictions (installation_id, purposes, updated_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (installation_id) DO UPDATE SET purposes = excluded.purposes, updated_at = excluded.updated_at WHERE restrictions.updated_at < excluded.updated_at`,
      [installationId, JSON.stringify(restriction.purposes), restriction.updatedAt]
    );
    if (written.rowCount !== 1) return false;
    await markCountedDaysOf(client, installationId);
    return true;
  });
}
