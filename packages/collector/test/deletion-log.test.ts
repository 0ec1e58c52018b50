import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deletionAcknowledgementSchema } from '@usage-reporting/core/collector-api';
import { DeletionLog, DeletionLogError, deletionLogPathOf } from '../src/deletion-log/log-file';
import { replayDeletionLog } from '../src/deletion-log/replay';
import type { DeletionRecord, StoredReport } from '../src/store/store';
import { collectorOn, makeInstallation, makeReport, rights, sendReport, uuid4, type EngineCollector } from './support';
import { storeEngines, type StoreUnderTest } from './support/engines';

/**
 * The deletion log (src/deletion-log/): every acknowledged deletion is on disk outside the database
 * before its acknowledgement is signed, and start-up puts each one back in effect, so a backup restored
 * later cannot bring a deleted installation's reports back. restore.test.ts does that end to end.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'collector-deletion-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (installationId: string, acknowledgedAt: string, deletedReports = 2): DeletionRecord => ({ acknowledgementId: uuid4(), installationId, acknowledgedAt, deletedReports });
const stored = (installationId: string, receivedAt: string): StoredReport => ({
  reportId: uuid4(),
  receiptId: uuid4(),
  installationId,
  receivedAt,
  digest: 'digest',
  bytes: '{}'
});

describe('the log file', () => {
  it('reads back what was appended, in order, across opens', async () => {
    const path = join(dir, 'nested', 'deletions.jsonl');
    const first = record('installation-1', '2026-11-29T05:00:00.000Z');
    const second = record('installation-2', '2026-11-30T06:00:00.000Z', 0);
    const log = DeletionLog.open(path);
    expect(log.entries).toEqual([]);
    await log.append(first);
    await log.append(second);
    expect(DeletionLog.open(path).entries).toEqual([first, second]);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(first)}\n${JSON.stringify(second)}\n`);
  });

  it('drops a last line a crash cut short, which was never acknowledged, and appends after it cleanly', async () => {
    const path = join(dir, 'deletions.jsonl');
    const kept = record('installation-1', '2026-11-29T05:00:00.000Z');
    writeFileSync(path, `${JSON.stringify(kept)}\n{"acknowledgementId":"cut-sh`);
    const log = DeletionLog.open(path);
    expect(log.repairedTail).toBe(true);
    expect(log.entries).toEqual([kept]);
    const next = record('installation-2', '2026-11-30T05:00:00.000Z');
    await log.append(next);
    expect(DeletionLog.open(path).entries).toEqual([kept, next]);
  });

  it('refuses to start on a line that is no deletion record, naming the line and the file', () => {
    const path = join(dir, 'deletions.jsonl');
    writeFileSync(path, `${JSON.stringify(record('installation-1', '2026-11-29T05:00:00.000Z'))}\n{"installationId":"x"}\n`);
    expect(() => DeletionLog.open(path)).toThrow(DeletionLogError);
    expect(() => DeletionLog.open(path)).toThrow(`COLLECTOR_DELETION_LOG: line 2 of ${path} is not a deletion record (`);
  });

  it('refuses a path it cannot write, in one line naming the variable, the file and why the file matters', () => {
    writeFileSync(join(dir, 'a-file'), '');
    const path = join(dir, 'a-file', 'deletions.jsonl');
    let thrown: unknown;
    try {
      DeletionLog.open(path);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DeletionLogError);
    const message = (thrown as Error).message;
    // The system's own reason (EEXIST from making the directory, here), as it gave it.
    expect(message.startsWith(`COLLECTOR_DELETION_LOG: cannot append to ${path} (EEXIST: file already exists, mkdir '${join(dir, 'a-file')}'); `)).toBe(true);
    expect(message).toContain('Set COLLECTOR_DELETION_LOG to a writable file that is not in the database');
    expect(message).not.toContain('\n');
  });

  it('lives beside COLLECTOR_DB unless named, for either engine; an in-memory SQLite store has none', () => {
    expect(deletionLogPathOf({ COLLECTOR_DB: '.data/collector.db' })).toBe(join('.data', 'collector-deletions.jsonl'));
    expect(deletionLogPathOf({ COLLECTOR_DB: '/srv/c/collector.db', COLLECTOR_DATABASE_URL: 'postgres://db/x' })).toBe('/srv/c/collector-deletions.jsonl');
    expect(deletionLogPathOf({ COLLECTOR_DB: '.data/collector.db', COLLECTOR_DELETION_LOG: '/var/log/c/deletions.jsonl' })).toBe('/var/log/c/deletions.jsonl');
    expect(deletionLogPathOf({ COLLECTOR_DB: ':memory:' })).toBeNull();
  });
});

describe.each(storeEngines())('putting a deletion back in effect, on $name', (engine) => {
  let s: StoreUnderTest;
  beforeEach(async () => {
    s = await engine.openStore();
  });
  afterEach(() => s.close());

  it('erases the reports received up to the deletion, keeps later ones and other installations’, and records the acknowledgement', async () => {
    const before = [stored('gone', '2026-11-27T10:00:00.000Z'), stored('gone', '2026-11-29T05:00:00.000Z')];
    const after = stored('gone', '2026-11-29T05:00:00.001Z');
    const other = stored('other', '2026-11-28T10:00:00.000Z');
    await s.bulkInsert([...before, after, other]);
    await s.tables.clear('dirty_days');
    const deletion = record('gone', '2026-11-29T05:00:00.000Z');

    expect(await s.store.reapplyDeletion(deletion)).toBe(2);
    expect((await s.store.reportsOf('gone')).map((r) => r.reportId)).toEqual([after.reportId]);
    expect(await s.store.reportsOf('other')).toHaveLength(1);
    expect(await s.store.deletionsOf('gone')).toEqual([deletion]);
    // The days the erased reports counted on are refolded without them.
    expect((await s.store.dirtyDays()).map((d) => d.day)).toEqual(['2026-11-27', '2026-11-29']);
  });

  it('changes nothing the second time', async () => {
    await s.bulkInsert([stored('gone', '2026-11-27T10:00:00.000Z')]);
    const deletion = record('gone', '2026-11-29T05:00:00.000Z');
    expect(await s.store.reapplyDeletion(deletion)).toBe(1);
    const dirty = await s.store.dirtyDays();
    expect(await s.store.reapplyDeletion(deletion)).toBe(0);
    expect(await s.store.deletionsOf('gone')).toEqual([deletion]);
    expect(await s.store.dirtyDays()).toEqual(dirty);
  });

  it('replays a whole log, counting what it erased', async () => {
    const path = join(dir, 'deletions.jsonl');
    const log = DeletionLog.open(path);
    await log.append(record('a', '2026-11-28T00:00:00.000Z'));
    await log.append(record('b', '2026-11-28T00:00:00.000Z'));
    await log.append(record('a', '2026-11-29T00:00:00.000Z'));
    await s.bulkInsert([stored('a', '2026-11-27T00:00:00.000Z'), stored('a', '2026-11-28T12:00:00.000Z'), stored('c', '2026-11-27T00:00:00.000Z')]);
    expect(await replayDeletionLog(s.store, DeletionLog.open(path))).toEqual({ deletions: 3, removedReports: 2, installations: 1 });
    expect(await replayDeletionLog(s.store, DeletionLog.open(path))).toEqual({ deletions: 3, removedReports: 0, installations: 0 });
    expect(await s.store.reportsOf('c')).toHaveLength(1);
  });
});

describe.each(storeEngines())('the delete route with a log, on $name', (engine) => {
  let c: EngineCollector;
  let path: string;
  beforeEach(async () => {
    path = join(dir, 'deletions.jsonl');
    c = await collectorOn(engine, { deletionLog: DeletionLog.open(path) });
  });
  afterEach(() => c.close());

  it('has the deletion on disk when it answers, under the acknowledgement it signed', async () => {
    const who = makeInstallation();
    await sendReport(c, makeReport({ installationId: who.installationId }));
    const { res } = await rights(c, who, { kind: 'delete' });
    expect(res.statusCode).toBe(200);
    const ack = deletionAcknowledgementSchema.parse(res.json());
    expect(DeletionLog.open(path).entries).toEqual([
      { acknowledgementId: ack.acknowledgementId, installationId: who.installationId, acknowledgedAt: ack.acknowledgedAt, deletedReports: 1 }
    ]);
  });

  it('does not acknowledge a deletion it could not log', async () => {
    const who = makeInstallation();
    await sendReport(c, makeReport({ installationId: who.installationId }));
    // The file replaced by a directory: the append fails whoever runs the test, root included.
    rmSync(path);
    mkdirSync(path);
    const { res } = await rights(c, who, { kind: 'delete' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'The collector failed; retry later.' } });
  });
});
