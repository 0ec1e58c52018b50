import { kvs } from '@forge/kvs';
import { secretKeys } from '../src/store/keys';
import { createWorld, type World } from './engine-support';
import { storageKey } from '../src/store/kvs-store';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

/** Every plain key in the site's KVS, read as the app would, outside the code under test. */
const storedKeys = () =>
  w.platform.runAsInvocation({ functionKey: 'scheduled' }, async () => {
    const out: string[] = [];
    let cursor: string | undefined;
    do {
      let q = kvs.query().limit(100);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany();
      out.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    return out.sort();
  });
const secret = () => w.platform.runAsInvocation({ functionKey: 'scheduled' }, () => kvs.getSecret<{ publicKey: string; privateKey: string }>(storageKey(secretKeys.signingKey)));

async function useTheApp(): Promise<void> {
  await w.platform.runLifecycleInstalled();
  await w.must('setConsent', { mode: 'per-case' });
  const draft = await w.must('preview');
  await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
  await w.must('restrictVendorProcessing', { restrictedPurposes: ['troubleshooting'] });
  await w.scheduled();
}

describe('exportData', () => {
  test('one JSON document with every stored key and its value, and it names the secret it leaves out', async () => {
    await useTheApp();
    const keysBefore = await storedKeys();
    const secretValue = await secret();
    expect(secretValue?.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const doc = await w.must('exportData');
    const parsed = JSON.parse(doc.json) as { entries: Array<{ key: string; value: unknown }>; keyCount: number; notIncluded: Array<{ key: string }> };
    expect(parsed.entries.map((e) => e.key)).toEqual(keysBefore);
    expect(parsed.keyCount).toBe(keysBefore.length);
    expect(parsed.entries.map((e) => e.key)).toEqual(expect.arrayContaining([storageKey('consent'), storageKey('installation'), expect.stringMatching(/^usage-reporting:ledger:/), expect.stringMatching(/^usage-reporting:report:/)]));
    expect(parsed.notIncluded.map((n) => n.key)).toEqual([secretKeys.signingKey]);
    // The private key never appears; the public key does (in the installation record), which is what proves the id.
    expect(doc.json).not.toContain(String(secretValue?.privateKey));
    expect(doc.json).toContain(String(secretValue?.publicKey));
    // Exporting only reads; the one thing it adds is its own usage count.
    expect((await storedKeys()).filter((k) => !k.startsWith(storageKey('meter:raw:')) || !k.includes(':data.exported:'))).toEqual(keysBefore);
  });
});

describe('eraseData', () => {
  test('refuses without the confirmation word and erases nothing', async () => {
    await useTheApp();
    const before = await storedKeys();
    expect(await w.call('eraseData', { confirm: 'erase' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await storedKeys()).toEqual(before);
  });

  test('erases every key and the secret; only an anonymous note of the erasure remains, and the app starts over', async () => {
    await useTheApp();
    const before = await storedKeys();
    const out = await w.must('eraseData', { confirm: 'ERASE' });
    expect(out).toEqual({ erasedKeys: before.length + 1, erasedAt: new Date().toISOString() });
    expect(await secret()).toBeUndefined();

    const after = await storedKeys();
    expect(after).toEqual([expect.stringMatching(/^usage-reporting:ledger:/)]);
    const ledger = (await w.must('getLedger')).entries;
    expect(ledger).toEqual([expect.objectContaining({ action: 'erase-site-data', accountId: null, changes: [{ path: 'siteData.storedKeys', from: before.length, to: 0 }] })]);
    expect(JSON.stringify(ledger)).not.toContain(w.admin);

    const page = await w.must('loadAdminPage');
    expect(page.consent.mode).toBe('not-asked');
    expect(page.history).toEqual([]);
  });

  test('a pending vendor deletion survives erasure with the installation and key it needs, and still completes', async () => {
    await useTheApp();
    w.platform.faults.failEgress({ status: 503 });
    expect((await w.must('requestVendorDeletion')).vendorDeletion.status).toBe('pending');
    const installation = await w.platform.runAsInvocation({ functionKey: 'scheduled' }, () => kvs.get(storageKey('installation')));

    await w.must('eraseData', { confirm: 'ERASE' });
    expect(await storedKeys()).toEqual(expect.arrayContaining([storageKey('installation'), storageKey('vendor:deletion')]));
    expect(await secret()).toEqual({ publicKey: expect.any(String), privateKey: expect.any(String) });

    w.advance(24 * 3_600_000);
    await w.scheduled();
    expect((await w.must('loadAdminPage')).vendorDeletion).toMatchObject({ status: 'acknowledged', acknowledgement: { deletedReports: 1 } });
    expect(await w.platform.runAsInvocation({ functionKey: 'scheduled' }, () => kvs.get(storageKey('installation')))).toEqual(installation);
    expect(await w.received()).toEqual([]);
  });

  test('an erase cut short after its first batch has already stopped sharing, and erasing again finishes', async () => {
    await useTheApp();
    await w.must('setConsent', { mode: 'automatic', cadence: 'weekly' });
    // Counted over every installation: the partial erase may have taken the installation id with it.
    const sentBefore = await w.store.countReports();
    expect(sentBefore).toBe(1);
    // The function dies right after the first batch delete (consent is in it, deleted first).
    w.platform.faults.killInvocation({ afterKvsWrites: 1 });
    await expect(w.call('eraseData', { confirm: 'ERASE' })).rejects.toThrow(/killed/);
    const left = await storedKeys();
    expect(left).not.toContain('consent');

    w.advance(8 * 24 * 3_600_000);
    await w.scheduled();
    expect(await w.store.countReports()).toBe(sentBefore);

    await w.must('eraseData', { confirm: 'ERASE' });
    expect(await storedKeys()).toEqual([expect.stringMatching(/^usage-reporting:ledger:/)]);
  });
});

describe("the app's own data beside the toolkit's", () => {
  test('export leaves it out and erase leaves it alone: the toolkit reaches only its own namespace', async () => {
    await useTheApp();
    const own = { providers: [{ name: 'Okta', entityId: 'https://idp.acme.example/saml' }] };
    await w.platform.runAsInvocation({ functionKey: 'scheduled' }, () => kvs.set('sso:providers', own));

    const doc = await w.must('exportData');
    expect(doc.json).not.toContain('sso:providers');
    expect(doc.json).not.toContain('idp.acme.example');

    await w.must('eraseData', { confirm: 'ERASE' });
    expect(await w.platform.runAsInvocation({ functionKey: 'scheduled' }, () => kvs.get('sso:providers'))).toEqual(own);
    expect((await storedKeys()).filter((k) => !k.startsWith('usage-reporting:'))).toEqual(['sso:providers']);
  });
});
