import type { Catalog } from '../shared/catalog/catalog';
import { reportSchemaFor } from '../shared/report/schema';

/**
 * The app's report schema for a catalog, built once: building the zod schema costs about a
 * millisecond, parsing with it microseconds, and ingest parses every request.
 */
const schemas = new WeakMap<Catalog, ReturnType<typeof reportSchemaFor>>();

export function schemaFor(catalog: Catalog): ReturnType<typeof reportSchemaFor> {
  const held = schemas.get(catalog);
  if (held) return held;
  const built = reportSchemaFor(catalog);
  schemas.set(catalog, built);
  return built;
}
