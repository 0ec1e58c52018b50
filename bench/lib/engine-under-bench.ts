import type { StartCollectorOptions } from '@usage-reporting/collector';
import type { BareTable } from './bare-ingest';
import type { StoreEngine } from './collector-figures';

/**
 * One store engine as the collector section drives it: where the collector keeps its data, how the
 * bench fills and inspects that store behind the collector's back, and the bare route's table in the
 * same engine. sqlite-under-bench.ts and postgres-under-bench.ts implement it.
 */
export interface EngineUnderBench {
  engine: StoreEngine;
  /** For progress lines: "SQLite", "PostgreSQL". */
  label: string;
  /** What startCollector needs to open this store. */
  store: Pick<StartCollectorOptions, 'dbPath' | 'databaseUrl'>;
  countRows(): Promise<number>;
  /** Bulk-loads synthetic reports until the store holds `target`; returns how many it added. */
  seedTo(target: number, seed: number, progress: (line: string) => void): Promise<number>;
  /** Marks every day holding reports as changed, so the next retention pass refolds them all. */
  markEveryDayChanged(): Promise<void>;
  /** The store's size on disk, MiB. */
  sizeMib(): Promise<number>;
  /** A fresh table for the bare route, in this engine, apart from the collector's data. */
  bareTable(): Promise<BareTable>;
  close(): Promise<void>;
}
