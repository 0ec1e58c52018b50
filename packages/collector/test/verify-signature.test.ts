import { reportRequest, rightsRequest, type CollectorHttpRequest } from '@usage-reporting/core/node';
import { verifyCollectorRequest } from '@usage-reporting/core/node';
import { generateInstallationKeyPair, installationIdOf, sha256Hex } from '@usage-reporting/core/node';
import { verifySignedRequest } from '../src/http/verify-signature';
import { freshNonce, makeInstallation, rotated } from './support';

/**
 * The collector verifies with its own strict verifier (packages/collector/src/http/verify-signature.ts says why);
 * the app signs with http-message-signatures. They must agree on every request the app can make and
 * on every way such a request can be tampered with.
 */
const now = new Date('2026-11-29T05:00:00.000Z');
const who = makeInstallation();
const other = makeInstallation();

type Verdict = 'ok' | 'expired' | 'refused';
const verdictOf = (r: { ok: true } | { ok: false; reason: string }): Verdict => (r.ok ? 'ok' : r.reason === 'expired' ? 'expired' : 'refused');

async function both(req: CollectorHttpRequest, at = now): Promise<[Verdict, Verdict]> {
  const input = { method: req.method, path: req.path, headers: req.headers, body: req.body, now: at };
  return [verdictOf(await verifyCollectorRequest(input)), verdictOf(await verifySignedRequest(input))];
}

const genuine: Array<[string, () => Promise<CollectorHttpRequest>]> = [
  ['a report', () => reportRequest({ ...who, now, nonce: freshNonce(), reportText: '{"a":1}', reportId: 'r' })],
  ['an export', () => rightsRequest({ ...who, now, nonce: freshNonce(), action: { kind: 'export' } })],
  ['a delete', () => rightsRequest({ ...who, now, nonce: freshNonce(), action: { kind: 'delete' } })],
  ['a restriction', () => rightsRequest({ ...who, now, nonce: freshNonce(), action: { kind: 'restrict', restrictedPurposes: ['troubleshooting'] } })],
  ['a key chain', () => {
    const next = rotated(who, now);
    return rightsRequest({ ...next, now, nonce: freshNonce(), action: { kind: 'present-key-chain', chain: next.chain } });
  }]
];

const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
const withHeaders = (req: CollectorHttpRequest, patch: Record<string, string | undefined>): CollectorHttpRequest => {
  const headers = { ...req.headers };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete headers[k];
  else headers[k] = v;
  return { ...req, headers };
};
const input = (req: CollectorHttpRequest) => req.headers['signature-input'] ?? '';
const sig = (req: CollectorHttpRequest) => req.headers.signature ?? '';

const tamperings: Array<[string, (req: CollectorHttpRequest) => CollectorHttpRequest]> = [
  ['another method', (r) => ({ ...r, method: r.method === 'GET' ? 'DELETE' : 'GET' })],
  ['another path', (r) => ({ ...r, path: r.path.replace(who.installationId, other.installationId).replace('/v1/reports', '/v1/reportz') })],
  ['a query string added', (r) => ({ ...r, path: `${r.path}?x=1` })],
  ['another body', (r) => ({ ...r, body: r.body === '' ? '{}' : `${r.body} ` })],
  ['the body dropped, or one added', (r) => ({ ...r, body: r.body === '' ? 'x' : '' })],
  ['another installation named', (r) => withHeaders(r, { 'ur-installation': other.installationId })],
  ['a digest for other bytes', (r) => withHeaders(r, { 'content-digest': 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:' })],
  ['a flipped signature byte', (r) => withHeaders(r, { signature: flip(sig(r), 10) })],
  ['a changed created time', (r) => withHeaders(r, { 'signature-input': input(r).replace(/created=(\d+)/, (_m, n: string) => `created=${Number(n) + 1}`) })],
  ['another keyid', (r) => withHeaders(r, { 'signature-input': input(r).replace(/keyid="[^"]+"/, `keyid="${other.key.publicKey}"`) })],
  ['another nonce', (r) => withHeaders(r, { 'signature-input': input(r).replace(/nonce="[^"]+"/, `nonce="${freshNonce()}"`) })],
  ['another algorithm', (r) => withHeaders(r, { 'signature-input': input(r).replace('alg="ed25519"', 'alg="hmac-sha256"') })],
  ['another label', (r) => withHeaders(r, { 'signature-input': input(r).replace(/^ur=/, 'xx='), signature: sig(r).replace(/^ur=/, 'xx=') })],
  ['a second signature', (r) => withHeaders(r, { 'signature-input': `${input(r)}, b=${input(r).slice(3)}`, signature: `${sig(r)}, b=${sig(r).slice(3)}` })],
  ['no signature header', (r) => withHeaders(r, { signature: undefined })],
  ['no signature-input header', (r) => withHeaders(r, { 'signature-input': undefined })],
  ['no installation header', (r) => withHeaders(r, { 'ur-installation': undefined })],
  ['no headers at all', (r) => withHeaders(r, { signature: undefined, 'signature-input': undefined })],
  ['a component left out', (r) => withHeaders(r, { 'signature-input': input(r).replace(' "ur-installation"', '') })],
  ['garbage in the signature', (r) => withHeaders(r, { signature: 'ur=:not base64 at all:' })]
];

describe('the collector verifier and http-message-signatures', () => {
  it.each(genuine)('both accept %s the app signs', async (_name, make) => {
    expect(await both(await make())).toEqual(['ok', 'ok']);
  });

  it.each(genuine)('both call %s expired outside the window on either side, and only then', async (_name, make) => {
    const req = await make();
    expect(await both(req, new Date(now.getTime() + 5 * 60_000))).toEqual(['ok', 'ok']);
    expect(await both(req, new Date(now.getTime() + 5 * 60_000 + 1000))).toEqual(['expired', 'expired']);
    expect(await both(req, new Date(now.getTime() - 5 * 60_000 - 1000))).toEqual(['expired', 'expired']);
  });

  for (const [kind, make] of genuine) {
    it.each(tamperings)(`both refuse ${kind} with %s`, async (_name, tamper) => {
      const [library, ours] = await both(tamper(await make()));
      expect(ours).toBe(library);
      // The query string is outside what RFC 9421 @path covers; every other change must be refused.
      if (_name !== 'a query string added') expect(ours).toBe('refused');
    });
  }

  it.each(genuine)('hands back the SHA-256 of %s (hex, as a stored report’s digest), hashed with its content-digest', async (_name, make) => {
    const req = await make();
    const checked = await verifySignedRequest({ method: req.method, path: req.path, headers: req.headers, body: req.body, now });
    expect(checked).toMatchObject({ ok: true, bodyDigest: sha256Hex(req.body) });
  });

  it('refuses a signature by a key that is not the one the keyid names, like the library', async () => {
    const impostor = generateInstallationKeyPair();
    const real = await reportRequest({ key: impostor, installationId: installationIdOf(impostor.publicKey), now, nonce: freshNonce(), reportText: '{}', reportId: 'r' });
    const claimed = withHeaders(real, { 'signature-input': input(real).replace(/keyid="[^"]+"/, `keyid="${who.key.publicKey}"`) });
    expect(await both(claimed)).toEqual(['refused', 'refused']);
  });
});
