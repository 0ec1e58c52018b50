import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { deletionAcknowledgementSchema, installationExportSchema, restrictionsSchema, retractionAcknowledgementSchema, type RestrictablePurpose } from '@usage-reporting/core/collector-api';
import { correctionRequest, reportRequest, rightsRequest, type CollectorHttpRequest, type RightsAction } from '@usage-reporting/core/node';
import type { Report } from '@usage-reporting/core';
import { startCollector, type RunningCollector } from '../src/server';
import { bytesOf, freshNonce, makeInstallation, makeReport, type Installation } from './support';
import { storeEngines, type Engine, type StoreLocation } from './support/engines';
import { findPostgresBin } from './support/postgres-cluster';

/**
 * Restoring a backup taken before installations exercised their rights, with the tools docs/COLLECTOR.md
 * names: SQLite's online backup API (what `sqlite3 … ".backup …"` runs) and a file copy back; pg_dump
 * and pg_restore. The backup holds a deleted installation's reports, a retracted report, and
 * restrictions as they were; the collector started on it must not serve those reports again nor the old
 * restrictions (the deletion log, replayed at start-up), and must keep everything else.
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
  /** A rights request as the app signs it, now. */
  const ask = async (who: Installation, action: RightsAction) => send(await rightsRequest({ ...who, now: new Date(), nonce: freshNonce(), action }));
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

  const backupOf = () => (location.options.databaseUrl === undefined ? sqliteBackup(location.options.dbPath, dir) : postgresBackup(location.options.databaseUrl, dir));
  const nothingReplayed = { deletions: 0, retractions: 0, restrictions: 0, removedReports: 0, restoredRestrictions: 0, installations: 0 };

  it('does not bring back the reports of an installation deleted after the backup; everyone else’s come back', async () => {
    const backup = backupOf();
    const deleted = makeInstallation();
    const kept = makeInstallation();
    collector = await start();
    expect(collector.deletionReplay).toEqual(nothingReplayed);
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
    expect(collector.deletionReplay).toEqual({ ...nothingReplayed, deletions: 1, removedReports: 2, installations: 1 });
    expect(await reportsBy()).toEqual({ [kept.installationId]: 3 });
    // Its export, signed by the installation itself, holds no report and shows the deletion once more.
    const exported = await send(await rightsRequest({ ...deleted, now: new Date(), nonce: freshNonce(), action: { kind: 'export' } }));
    expect(exported.status).toBe(200);
    expect(exported.json).toMatchObject({ reports: [], deletions: [{ acknowledgementId: ack.acknowledgementId, acknowledgedAt: ack.acknowledgedAt, deletedReports: 2 }] });

    // And again: a second start finds nothing left to erase.
    await collector.close();
    collector = await start();
    expect(collector.deletionReplay).toEqual({ ...nothingReplayed, deletions: 1 });
    expect(await reportsBy()).toEqual({ [kept.installationId]: 3 });
  });

  it('does not bring back a report retracted after the backup, nor the restrictions as they were then', async () => {
    const backup = backupOf();
    const retracting = makeInstallation();
    const lifting = makeInstallation();
    collector = await start();
    const sendOne = async (who: Installation): Promise<Report> => {
      const r = makeReport({ installationId: who.installationId });
      expect((await send(await reportRequest({ ...who, now: new Date(), nonce: freshNonce(), reportText: bytesOf(r), reportId: r.reportId }))).status).toBe(201);
      return r;
    };
    const first = await sendOne(retracting);
    const kept = await sendOne(retracting);
    await sendReports(lifting, 1);
    expect((await ask(lifting, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] })).status).toBe(200);

    await backup.take();

    // After the backup: `first` is corrected, and the correction retracted, which deletes both; one
    // installation restricts a purpose, the other lifts its restriction.
    const correction = makeReport({ installationId: retracting.installationId });
    const corrected = await send(
      await correctionRequest({ ...retracting, now: new Date(), nonce: freshNonce(), reportText: bytesOf(correction), reportId: correction.reportId, supersedes: first.reportId })
    );
    expect(corrected.status).toBe(201);
    const retracted = await ask(retracting, { kind: 'retract', reportId: correction.reportId });
    expect(retracted.status).toBe(200);
    const retraction = retractionAcknowledgementSchema.parse(retracted.json);
    expect(retraction.deletedReports).toBe(2);
    /** The restriction as acknowledged, as the export states it. */
    const restrict = async (who: Installation, restrictedPurposes: RestrictablePurpose[]) => {
      const { installationId, updatedAt } = restrictionsSchema.parse((await ask(who, { kind: 'restrict', restrictedPurposes })).json);
      return { installationId, restrictedPurposes, updatedAt };
    };
    const restricted = await restrict(retracting, ['product-improvement']);
    const lifted = await restrict(lifting, []);
    await collector.close();
    collector = undefined;

    await backup.restore();
    // The restored database holds the report the retraction deleted (without the correction that
    // linked it to the retracted one), no restriction for one installation and the old one for the other.
    expect(await reportsBy()).toEqual({ [retracting.installationId]: 2, [lifting.installationId]: 1 });

    collector = await start();
    expect(collector.deletionReplay).toEqual({ ...nothingReplayed, retractions: 1, restrictions: 3, removedReports: 1, restoredRestrictions: 2, installations: 2 });
    expect(await reportsBy()).toEqual({ [retracting.installationId]: 1, [lifting.installationId]: 1 });
    // Each installation's export, signed by itself, shows the state it was last acknowledged.
    const exportOf = async (who: Installation) => installationExportSchema.parse((await ask(who, { kind: 'export' })).json);
    const retractingExport = await exportOf(retracting);
    expect(retractingExport.reports.map((r) => r.reportId)).toEqual([kept.reportId]);
    expect(retractingExport.retractions).toEqual([
      { acknowledgementId: retraction.acknowledgementId, reportId: correction.reportId, retractedAt: retraction.retractedAt, deletedReports: 2 }
    ]);
    expect(retractingExport.restrictions).toEqual(restricted);
    expect((await exportOf(lifting)).restrictions).toEqual(lifted);

    // And again: a second start finds nothing left to put back.
    await collector.close();
    collector = await start();
    expect(collector.deletionReplay).toEqual({ ...nothingReplayed, retractions: 1, restrictions: 3 });
    expect(await reportsBy()).toEqual({ [retracting.installationId]: 1, [lifting.installationId]: 1 });
  });
});
