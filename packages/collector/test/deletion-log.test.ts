import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deletionAcknowledgementSchema, restrictionsSchema, retractionAcknowledgementSchema } from '@usage-reporting/core/collector-api';
import { runIngest } from '../src/cli/ingest-command';
import { deliverHandOver } from '../src/http/hand-over';
import { generateSigningKeyPem } from '../src/receipts/signing-key';
import { DeletionLog, DeletionLogError, deletionLogPathOf, type DeletionLogEntry } from '../src/deletion-log/log-file';
import { replayDeletionLog } from '../src/deletion-log/replay';
import { openStore } from '../src/store/open-store';
import type { DeletionRecord, RetractionRecord, StoredReport } from '../src/store/store';
import { reportFile, rightsFile } from './hand-over-files';
import { collectorOn, makeInstallation, makeReport, rights, sendCorrection, sendReport, uuid4, type EngineCollector } from './support';
import { storeEngines, type StoreUnderTest } from './support/engines';

/**
 * The deletion log (src/deletion-log/): every acknowledged deletion, retraction and restriction change
 * is on disk outside the database before its acknowledgement is signed, and start-up puts each one back
 * in effect, so a backup restored later cannot bring deleted or retracted reports back, nor an old
 * restriction. restore.test.ts does that end to end.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'collector-deletion-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (installationId: string, acknowledgedAt: string, deletedReports = 2): DeletionRecord => ({ acknowledgementId: uuid4(), installationId, acknowledgedAt, deletedReports });
/** A deletion as the log holds it. */
const deletion = (installationId: string, acknowledgedAt: string, deletedReports = 2): DeletionLogEntry => ({ kind: 'deletion', ...record(installationId, acknowledgedAt, deletedReports) });
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
    const first = deletion('installation-1', '2026-11-29T05:00:00.000Z');
    const second = deletion('installation-2', '2026-11-30T06:00:00.000Z', 0);
    const log = DeletionLog.open(path);
    expect(log.entries).toEqual([]);
    await log.append(first);
    await log.append(second);
    expect(DeletionLog.open(path).entries).toEqual([first, second]);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(first)}\n${JSON.stringify(second)}\n`);
  });

  it('drops a last line a crash cut short, which was never acknowledged, and appends after it cleanly', async () => {
    const path = join(dir, 'deletions.jsonl');
    const kept = deletion('installation-1', '2026-11-29T05:00:00.000Z');
    writeFileSync(path, `${JSON.stringify(kept)}\n{"kind":"deletion","acknowledgementId":"cut-sh`);
    const log = DeletionLog.open(path);
    expect(log.repairedTail).toBe(true);
    expect(log.entries).toEqual([kept]);
    const next = deletion('installation-2', '2026-11-30T05:00:00.000Z');
    await log.append(next);
    expect(DeletionLog.open(path).entries).toEqual([kept, next]);
  });

  it('reads a line written before the log held anything but deletions (no kind) as the deletion it is', () => {
    const path = join(dir, 'deletions.jsonl');
    const old = record('installation-1', '2026-11-29T05:00:00.000Z');
    writeFileSync(path, `${JSON.stringify(old)}\n`);
    const log = DeletionLog.open(path);
    expect(log.entries).toEqual([{ kind: 'deletion', ...old }]);
  });

  it('holds deletions, retractions and restriction changes in one file, in the order they were acknowledged', async () => {
    const path = join(dir, 'deletions.jsonl');
    writeFileSync(path, `${JSON.stringify(record('installation-1', '2026-11-28T05:00:00.000Z'))}\n`);
    const log = DeletionLog.open(path);
    const retraction: DeletionLogEntry = {
      kind: 'retraction',
      acknowledgementId: uuid4(),
      installationId: 'installation-2',
      reportId: 'report-b',
      retractedAt: '2026-11-29T05:00:00.000Z',
      deletedReports: 2,
      reportIds: ['report-b', 'report-a']
    };
    const restriction: DeletionLogEntry = { kind: 'restriction', installationId: 'installation-2', purposes: ['troubleshooting'], updatedAt: '2026-11-29T06:00:00.000Z' };
    const lifted: DeletionLogEntry = { ...restriction, purposes: [], updatedAt: '2026-11-30T06:00:00.000Z' };
    await log.append(retraction);
    await log.append(restriction);
    await log.append(lifted);
    expect(DeletionLog.open(path).entries.map((e) => e.kind)).toEqual(['deletion', 'retraction', 'restriction', 'restriction']);
    expect(DeletionLog.open(path).entries.slice(1)).toEqual([retraction, restriction, lifted]);
  });

  it('refuses to start on a line that is no record of the log, naming the line, the file and what is wrong', () => {
    const path = join(dir, 'deletions.jsonl');
    const good = JSON.stringify(record('installation-1', '2026-11-29T05:00:00.000Z'));
    writeFileSync(path, `${good}\n{"installationId":"x"}\n`);
    expect(() => DeletionLog.open(path)).toThrow(DeletionLogError);
    expect(() => DeletionLog.open(path)).toThrow(`COLLECTOR_DELETION_LOG: line 2 of ${path} is no deletion, retraction or restriction record (`);
    writeFileSync(path, `${good}\n{"kind":"restriction","installationId":"x","purposes":["marketing"],"updatedAt":"2026-11-29T05:00:00.000Z"}\n`);
    expect(() => DeletionLog.open(path)).toThrow(/line 2 .* \(purposes\.0: /);
    writeFileSync(path, `{"kind":"rename","installationId":"x"}\n`);
    expect(() => DeletionLog.open(path)).toThrow('(kind: "rename" is none of deletion, retraction, restriction)');
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
    await log.append(deletion('a', '2026-11-28T00:00:00.000Z'));
    await log.append(deletion('b', '2026-11-28T00:00:00.000Z'));
    await log.append(deletion('a', '2026-11-29T00:00:00.000Z'));
    await s.bulkInsert([stored('a', '2026-11-27T00:00:00.000Z'), stored('a', '2026-11-28T12:00:00.000Z'), stored('c', '2026-11-27T00:00:00.000Z')]);
    const nothingElse = { retractions: 0, restrictions: 0, restoredRestrictions: 0 };
    expect(await replayDeletionLog(s.store, DeletionLog.open(path))).toEqual({ deletions: 3, removedReports: 2, installations: 1, ...nothingElse });
    expect(await replayDeletionLog(s.store, DeletionLog.open(path))).toEqual({ deletions: 3, removedReports: 0, installations: 0, ...nothingElse });
    expect(await s.store.reportsOf('c')).toHaveLength(1);
  });
});

