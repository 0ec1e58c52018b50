import { createPrivateKey } from 'node:crypto';
import { reportRequest, rightsRequest, type CollectorHttpRequest, type RightsAction } from '@usage-reporting/core/node';
import { collectorErrorBodySchema } from '@usage-reporting/core/collector-api';
import type { InstallationKeyPair } from '@usage-reporting/core/node';
import { installationPaths } from '@usage-reporting/core/collector-api';
import { deletionAcknowledgementSchema, installationExportSchema } from '@usage-reporting/core/collector-api';
import { startCollector, type RunningCollector } from '../src/server';
import { bytesOf, freshNonce, makeInstallation, makeReport, rotated, type Installation } from './support';
import { storeEngines, type StoreLocation } from './support/engines';

/**
 * The outsider against a running collector, over real HTTP: someone who knows installation ids (they
 * are not secret), can capture traffic, holds keys of their own and even a copy of the database.
 * Every attempt must be refused AND leave the store exactly as it was.
 */
/** Large enough that the refusals below are all answered 401; the flood test runs its own collector with a small one. */
const unauthenticatedPerMinute = 10_000;
let location: StoreLocation;
let collector: RunningCollector;
let victim: Installation;

const send = async (req: CollectorHttpRequest) => {
  const res = await fetch(`${collector.url}${req.path}`, { method: req.method, headers: req.headers, ...(req.body === '' ? {} : { body: req.body }) });
  const text = await res.text();
  return { status: res.status, text, code: res.status >= 400 ? collectorErrorBodySchema.parse(JSON.parse(text)).error.code : null };
};
const signedBy = (who: Installation, action: RightsAction) => rightsRequest({ ...who, now: new Date(), nonce: freshNonce(), action });
const report = (who: Installation, overrides: Parameters<typeof makeReport>[0] = {}) => {
  const r = makeReport({ installationId: who.installationId, ...overrides });
  return reportRequest({ ...who, now: new Date(), nonce: freshNonce(), reportText: bytesOf(r), reportId: r.reportId });
};

/** Everything the store holds, table by table, read through a separate connection. */
async function snapshot(): Promise<string> {
  const reader = await location.tables();
  try {
    const tables = ['reports', 'key_chain', 'nonces', 'restrictions', 'deletions', 'dirty_days', 'aggregates'];
    return JSON.stringify(await Promise.all(tables.map((t) => reader.rows(t))));
  } finally {
    await reader.close();
  }
}

/** Runs the attempt and checks both: it is refused with `status`, and nothing in the store changed. */
async function refusedWithoutTrace(attempt: () => Promise<{ status: number; code: string | null; text: string }>, status: number) {
  const before = await snapshot();
  const answer = await attempt();
  expect(answer.status).toBe(status);
  expect(await snapshot()).toBe(before);
  return answer;
}

/** An Ed25519 key pair from 32 bytes taken from anywhere (here: a stolen database). */
function keyFromSeed(seed: string): InstallationKeyPair {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seed, 'base64url')]);
  const jwk = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
  return { publicKey: String(jwk.x), privateKey: String(jwk.d) };
}

