import { randomBytes } from 'node:crypto';
import { collectorErrorBodySchema } from '../../shared/collector-api/errors';
import { installationPaths } from '../../shared/collector-api/paths';
import {
  deletionAcknowledgementSchema,
  establishKeyResponseSchema,
  installationExportSchema,
  restrictionsSchema
} from '../../shared/collector-api/rights';
import { deriveVerificationKey, sha256Hex, signRequest } from '../../shared/collector-api/signing';
import { bytesOf, makeInstallation, makeReport, rights, sendReport, testCollector, type TestCollector } from './support';

const codeOf = (body: unknown) => collectorErrorBodySchema.parse(body).error.code;

describe('the per-installation rights API', () => {
  let c: TestCollector;
  const alice = makeInstallation();
  const bob = makeInstallation();

  beforeEach(async () => {
    c = testCollector();
    for (const who of [alice, bob]) {
      expect((await rights(c, who, { kind: 'establish-key' })).res.statusCode).toBe(201);
      await sendReport(c, makeReport({ installationId: who.installationId }));
      await sendReport(c, makeReport({ installationId: who.installationId }));
    }
  });
  afterEach(async () => {
    await c.close();
  });

  describe('establishing the secret on first contact', () => {
    it('stores a derived verification key, never the secret itself', async () => {
      const fresh = makeInstallation();
      const { res } = await rights(c, fresh, { kind: 'establish-key' });
      expect(establishKeyResponseSchema.parse(res.json())).toEqual({ installationId: fresh.installationId, outcome: 'established', establishedAt: '2026-11-29T05:00:00.000Z' });

      const held = await c.store.getKey(fresh.installationId);
      expect(held?.verificationKey).toBe(deriveVerificationKey(fresh.secret, fresh.installationId));
      const secret = Buffer.from(fresh.secret);
      const dump = JSON.stringify(c.store.db.prepare('SELECT * FROM installation_keys').all());
      for (const encoding of ['hex', 'base64', 'base64url'] as const) expect(dump).not.toContain(secret.toString(encoding).replace(/=+$/, ''));
    });

    it('answers a repeated first contact as unchanged, so the app may retry it', async () => {
      const { res } = await rights(c, alice, { kind: 'establish-key' });
      expect(res.statusCode).toBe(200);
      expect(establishKeyResponseSchema.parse(res.json()).outcome).toBe('unchanged');
    });

    it('refuses to replace an established key without a signature from the current one', async () => {
      const intruder = { installationId: alice.installationId, secret: new Uint8Array(randomBytes(32)) };
      const { res } = await rights(c, intruder, { kind: 'establish-key' });
      expect(res.statusCode).toBe(409);
      expect(codeOf(res.json())).toBe('KEY_ALREADY_ESTABLISHED');
      expect((await c.store.getKey(alice.installationId))?.verificationKey).toBe(deriveVerificationKey(alice.secret, alice.installationId));
    });

    it('rotates the key when signed with the current secret; the old secret stops working', async () => {
      const newSecret = new Uint8Array(randomBytes(32));
      const { res } = await rights(c, alice, { kind: 'rotate-key', newSecret });
      expect(res.statusCode).toBe(200);
      expect(establishKeyResponseSchema.parse(res.json()).outcome).toBe('rotated');

      expect((await rights(c, alice, { kind: 'export' })).res.statusCode).toBe(401);
      expect((await rights(c, { ...alice, secret: newSecret }, { kind: 'export' })).res.statusCode).toBe(200);
    });
  });

  describe('export', () => {
    it('returns everything held about the installation as one JSON document, and nothing about others', async () => {
      await rights(c, alice, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] });
      const { res } = await rights(c, alice, { kind: 'export' });

      expect(res.statusCode).toBe(200);
      const doc = installationExportSchema.parse(res.json());
      expect(doc.installationId).toBe(alice.installationId);
      expect(doc.key?.fingerprint).toBe(sha256Hex(deriveVerificationKey(alice.secret, alice.installationId)));
      expect(doc.restrictions).toEqual({ installationId: alice.installationId, restrictedPurposes: ['troubleshooting'], updatedAt: '2026-11-29T05:00:00.000Z' });
      expect(doc.reports).toHaveLength(2);
      for (const r of doc.reports) {
        expect(r.report.installationId).toBe(alice.installationId);
        expect(sha256Hex(r.bytes)).toBe(r.digest);
        expect(bytesOf(r.report)).toBe(r.bytes);
      }
      expect(doc.recentNonces).toHaveLength(2);
      expect(res.body).not.toContain(bob.installationId);
    });
  });

  describe('delete', () => {
    it('erases all raw data of the installation and acknowledges with the time it happened', async () => {
      c.clock.set('2026-12-01T10:30:00.000Z');
      const { res } = await rights(c, alice, { kind: 'delete' });

      expect(res.statusCode).toBe(200);
      const ack = deletionAcknowledgementSchema.parse(res.json());
      expect(ack).toMatchObject({ installationId: alice.installationId, deletedReports: 2, acknowledgedAt: '2026-12-01T10:30:00.000Z' });
      expect(await c.store.reportsOf(alice.installationId)).toEqual([]);
      expect(await c.store.reportsOf(bob.installationId)).toHaveLength(2);

      const after = installationExportSchema.parse((await rights(c, alice, { kind: 'export' })).res.json());
      expect(after.reports).toEqual([]);
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
      expect(restrictionsSchema.parse(lifted.res.json())).toEqual({ installationId: alice.installationId, restrictedPurposes: [], updatedAt: '2026-11-29T05:00:01.000Z' });
    });

    it('refuses a purpose that does not exist without echoing it', async () => {
      const path = installationPaths(alice.installationId).restrictions;
      const body = JSON.stringify({ restrictedPurposes: ['marketing-of-Falcon'] });
      const headers = signRequest({ ...alice, method: 'PUT', path, body, now: c.clock.now(), nonce: 'n'.repeat(22) });
      const res = await c.app.inject({ method: 'PUT', url: path, payload: body, headers: { ...headers, 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(codeOf(res.json())).toBe('SCHEMA_VIOLATION');
      expect(res.body).not.toContain('Falcon');
    });
  });

  describe('refusals', () => {
    it('refuses a request signed with the wrong secret and erases nothing', async () => {
      const wrong = { installationId: alice.installationId, secret: new Uint8Array(randomBytes(32)) };
      const { res } = await rights(c, wrong, { kind: 'delete' });
      expect(res.statusCode).toBe(401);
      expect(codeOf(res.json())).toBe('UNAUTHENTICATED');
      expect(await c.store.reportsOf(alice.installationId)).toHaveLength(2);
    });

    it('refuses an unsigned request', async () => {
      const res = await c.app.inject({ method: 'GET', url: installationPaths(alice.installationId).export });
      expect(res.statusCode).toBe(401);
      expect(codeOf(res.json())).toBe('UNAUTHENTICATED');
    });

    it('gives an installation with no key the same answer as a wrong signature', async () => {
      const stranger = makeInstallation();
      const unknown = (await rights(c, stranger, { kind: 'export' })).res;
      const wrong = (await rights(c, { ...alice, secret: stranger.secret }, { kind: 'export' })).res;
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrong.json());
    });

    it('refuses a captured request replayed later, even within the time window', async () => {
      const first = await rights(c, alice, { kind: 'delete' });
      expect(first.res.statusCode).toBe(200);
      await sendReport(c, makeReport({ installationId: alice.installationId }));

      c.clock.advanceMs(30_000);
      const replay = await c.app.inject({ method: first.req.method, url: first.req.path, headers: first.req.headers });
      expect(replay.statusCode).toBe(401);
      expect(codeOf(replay.json())).toBe('SIGNATURE_REPLAYED');
      expect(await c.store.reportsOf(alice.installationId)).toHaveLength(1);
    });

    it('refuses a captured request replayed after the time window, when its nonce is long forgotten', async () => {
      const first = await rights(c, alice, { kind: 'export' });
      c.clock.advanceMs(6 * 60 * 1000);
      await c.runRetention(); // forgets expired nonces
      expect(await c.store.noncesOf(alice.installationId)).toEqual([]);

      const replay = await c.app.inject({ method: first.req.method, url: first.req.path, headers: first.req.headers });
      expect(replay.statusCode).toBe(401);
      expect(codeOf(replay.json())).toBe('SIGNATURE_EXPIRED');
    });

    it("refuses a correctly signed request for another installation's data", async () => {
      const path = installationPaths(bob.installationId).data;
      const headers = signRequest({ ...alice, method: 'DELETE', path, body: '', now: c.clock.now(), nonce: randomBytes(16).toString('base64url') });
      const res = await c.app.inject({ method: 'DELETE', url: path, headers });

      expect(res.statusCode).toBe(403);
      expect(codeOf(res.json())).toBe('FORBIDDEN');
      expect(await c.store.reportsOf(bob.installationId)).toHaveLength(2);
    });

    it("refuses alice's signature presented as bob's, and a request moved to another path", async () => {
      const moved = await rights(c, alice, { kind: 'export' }, { targetInstallationId: bob.installationId });
      expect(moved.res.statusCode).toBe(401);

      const path = installationPaths(bob.installationId).export;
      const forged = signRequest({ ...alice, installationId: bob.installationId, method: 'GET', path, body: '', now: c.clock.now(), nonce: randomBytes(16).toString('base64url') });
      const res = await c.app.inject({ method: 'GET', url: path, headers: forged });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain(alice.installationId);
    });

    it('refuses a signed body that was altered on the way', async () => {
      const { req } = await rights(c, alice, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] });
      // Same signature, fresh nonce (so it is not refused as a replay), a body that asks for more.
      const res = await c.app.inject({
        method: 'PUT',
        url: req.path,
        headers: { ...req.headers, 'x-ur-nonce': randomBytes(16).toString('base64url') },
        payload: JSON.stringify({ restrictedPurposes: ['product-improvement', 'troubleshooting'] })
      });
      expect(res.statusCode).toBe(401);
      expect((await c.store.getRestrictions(alice.installationId))?.purposes).toEqual(['troubleshooting']);
    });
  });
});
