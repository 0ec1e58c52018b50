import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from '@usage-reporting/core';
import {
  createHandOver,
  handOverFileName,
  handOverReportText,
  parseHandOver,
  serializeHandOver,
  type HandOver
} from '@usage-reporting/core/collector-api';
import {
  correctionRequest,
  endorseNextKey,
  generateInstallationKeyPair,
  installationHeader,
  installationIdOf,
  reportRequest,
  rightsRequest,
  verifyCollectorRequest,
  type CollectorHttpRequest
} from '@usage-reporting/core/node';

const key = generateInstallationKeyPair();
const installationId = installationIdOf(key.publicKey);
const now = new Date('2026-12-03T10:15:00.000Z');
const nonce = () => randomBytes(16).toString('base64url');
const signer = () => ({ key, installationId, now, nonce: nonce() });

const reportText = (reportId = randomUUID(), licence = 'active'): string =>
  canonicalJson({
    fields: { 'app.licence': licence, 'site.product': 'jira' },
    format: 'usage-report/1',
    generatedAt: '2026-12-03T10:00:00.000Z',
    installationId,
    period: { from: '2026-11-26', to: '2026-12-02' },
    purposes: ['product-improvement'],
    reportId,
    // A character JSON escapes and one it does not: the file must carry both back exactly.
    withheld: [{ key: 'note', reason: 'quote " and é and \u2028' }]
  });

async function reportHandOver(text = reportText()): Promise<{ handOver: HandOver; request: CollectorHttpRequest; text: string }> {
  const reportId = (JSON.parse(text) as { reportId: string }).reportId;
  const request = await reportRequest({ ...signer(), reportText: text, reportId });
  return { handOver: createHandOver({ request, createdAt: now }), request, text };
}

/** Re-reads a file's text, failing the test with the parser's own message when it does not read. */
function reread(text: string): HandOver {
  const parsed = parseHandOver(text);
  if (!parsed.ok) throw new Error(`${parsed.problem}: ${parsed.message}`);
  return parsed.handOver;
}

describe('a hand-over file carries the exact signed request the direct transport sends', () => {
  it('holds the previewed report text byte for byte, and writing it out and reading it back changes no byte', async () => {
    const { handOver, request, text } = await reportHandOver();
    const file = serializeHandOver(handOver);
    const back = reread(file);

    expect(back.request.body).toBe(text);
    expect(handOverReportText(back)).toBe(text);
    expect(Buffer.from(back.request.body, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(serializeHandOver(back)).toBe(file);
    expect(back.request).toEqual({ method: request.method, path: request.path, headers: request.headers, body: request.body });
    expect(back).toMatchObject({ format: 'usage-reporting/hand-over', version: 1, kind: 'report', installationId, createdAt: now.toISOString(), keyChain: null });
  });

  it('round-trips any report text exactly, whatever characters it holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (licence) => {
        const { handOver, text } = await reportHandOver(reportText(randomUUID(), licence));
        expect(reread(serializeHandOver(handOver)).request.body).toBe(text);
      }),
      { numRuns: 40 }
    );
  });

  it('still verifies as the signed request it was: the signature covers the bytes read back from the file', async () => {
    const { handOver } = await reportHandOver();
    const back = reread(serializeHandOver(handOver));
    const verified = await verifyCollectorRequest({ ...back.request, headers: back.request.headers, now });
    expect(verified).toMatchObject({ ok: true, installationId, publicKey: key.publicKey });
  });

  it('names the installation with the same header the signature covers', async () => {
    const { handOver } = await reportHandOver();
    expect(Object.keys(handOver.request.headers)).toContain(installationHeader);
  });

  it('takes every rights request the app makes, with its kind read off the request', async () => {
    const reportId = randomUUID();
    const made = await Promise.all([
      rightsRequest({ ...signer(), action: { kind: 'export' } }),
      rightsRequest({ ...signer(), action: { kind: 'delete' } }),
      rightsRequest({ ...signer(), action: { kind: 'restrict', restrictedPurposes: ['troubleshooting'] } }),
      rightsRequest({ ...signer(), action: { kind: 'retract', reportId } }),
      correctionRequest({ ...signer(), reportText: reportText(), reportId: randomUUID(), supersedes: reportId })
    ]);
    const kinds = made.map((request) => reread(serializeHandOver(createHandOver({ request, createdAt: now }))).kind);
    expect(kinds).toEqual(['export', 'delete', 'restrict', 'retract', 'correction']);
  });

  it('carries the signed key-chain presentation of a rotated installation beside the request', async () => {
    const next = generateInstallationKeyPair();
    const chain = { genesisPublicKey: key.publicKey, links: [endorseNextKey({ installationId, current: key, nextPublicKey: next.publicKey, rotatedAt: now })] };
    const keyChainRequest = await rightsRequest({ key: next, installationId, now, nonce: nonce(), action: { kind: 'present-key-chain', chain } });
    const request = await rightsRequest({ key: next, installationId, now, nonce: nonce(), action: { kind: 'delete' } });
    const back = reread(serializeHandOver(createHandOver({ request, keyChainRequest, createdAt: now })));
    expect(back.keyChain?.body).toBe(keyChainRequest.body);
    expect(back.keyChain?.path).toBe(`/v1/installations/${installationId}/key`);
  });

  it('refuses to wrap a request the app never hands over, or one with a header too many', async () => {
    const chainRequest = await rightsRequest({ ...signer(), action: { kind: 'present-key-chain', chain: { genesisPublicKey: key.publicKey, links: [] } } });
    expect(() => createHandOver({ request: chainRequest, createdAt: now })).toThrow('is not a request the app hands over');
    const { request } = await reportHandOver();
    expect(() => createHandOver({ request: { ...request, headers: { ...request.headers, cookie: 'x' } }, createdAt: now })).toThrow('headers a hand-over file does not: cookie');
  });

  it('is named after the report it carries, and a rights request after its kind and time', async () => {
    const { handOver, request } = await reportHandOver();
    expect(handOverFileName(handOver)).toBe(`usage-report-${request.headers['idempotency-key']}.json`);
    const exportRequest = await rightsRequest({ ...signer(), action: { kind: 'export' } });
    expect(handOverFileName(createHandOver({ request: exportRequest, createdAt: now }))).toBe('usage-report-export-request-20261203T101500Z.json');
  });
});

