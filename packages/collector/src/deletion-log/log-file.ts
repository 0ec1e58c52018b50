import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { engineMessageOf } from '../store/migration.js';
import type { DeletionRecord } from '../store/store.js';

/**
 * The deletion log: every deletion the collector acknowledged, one JSON line each, in a file kept
 * outside the database and its backups. A backup taken before a deletion still holds the deleted
 * installation's reports; restoring it would bring them back, and the deletions table with them
 * goes back too. This file does not, so start-up replays it (replay.ts) and the reports go again.
 *
 * A line is on disk (fsynced) before the acknowledgement is signed, so every acknowledged deletion is
 * in the file. The file is only ever appended to: one write per line, O_APPEND, so processes sharing
 * it (the service, the CLI's ingest) never interleave within a line.
 */
export const deletionLogEntrySchema = z.strictObject({
  acknowledgementId: z.string().min(1),
  installationId: z.string().min(1),
  acknowledgedAt: z.iso.datetime(),
  deletedReports: z.number().int().min(0)
});

export const deletionLogVariable = 'COLLECTOR_DELETION_LOG';
export const defaultDeletionLogName = 'collector-deletions.jsonl';

/**
 * Where the log goes: COLLECTOR_DELETION_LOG, else beside COLLECTOR_DB (the collector's data
 * directory, .data/ by default, whichever engine holds the data). An in-memory SQLite store has no
 * backup to restore and gets no log unless one is named.
 */
export function deletionLogPathOf(env: { COLLECTOR_DELETION_LOG?: string | undefined; COLLECTOR_DB: string; COLLECTOR_DATABASE_URL?: string | undefined }): string | null {
  if (env.COLLECTOR_DELETION_LOG !== undefined) return env.COLLECTOR_DELETION_LOG;
  if (env.COLLECTOR_DB === ':memory:' && env.COLLECTOR_DATABASE_URL === undefined) return null;
  return join(dirname(env.COLLECTOR_DB), defaultDeletionLogName);
}

/** Start-up stops on this, with one line naming the file, what went wrong and what to do. */
export class DeletionLogError extends Error {
  override readonly name = 'DeletionLogError';
}

const unwritable = (path: string, err: unknown) =>
  new DeletionLogError(
    `${deletionLogVariable}: cannot append to ${path} (${engineMessageOf(err)}); the collector records every deletion it acknowledges there, ` +
      `outside the database, so that restoring a backup cannot bring deleted reports back. Set ${deletionLogVariable} to a writable file that is not in the database's backups`
  );

export class DeletionLog {
  private constructor(
    readonly path: string,
    /** Every deletion in the file when it was opened, oldest first. */
    readonly entries: readonly DeletionRecord[],
    /** A last line cut short by a crash mid-write was removed at open; it was never acknowledged. */
    readonly repairedTail: boolean
  ) {}

  /**
   * Opens (creating it and its directory when missing) and reads the log. Throws DeletionLogError when
   * the file cannot be written, or holds a line that is no deletion record: the collector does not
   * serve with an acknowledged deletion it cannot honour.
   */
  static open(path: string): DeletionLog {
    let text: string;
    try {
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, 'a+');
      try {
        text = readFileSync(fd, 'utf8');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      // The file's name in its directory must survive a crash as well as its contents.
      syncDirectory(dirname(path));
    } catch (err) {
      throw unwritable(path, err);
    }
    const end = text.lastIndexOf('\n') + 1;
    const repairedTail = end < text.length;
    if (repairedTail) {
      // The write of this line never finished, so its fsync never returned and nothing was acknowledged.
      truncateSync(path, Buffer.byteLength(text.slice(0, end)));
    }
    const entries = text
      .slice(0, end)
      .split('\n')
      .slice(0, -1)
      .map((line, i) => {
        const parsed = parseLine(line);
        if (!parsed.ok) throw new DeletionLogError(`${deletionLogVariable}: line ${i + 1} of ${path} is not a deletion record (${parsed.message}); restore the file from its copy, or correct the line, and start again`);
        return parsed.record;
      });
    return new DeletionLog(path, entries, repairedTail);
  }

  /** Appends one deletion and waits until it is on disk. The acknowledgement is signed only after. */
  async append(record: DeletionRecord): Promise<void> {
    const line = `${JSON.stringify(deletionLogEntrySchema.parse(record))}\n`;
    const file = await open(this.path, 'a');
    try {
      await file.write(line);
      await file.sync();
    } finally {
      await file.close();
    }
  }
}

function parseLine(line: string): { ok: true; record: DeletionRecord } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, message: 'not JSON' };
  }
  const parsed = deletionLogEntrySchema.safeParse(json);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') };
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