const nonceOf = (installationId: string) => ({ installationId, nonce: uuid4(), forgetAt: '2026-12-31T00:00:00.000Z' });
const retraction = (installationId: string, reportId: string, retractedAt: string, deletedReports: number): RetractionRecord => ({
  acknowledgementId: uuid4(),
  installationId,
  reportId,
  retractedAt,
  deletedReports
});

describe.each(storeEngines())('putting a retraction back in effect, on $name', (engine) => {
  let s: StoreUnderTest;
  beforeEach(async () => {
    s = await engine.openStore();
  });
  afterEach(() => s.close());

  /** p, corrected by q: what a backup holds when q was corrected again (by r) and r retracted after it. */
  const chainInBackup = async () => {
    const p = stored('who', '2026-11-27T10:00:00.000Z');
    const q = stored('who', '2026-11-28T10:00:00.000Z');
    const other = stored('who', '2026-11-28T11:00:00.000Z');
    await s.bulkInsert([p, other, stored('someone-else', '2026-11-27T10:00:00.000Z')]);
    expect(await s.store.insertCorrection(q, nonceOf('who'), p.reportId)).toEqual({ inserted: true });
    await s.tables.clear('dirty_days');
    return { p, q, other };
  };

  it('erases every report the retraction erased, though the database lacks the correction that linked the newest, and records the retraction', async () => {
    const { p, q, other } = await chainInBackup();
    const r = uuid4();
    const retracted = retraction('who', r, '2026-11-29T05:00:00.000Z', 3);

    expect(await s.store.reapplyRetraction(retracted, [r, q.reportId, p.reportId])).toBe(2);
    expect((await s.store.reportsOf('who')).map((x) => x.reportId)).toEqual([other.reportId]);
    expect(await s.store.reportsOf('someone-else')).toHaveLength(1);
    expect(await s.store.correctionsOf('who')).toEqual([]);
    expect(await s.store.retractionsOf('who')).toEqual([retracted]);
    // q counted on p's day; both are refolded without them.
    expect((await s.store.dirtyDays()).map((d) => d.day)).toEqual(['2026-11-27']);
  });

  it('follows the corrections the database holds from a report the line names alone (a retry logged after a failed write)', async () => {
    const { p, q, other } = await chainInBackup();
    expect(await s.store.reapplyRetraction(retraction('who', q.reportId, '2026-11-29T05:00:00.000Z', 2), [q.reportId])).toBe(2);
    expect((await s.store.reportsOf('who')).map((x) => x.reportId)).toEqual([other.reportId]);
    expect(await s.store.reportOf('who', p.reportId)).toBeNull();
  });

  it('keeps a report received after the retraction, and changes nothing the second time', async () => {
    const { p, q } = await chainInBackup();
    const later = stored('who', '2026-11-29T05:00:00.001Z');
    await s.bulkInsert([later]);
    const retracted = retraction('who', q.reportId, '2026-11-29T05:00:00.000Z', 2);
    expect(await s.store.reapplyRetraction(retracted, [q.reportId, p.reportId, later.reportId])).toBe(2);
    const dirty = await s.store.dirtyDays();
    expect(await s.store.reapplyRetraction(retracted, [q.reportId, p.reportId, later.reportId])).toBe(0);
    expect(await s.store.reportOf('who', later.reportId)).not.toBeNull();
    expect(await s.store.retractionsOf('who')).toEqual([retracted]);
    expect(await s.store.dirtyDays()).toEqual(dirty);
  });
});

