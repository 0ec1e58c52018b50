/**
 * What needs node:crypto: the SHA-256 digest and the report building that computes it, the
 * installation's Ed25519 identity and key chain, RFC 9421 request signing, the signed collector
 * requests built from them, and signing and verifying the collector's answers. For a Forge backend
 * and the collector; a browser bundle imports the package's root and ./collector-api instead.
 */
export * from './collector-api/answer-signing.js';
export * from './collector-api/client.js';
export * from './collector-api/http-signature.js';
export * from './collector-api/identity.js';
export * from './collector-api/key-chain.js';
export * from './report/digest.js';
export * from './reporting/build-report.js';
