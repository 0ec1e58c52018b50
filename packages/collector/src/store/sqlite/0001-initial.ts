import type { Migration } from '../migration.js';

/**
 * The schema as it stood before versioned migrations, unchanged: every statement says IF NOT EXISTS,
 * so the same migration builds a new file and adopts an existing one (migrate.ts). A file older still,
 * from before corrections, gains the two tables it lacks; one that has them loses nothing.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE IF NOT EXISTS reports (
  report_id TEXT PRIMARY KEY,
  receipt_id TEXT NOT NULL,
  installation_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  digest TEXT NOT NULL,
  bytes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_by_installation ON reports (installation_id);
CREATE INDEX IF NOT EXISTS reports_by_received_at ON reports (received_at);
CREATE TABLE IF NOT EXISTS key_chain (
  installation_id TEXT NOT NULL,
  position INTEGER NOT NULL, -- 0 is the genesis key, which has no endorsement
  public_key TEXT NOT NULL,
  previous_public_key TEXT,
  rotated_at TEXT,
  endorsement TEXT,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (installation_id, position)
);
-- Without rowid: one b-tree instead of a table plus its key index, since every report now writes a nonce.
CREATE TABLE IF NOT EXISTS nonces (
  installation_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  forget_at TEXT NOT NULL,
  PRIMARY KEY (installation_id, nonce)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS restrictions (
  installation_id TEXT PRIMARY KEY,
  purposes TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deletions (
  acknowledgement_id TEXT PRIMARY KEY,
  installation_id TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  deleted_reports INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS dirty_days (
  day TEXT PRIMARY KEY,
  generation INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS aggregates (
  day TEXT NOT NULL,
  purpose TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  installations INTEGER NOT NULL,
  PRIMARY KEY (day, purpose, field, value)
);
-- Covering: the dashboard reads one field over a range of days from this index alone.
CREATE INDEX IF NOT EXISTS aggregates_for_dashboard ON aggregates (field, day, purpose, value, installations);

-- Corrections (sqlite-corrections.ts). Who replaced whom lives in its own table rather than in columns
-- of reports: ingest's insert, the hot path, writes and indexes nothing more. A row exists exactly
-- while its correcting report does. counts_at is the instant the replaced report counted at (its
-- receipt, or its own counts_at along a chain), so the fold places the correction on that day and,
-- within the day, where the replaced report stood.
CREATE TABLE IF NOT EXISTS corrections (
  report_id TEXT PRIMARY KEY,      -- the correcting report
  supersedes TEXT NOT NULL UNIQUE, -- the report it replaced: one correction each, so a chain never forks
  counts_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_by_counts_at ON corrections (counts_at);
CREATE TABLE IF NOT EXISTS retractions (
  acknowledgement_id TEXT PRIMARY KEY,
  installation_id TEXT NOT NULL,
  report_id TEXT NOT NULL,
  retracted_at TEXT NOT NULL,
  deleted_reports INTEGER NOT NULL,
  UNIQUE (installation_id, report_id)
);
`
};
