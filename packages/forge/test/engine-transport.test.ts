import { randomUUID } from 'node:crypto';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { verifyCollectorRequest } from '@usage-reporting/core/node';
import { installationIdOf, keyFingerprint, type CollectorPublicKey } from '@usage-reporting/core/node';
import { loadSigningIdentity } from '../src/identity/identity';
import { collectorAddress } from '../src/transport/collector-address';
import { classify, collectorTransport, requestTimeoutMs, type FetchLike } from '../src/transport/report-transport';
import { testCollectorKey } from './collector-answers';

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

const collectorKey = testCollectorKey();
/** The receipt's facts as the collector signs them (no `duplicate`: a repeat signs the same bytes). */
const { duplicate: _duplicate, ...receiptFacts } = receipt;
const configured = () => ({ ok: true as const, publicKey: collectorKey.publicKey, fingerprint: collectorKey.fingerprint });

describe('the report transport', () => {
  let platform: SimPlatform;
  beforeEach(() => {
    platform = createReferencePlatform();
  });
  afterEach(() => platform.close());
  const inInvocation = <T>(fn: () => Promise<T>) => platform.runAsInvocation({ functionKey: 'scheduled' }, fn);

  test('the collector address is the manifest’s one plain backend egress entry, read at run time', async () => {
    expect(await inInvocation(async () => collectorAddress())).toEqual({ ok: true, baseUrl: 'https://collector.usage-reporting.example.com' });
  });

  test('POSTs the exact text with the reportId as idempotency key and a timeout signal, signed by the installation’s key', async () => {
    const identity = await inInvocation(() => loadSigningIdentity(new Date()));
    const signedAnswer = await collectorKey.sign({ kind: 'report-receipt', ...receiptFacts, installationId: identity.installationId, supersedes: null });
    const seen: Array<{ url: string; init: Parameters<FetchLike>[1] }> = [];
    const fetchImpl: FetchLike = async (url, init) => {
      seen.push({ url, init });
      return { status: 201, text: async () => JSON.stringify({ ...receipt, signedAnswer }) };
    };
    const outcome = await inInvocation(() => collectorTransport(fetchImpl, undefined, configured).send('{"exact":"bytes"}', reportId));
    expect(outcome).toMatchObject({
      kind: 'sent',
      receipt,
      signature: { keyFingerprint: keyFingerprint(identity.key.publicKey) },
      answer: { answer: signedAnswer, collectorKeyFingerprint: collectorKey.fingerprint }
    });
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

describe('the collector’s receipt is proof only when it verifies (direct delivery)', () => {
  let platform: SimPlatform;
  beforeEach(() => {
    platform = createReferencePlatform();
  });
  afterEach(() => platform.close());
  const inInvocation = <T>(fn: () => Promise<T>) => platform.runAsInvocation({ functionKey: 'scheduled' }, fn);

  async function answeredWith(body: (installationId: string) => Promise<unknown>, key: () => CollectorPublicKey = configured) {
    return inInvocation(async () => {
      const { installationId } = await loadSigningIdentity(new Date());
      const text = JSON.stringify(await body(installationId));
      return collectorTransport(async () => ({ status: 201, text: async () => text }), undefined, key).send('{}', reportId);
    });
  }
  const signed = (installationId: string, signer = collectorKey) => signer.sign({ kind: 'report-receipt', ...receiptFacts, installationId, supersedes: null });

  test('a receipt without a signature is not "sent": the report stays queued and says why', async () => {
    await expect(answeredWith(async () => receipt)).resolves.toEqual({
      kind: 'retryable',
      reason: "the collector's receipt could not be verified: The collector's answer carries no signature, so it proves nothing."
    });
  });

  test('a receipt signed by another key than the configured one is refused', async () => {
    const other = testCollectorKey();
    const outcome = await answeredWith(async (id) => ({ ...receipt, signedAnswer: await signed(id, other) }));
    expect(outcome).toMatchObject({ kind: 'retryable', reason: expect.stringContaining(`signed by collector key ${other.fingerprint}`) });
  });

  test('a receipt changed after signing is refused', async () => {
    const outcome = await answeredWith(async (id) => {
      const answer = await signed(id);
      return { ...receipt, signedAnswer: { ...answer, payload: answer.payload.replace(receipt.receivedAt, '2026-11-30T09:00:00.000Z') } };
    });
    expect(outcome).toMatchObject({ kind: 'retryable', reason: expect.stringContaining('signature does not verify') });
  });

  test('a genuine receipt about another installation is refused', async () => {
    const outcome = await answeredWith(async () => ({ ...receipt, signedAnswer: await signed(randomUUID()) }));
    expect(outcome).toMatchObject({ kind: 'retryable', reason: expect.stringContaining('another installation') });
  });

  test('with no collector key configured nothing can verify, and the report is not recorded as sent', async () => {
    const outcome = await answeredWith(async (id) => ({ ...receipt, signedAnswer: await signed(id) }), () => ({ ok: false as const, message: 'no collector public key is configured' }));
    expect(outcome).toMatchObject({ kind: 'retryable', reason: expect.stringContaining('no collector public key is configured') });
  });
});