describe.each(storeEngines())('putting a restriction back, on $name', (engine) => {
  let s: StoreUnderTest;
  beforeEach(async () => {
    s = await engine.openStore();
    await s.bulkInsert([stored('who', '2026-11-27T10:00:00.000Z')]);
  });
  afterEach(() => s.close());

  it('sets the logged restriction where the database holds none or an older one, and refolds the installation’s days', async () => {
    const restricted = { purposes: ['troubleshooting' as const], updatedAt: '2026-11-29T05:00:00.000Z' };
    expect(await s.store.reapplyRestriction('who', restricted)).toBe(true);
    expect(await s.store.getRestrictions('who')).toEqual(restricted);
    expect((await s.store.dirtyDays()).map((d) => d.day)).toEqual(['2026-11-27']);

    const lifted = { purposes: [], updatedAt: '2026-11-30T05:00:00.000Z' };
    expect(await s.store.reapplyRestriction('who', lifted)).toBe(true);
    expect(await s.store.getRestrictions('who')).toEqual(lifted);
    expect(await s.store.allRestrictions()).toEqual(new Map());
  });

  it('keeps one the database holds from the same instant or later, and marks nothing', async () => {
    const held = { purposes: ['product-improvement' as const], updatedAt: '2026-11-29T05:00:00.000Z' };
    await s.store.setRestrictions('who', held);
    await s.tables.clear('dirty_days');
    expect(await s.store.reapplyRestriction('who', { purposes: ['troubleshooting'], updatedAt: '2026-11-29T05:00:00.000Z' })).toBe(false);
    expect(await s.store.reapplyRestriction('who', { purposes: [], updatedAt: '2026-11-28T05:00:00.000Z' })).toBe(false);
    expect(await s.store.getRestrictions('who')).toEqual(held);
    expect(await s.store.dirtyDays()).toEqual([]);
  });

  it('replays a whole log in order: the newest restriction of each installation wins, the later line on a tie', async () => {
    const path = join(dir, 'deletions.jsonl');
    const log = DeletionLog.open(path);
    const restrict = (installationId: string, purposes: Array<'troubleshooting' | 'product-improvement'>, updatedAt: string): DeletionLogEntry => ({ kind: 'restriction', installationId, purposes, updatedAt });
    const q = stored('who', '2026-11-28T10:00:00.000Z');
    await s.bulkInsert([q]);
    await log.append(restrict('who', ['troubleshooting'], '2026-11-29T05:00:00.000Z'));
    await log.append({ kind: 'retraction', ...retraction('who', q.reportId, '2026-11-29T06:00:00.000Z', 1), reportIds: [q.reportId] });
    // Two changes within one millisecond: the one acknowledged last is the installation's.
    await log.append(restrict('who', ['product-improvement'], '2026-11-29T07:00:00.000Z'));
    await log.append(restrict('who', ['troubleshooting', 'product-improvement'], '2026-11-29T07:00:00.000Z'));
    await log.append(restrict('other', [], '2026-11-29T08:00:00.000Z'));
    await log.append(deletion('gone', '2026-11-29T09:00:00.000Z'));

    expect(await replayDeletionLog(s.store, DeletionLog.open(path))).toEqual({
      deletions: 1,
      retractions: 1,
      restrictions: 4,
      removedReports: 1,
      restoredRestrictions: 2,
      installations: 2
    });
    expect(await s.store.getRestrictions('who')).toEqual({ purposes: ['troubleshooting', 'product-improvement'], updatedAt: '2026-11-29T07:00:00.000Z' });
    expect(await s.store.getRestrictions('other')).toEqual({ purposes: [], updatedAt: '2026-11-29T08:00:00.000Z' });
    expect((await s.store.reportsOf('who')).map((r) => r.reportId)).not.toContain(q.reportId);
    expect(await replayDeletionLog(s.store, DeletionLog.open(path))).toEqual({
      deletions: 1,
      retractions: 1,
      restrictions: 4,
      removedReports: 0,
      restoredRestrictions: 0,
      installations: 0
    });
  });
});

