import type pg from 'pg';
import type { Queryable } from './connection.js';

/**
 * A statement ingest runs for every report or batch, with new values each time. Sent by name,
 * node-postgres prepares it on a connection's first use and afterwards sends only the values, so the
 * server parses it once per connection instead of on every run. Parsing and planning were about 40%
 * of the server's CPU per ingested report before (docs/COLLECTOR.md, "The bare route").
 *
 * Planning once needs more than a name: PostgreSQL plans a prepared statement afresh for its first
 * five runs, then keeps one generic plan only if that plan is estimated no costlier than the custom
 * ones plus their planning. A statement whose estimate grows with the rows it is given (lookups per
 * row, costed per row) must not let the custom plans count those rows, or it is planned on every run:
 * rights.ts sends its rows as one JSON document for that reason. And the plan kept must suit any run,
 * so every table such a statement reads it reaches by key. postgres-prepared.test.ts checks both.
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
