import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { canonicalJson } from '@usage-reporting/core';
import {
  collectorAnswerFileName,
  receiptSchema,
  serializeCollectorAnswer,
  signedCollectorAnswerSchema,
  type CollectorAnswerContent,
  type SignedCollectorAnswer
} from '@usage-reporting/core/collector-api';
import {
  collectorAnswerSigner,
  collectorPublicKeyFrom,
  generateInstallationKeyPair,
  installationIdOf,
  keyFingerprint,
  sha256Hex,
  verifyCollectorAnswer
} from '@usage-reporting/core/node';

const collectorKey = generateInstallationKeyPair();
const signer = collectorAnswerSigner(collectorKey);
const installationId = installationIdOf(generateInstallationKeyPair().publicKey);
const reportText = canonicalJson({ format: 'usage-report/1', installationId, reportId: randomUUID() });

const receipt = (overrides: Partial<Extract<CollectorAnswerContent, { kind: 'report-receipt' }>> = {}): CollectorAnswerContent => ({
  kind: 'report-receipt',
  receiptId: randomUUID(),
  reportId: (JSON.parse(reportText) as { reportId: string }).reportId,
  installationId,
  digest: sha256Hex(reportText),
  receivedAt: '2026-12-03T10:15:00.000Z',
  supersedes: null,
  ...overrides
});

/** The answer's payload with one thing changed, kept under the original signature. */
const withPayload = (answer: SignedCollectorAnswer, change: (payload: Record<string, unknown>) => Record<string, unknown>): SignedCollectorAnswer => ({
  ...answer,
  payload: canonicalJson(change(JSON.parse(answer.payload) as Record<string, unknown>))
});

