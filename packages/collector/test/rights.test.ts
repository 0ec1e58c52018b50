import { collectorErrorBodySchema } from '@usage-reporting/core/collector-api';
import { signCollectorRequest } from '@usage-reporting/core/node';
import { keyFingerprint } from '@usage-reporting/core/node';
import { installationPaths } from '@usage-reporting/core/collector-api';
import { deletionAcknowledgementSchema, installationExportSchema, keyChainReceiptSchema, restrictionsSchema } from '@usage-reporting/core/collector-api';
import { sha256Hex } from '@usage-reporting/core/node';
import { bytesOf, collectorOn, freshNonce, makeInstallation, makeReport, resend, rights, rotated, sendReport, type CollectorUnderTest, type EngineCollector, type Installation } from './support';
import { storeEngines } from './support/engines';

const codeOf = (body: unknown) => collectorErrorBodySchema.parse(body).error.code;

/** A request signed by `who` for any path and body, for the cases the app's own builders never make. */
async function signedInject(c: CollectorUnderTest, who: Installation, method: 'GET' | 'PUT' | 'DELETE', path: string, body = '') {
  const headers = await signCollectorRequest({ key: who.key, installationId: who.installationId, method, path, body, now: c.clock.now(), nonce: freshNonce() });
  return c.app.inject({ method, url: path, headers: { ...(body === '' ? {} : { 'content-type': 'application/json' }), ...headers }, ...(body === '' ? {} : { payload: body }) });
}

