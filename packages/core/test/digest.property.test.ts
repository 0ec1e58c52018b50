import { generateInstallationKeyPair, installationKeyPairSchema, signWith, verifyWith } from '../src/collector-api/identity';
import fc from 'fast-check';
import { webcrypto } from 'node:crypto';
import { canonicalJson, ledgerEntrySchema } from '../src';
import { sha256Hex } from '../src/node';

/**
 * The digest is what a per-case consent names and what the collector's receipt echoes: it must be
 * SHA-256 of exactly the UTF-8 bytes of the text, in the one spelling the ledger accepts.
 */
const hex = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('hex');

describe('sha256Hex', () => {
  test.each([
    // FIPS 180-2 test vectors, a classic pangram, and one text beyond ASCII.
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
    // Computed with coreutils sha256sum over the UTF-8 bytes c3 a9 74 c3 a9 20 f0 9f 98 80.
    ['été 😀', 'b6f737808912766258ebee9db7f560a07aee90dae75779f3009d35bb1873b4f9']
  ])('hashes %j to its known digest', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  test('hashes exactly the UTF-8 bytes of the text (checked against WebCrypto)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
        expect(sha256Hex(text)).toBe(hex(await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
      }),
      { numRuns: 200 }
    );
  });

  test("is 64 lowercase hex digits, the form a ledger entry's digest must have", () => {
    const digestSchema = ledgerEntrySchema.shape.digest;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const digest = sha256Hex(text);
        expect(digest).toMatch(/^[0-9a-f]{64}$/);
        expect(digestSchema.safeParse(digest).success).toBe(true);
      })
    );
  });

  test('two values that are equal as canonical JSON have the same digest, whatever their key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(sha256Hex(canonicalJson(reversed))).toBe(sha256Hex(canonicalJson(value)));
      })
    );
  });

  test('changing any one character of a text changes its digest', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'binary-ascii' }), fc.nat(), fc.integer({ min: 1, max: 127 }), (text, at, shift) => {
        const i = at % text.length;
        const changed = text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) + shift) % 128) + text.slice(i + 1);
        expect(sha256Hex(changed)).not.toBe(sha256Hex(text));
      })
    );
  });
});

describe('installation key pairs', () => {
  test('the raw keys taken from the generator are the pair JWK would give: they sign and verify together', () => {
    for (let i = 0; i < 20; i++) {
      const pair = generateInstallationKeyPair();
      expect(installationKeyPairSchema.parse(pair)).toEqual(pair);
      expect(verifyWith(pair.publicKey, 'the exact bytes', signWith(pair, 'the exact bytes'))).toBe(true);
      expect(verifyWith(generateInstallationKeyPair().publicKey, 'the exact bytes', signWith(pair, 'the exact bytes'))).toBe(false);
    }
  });
});