describe('a signed collector answer', () => {
  it('verifies with the collector public key and binds the report, its bytes, the installation and the collector key', async () => {
    const content = receipt();
    const answer = await signer.sign(content);
    const checked = verifyCollectorAnswer(answer, collectorKey.publicKey);

    expect(checked).toEqual({ ok: true, answer, payload: { ...content, collectorKeyFingerprint: keyFingerprint(collectorKey.publicKey) } });
    expect(answer).toMatchObject({ format: 'usage-reporting/collector-answer', version: 1, kind: 'report-receipt', keyFingerprint: signer.fingerprint });
    // The signed bytes are the canonical JSON of the payload, nothing looser.
    expect(answer.payload).toBe(canonicalJson(JSON.parse(answer.payload)));
  });

  it('is the same bytes when the same fact is signed again, so a repeat is one receipt, not two', async () => {
    const content = receipt();
    expect(serializeCollectorAnswer(await signer.sign(content))).toBe(serializeCollectorAnswer(await signer.sign(content)));
  });

  it('reads from the file text the admin pastes, and the file is named after the receipt', async () => {
    const content = receipt();
    const file = serializeCollectorAnswer(await signer.sign(content));
    const checked = verifyCollectorAnswer(file, collectorKey.publicKey);
    expect(checked.ok && collectorAnswerFileName(checked.payload)).toBe(`usage-report-receipt-${content.kind === 'report-receipt' ? content.receiptId : ''}.json`);
  });

  it('fails with another collector key, saying which key signed it', async () => {
    const other = generateInstallationKeyPair();
    const checked = verifyCollectorAnswer(await signer.sign(receipt()), other.publicKey);
    expect(checked).toEqual({ ok: false, reason: 'wrong-key', message: expect.stringContaining(signer.fingerprint) });
  });

  it('fails when another key signs an answer that names the configured key', async () => {
    const forger = collectorAnswerSigner(generateInstallationKeyPair());
    const forged = await forger.sign(receipt());
    const renamed = withPayload({ ...forged, keyFingerprint: signer.fingerprint }, (p) => ({ ...p, collectorKeyFingerprint: signer.fingerprint }));
    expect(verifyCollectorAnswer(renamed, collectorKey.publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('fails when any byte of the payload or the signature changes', async () => {
    const answer = await signer.sign(receipt());
    const changedDigest = withPayload(answer, (p) => ({ ...p, digest: sha256Hex(`${reportText} `) }));
    expect(verifyCollectorAnswer(changedDigest, collectorKey.publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });

    for (let i = 0; i < answer.payload.length; i += 7) {
      const flipped = answer.payload.slice(0, i) + String.fromCharCode(answer.payload.charCodeAt(i) ^ 1) + answer.payload.slice(i + 1);
      expect(verifyCollectorAnswer({ ...answer, payload: flipped }, collectorKey.publicKey).ok).toBe(false);
    }
    const last = answer.signature.at(-2) === 'A' ? 'B' : 'A';
    const badSignature = { ...answer, signature: `${answer.signature.slice(0, -2)}${last}${answer.signature.slice(-1)}` };
    expect(verifyCollectorAnswer(badSignature, collectorKey.publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('fails when the outer kind is changed, though the payload is intact', async () => {
    const answer = await signer.sign(receipt());
    expect(verifyCollectorAnswer({ ...answer, kind: 'deletion-acknowledgement' }, collectorKey.publicKey)).toMatchObject({ ok: false, reason: 'invalid-payload' });
  });

  it('checks what the caller expects: the report, its bytes, the installation, the kind', async () => {
    const content = receipt();
    const answer = await signer.sign(content);
    const reportId = content.kind === 'report-receipt' ? content.reportId : '';
    expect(verifyCollectorAnswer(answer, collectorKey.publicKey, { kind: 'report-receipt', installationId, reportId, digest: sha256Hex(reportText) }).ok).toBe(true);
    expect(verifyCollectorAnswer(answer, collectorKey.publicKey, { reportId: randomUUID() })).toMatchObject({ ok: false, reason: 'mismatch', message: 'The answer is about another report.' });
    expect(verifyCollectorAnswer(answer, collectorKey.publicKey, { digest: sha256Hex('other bytes') })).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(verifyCollectorAnswer(answer, collectorKey.publicKey, { installationId: randomUUID() })).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(verifyCollectorAnswer(answer, collectorKey.publicKey, { kind: 'deletion-acknowledgement' })).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('says a file that is no answer is unreadable, and never throws', () => {
    for (const input of ['{"format":', '{}', 42, null, { format: 'usage-reporting/hand-over', version: 1 }]) {
      expect(verifyCollectorAnswer(input, collectorKey.publicKey)).toMatchObject({ ok: false, reason: 'unreadable' });
    }
  });

  it('signs every kind of answer the collector gives, and each verifies as its kind', async () => {
    const contents: CollectorAnswerContent[] = [
      { kind: 'deletion-acknowledgement', acknowledgementId: randomUUID(), installationId, deletedReports: 3, acknowledgedAt: '2026-12-03T10:15:00.000Z', retained: ['the key chain'] },
      { kind: 'restriction-acknowledgement', installationId, restrictedPurposes: ['troubleshooting'], updatedAt: '2026-12-03T10:15:00.000Z' },
      { kind: 'retraction-acknowledgement', acknowledgementId: randomUUID(), installationId, reportId: randomUUID(), retractedAt: '2026-12-03T10:15:00.000Z', deletedReports: 1 },
      {
        kind: 'installation-export',
        installationId,
        exportedAt: '2026-12-03T10:15:00.000Z',
        export: {
          installationId,
          exportedAt: '2026-12-03T10:15:00.000Z',
          keyChain: [],
          restrictions: { installationId, restrictedPurposes: [], updatedAt: null },
          reports: [],
          deletions: [],
          retractions: [],
          recentNonces: []
        }
      }
    ];
    for (const content of contents) {
      const checked = verifyCollectorAnswer(await signer.sign(content), collectorKey.publicKey, { kind: content.kind, installationId });
      expect(checked).toMatchObject({ ok: true, payload: content });
    }
  });
});

describe('the collector public key, as the vendor configures it', () => {
  it('is the raw key the collector prints, or the same key as a PEM block', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } });
    const raw = privateKey.subarray(privateKey.length - 32).toString('base64url');
    const fromPem = collectorPublicKeyFrom(publicKey);
    expect(fromPem.ok).toBe(true);
    if (!fromPem.ok) return;
    const pair = { publicKey: fromPem.publicKey, privateKey: raw };
    const answer = await collectorAnswerSigner(pair).sign(receipt());
    expect(verifyCollectorAnswer(answer, publicKey).ok).toBe(true);
    expect(verifyCollectorAnswer(answer, `  ${fromPem.publicKey}\n`).ok).toBe(true);
  });

  it('refuses a key that is neither, and an RSA key, as an invalid configured key', async () => {
    const answer = await signer.sign(receipt());
    expect(verifyCollectorAnswer(answer, 'not a key')).toMatchObject({ ok: false, reason: 'invalid-key' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expect(verifyCollectorAnswer(answer, rsa.publicKey)).toMatchObject({ ok: false, reason: 'invalid-key', message: expect.stringContaining('rsa key, not Ed25519') });
  });

  it('refuses to sign with halves that are not one key pair', () => {
    expect(() => collectorAnswerSigner({ publicKey: generateInstallationKeyPair().publicKey, privateKey: collectorKey.privateKey })).toThrow('does not belong');
  });
});

describe('the direct answers still read as before, with the signed answer beside them', () => {
  it('a receipt without a signed answer (an older collector) and with one both parse', async () => {
    const plain = { receiptId: randomUUID(), reportId: randomUUID(), receivedAt: '2026-12-03T10:15:00.000Z', digest: sha256Hex(reportText), duplicate: false };
    expect(receiptSchema.parse(plain)).toEqual(plain);
    const signedAnswer = await signer.sign(receipt());
    expect(receiptSchema.parse({ ...plain, signedAnswer })).toEqual({ ...plain, signedAnswer });
    expect(signedCollectorAnswerSchema.parse(signedAnswer)).toEqual(signedAnswer);
  });
});
