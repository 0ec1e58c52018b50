import { z } from 'zod';

/**
 * Versioned schema migrations, one ordered list per engine (sqlite/migrations.ts,
 * postgres/migrations/index.ts). Each engine records what it applied in `schema_migrations`
 * (version, name, applied_at); start-up applies the rest in order, each in its own transaction, so a
 * failing migration leaves the database at the version before it.
 */
export const migrationSchema = z.object({
  version: z.number().int().positive(),
  /** Short, kebab-case: it names the migration in `schema_migrations` and in errors. */
  name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  sql: z.string().min(1)
});
export type Migration = z.infer<typeof migrationSchema>;

export type StoreEngine = 'sqlite' | 'postgres';

/**
 * Start-up stops on this: the collector must never serve on a schema it did not finish building, nor
 * on one a newer collector built. The message names the engine, the migration and the engine's own error.
 */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly engine: StoreEngine,
    /** The migration that failed, or null when the database is newer than every migration known here. */
    readonly migration: Pick<Migration, 'version' | 'name'> | null,
    /** The engine's error message, as it gave it. */
    readonly engineMessage: string
  ) {
    super(
      migration === null
        ? `${engineLabel[engine]} schema: ${engineMessage}`
        : `${engineLabel[engine]} migration ${String(migration.version).padStart(4, '0')}-${migration.name} failed: ${engineMessage}`
    );
  }
}

const engineLabel: Record<StoreEngine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/**
 * An engine error's own message. Read off the object rather than through `instanceof Error`: a native
 * driver's error class may come from another realm (better-sqlite3's, under jest), and its String()
 * would prefix the class name.
 */
export function engineMessageOf(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string') return err.message;
  return String(err);
}

/** Checked once per list: versions 1, 2, 3… with no gap or repeat, so "applied up to n" means what it says. */
export function orderedMigrations(list: readonly Migration[]): Migration[] {
  const parsed = list.map((m) => migrationSchema.parse(m));
  parsed.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  return parsed;
}

/** The refusal for a database some newer collector migrated further than this one knows how to read. */
export function newerDatabaseError(engine: StoreEngine, applied: number, known: number): MigrationError {
  return new MigrationError(engine, null, `the database is at migration ${applied}, but this collector knows migrations up to ${known} only; run the newer collector, or restore a backup`);
}
