import { randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { installationExportSchema } from '../../shared/collector-api';
import { rightsRequest } from '../../shared/collector-api/client';
import { deriveVerificationKey, sha256Hex } from '../../shared/collector-api/signing';
import { productionDeps } from '../../src/engine/deps';
import { keyRotationIntervalDays, rotateKeyIfDue } from '../../src/rights/rotate-key';
import { secretKeys } from '../../src/store/keys';
import { ensureInstallation } from '../../src/store/repositories';
import { createWorld, DAY, type World } from './engine-support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

const asApp = <T>(run: () => Promise<T>): Promise<T> => w.platform.runAsInvocation({ functionKey: 'scheduled' }, run);
const installationId = () => asApp(async () => (await ensureInstallation(new Date())).installationId);
const secretAt = async (key: string): Promise<Uint8Array | undefined> => {
  const stored = await asApp(() => kvs.getSecret<string>(key));
  return stored === undefined ? undefined : Buffer.from(stored, 'base64url');
};
const currentSecret = async (): Promise<Uint8Array> => {
  const secret = await secretAt(secretKeys.collectorSecret);
  if (!secret) throw new Error('the installation has no secret');
  return secret;
};
const collectorKey = async () => (await w.store.getKey(await installationId()))?.verificationKey;

/** A signed export request straight to the collector, as someone holding `secret` would make it. */
async function exportSignedWith(secret: Uint8Array): Promise<number> {
  const req = rightsRequest({ secret, installationId: await installationId(), action: { kind: 'export' }, now: new Date(), nonce: randomBytes(16).toString('base64url') });
  const res = await w.collector.app.inject({ method: req.method, url: req.path, headers: req.headers });
  return res.statusCode;
}

/** The state rotation needs: a report shared (a receipt) and the collector key established by a rights request. */
async function sharedWithKey(): Promise<void> {
  await w.must('setConsent', { mode: 'per-case' });
  const draft = await w.must('preview');
  expect((await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest })).outcome).toBe('sent');
  await w.must('requestVendorExport');
  expect(await collectorKey()).toBeDefined();
}

const pastInterval = () => w.advance((keyRotationIntervalDays + 1) * DAY);