describe.each(storeEngines())('on $name', (engine) => {
  beforeAll(async () => {
    location = await engine.location();
    collector = await startCollector({ port: 0, ...location.options, unauthenticatedRateLimit: { capacity: unauthenticatedPerMinute, perHour: unauthenticatedPerMinute * 60 } });
    victim = makeInstallation();
    for (let i = 0; i < 2; i++) expect((await send(await report(victim))).status).toBe(201);
    expect((await send(await signedBy(victim, { kind: 'present-key-chain', chain: victim.chain }))).status).toBe(200);
  });
  afterAll(async () => {
    await collector.close();
    await location.remove();
  });

  describe('an outsider claiming an id or a key', () => {
    it('cannot present a chain whose genesis key does not certify the id', async () => {
      const outsider = makeInstallation();
      const attempt = await refusedWithoutTrace(async () => send(await signedBy({ ...outsider, installationId: victim.installationId }, { kind: 'present-key-chain', chain: outsider.chain })), 401);
      expect(attempt.code).toBe('UNAUTHENTICATED');
    });

    it('cannot put a key knowing only the id, and an unsigned PUT answers alike whether or not the installation exists', async () => {
      const outsider = makeInstallation();
      const claimed = { ...outsider, installationId: victim.installationId };
      const next = rotated(claimed, new Date());
      await refusedWithoutTrace(async () => send(await signedBy(next, { kind: 'present-key-chain', chain: next.chain })), 401);

      const unsigned = (installationId: string) => async () =>
        send({ method: 'PUT', path: installationPaths(installationId).key, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chain: outsider.chain }) });
      const known = await refusedWithoutTrace(unsigned(victim.installationId), 401);
      const unknown = await refusedWithoutTrace(unsigned(makeInstallation().installationId), 401);
      expect(known.text).toBe(unknown.text);
    });
  });

  describe('an outsider forging or replaying traffic', () => {
    it("cannot send a report under another installation's id with its own key", async () => {
      const outsider = makeInstallation();
      const speakingAsVictim = await refusedWithoutTrace(async () => send(await report({ ...outsider, installationId: victim.installationId })), 401);
      expect(speakingAsVictim.code).toBe('UNAUTHENTICATED');
      // Signed honestly as itself, with the victim's id in the body.
      const r = makeReport({ installationId: victim.installationId });
      const honest = await reportRequest({ ...outsider, now: new Date(), nonce: freshNonce(), reportText: bytesOf(r), reportId: r.reportId });
      expect((await refusedWithoutTrace(() => send(honest), 403)).code).toBe('FORBIDDEN');
    });

    it('cannot replay a captured report or a captured rights request', async () => {
      const captured = await report(victim);
      expect((await send(captured)).status).toBe(201);
      expect((await refusedWithoutTrace(() => send(captured), 401)).code).toBe('SIGNATURE_REPLAYED');

      const restrict = await signedBy(victim, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] });
      expect((await send(restrict)).status).toBe(200);
      expect((await send(await signedBy(victim, { kind: 'restrict', restrictedPurposes: [] }))).status).toBe(200);
      expect((await refusedWithoutTrace(() => send(restrict), 401)).code).toBe('SIGNATURE_REPLAYED');
    });

    it("cannot use A's signature on B's path or with B's body", async () => {
      const a = makeInstallation();
      const exportA = await signedBy(a, { kind: 'export' });
      await refusedWithoutTrace(() => send({ ...exportA, path: installationPaths(victim.installationId).export }), 401);
      const moved = { ...exportA, headers: { ...exportA.headers, 'ur-installation': victim.installationId }, path: installationPaths(victim.installationId).export };
      await refusedWithoutTrace(() => send(moved), 401);

      const reportA = await report(a);
      const victimBody = bytesOf(makeReport({ installationId: victim.installationId }));
      await refusedWithoutTrace(() => send({ ...reportA, body: victimBody }), 401);
    });
  });

  describe('an outsider holding a copy of the database', () => {
    /** Copies the live store as a thief would, and takes every key-sized string in every table. */
    async function steal(): Promise<{ candidates: string[]; everything: string }> {
      const everything = JSON.stringify(await location.copyOfEverything());
      return { candidates: [...new Set(everything.match(/[A-Za-z0-9_-]{43}/g) ?? [])], everything };
    }

    /** Every candidate as a private key: speaking for the victim with its own public key, and claiming the victim's. */
    async function tryToSign(candidates: string[], current: Installation): Promise<void> {
      for (const seed of candidates) {
        const key = keyFromSeed(seed);
        for (const signer of [{ key, installationId: current.installationId }, { key: { ...key, publicKey: current.key.publicKey }, installationId: current.installationId }]) {
          let req: CollectorHttpRequest;
          try {
            req = await rightsRequest({ ...signer, now: new Date(), nonce: freshNonce(), action: { kind: 'delete' } });
          } catch {
            continue; // node:crypto refused to build such a key at all: nothing was signed
          }
          await refusedWithoutTrace(() => send(req), 401);
        }
      }
    }

    it('finds nothing in it that signs a request the collector accepts, before or after a rotation', async () => {
      const first = await steal();
      expect(first.candidates).toContain(victim.key.publicKey);
      expect(first.everything).not.toContain(victim.key.privateKey);
      await tryToSign(first.candidates, victim);

      const next = rotated(victim, new Date());
      expect((await send(await signedBy(next, { kind: 'present-key-chain', chain: next.chain }))).status).toBe(200);
      const second = await steal();
      expect(second.candidates).toContain(next.key.publicKey);
      expect(second.everything).not.toContain(next.key.privateKey);
      await tryToSign(second.candidates, next);
      // A leaked old private key is worth nothing once the chain has moved on.
      expect((await refusedWithoutTrace(async () => send(await signedBy(victim, { kind: 'delete' })), 401)).code).toBe('UNAUTHENTICATED');
      victim = next;
    });
  });

  describe('a flood of unsigned requests from one address', () => {
    it('exhausts only the unauthenticated budget: the genuine installation is still served', async () => {
      const floodStore = await engine.location();
      const small = await startCollector({ port: 0, ...floodStore.options, unauthenticatedRateLimit: { capacity: 5, perHour: 5 * 60 } });
      try {
        const owner = makeInstallation();
        const statuses: number[] = [];
        for (let i = 0; i < 15; i++) {
          const res = await fetch(`${small.url}${installationPaths(owner.installationId).export}`);
          statuses.push(res.status);
          await res.arrayBuffer();
        }
        expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(10).fill(429)]);

        const signed = async (req: CollectorHttpRequest) => (await fetch(`${small.url}${req.path}`, { method: req.method, headers: req.headers, ...(req.body === '' ? {} : { body: req.body }) })).status;
        expect(await signed(await report(owner))).toBe(201);
        expect(await signed(await signedBy(owner, { kind: 'export' }))).toBe(200);
      } finally {
        await small.close();
        await floodStore.remove();
      }
    });
  });

  describe('the genuine installation across a rotation', () => {
    it('keeps its history of reports under the same id, and can still export and delete', async () => {
      const owner = makeInstallation();
      const sent = [await report(owner), await report(owner)];
      for (const req of sent) expect((await send(req)).status).toBe(201);
      const next = rotated(owner, new Date());
      expect((await send(await signedBy(next, { kind: 'present-key-chain', chain: next.chain }))).status).toBe(200);
      const after = await report(next);
      expect((await send(after)).status).toBe(201);

      const exported = installationExportSchema.parse(JSON.parse((await send(await signedBy(next, { kind: 'export' }))).text));
      expect(exported.reports.map((r) => r.bytes).sort()).toEqual([...sent, after].map((r) => r.body).sort());
      expect(exported.keyChain).toHaveLength(2);

      const deleted = deletionAcknowledgementSchema.parse(JSON.parse((await send(await signedBy(next, { kind: 'delete' }))).text));
      expect(deleted.deletedReports).toBe(3);
      const afterDelete = installationExportSchema.parse(JSON.parse((await send(await signedBy(next, { kind: 'export' }))).text));
      expect(afterDelete.reports).toEqual([]);
      expect(afterDelete.keyChain).toHaveLength(2);
    });
  });
});
