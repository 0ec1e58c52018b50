import type { Migration } from '../migration.js';

/**
 * Read-only views for the vendor's BI tool (docs/COLLECTOR.md, "SQL views"): the aggregate cells the
 * dashboard publishes and nothing else. `aggregates` holds only cells that passed k-suppression
 * (aggregate/fold-day.ts), so these views read it alone: no view touches reports, report ids, key
 * chains, nonces, restrictions or the deletion records, and none has an installation id column.
 *
 * published_cells has the dashboard's CSV columns (dashboard/csv.ts): `value` as people read it (a
 * JSON string unquoted), `value_json` as held. SQLite has no grants: whoever can open the file can
 * read every table, so these views shape what a tool reads; they do not restrict it.
 */
export const publishedViews: Migration = {
  version: 2,
  name: 'published-views',
  sql: `
CREATE VIEW published_cells AS
SELECT day, purpose, field,
  CASE WHEN json_type(value) = 'text' THEN json_extract(value, '$') ELSE value END AS value,
  value AS value_json,
  installations
FROM aggregates;

-- How many installations reported on a day, per purpose: the denominator of every share.
CREATE VIEW published_population AS
SELECT day, purpose, installations FROM aggregates WHERE field = '$installations';

-- Each published value of a field as a share of that day's and purpose's population, as the dashboard's bars draw it.
CREATE VIEW published_shares AS
SELECT c.day, c.purpose, c.field, c.value, c.value_json, c.installations, p.installations AS population,
  CAST(c.installations AS REAL) / p.installations AS share
FROM published_cells c JOIN published_population p ON p.day = c.day AND p.purpose = c.purpose
WHERE c.field <> '$installations';
`
};
