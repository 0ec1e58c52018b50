import type pg from 'pg';
import type { Queryable } from './connection.js';

/**
 * A statement ingest runs for every report or batch, with new values each time. Sent by name,
 * node-postgres prepares it on a connection's first use and afterwards sends only the values, so the
 * server parses it once per connection, and after its first five runs keeps one generic plan instead
 * of planning every run. Parsing and planning were about 40% of the server's CPU per ingested report.
 *
 * Only a statement whose plan cannot depend on how big its tables are may be prepared: one that only
 * inserts (conflicts are found through the ON CONFLICT target's unique index, whatever the planner
 * thinks) and joins nothing but its own input and CTEs. A kept plan is replaced only when a table's
 * statistics next change, so a statement that reads a table by a condition would keep the plan made
 * while that table was empty, a sequential scan, while ingest grows it by thousands of rows a second:
 * prepared, the signers' standings read went from about 7 to 130 us of execution per report that way
 * on a database analyzed before its first nonce. Such reads stay unnamed and are planned on every
 * run, on the table's size at that moment. postgres-prepared.test.ts checks every statement the store prepares.
 *
 * Names live per connection and must be unique within the store: one name, one text.
 */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

export const prepared = (name: string, text: string): Prepared => ({ name: `collector_${name}`, text });

export function runPrepared(db: Queryable, statement: Prepared, values: unknown[]): Promise<pg.QueryResult> {
  return db.query({ name: statement.name, text: statement.text, values });
}