describe('reading a file that is not a good hand-over file says what is wrong with it', () => {
  let file: string;
  let json: Record<string, unknown>;
  beforeEach(async () => {
    file = serializeHandOver((await reportHandOver()).handOver);
    json = JSON.parse(file) as Record<string, unknown>;
  });
  const problemOf = (text: string) => {
    const parsed = parseHandOver(text);
    return parsed.ok ? 'ok' : parsed.problem;
  };

  it('a file cut short is not JSON', () => {
    expect(parseHandOver(file.slice(0, file.length / 2))).toEqual({ ok: false, problem: 'not-json', message: expect.stringContaining('not JSON') });
  });

  it('a collector answer uploaded by mistake is recognised as one, and sent back to the app', () => {
    const parsed = parseHandOver(JSON.stringify({ format: 'usage-reporting/collector-answer', version: 1 }));
    expect(parsed).toEqual({ ok: false, problem: 'collector-answer', message: expect.stringContaining("the app's Usage reporting page") });
  });

  it('some other JSON, and a newer version, are told apart', () => {
    expect(problemOf(JSON.stringify({ reportId: randomUUID() }))).toBe('not-a-hand-over');
    const newer = parseHandOver(JSON.stringify({ ...json, version: 2 }));
    expect(newer).toEqual({ ok: false, problem: 'unsupported-version', message: expect.stringContaining('version 2; this collector reads version 1') });
  });

  it('a damaged part is named by where it is, never by what it holds', () => {
    const request = json.request as Record<string, unknown>;
    const parsed = parseHandOver(JSON.stringify({ ...json, request: { ...request, headers: { ...(request.headers as object), signature: 42 } } }));
    expect(parsed).toEqual({ ok: false, problem: 'damaged', message: expect.stringContaining('request.headers.signature does not have the expected form') });
  });

  it('a kind or installation that is not the request’s is a wrong kind', () => {
    expect(problemOf(JSON.stringify({ ...json, kind: 'delete' }))).toBe('wrong-kind');
    expect(problemOf(JSON.stringify({ ...json, installationId: randomUUID() }))).toBe('wrong-kind');
    const request = json.request as Record<string, unknown>;
    expect(problemOf(JSON.stringify({ ...json, request: { ...request, method: 'PUT' } }))).toBe('wrong-kind');
    expect(problemOf(JSON.stringify({ ...json, request: { ...request, body: '' } }))).toBe('wrong-kind');
    expect(problemOf(file)).toBe('ok');
  });
});
