import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { deletionAcknowledgementSchema } from '@usage-reporting/core/collector-api';
import { reportRequest, rightsRequest, type CollectorHttpRequest } from '@usage-reporting/core/node';
import { startCollector, type RunningCollector } from '../src/server';
import { bytesOf, freshNonce, makeInstallation, makeReport, type Installation } from './support';
import { storeEngines, type Engine, type StoreLocation } from './support/engines';
import { findPostgresBin } from './support/postgres-cluster';

/**
 * Restoring a backup taken before an installation asked for deletion, with the tools docs/COLLECTOR.md
 * names: SQLite's online backup API (what `sqlite3 … ".backup …"` runs) and a file copy back; pg_dump
 * and pg_restore. The backup holds the installation's reports; the collector started on it must not
 * serve them again (the deletion log, replayed at start-up), and must keep everyone else's.
 */
const reportIdRow = z.object({ installation_id: z.string(), report_id: z.string() });

interface Backup {
  take(): Promise<void>;
  /** The collector is stopped; put the backup in the live database's place. */
  restore(): Promise<void>;
}

function sqliteBackup(dbPath: string, dir: string): Backup {
  const copy = join(dir, 'collector-backup.db');
  return {
    take: async () => {
      // The online backup API, safe while the collector writes: what the sqlite3 shell's .backup does.
      const live = new Database(dbPath, { readonly: true });
      try {
        await live.backup(copy);
      } finally {
        live.close();
      }
    },
    restore: async () => {
      // The WAL and its index belong to the file being replaced: left behind, they would be replayed into the copy.
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
      copyFileSync(copy, dbPath);
    }
  };
}

function postgresBackup(databaseUrl: string, dir: string): Backup {
  const bin = findPostgresBin();
  if (bin === null) throw new Error('pg_dump and pg_restore not found: install PostgreSQL (Debian: apt-get install postgresql-client)');
  const schema = /search_path=(\w+)/.exec(new URL(databaseUrl).searchParams.get('options') ?? '')?.[1];
  if (schema === undefined) throw new Error(`no schema in ${databaseUrl}`);
  const dump = join(dir, 'collector.dump');
  // The tools name the schema themselves; libpq would also read the URL's "+" as a plus, not a space.
  const toolUrl = new URL(databaseUrl);
  toolUrl.searchParams.delete('options');
  const run = (tool: string, args: string[]) => execFileSync(join(bin, tool), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return {
    take: async () => {
      run('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, `--dbname=${toolUrl.toString()}`]);
    },
    restore: async () => {
      // As onto a fresh server: the schema gone, then everything in it back from the dump.
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
      run('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${toolUrl.toString()}`, dump]);
    }
  };
}

describe.each(storeEngines())('restoring a backup, on $name', (engine: Engine) => {
  let location: StoreLocation;
  let dir: string;
  let collector: RunningCollector | undefined;
  beforeEach(async () => {
    location = await engine.location();
    // The log lives apart from the database and its backups, as the docs ask.
    dir = mkdtempSync(join(tmpdir(), 'collector-restore-'));
  });
  afterEach(async () => {
    await collector?.close();
    await location.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async () => startCollector({ port: 0, ...location.options, deletionLogPath: join(dir, 'deletions.jsonl'), retentionIntervalMs: 24 * 60 * 60 * 1000 });
  const send = async (req: CollectorHttpRequest) => {
    const res = await fetch(`${collector?.url ?? ''}${req.path}`, { method: req.method, headers: req.headers, ...(req.body === '' ? {} : { body: req.body }) });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  const sendReports = async (who: Installation, n: number) => {
    for (let i = 0; i < n; i++) {
      const r = makeReport({ installationId: who.installationId });
      const req = await reportRequest({ ...who, now: new Date(), nonce: freshNonce(), reportText: bytesOf(r), reportId: r.reportId });
      expect((await send(req)).status).toBe(201);
    }
  };
  /** Whose reports the database holds, read past the collector. */
  const reportsBy = async (): Promise<Record<string, number>> => {
    const reader = await location.tables();
    try {
      const held: Record<string, number> = {};
      for (const row of await reader.rows('reports')) {
        const { installation_id } = reportIdRow.parse(row);
        held[installation_id] = (held[installation_id] ?? 0) + 1;
      }
      return held;
    } finally {
      await reader.close();
    }
  };

  it('does not bring back the reports of an installation deleted after the backup; everyone else’s come back', async () => {
    const backup = location.options.databaseUrl === undefined ? sqliteBackup(location.options.dbPath, dir) : postgresBackup(location.options.databaseUrl, dir);
    const deleted = makeInstallation();
    const kept = makeInstallation();
    collector = await start();
    expect(collector.deletionReplay).toEqual({ deletions: 0, removedReports: 0, installations: 0 });
    await sendReports(deleted, 2);
    await sendReports(kept, 3);

    await backup.take();

    // The installation asks for deletion through the rights API, and is answered.
    const answer = await send(await rightsRequest({ ...deleted, now: new Date(), nonce: freshNonce(), action: { kind: 'delete' } }));
    expect(answer.status).toBe(200);
    const ack = deletionAcknowledgementSchema.parse(answer.json);
    expect(ack.deletedReports).toBe(2);
    expect(await reportsBy()).toEqual({ [kept.installationId]: 3 });
    await collector.close();
    collector = undefined;

    await backup.restore();
    // The restored database holds the deleted installation's reports again, and no record of the deletion.
    expect(await reportsBy()).toEqual({ [deleted.installationId]: 2, [kept.installationId]: 3 });

    collector = await start();
    expect(collector.deletionReplay).toEqual({ deletions: 1, removedReports: 2, installations: 1 });
    expect(await reportsBy()).toEqual({ [kept.installationId]: 3 });
    // Its export, signed by the installation itself, holds no report and shows the deletion once more.
    const exported = await send(await rightsRequest({ ...deleted, now: new Date(), nonce: freshNonce(), action: { kind: 'export' } }));
    expect(exported.status).toBe(200);
    expect(exported.json).toMatchObject({ reports: [], deletions: [{ acknowledgementId: ack.acknowledgementId, acknowledgedAt: ack.acknowledgedAt, deletedReports: 2 }] });

    // And again: a second start finds nothing left to erase.
    await collector.close();
    collector = await start();
    expect(collector.deletionReplay).toEqual({ deletions: 1, removedReports: 0, installations: 0 });
    expect(await reportsBy()).toEqual({ [kept.installationId]: 3 });
  });
});
