import { randomUUID } from 'node:crypto';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { verifyCollectorRequest } from '@usage-reporting/core/node';
import { installationIdOf, keyFingerprint } from '@usage-reporting/core/node';
import { loadSigningIdentity } from '../src/identity/identity';
import { collectorAddress } from '../src/transport/collector-address';
import { classify, collectorTransport, requestTimeoutMs, type FetchLike } from '../src/transport/report-transport';

const reportId = randomUUID();
const receipt = { receiptId: randomUUID(), reportId, receivedAt: '2026-11-29T09:00:00.000Z', digest: 'a'.repeat(64), duplicate: false };
const errorBody = (code: string) => JSON.stringify({ error: { code, message: 'm' } });

describe('classifying the collector’s answer', () => {
  test.each([
    [201, JSON.stringify(receipt), 'sent'],
    [200, JSON.stringify({ ...receipt, duplicate: true }), 'sent'],
    [201, '{"not":"a receipt"}', 'retryable'],
    [201, JSON.stringify({ ...receipt, reportId: randomUUID() }), 'retryable'],
    [429, errorBody('RATE_LIMITED'), 'retryable'],
    [500, errorBody('INTERNAL'), 'retryable'],
    [503, 'Service Unavailable', 'retryable'],
    [404, '', 'retryable'],
    [400, errorBody('SCHEMA_VIOLATION'), 'rejected'],
    [409, errorBody('IDEMPOTENCY_CONFLICT'), 'rejected'],
    [413, errorBody('PAYLOAD_TOO_LARGE'), 'rejected'],
    [415, errorBody('UNSUPPORTED_MEDIA_TYPE'), 'rejected'],
    [422, errorBody('PRIVACY_VIOLATION'), 'rejected'],
    [401, errorBody('UNAUTHENTICATED'), 'retryable']
  ] as const)('%i %s → %s', (status, body, kind) => {
    expect(classify(status, body, reportId).kind).toBe(kind);
  });

  test('a rejection names the collector’s error code so the admin can be told why', () => {
    expect(classify(400, errorBody('NOT_CANONICAL'), reportId)).toEqual({ kind: 'rejected', reason: 'collector rejected the report (400 NOT_CANONICAL)' });
  });
});

describe('the report transport', () => {
  let platform: SimPlatform;
  beforeEach(() => {
    platform = createReferencePlatform();
  });
  afterEach(() => platform.close());
  const inInvocation = <T>(fn: () => Promise<T>) => platform.runAsInvocation({ functionKey: 'scheduled' }, fn);

  test('the collector address is the manifest’s one analytics egress entry, read at run time', async () => {
    expect(await inInvocation(async () => collectorAddress())).toEqual({ ok: true, baseUrl: 'https://collector.usage-reporting.example.com' });
  });

  test('POSTs the exact text with the reportId as idempotency key and a timeout signal, signed by the installation’s key', async () => {
    const seen: Array<{ url: string; init: Parameters<FetchLike>[1] }> = [];
    const fetchImpl: FetchLike = async (url, init) => {
      seen.push({ url, init });
      return { status: 201, text: async () => JSON.stringify(receipt) };
    };
    const outcome = await inInvocation(() => collectorTransport(fetchImpl).send('{"exact":"bytes"}', reportId));
    const identity = await inInvocation(() => loadSigningIdentity(new Date()));
    expect(outcome).toMatchObject({ kind: 'sent', receipt, signature: { keyFingerprint: keyFingerprint(identity.key.publicKey) } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://collector.usage-reporting.example.com/v1/reports');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', body: '{"exact":"bytes"}', headers: { 'content-type': 'application/json', 'idempotency-key': reportId } });
    expect(seen[0]?.init.signal).toBeInstanceOf(AbortSignal);
    const verified = await verifyCollectorRequest({ method: 'POST', path: '/v1/reports', headers: seen[0]?.init.headers ?? {}, body: '{"exact":"bytes"}', now: new Date() });
    expect(verified).toMatchObject({ ok: true, installationId: identity.installationId, publicKey: identity.key.publicKey });
    expect(installationIdOf(identity.key.publicKey)).toBe(identity.installationId);
    // The same headers over other bytes do not verify: the signature covers exactly what was sent.
    expect(await verifyCollectorRequest({ method: 'POST', path: '/v1/reports', headers: seen[0]?.init.headers ?? {}, body: '{"exact":"bytez"}', now: new Date() })).toEqual({
      ok: false,
      reason: 'digest-mismatch'
    });
  });

  test('a request that outlives the timeout is retryable, and says it was the network', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true }));
    const outcome = await inInvocation(() => collectorTransport(hanging, () => 50).send('{}', reportId));
    expect(outcome).toEqual({ kind: 'retryable', reason: 'the collector did not answer in time (TimeoutError)' });
  });

  test('the timeout leaves room in the invocation to record the outcome', async () => {
    const short = createReferencePlatform({ functionTimeoutMs: 6_000 });
    try {
      let signalled: AbortSignal | undefined;
      const fetchImpl: FetchLike = async (_url, init) => {
        signalled = init.signal;
        return { status: 201, text: async () => JSON.stringify(receipt) };
      };
      const budget = await short.runAsInvocation({ functionKey: 'scheduled' }, async () => {
        await collectorTransport(fetchImpl).send('{}', reportId);
        return requestTimeoutMs();
      });
      expect(signalled).toBeDefined();
      expect(budget).toBeLessThanOrEqual(3_000);
      expect(budget).toBeGreaterThan(2_000);
    } finally {
      short.close();
    }
  });
});
