import type { Migration } from '../../migration.js';

/**
 * The PostgreSQL store's first schema: the SQLite tables (sqlite/0001-initial.ts) with real types
 * (timestamptz instants, date days, jsonb purposes), and raw reports partitioned by month.
 *
 * Why `report_ids`: a primary key or unique index on a partitioned table must include the partition
 * key, so `reports` can only promise (report_id, received_at) unique, one partition at a time. Ingest
 * is idempotent on the report id alone, whenever a retry arrives; so every report first claims its id
 * in `report_ids`, an ordinary table whose primary key is the id. Two transactions claiming one id
 * meet on that index: the second waits for the first and then finds the id taken (ON CONFLICT), in any
 * isolation level, in any number of collector processes. A claim is written and deleted in the same
 * transaction as its report; the one exception is retention, which drops a month's partition in one
 * statement and deletes that month's claims after it, in batches. A claim whose report is gone is
 * therefore stale, and ingest treats it as no claim (reports.ts).
 *
 * Every text column compares bytewise (COLLATE "C"), as SQLite does, whatever locale the database
 * was made with: ids, fields and values sort the same on both engines, and no locale changes an index.
 *
 * The partitions themselves (reports_yYYYYmMM) are created on demand, not here (partitions.ts).
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE report_ids (
  report_id text COLLATE "C" PRIMARY KEY,
  received_at timestamptz NOT NULL -- where the report lives: lets a lookup by id read one partition
);
CREATE INDEX report_ids_by_received_at ON report_ids (received_at);

CREATE TABLE reports (
  report_id text COLLATE "C" NOT NULL,
  receipt_id text COLLATE "C" NOT NULL,
  installation_id text COLLATE "C" NOT NULL,
  received_at timestamptz NOT NULL,
  digest text COLLATE "C" NOT NULL,
  bytes text COLLATE "C" NOT NULL, -- the exact canonical JSON received, never re-encoded
  PRIMARY KEY (report_id, received_at)
) PARTITION BY RANGE (received_at);
CREATE INDEX reports_by_installation ON reports (installation_id);
-- The fold pages through a day in (received_at, report_id) order, and retention deletes by received_at.
CREATE INDEX reports_by_received_at ON reports (received_at, report_id);

CREATE TABLE corrections (
  report_id text COLLATE "C" PRIMARY KEY,      -- the correcting report
  supersedes text COLLATE "C" NOT NULL UNIQUE, -- the report it replaced: one correction each, so a chain never forks
  counts_at timestamptz NOT NULL
);
CREATE INDEX corrections_by_counts_at ON corrections (counts_at, report_id);

CREATE TABLE retractions (
  acknowledgement_id text COLLATE "C" PRIMARY KEY,
  installation_id text COLLATE "C" NOT NULL,
  report_id text COLLATE "C" NOT NULL,
  retracted_at timestamptz NOT NULL,
  deleted_reports integer NOT NULL,
  UNIQUE (installation_id, report_id)
);

CREATE TABLE key_chain (
  installation_id text COLLATE "C" NOT NULL,
  position integer NOT NULL, -- 0 is the genesis key, which has no endorsement
  public_key text COLLATE "C" NOT NULL,
  previous_public_key text COLLATE "C",
  rotated_at text COLLATE "C", -- as endorsed and signed: kept as the exact text, not re-rendered
  endorsement text COLLATE "C",
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (installation_id, position)
);

CREATE TABLE nonces (
  installation_id text COLLATE "C" NOT NULL,
  nonce text COLLATE "C" NOT NULL,
  forget_at timestamptz NOT NULL,
  PRIMARY KEY (installation_id, nonce)
);
CREATE INDEX nonces_by_forget_at ON nonces (forget_at);

CREATE TABLE restrictions (
  installation_id text COLLATE "C" PRIMARY KEY,
  purposes jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE deletions (
  acknowledgement_id text COLLATE "C" PRIMARY KEY,
  installation_id text COLLATE "C" NOT NULL,
  acknowledged_at timestamptz NOT NULL,
  deleted_reports integer NOT NULL
);
CREATE INDEX deletions_by_installation ON deletions (installation_id);

CREATE TABLE dirty_days (
  day date PRIMARY KEY,
  generation integer NOT NULL
);

CREATE TABLE aggregates (
  day date NOT NULL,
  purpose text COLLATE "C" NOT NULL,
  field text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  installations integer NOT NULL,
  PRIMARY KEY (day, purpose, field, value)
);
-- Covering: the dashboard reads one field over a range of days from this index alone.
CREATE INDEX aggregates_for_dashboard ON aggregates (field, day, purpose, value) INCLUDE (installations);
`
};