describe.each(storeEngines())('the per-installation rights API, on $name', (engine) => {
  let c: EngineCollector;
  const alice = makeInstallation();
  const bob = makeInstallation();

  beforeEach(async () => {
    c = await collectorOn(engine);
    for (const who of [alice, bob]) {
      await sendReport(c, makeReport({ installationId: who.installationId }));
      await sendReport(c, makeReport({ installationId: who.installationId }));
    }
  });
  afterEach(async () => {
    await c.close();
  });

  describe('the key chain', () => {
    it('needs no registration: the genesis key, whose hash is the id, is accepted before any chain is held', async () => {
      expect(await c.store.keyChainOf(alice.installationId)).toBeNull();
      expect((await rights(c, alice, { kind: 'export' })).res.statusCode).toBe(200);
    });

    it('records a first chain, answers the same chain again as unchanged, and holds public keys only', async () => {
      const first = await rights(c, alice, { kind: 'present-key-chain', chain: alice.chain });
      expect(first.res.statusCode).toBe(200);
      expect(keyChainReceiptSchema.parse(first.res.json())).toEqual({
        installationId: alice.installationId,
        outcome: 'recorded',
        keys: 1,
        headFingerprint: keyFingerprint(alice.key.publicKey)
      });
      const again = await rights(c, alice, { kind: 'present-key-chain', chain: alice.chain });
      expect(keyChainReceiptSchema.parse(again.res.json()).outcome).toBe('unchanged');

      const dump = JSON.stringify(await c.tables.rows('key_chain'));
      expect(dump).toContain(alice.key.publicKey);
      expect(dump).not.toContain(alice.key.privateKey);
    });

    it('takes a rotated chain: the new key is accepted, the old one refused, and export lists both', async () => {
      c.clock.set('2026-12-01T09:00:00.000Z');
      const next = rotated(alice, c.clock.now());
      const { res } = await rights(c, next, { kind: 'present-key-chain', chain: next.chain });
      expect(keyChainReceiptSchema.parse(res.json())).toEqual({ installationId: alice.installationId, outcome: 'recorded', keys: 2, headFingerprint: keyFingerprint(next.key.publicKey) });

      const old = (await rights(c, alice, { kind: 'export' })).res;
      expect(old.statusCode).toBe(401);
      expect(codeOf(old.json())).toBe('UNAUTHENTICATED');
      const doc = installationExportSchema.parse((await rights(c, next, { kind: 'export' })).res.json());
      expect(doc.keyChain).toEqual([
        { fingerprint: keyFingerprint(alice.key.publicKey), rotatedAt: null, recordedAt: '2026-12-01T09:00:00.000Z' },
        { fingerprint: keyFingerprint(next.key.publicKey), rotatedAt: '2026-12-01T09:00:00.000Z', recordedAt: '2026-12-01T09:00:00.000Z' }
      ]);
      expect(doc.reports).toHaveLength(2);
    });

    it('extends a held chain, appending only the new links, also after two rotations at once', async () => {
      const one = rotated(alice, c.clock.now());
      expect((await rights(c, one, { kind: 'present-key-chain', chain: one.chain })).res.statusCode).toBe(200);
      const three = rotated(rotated(one, c.clock.now()), c.clock.now());
      const { res } = await rights(c, three, { kind: 'present-key-chain', chain: three.chain });
      expect(keyChainReceiptSchema.parse(res.json())).toMatchObject({ outcome: 'extended', keys: 4 });
      expect((await c.store.keyChainOf(alice.installationId))?.chain).toEqual(three.chain);
    });

    it('refuses a shorter chain (an old key) and a diverging one with 409, keeping the held chain', async () => {
      const next = rotated(alice, c.clock.now());
      await rights(c, next, { kind: 'present-key-chain', chain: next.chain });

      const shorter = await rights(c, alice, { kind: 'present-key-chain', chain: alice.chain });
      expect(shorter.res.statusCode).toBe(409);
      expect(codeOf(shorter.res.json())).toBe('KEY_CHAIN_CONFLICT');
      const fork = rotated(alice, c.clock.now());
      const diverging = await rights(c, fork, { kind: 'present-key-chain', chain: fork.chain });
      expect(diverging.res.statusCode).toBe(409);
      expect(codeOf(diverging.res.json())).toBe('KEY_CHAIN_CONFLICT');
      expect((await c.store.keyChainOf(alice.installationId))?.chain).toEqual(next.chain);
    });

    it('refuses with 401 a chain not signed by its own newest key, and one whose genesis does not certify the id', async () => {
      const next = rotated(alice, c.clock.now());
      // Signed by the genesis key, presenting a chain whose head is another key.
      const notHead = await rights(c, alice, { kind: 'present-key-chain', chain: next.chain });
      expect(notHead.res.statusCode).toBe(401);
      const foreign = await rights(c, { ...bob, installationId: alice.installationId }, { kind: 'present-key-chain', chain: bob.chain });
      expect(foreign.res.statusCode).toBe(401);
      expect(codeOf(foreign.res.json())).toBe('UNAUTHENTICATED');
      expect(await c.store.keyChainOf(alice.installationId)).toBeNull();
    });
  });

  describe('export', () => {
    it('returns everything held about the installation as one JSON document, and nothing about others', async () => {
      await rights(c, alice, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] });
      const { res } = await rights(c, alice, { kind: 'export' });

      expect(res.statusCode).toBe(200);
      const doc = installationExportSchema.parse(res.json());
      expect(doc.installationId).toBe(alice.installationId);
      expect(doc.keyChain).toEqual([]);
      expect(doc.restrictions).toEqual({ installationId: alice.installationId, restrictedPurposes: ['troubleshooting'], updatedAt: '2026-11-29T05:00:00.000Z' });
      expect(doc.reports).toHaveLength(2);
      for (const r of doc.reports) {
        expect(r.report.installationId).toBe(alice.installationId);
        expect(sha256Hex(r.bytes)).toBe(r.digest);
        expect(bytesOf(r.report)).toBe(r.bytes);
      }
      // Two reports, one restriction, this export: every signed request's nonce is remembered.
      expect(doc.recentNonces).toHaveLength(4);
      expect(res.body).not.toContain(bob.installationId);
    });
  });

  describe('delete', () => {
    it('erases all raw data of the installation, keeps the key chain, and acknowledges with the time it happened', async () => {
      await rights(c, alice, { kind: 'present-key-chain', chain: alice.chain });
      c.clock.set('2026-12-01T10:30:00.000Z');
      const { res } = await rights(c, alice, { kind: 'delete' });

      expect(res.statusCode).toBe(200);
      const ack = deletionAcknowledgementSchema.parse(res.json());
      expect(ack).toMatchObject({ installationId: alice.installationId, deletedReports: 2, acknowledgedAt: '2026-12-01T10:30:00.000Z' });
      expect(ack.retained.some((r) => r.startsWith('the key chain'))).toBe(true);
      expect(await c.store.reportsOf(alice.installationId)).toEqual([]);
      expect(await c.store.reportsOf(bob.installationId)).toHaveLength(2);

      const after = installationExportSchema.parse((await rights(c, alice, { kind: 'export' })).res.json());
      expect(after.reports).toEqual([]);
      expect(after.keyChain).toHaveLength(1);
      expect(after.deletions).toEqual([{ acknowledgementId: ack.acknowledgementId, acknowledgedAt: '2026-12-01T10:30:00.000Z', deletedReports: 2 }]);
    });
  });

  describe('restrict', () => {
    it('records the complete set of restricted purposes, and an empty set lifts them', async () => {
      const set = await rights(c, alice, { kind: 'restrict', restrictedPurposes: ['troubleshooting', 'product-improvement'] });
      expect(restrictionsSchema.parse(set.res.json()).restrictedPurposes).toEqual(['product-improvement', 'troubleshooting']);
      expect((await c.store.getRestrictions(alice.installationId))?.purposes).toEqual(['product-improvement', 'troubleshooting']);

      c.clock.advanceMs(1000);
      const lifted = await rights(c, alice, { kind: 'restrict', restrictedPurposes: [] });
      expect(restrictionsSchema.parse(lifted.res.json())).toEqual({
        installationId: alice.installationId,
        restrictedPurposes: [],
        updatedAt: '2026-11-29T05:00:01.000Z',
        // The same facts signed by the collector (signed-answers.test.ts checks the signature).
        signedAnswer: expect.objectContaining({ kind: 'restriction-acknowledgement' })
      });
    });

    it('refuses a purpose that does not exist without echoing it', async () => {
      const res = await signedInject(c, alice, 'PUT', installationPaths(alice.installationId).restrictions, JSON.stringify({ restrictedPurposes: ['marketing-of-Falcon'] }));
      expect(res.statusCode).toBe(400);
      expect(codeOf(res.json())).toBe('SCHEMA_VIOLATION');
      expect(res.body).not.toContain('Falcon');
    });
  });

  describe('refusals', () => {
    it('refuses a request signed with a key that does not speak for the installation, and erases nothing', async () => {
      const wrong = { ...makeInstallation(), installationId: alice.installationId };
      const { res } = await rights(c, wrong, { kind: 'delete' });
      expect(res.statusCode).toBe(401);
      expect(codeOf(res.json())).toBe('UNAUTHENTICATED');
      expect(await c.store.reportsOf(alice.installationId)).toHaveLength(2);
    });

    it('refuses an unsigned request with the same answer as a wrongly signed one', async () => {
      const unsigned = await c.app.inject({ method: 'GET', url: installationPaths(alice.installationId).export });
      const wrong = (await rights(c, { ...bob, installationId: alice.installationId }, { kind: 'export' })).res;
      expect(unsigned.statusCode).toBe(401);
      expect(unsigned.json()).toEqual(wrong.json());
    });

    it('answers an unsigned request with an invalid body 401, before any validation', async () => {
      const res = await c.app.inject({
        method: 'PUT',
        url: installationPaths(alice.installationId).restrictions,
        headers: { 'content-type': 'text/plain' },
        payload: 'not json at all'
      });
      expect(res.statusCode).toBe(401);
      expect(codeOf(res.json())).toBe('UNAUTHENTICATED');
    });

    it('refuses a captured request replayed later, even within the time window', async () => {
      const first = await rights(c, alice, { kind: 'delete' });
      expect(first.res.statusCode).toBe(200);
      await sendReport(c, makeReport({ installationId: alice.installationId }));

      c.clock.advanceMs(30_000);
      const replay = await resend(c, first.req);
      expect(replay.statusCode).toBe(401);
      expect(codeOf(replay.json())).toBe('SIGNATURE_REPLAYED');
      expect(await c.store.reportsOf(alice.installationId)).toHaveLength(1);
    });

    it('refuses a captured request replayed after the time window, when its nonce is long forgotten', async () => {
      const first = await rights(c, alice, { kind: 'export' });
      c.clock.advanceMs(6 * 60 * 1000);
      await c.runRetention(); // forgets expired nonces
      expect(await c.store.noncesOf(alice.installationId)).toEqual([]);

      const replay = await resend(c, first.req);
      expect(replay.statusCode).toBe(401);
      expect(codeOf(replay.json())).toBe('SIGNATURE_EXPIRED');
    });

    it("refuses a correctly signed request for another installation's data", async () => {
      const res = await signedInject(c, alice, 'DELETE', installationPaths(bob.installationId).data);
      expect(res.statusCode).toBe(403);
      expect(codeOf(res.json())).toBe('FORBIDDEN');
      expect(await c.store.reportsOf(bob.installationId)).toHaveLength(2);
    });

    it("refuses alice's signature moved to bob's path, and alice's key speaking as bob", async () => {
      const moved = await rights(c, alice, { kind: 'export' }, { targetInstallationId: bob.installationId });
      expect(moved.res.statusCode).toBe(401);

      const forged = await rights(c, { ...alice, installationId: bob.installationId }, { kind: 'export' });
      expect(forged.res.statusCode).toBe(401);
      expect(forged.res.body).not.toContain(alice.installationId);
    });

    it('refuses a signed body that was altered on the way', async () => {
      const { req } = await rights(c, alice, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] });
      const res = await c.app.inject({ method: 'PUT', url: req.path, headers: req.headers, payload: JSON.stringify({ restrictedPurposes: ['product-improvement', 'troubleshooting'] }) });
      expect(res.statusCode).toBe(401);
      expect((await c.store.getRestrictions(alice.installationId))?.purposes).toEqual(['troubleshooting']);
    });
  });
});
