import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { purposeSchema } from '@usage-reporting/core';
import { engineMessageOf } from '../store/migration.js';
import type { RetractionRecord } from '../store/store.js';

/**
 * The deletion log: every deletion, retraction and restriction change the collector acknowledged, one
 * JSON line each, in a file kept outside the database and its backups. A backup taken before one of
 * them holds the deleted installation's reports, the retracted report, or the restriction as it was
 * then; restoring it would bring those back, and the database's records of the requests go back with
 * it. This file does not, so start-up replays it (replay.ts) and each request is in effect again. (It
 * held deletions only at first, and kept its name and its variable.)
 *
 * A line is on disk (fsynced) before the acknowledgement is signed, so every acknowledged request is
 * in the file. The file is only ever appended to: one write per line, O_APPEND, so processes sharing
 * it (the service, the CLI's ingest) never interleave within a line.
 */
const instantSchema = z.iso.datetime();
const deletionFields = {
  acknowledgementId: z.string().min(1),
  installationId: z.string().min(1),
  acknowledgedAt: instantSchema,
  deletedReports: z.number().int().min(0)
};
/** Erasure of the installation's reports (the rights API's DELETE). */
const deletionEntrySchema = z.strictObject({ kind: z.literal('deletion'), ...deletionFields });
/** What the log held before it held anything but deletions: the same line without its kind. */
const unmarkedDeletionSchema = z.strictObject(deletionFields).transform((d) => ({ kind: 'deletion' as const, ...d }));
/**
 * One report retracted. `reportIds`: the reports erased with it, the retracted one and those it had
 * superseded, since a backup may hold an older report of the chain without the correction that linked
 * it to the retracted one.
 */
const retractionEntrySchema = z.strictObject({
  kind: z.literal('retraction'),
  acknowledgementId: z.string().min(1),
  installationId: z.string().min(1),
  reportId: z.string().min(1),
  retractedAt: instantSchema,
  deletedReports: z.number().int().min(0),
  reportIds: z.array(z.string().min(1)).min(1)
});
/** The installation's purpose restrictions as set (an empty list: every restriction lifted). */
const restrictionEntrySchema = z.strictObject({
  kind: z.literal('restriction'),
  installationId: z.string().min(1),
  purposes: z.array(purposeSchema),
  updatedAt: instantSchema
});

/** A line as written now; a line without a kind is read by unmarkedDeletionSchema. */
export const deletionLogEntrySchema = z.discriminatedUnion('kind', [deletionEntrySchema, retractionEntrySchema, restrictionEntrySchema]);
export type DeletionLogEntry = z.infer<typeof deletionLogEntrySchema>;

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
    `${deletionLogVariable}: cannot append to ${path} (${engineMessageOf(err)}); the collector records every deletion, retraction and restriction it acknowledges there, ` +
      `outside the database, so that restoring a backup cannot undo them. Set ${deletionLogVariable} to a writable file that is not in the database's backups`
  );

export class DeletionLog {
  /** Acknowledgements with a line in the file: read at open, and each appended since by this process. */
  private readonly logged: Set<string>;

  private constructor(
    readonly path: string,
    /** Every entry in the file when it was opened, oldest first. */
    readonly entries: readonly DeletionLogEntry[],
    /** A last line cut short by a crash mid-write was removed at open; it was never acknowledged. */
    readonly repairedTail: boolean
  ) {
    this.logged = new Set(entries.flatMap((e) => (e.kind === 'restriction' ? [] : [e.acknowledgementId])));
  }

  /**
   * Opens (creating it and its directory when missing) and reads the log. Throws DeletionLogError when
   * the file cannot be written, or holds a line that is no record of the log: the collector does not
   * serve with an acknowledged request it cannot honour.
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
        if (!parsed.ok) {
          throw new DeletionLogError(
            `${deletionLogVariable}: line ${i + 1} of ${path} is no deletion, retraction or restriction record (${parsed.message}); restore the file from its copy, or correct the line, and start again`
          );
        }
        return parsed.entry;
      });
    return new DeletionLog(path, entries, repairedTail);
  }

  /** Appends one entry and waits until it is on disk. The acknowledgement is signed only after. */
  async append(entry: DeletionLogEntry): Promise<void> {
    const line = `${JSON.stringify(deletionLogEntrySchema.parse(entry))}\n`;
    const file = await open(this.path, 'a');
    try {
      await file.write(line);
      await file.sync();
    } finally {
      await file.close();
    }
    if (entry.kind !== 'restriction') this.logged.add(entry.acknowledgementId);
  }

  /**
   * A retraction about to be acknowledged, first or again. A repeat was logged when first acknowledged,
   * unless that append failed (the request then failed, and this is the app's retry): it is logged now,
   * with the reports the store reports erased, the retracted one at least. A repeat already in the file
   * adds nothing.
   */
  async appendRetraction(record: RetractionRecord, deletedReportIds: readonly string[]): Promise<void> {
    if (this.logged.has(record.acknowledgementId)) return;
    await this.append({ kind: 'retraction', ...record, reportIds: [...new Set([record.reportId, ...deletedReportIds])] });
  }
}

function parseLine(line: string): { ok: true; entry: DeletionLogEntry } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, message: 'not JSON' };
  }
  // Told apart by kind first, so an error names what is wrong with the line as the record it claims to be.
  const kind: unknown = typeof json === 'object' && json !== null ? Reflect.get(json, 'kind') : undefined;
  if (kind !== undefined && kind !== 'deletion' && kind !== 'retraction' && kind !== 'restriction') {
    return { ok: false, message: `kind: ${JSON.stringify(kind)} is none of deletion, retraction, restriction` };
  }
  const parsed = (kind === undefined ? unmarkedDeletionSchema : deletionLogEntrySchema).safeParse(json);
  return parsed.success ? { ok: true, entry: parsed.data } : { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') };
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