describe.each(storeEngines())('the delete, retract and restrict routes with a log, on $name', (engine) => {
  let c: EngineCollector;
  let path: string;
  beforeEach(async () => {
    path = join(dir, 'deletions.jsonl');
    c = await collectorOn(engine, { deletionLog: DeletionLog.open(path) });
  });
  afterEach(() => c.close());

  /** The file replaced by a directory: the append fails whoever runs the test, root included. */
  const breakTheLog = () => {
    rmSync(path);
    mkdirSync(path);
  };
  const mendTheLog = () => rmSync(path, { recursive: true });

  it('has the deletion on disk when it answers, under the acknowledgement it signed', async () => {
    const who = makeInstallation();
    await sendReport(c, makeReport({ installationId: who.installationId }));
    const { res } = await rights(c, who, { kind: 'delete' });
    expect(res.statusCode).toBe(200);
    const ack = deletionAcknowledgementSchema.parse(res.json());
    expect(DeletionLog.open(path).entries).toEqual([
      { kind: 'deletion', acknowledgementId: ack.acknowledgementId, installationId: who.installationId, acknowledgedAt: ack.acknowledgedAt, deletedReports: 1 }
    ]);
  });

  it('does not acknowledge a deletion it could not log', async () => {
    const who = makeInstallation();
    await sendReport(c, makeReport({ installationId: who.installationId }));
    breakTheLog();
    const { res } = await rights(c, who, { kind: 'delete' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'The collector failed; retry later.' } });
  });

  it('has a retraction on disk when it answers, with every report it erased', async () => {
    const who = makeInstallation();
    const first = makeReport({ installationId: who.installationId });
    const correction = makeReport({ installationId: who.installationId });
    await sendReport(c, first);
    expect((await sendCorrection(c, who, correction, first.reportId)).status).toBe(201);
    const { res } = await rights(c, who, { kind: 'retract', reportId: correction.reportId });
    expect(res.statusCode).toBe(200);
    const ack = retractionAcknowledgementSchema.parse(res.json());
    expect(ack.deletedReports).toBe(2);
    const [entry] = DeletionLog.open(path).entries;
    expect(entry).toEqual({
      kind: 'retraction',
      acknowledgementId: ack.acknowledgementId,
      installationId: who.installationId,
      reportId: correction.reportId,
      retractedAt: ack.retractedAt,
      deletedReports: 2,
      reportIds: expect.arrayContaining([correction.reportId, first.reportId])
    });
    // The app asking again is answered as before, and the line is not written twice.
    expect((await rights(c, who, { kind: 'retract', reportId: correction.reportId })).res.json()).toEqual(res.json());
    expect(DeletionLog.open(path).entries).toHaveLength(1);
  });

  it('logs a retraction whose first answer failed on the log before answering the app’s retry', async () => {
    const who = makeInstallation();
    const report = makeReport({ installationId: who.installationId });
    await sendReport(c, report);
    breakTheLog();
    expect((await rights(c, who, { kind: 'retract', reportId: report.reportId })).res.statusCode).toBe(500);
    // The store did retract it; only the acknowledgement was withheld.
    expect(await c.store.reportOf(who.installationId, report.reportId)).toBeNull();
    mendTheLog();
    const retry = await rights(c, who, { kind: 'retract', reportId: report.reportId });
    expect(retry.res.statusCode).toBe(200);
    const ack = retractionAcknowledgementSchema.parse(retry.res.json());
    expect(DeletionLog.open(path).entries).toEqual([
      { kind: 'retraction', acknowledgementId: ack.acknowledgementId, installationId: who.installationId, reportId: report.reportId, retractedAt: ack.retractedAt, deletedReports: 1, reportIds: [report.reportId] }
    ]);
  });

  it('has a restriction change on disk when it answers, and does not acknowledge one it could not log', async () => {
    const who = makeInstallation();
    const { res } = await rights(c, who, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] });
    expect(res.statusCode).toBe(200);
    const answer = restrictionsSchema.parse(res.json());
    expect(DeletionLog.open(path).entries).toEqual([{ kind: 'restriction', installationId: who.installationId, purposes: ['troubleshooting'], updatedAt: answer.updatedAt }]);

    breakTheLog();
    c.clock.advanceMs(1000);
    const lifted = await rights(c, who, { kind: 'restrict', restrictedPurposes: [] });
    expect(lifted.res.statusCode).toBe(500);
    expect(lifted.res.json()).toEqual({ error: { code: 'INTERNAL', message: 'The collector failed; retry later.' } });
  });

  it('logs a retraction handed over in a file whose first delivery failed on the log before answering it again', async () => {
    const who = makeInstallation();
    const report = makeReport({ installationId: who.installationId });
    await sendReport(c, report);
    const file = await rightsFile(who, { kind: 'retract', reportId: report.reportId }, c.clock.now());
    breakTheLog();
    expect(await deliverHandOver(c.app, c.context, file, { ip: '127.0.0.1' })).toMatchObject({ ok: false, status: 500 });
    mendTheLog();
    // The file's nonce was spent the first time: this is the collector answering a file it carried out.
    const again = await deliverHandOver(c.app, c.context, file, { ip: '127.0.0.1' });
    expect(again).toMatchObject({ ok: true, outcome: 'already-held', payload: { kind: 'retraction-acknowledgement', reportId: report.reportId } });
    expect(DeletionLog.open(path).entries).toMatchObject([{ kind: 'retraction', installationId: who.installationId, reportId: report.reportId, reportIds: [report.reportId] }]);
  });
});

