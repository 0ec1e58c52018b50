import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectorAnswerSigner, verifyCollectorAnswer } from '@usage-reporting/core/node';
import { readCollectorEnv } from '../src/config';
import { defaultKeyFile, generateSigningKeyPem, loadOrCreateKeyFile, parseSigningKey, resolveSigningKey } from '../src/receipts/signing-key';

describe("the collector's signing key", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'collector-key-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a PKCS#8 PEM and the same key as base64 DER, and signs answers its public half verifies', async () => {
    const pem = generateSigningKeyPem();
    const der = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const fromPem = parseSigningKey(pem);
    const fromDer = parseSigningKey(der);
    expect(fromPem.ok && fromDer.ok && fromPem.key).toEqual(fromDer.ok && fromDer.key);
    if (!fromPem.ok) return;
    const answer = await collectorAnswerSigner(fromPem.key).sign({ kind: 'restriction-acknowledgement', installationId: '6f1c2b3a-4d5e-8f60-9a1b-2c3d4e5f6a7b', restrictedPurposes: [], updatedAt: '2026-12-03T10:00:00.000Z' });
    expect(verifyCollectorAnswer(answer, fromPem.key.publicKey).ok).toBe(true);
  });

  it('refuses what is not an unencrypted Ed25519 PKCS#8 key, without quoting it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).privateKey;
    expect(parseSigningKey(rsa)).toEqual({ ok: false, message: 'is a rsa key; the collector signs with Ed25519' });
    expect(parseSigningKey('-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----')).toMatchObject({ ok: false, message: expect.stringContaining('encrypted') });
    const garbage = parseSigningKey('c2VjcmV0LXZhbHVl');
    expect(garbage).toEqual({ ok: false, message: 'is not a PKCS#8 private key (a PEM block, or its DER as base64)' });
  });

  it('is made on first use in a file only its owner reads, and the same key is read back after', () => {
    const path = join(dir, 'keys', 'collector-signing-key.pem');
    const first = loadOrCreateKeyFile(path);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = loadOrCreateKeyFile(path);
    expect(second).toEqual({ ok: true, created: false, key: first.ok ? first.key : null });
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('is not made where making it is not allowed (the CLI ingesting against a collector that has none)', () => {
    expect(loadOrCreateKeyFile(join(dir, 'missing.pem'), false)).toEqual({ ok: false, message: `${join(dir, 'missing.pem')} does not exist` });
  });

  it('comes from COLLECTOR_SIGNING_KEY, else COLLECTOR_SIGNING_KEY_FILE, else a file beside the database', () => {
    const pem = generateSigningKeyPem();
    const inline = resolveSigningKey({ COLLECTOR_SIGNING_KEY: pem, COLLECTOR_DB: join(dir, 'c.db') });
    expect(inline).toMatchObject({ ok: true, source: 'COLLECTOR_SIGNING_KEY', created: false });

    const file = join(dir, 'named.pem');
    writeFileSync(file, pem);
    const named = resolveSigningKey({ COLLECTOR_SIGNING_KEY_FILE: file, COLLECTOR_DB: join(dir, 'c.db') });
    expect(named).toEqual({ ok: true, key: inline.ok ? inline.key : null, source: file, created: false });

    const beside = resolveSigningKey({ COLLECTOR_DB: join(dir, 'data', 'collector.db') });
    expect(beside).toMatchObject({ ok: true, source: join(dir, 'data', 'collector-signing-key.pem'), created: true });

    expect(resolveSigningKey({ COLLECTOR_DB: ':memory:' })).toMatchObject({ ok: true, created: true, source: expect.stringContaining('this process only') });
    // PostgreSQL: no SQLite file to keep it beside, so the working directory (resolved against it when read).
    expect(defaultKeyFile({ COLLECTOR_DB: '.data/collector.db', COLLECTOR_DATABASE_URL: 'postgres://db.example/collector' })).toBe('collector-signing-key.pem');
    expect(resolveSigningKey({ COLLECTOR_SIGNING_KEY: pem, COLLECTOR_SIGNING_KEY_FILE: file, COLLECTOR_DB: ':memory:' })).toEqual({ ok: false, message: 'set COLLECTOR_SIGNING_KEY or COLLECTOR_SIGNING_KEY_FILE, not both' });
    expect(resolveSigningKey({ COLLECTOR_SIGNING_KEY: 'nonsense', COLLECTOR_DB: ':memory:' })).toMatchObject({ ok: false, message: expect.stringMatching(/^COLLECTOR_SIGNING_KEY is not a PKCS#8/) });
  });

  it('is configured through the environment with the hand-over window', () => {
    expect(readCollectorEnv({})).toMatchObject({ ok: true, env: { COLLECTOR_HAND_OVER_DAYS: 30 } });
    expect(readCollectorEnv({ COLLECTOR_SIGNING_KEY_FILE: '/etc/collector/key.pem', COLLECTOR_HAND_OVER_DAYS: '7' })).toMatchObject({
      ok: true,
      env: { COLLECTOR_SIGNING_KEY_FILE: '/etc/collector/key.pem', COLLECTOR_HAND_OVER_DAYS: 7 }
    });
    expect(readCollectorEnv({ COLLECTOR_HAND_OVER_DAYS: '0' })).toMatchObject({ ok: false, message: expect.stringContaining('COLLECTOR_HAND_OVER_DAYS') });
  });
});
