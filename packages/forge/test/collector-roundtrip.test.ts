import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCollector, type RunningCollector } from '@usage-reporting/collector';
import { generateInstallationKeyPair } from '@usage-reporting/core/node';
import { SqliteStore } from '@usage-reporting/collector';
import { envelopeSchema } from '@usage-reporting/core/api';
import { installationExportSchema } from '@usage-reporting/core/collector-api';
import { resolverContract, type ResolverName, type ResolverOutput } from '@usage-reporting/core/api';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { ensureInstallation } from '../src/store/repositories';
import { resolverFunctionKey } from '@usage-reporting/core/api';

/**
 * End to end through sim/ with nothing faked: the app runs under the real Forge SDKs in the simulated
 * platform, with real time, and its egress goes to the vendor's collector started the way the local
 * runner starts it (startCollector, SQLite in a file, HTTP on loopback). What the collector stored is
 * read back from its database file. The app is its @forge/bundler bundle (.forge-build/), what
 * `forge deploy` would upload; ensureInstallation, from src/, only reads the state it stored in the KVS.
 */
const COLLECTOR_ORIGIN = 'https://collector.usage-reporting.example.com';

let dir: string;
let collector: RunningCollector;
/** The collector's answer-signing key; the app is given its public half as a vendor would set it. */
const signingKey = generateInstallationKeyPair();
const variables = { USAGE_REPORTING_COLLECTOR_PUBLIC_KEY: signingKey.publicKey };
let platform: SimPlatform;
let dbPath: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'e2e-sim-'));
  dbPath = path.join(dir, 'collector.sqlite');
  collector = await startCollector({ port: 0, dbPath, logger: false, signingKey });
  platform = createReferencePlatform({
    app: 'bundle',
    egressTargets: { [COLLECTOR_ORIGIN]: collector.url },
    variables
  });
});
afterEach(async () => {
  platform.close();
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

async function must<N extends ResolverName>(name: N, payload: unknown = {}): Promise<ResolverOutput<N>> {
  const raw = await platform.invokeResolver(resolverFunctionKey(name), payload, { accountId: platform.users.admin });
  const result = envelopeSchema(resolverContract[name].output).parse(raw);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.data as ResolverOutput<N>;
}

/** The collector's database, opened separately, as the vendor would inspect it. */
async function storedAtCollector(installationId: string) {
  const db = new SqliteStore(dbPath);
  try {
    return { reports: await db.reportsOf(installationId), deletions: await db.deletionsOf(installationId) };
  } finally {
    await db.close();
  }
}

test("the engine's reports arrive at the collector and are stored; withdrawal with deletion empties that installation's raw data there", async () => {
  await platform.runLifecycleInstalled();
  const installationId = (await platform.runAsInvocation({ functionKey: 'scheduled' }, () => ensureInstallation(new Date()))).installationId;

  // A per-case send: the collector stores exactly the previewed bytes and its receipt is kept.
  const page = await must('loadAdminPage');
  expect(page.consent.mode).toBe('not-asked');
  await must('setConsent', { mode: 'per-case' });
  const draft = await must('preview');
  const sent = await must('sendReport', { draftId: draft.draftId, digest: draft.digest });
  expect(sent).toMatchObject({ outcome: 'sent', reportId: draft.reportId, receipt: { reportId: draft.reportId, digest: draft.digest, duplicate: false } });

  // An automatic send through the daily trigger.
  await must('setConsent', { mode: 'automatic', cadence: 'weekly' });
  await platform.runScheduledTrigger();
  const history = (await must('getHistory')).entries;
  expect(history.map((h) => [h.trigger, h.status])).toEqual([
    ['automatic', 'sent'],
    ['per-case', 'sent']
  ]);

  const before = await storedAtCollector(installationId);
  expect(before.reports.map((r) => r.reportId).sort()).toEqual(history.map((h) => h.reportId).sort());
  expect(before.reports.find((r) => r.reportId === draft.reportId)?.bytes).toBe(draft.text);
  for (const h of history) expect(before.reports.find((r) => r.reportId === h.reportId)?.digest).toBe(h.digest);

  // Withdrawal with deletion: the collector erases every raw report of this installation and says so.
  const withdrawn = await must('withdraw', { alsoRequestVendorDeletion: true });
  expect(withdrawn).toMatchObject({ consent: { mode: 'off' }, vendorDeletion: { status: 'acknowledged', acknowledgement: { deletedReports: 2 } } });
  const after = await storedAtCollector(installationId);
  expect(after.reports).toEqual([]);
  expect(after.deletions.map((d) => d.acknowledgementId)).toEqual([withdrawn.vendorDeletion?.acknowledgement?.acknowledgementId]);

  // The vendor's export agrees, and nothing more leaves the site afterwards.
  const vendorExport = installationExportSchema.parse(JSON.parse((await must('requestVendorExport')).json));
  expect(vendorExport.reports).toEqual([]);
  await platform.runScheduledTrigger();
  expect((await storedAtCollector(installationId)).reports).toEqual([]);
});

test('across a restart of the platform (KVS in a file), a queued report is delivered by the next daily run and a withdrawal still empties the collector', async () => {
  const kvsDir = path.join(dir, 'kvs');
  platform.close();
  platform = createReferencePlatform({ app: 'bundle', kvs: { kind: 'file', dir: kvsDir }, egressTargets: { [COLLECTOR_ORIGIN]: collector.url }, variables });
  await must('setConsent', { mode: 'per-case' });
  const draft = await must('preview');
  platform.faults.failEgress({ status: 503 });
  expect((await must('sendReport', { draftId: draft.draftId, digest: draft.digest })).outcome).toBe('queued');
  const installationId = (await platform.runAsInvocation({ functionKey: 'scheduled' }, () => ensureInstallation(new Date()))).installationId;
  expect((await storedAtCollector(installationId)).reports).toEqual([]);

  // A new platform process over the same stored data: the outbox survives and the daily run delivers it.
  platform.close();
  platform = createReferencePlatform({ app: 'bundle', kvs: { kind: 'file', dir: kvsDir }, egressTargets: { [COLLECTOR_ORIGIN]: collector.url }, variables });
  // The retry is due after its backoff (15 minutes); the daily run comes later than that.
  const later = new Date(Date.now() + 60 * 60 * 1000);
  jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'], now: later });
  try {
    await platform.runScheduledTrigger();
    expect((await storedAtCollector(installationId)).reports.map((r) => r.bytes)).toEqual([draft.text]);
    expect((await must('getHistory')).entries[0]).toMatchObject({ reportId: draft.reportId, status: 'sent', attempts: 2 });

    const withdrawn = await must('withdraw', { alsoRequestVendorDeletion: true });
    expect(withdrawn.vendorDeletion).toMatchObject({ status: 'acknowledged', acknowledgement: { deletedReports: 1 } });
    expect((await storedAtCollector(installationId)).reports).toEqual([]);
  } finally {
    jest.useRealTimers();
  }
});
