import { metricCatalog } from '@usage-reporting/core';
import { randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { installationExportSchema } from '@usage-reporting/core/collector-api';
import { rightsRequest } from '@usage-reporting/core/node';
import { keyFingerprint, type InstallationKeyPair } from '@usage-reporting/core/node';
import { productionDeps } from '../src/engine/deps';
import { keyRotationIntervalDays, rotateKeyIfDue } from '../src/rights/rotate-key';
import { keys, secretKeys } from '../src/store/keys';
import { ensureInstallation } from '../src/store/repositories';
import { createWorld, DAY, type World } from './engine-support';
import { storageKey } from '../src/store/kvs-store';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

type RotationRun = { run: { rights: { keyRotation: unknown } } };
const asApp = <T>(run: () => Promise<T>): Promise<T> => w.platform.runAsInvocation({ functionKey: 'scheduled' }, run);
const installationId = () => asApp(async () => (await ensureInstallation(new Date())).installationId);
const keyAt = (key: string) => asApp(() => kvs.getSecret<InstallationKeyPair>(storageKey(key)));
const currentKey = async (): Promise<InstallationKeyPair> => {
  const key = await keyAt(secretKeys.signingKey);
  if (!key) throw new Error('the installation has no signing key');
  return key;
};
const collectorHead = async () => w.store.keyChainHeadOf(await installationId());

/** A signed export request straight to the collector, as someone holding `key` would make it. */
async function exportSignedWith(key: InstallationKeyPair): Promise<number> {
  const req = await rightsRequest({ key, installationId: await installationId(), action: { kind: 'export' }, now: new Date(), nonce: randomBytes(16).toString('base64url') });
  const res = await w.collector.app.inject({ method: req.method, url: req.path, headers: req.headers });
  return res.statusCode;
}

/** The state rotation needs: a report shared (a receipt at the site, the report at the collector). */
async function shared(): Promise<void> {
  await w.must('setConsent', { mode: 'per-case' });
  const draft = await w.must('preview');
  expect((await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest })).outcome).toBe('sent');
}

const pastInterval = () => w.advance((keyRotationIntervalDays + 1) * DAY);