describe('the daily job rotates the collector key', () => {
  test('after 90 days: the old secret is refused, the new one works, and the vendor export still works', async () => {
    await sharedWithKey();
    const old = await currentSecret();
    expect(await exportSignedWith(old)).toBe(200);

    pastInterval();
    const run = (await w.scheduled()) as { run: { rights: { keyRotation: unknown } } };
    expect(run.run.rights.keyRotation).toEqual({ ok: true, value: 'rotated' });

    const fresh = await currentSecret();
    expect(Buffer.from(fresh).equals(Buffer.from(old))).toBe(false);
    expect(await collectorKey()).toBe(deriveVerificationKey(fresh, await installationId()));
    expect(await secretAt(secretKeys.collectorSecretNext)).toBeUndefined();
    expect(await exportSignedWith(old)).toBe(401);
    expect(await exportSignedWith(fresh)).toBe(200);

    const exported = installationExportSchema.parse(JSON.parse((await w.must('requestVendorExport')).json));
    expect(exported.key?.fingerprint).toBe(sha256Hex(deriveVerificationKey(fresh, await installationId())));
    expect(exported.reports).toHaveLength(1);

    // The key's age restarts: the next day's run leaves it alone.
    w.advance(DAY);
    expect(((await w.scheduled()) as { run: { rights: { keyRotation: unknown } } }).run.rights.keyRotation).toEqual({ ok: true, value: 'not due' });
    expect(await currentSecret()).toEqual(fresh);
  });

  test('leaves the key alone before 90 days, and never rotates for an installation that never shared', async () => {
    await sharedWithKey();
    const old = await currentSecret();
    w.advance((keyRotationIntervalDays - 1) * DAY);
    await w.scheduled();
    expect(await currentSecret()).toEqual(old);

    const quiet = await createWorld();
    try {
      await quiet.must('requestVendorExport');
      quiet.advance((keyRotationIntervalDays + 1) * DAY);
      const run = (await quiet.scheduled()) as { run: { rights: { keyRotation: unknown } } };
      expect(run.run.rights.keyRotation).toEqual({ ok: true, value: 'never shared' });
    } finally {
      await quiet.close();
    }
  });

  test('a rotation the collector cannot take is retried the next day, with the old key still working meanwhile', async () => {
    await sharedWithKey();
    const old = await currentSecret();
    pastInterval();
    w.platform.faults.failEgress({ status: 503 });
    const run = (await w.scheduled()) as { run: { rights: { keyRotation: { ok: boolean; error?: string } } } };
    expect(run.run.rights.keyRotation).toMatchObject({ ok: false, error: expect.stringContaining('503') });
    expect(await currentSecret()).toEqual(old);
    expect(await exportSignedWith(old)).toBe(200);

    w.advance(DAY);
    await w.scheduled();
    const fresh = await currentSecret();
    expect(await collectorKey()).toBe(deriveVerificationKey(fresh, await installationId()));
    expect(await exportSignedWith(old)).toBe(401);
  });

  test('killed after the collector rotated but before the promotion: the next run finishes it and nothing is lost', async () => {
    await sharedWithKey();
    const old = await currentSecret();
    pastInterval();
    // The rotation is the run's first request to the collector (per-case consent: nothing queued or due).
    w.platform.faults.killInvocation({ afterEgressDelivered: true });
    await w.scheduled().catch(() => undefined);

    const pending = await secretAt(secretKeys.collectorSecretNext);
    expect(pending).toBeDefined();
    if (!pending) return;
    expect(await currentSecret()).toEqual(old);
    expect(await collectorKey()).toBe(deriveVerificationKey(pending, await installationId()));
    expect(await exportSignedWith(old)).toBe(401);

    w.advance(DAY);
    const run = (await w.scheduled()) as { run: { rights: { keyRotation: unknown } } };
    expect(run.run.rights.keyRotation).toEqual({ ok: true, value: 'finished an interrupted rotation' });
    expect(await currentSecret()).toEqual(pending);
    expect(await secretAt(secretKeys.collectorSecretNext)).toBeUndefined();
    expect(await exportSignedWith(pending)).toBe(200);
    expect((await w.must('requestVendorExport')).json).toContain('"reports"');
  });

  test('killed half way through the promotion (new secret current, pending copy not yet deleted): the next run tidies up', async () => {
    await sharedWithKey();
    pastInterval();
    // The rotation's KVS writes are: store the new secret, make it current, delete the pending copy.
    w.platform.faults.killInvocation({ afterKvsWrites: 2 });
    await expect(asApp(() => rotateKeyIfDue(productionDeps()))).rejects.toThrow(/killed|terminated/);
    const pending = await secretAt(secretKeys.collectorSecretNext);
    expect(pending).toBeDefined();
    expect(await currentSecret()).toEqual(pending);

    w.advance(DAY);
    const run = (await w.scheduled()) as { run: { rights: { keyRotation: unknown } } };
    expect(run.run.rights.keyRotation).toEqual({ ok: true, value: 'finished an interrupted rotation' });
    expect(await secretAt(secretKeys.collectorSecretNext)).toBeUndefined();
    expect(await collectorKey()).toBe(deriveVerificationKey(await currentSecret(), await installationId()));
  });

  test('erasing site data also removes the secret of a rotation in progress', async () => {
    await sharedWithKey();
    pastInterval();
    w.platform.faults.killInvocation({ afterEgressDelivered: true });
    await w.scheduled().catch(() => undefined);
    expect(await secretAt(secretKeys.collectorSecretNext)).toBeDefined();

    await w.must('eraseData', { confirm: 'ERASE' });
    expect(await secretAt(secretKeys.collectorSecret)).toBeUndefined();
    expect(await secretAt(secretKeys.collectorSecretNext)).toBeUndefined();
  });
});