describe.each(storeEngines())('the CLI’s ingest with a log, on $name', (engine) => {
  it('logs the retraction and the restriction it hands over, as the service does', async () => {
    const location = await engine.location();
    const logPath = join(dir, 'deletions.jsonl');
    const env = {
      COLLECTOR_DB: location.options.dbPath,
      ...(location.options.databaseUrl === undefined ? {} : { COLLECTOR_DATABASE_URL: location.options.databaseUrl }),
      COLLECTOR_DELETION_LOG: logPath,
      COLLECTOR_SIGNING_KEY: generateSigningKeyPem(),
      COLLECTOR_LOG: 'false'
    };
    // The collector has run on this database before: the CLI opens an existing one only.
    await (await openStore({ dbPath: env.COLLECTOR_DB, ...(location.options.databaseUrl === undefined ? {} : { databaseUrl: location.options.databaseUrl }) })).close();
    try {
      const who = makeInstallation();
      const report = makeReport({ installationId: who.installationId });
      const files = {
        report: await reportFile(who, report, new Date(), { withKeyChain: true }),
        retract: await rightsFile(who, { kind: 'retract', reportId: report.reportId }, new Date()),
        restrict: await rightsFile(who, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] }, new Date())
      };
      const paths = Object.entries(files).map(([name, text]) => {
        const file = join(dir, `${name}.json`);
        writeFileSync(file, text);
        return file;
      });
      let stderr = '';
      const code = await runIngest(['--stdout', ...paths], { env, stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) } });
      expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining('3 of 3 files taken') });
      expect(DeletionLog.open(logPath).entries).toMatchObject([
        { kind: 'retraction', installationId: who.installationId, reportId: report.reportId, deletedReports: 1, reportIds: [report.reportId] },
        { kind: 'restriction', installationId: who.installationId, purposes: ['troubleshooting'] }
      ]);
    } finally {
      await location.remove();
    }
  }, 30_000);
});