describe('the daily job rotates the signing key', () => {
  test('after 90 days: the new key is endorsed by the old, the old key is refused, the id and the history of reports survive', async () => {
    await shared();
    const id = await installationId();
    const old = await currentKey();
    expect(await exportSignedWith(old)).toBe(200);

    pastInterval();
    expect(((await w.scheduled()) as RotationRun).run.rights.keyRotation).toEqual({ ok: true, value: 'rotated' });

    const fresh = await currentKey();
    expect(fresh.publicKey).not.toBe(old.publicKey);
    expect(await installationId()).toBe(id);
    expect(await collectorHead()).toBe(fresh.publicKey);
    expect(await keyAt(secretKeys.signingKeyNext)).toBeUndefined();
    expect(await exportSignedWith(old)).toBe(401);
    expect(await exportSignedWith(fresh)).toBe(200);

    const exported = installationExportSchema.parse(JSON.parse((await w.must('requestVendorExport')).json));
    expect(exported.installationId).toBe(id);
    expect(exported.reports).toHaveLength(1);
    expect(JSON.stringify(exported)).toContain(keyFingerprint(fresh.publicKey));

    // The key's age restarts: the next day's run leaves it alone, and reports keep going under the same id.
    w.advance(DAY);
    expect(((await w.scheduled()) as RotationRun).run.rights.keyRotation).toEqual({ ok: true, value: 'not due' });
    expect(await currentKey()).toEqual(fresh);
    await shared();
    expect((await w.received()).map((r) => r.installationId)).toEqual([id, id]);
  });

  test('leaves the key alone before 90 days, and never rotates for an installation that never shared', async () => {
    await shared();
    const old = await currentKey();
    w.advance((keyRotationIntervalDays - 1) * DAY);
    await w.scheduled();
    expect(await currentKey()).toEqual(old);

    const quiet = await createWorld();
    try {
      await quiet.must('requestVendorExport');
      quiet.advance((keyRotationIntervalDays + 1) * DAY);
      expect(((await quiet.scheduled()) as RotationRun).run.rights.keyRotation).toEqual({ ok: true, value: 'never shared' });
    } finally {
      await quiet.close();
    }
  });

  test('a rotation the collector cannot take is retried the next day, with the old key still working meanwhile', async () => {
    await shared();
    const old = await currentKey();
    pastInterval();
    w.platform.faults.failEgress({ status: 503 });
    const run = (await w.scheduled()) as { run: { rights: { keyRotation: { ok: boolean; error?: string } } } };
    expect(run.run.rights.keyRotation).toMatchObject({ ok: false, error: expect.stringContaining('503') });
    expect(await currentKey()).toEqual(old);
    expect(await exportSignedWith(old)).toBe(200);

    w.advance(DAY);
    expect(((await w.scheduled()) as RotationRun).run.rights.keyRotation).toEqual({ ok: true, value: 'finished an interrupted rotation' });
    const fresh = await currentKey();
    expect(await collectorHead()).toBe(fresh.publicKey);
    expect(await exportSignedWith(old)).toBe(401);
  });

  test('killed after the collector took the new key but before the app recorded it: the next request finishes the rotation, nothing is lost', async () => {
    await shared();
    const old = await currentKey();
    pastInterval();
    // The rotation is the run's first request to the collector (per-case consent: nothing queued or due).
    w.platform.faults.killInvocation({ afterEgressDelivered: true });
    await w.scheduled().catch(() => undefined);

    const pending = await keyAt(secretKeys.signingKeyNext);
    expect(pending).toBeDefined();
    if (!pending) return;
    expect(await currentKey()).toEqual(old);
    expect(await collectorHead()).toBe(pending.publicKey);
    expect(await exportSignedWith(old)).toBe(401);

    // The admin's next rights request meets a collector that no longer knows the old key: the app
    // finishes the rotation, then asks again, and the admin sees only the answer.
    const exported = installationExportSchema.parse(JSON.parse((await w.must('requestVendorExport')).json));
    expect(exported.reports).toHaveLength(1);
    expect(await currentKey()).toEqual(pending);
    expect(await keyAt(secretKeys.signingKeyNext)).toBeUndefined();
    expect(await asApp(() => kvs.get(storageKey(keys.pendingKeyLink)))).toBeUndefined();
  });

  test('killed between recording the new link and making the new key current: the next load finishes it', async () => {
    await shared();
    pastInterval();
    // The rotation's KVS writes: the new key, the pending link, the chain with the link, then the key becomes current.
    w.platform.faults.killInvocation({ afterKvsWrites: 3 });
    await expect(asApp(() => rotateKeyIfDue(productionDeps({ catalog: metricCatalog })))).rejects.toThrow(/killed|terminated/);
    const pending = await keyAt(secretKeys.signingKeyNext);
    expect(pending).toBeDefined();
    expect((await currentKey()).publicKey).not.toBe(pending?.publicKey);

    w.advance(DAY);
    expect(((await w.scheduled()) as RotationRun).run.rights.keyRotation).toEqual({ ok: true, value: 'finished an interrupted rotation' });
    expect(await currentKey()).toEqual(pending);
    expect(await keyAt(secretKeys.signingKeyNext)).toBeUndefined();
    expect(await collectorHead()).toBe(pending?.publicKey);
  });

  test('a collector that lost the key chain (restored from an older backup) is told it again, and the request goes through', async () => {
    await shared();
    pastInterval();
    await w.scheduled();
    const fresh = await currentKey();
    // What a restore from before the rotation looks like: the collector knows only the genesis key.
    w.store.db.prepare('DELETE FROM key_chain WHERE position > 0').run();
    expect(await exportSignedWith(fresh)).toBe(401);

    const exported = installationExportSchema.parse(JSON.parse((await w.must('requestVendorExport')).json));
    expect(exported.reports).toHaveLength(1);
    expect(await collectorHead()).toBe(fresh.publicKey);
  });

  test('erasing site data also removes the key of a rotation in progress', async () => {
    await shared();
    pastInterval();
    w.platform.faults.killInvocation({ afterEgressDelivered: true });
    await w.scheduled().catch(() => undefined);
    expect(await keyAt(secretKeys.signingKeyNext)).toBeDefined();

    await w.must('eraseData', { confirm: 'ERASE' });
    expect(await keyAt(secretKeys.signingKey)).toBeUndefined();
    expect(await keyAt(secretKeys.signingKeyNext)).toBeUndefined();
  });
});
