import type { Migration } from '../../migration.js';

/**
 * Read-only views for the vendor's BI tool (docs/COLLECTOR.md, "SQL views"): the aggregate cells the
 * dashboard publishes and nothing else. `aggregates` holds only cells that passed k-suppression
 * (aggregate/fold-day.ts), so these views read it alone: no view touches reports, report ids, key
 * chains, nonces, restrictions or the deletion records, and none has an installation id column.
 *
 * A view reads its tables with its owner's rights, so a role granted SELECT on the views alone reads
 * them and is refused every table, aggregates included (the docs' reader role). The views are
 * security_invoker = false, PostgreSQL's default, on purpose: with it on, that role would need the table.
 *
 * published_cells has the dashboard's CSV columns (dashboard/csv.ts): `value` as people read it (a
 * JSON string unquoted), `value_json` as held.
 */
export const publishedViews: Migration = {
  version: 2,
  name: 'published-views',
  sql: `
CREATE VIEW published_cells AS
SELECT day, purpose, field,
  CASE WHEN jsonb_typeof(value::jsonb) = 'string' THEN value::jsonb #>> '{}' ELSE value END AS value,
  value AS value_json,
  installations
FROM aggregates;
COMMENT ON VIEW published_cells IS 'Published daily aggregate cells: installations per day, purpose, field and value; cells under k never appear. Columns as the dashboard CSV export.';
COMMENT ON COLUMN published_cells.value IS 'The value as people read it: a JSON string without its quotes, anything else as JSON (true, 3).';
COMMENT ON COLUMN published_cells.value_json IS 'The value exactly as held, as JSON text: tells the boolean true from the label "true".';

CREATE VIEW published_population AS
SELECT day, purpose, installations FROM aggregates WHERE field = '$installations';
COMMENT ON VIEW published_population IS 'Installations reporting per day and purpose: the denominator of every share. A purpose with fewer than k installations on a day has no row.';

CREATE VIEW published_shares AS
SELECT c.day, c.purpose, c.field, c.value, c.value_json, c.installations, p.installations AS population,
  c.installations::double precision / p.installations AS share
FROM published_cells c JOIN published_population p ON p.day = c.day AND p.purpose = c.purpose
WHERE c.field <> '$installations';
COMMENT ON VIEW published_shares IS 'Each published cell as a share (0 to 1) of its day''s and purpose''s population, as the dashboard draws it.';
`
};
