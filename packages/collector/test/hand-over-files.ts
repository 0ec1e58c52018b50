import { createHandOver, serializeHandOver, uploadAnswerSchema, type UploadAnswer } from '@usage-reporting/core/collector-api';
import { correctionRequest, generateInstallationKeyPair, reportRequest, rightsRequest, type Ed25519KeyPair, type RightsAction } from '@usage-reporting/core/node';
import type { Report } from '@usage-reporting/core';
import { bytesOf, freshNonce, testCollector, type Installation, type TestCollector } from './support';

/**
 * Hand-over files as the app makes them: the same request builders the direct transport uses
 * (core client.ts), wrapped by createHandOver, written out by serializeHandOver. `madeAt` is when the
 * app signed, defaulting to the collector's clock; a test moves the clock to hand a file over later.
 */
export interface HandOverCollector extends TestCollector {
  collectorKey: Ed25519KeyPair;
}

/** A collector whose answer-signing key the test holds, to verify its answers with. */
export function handOverCollector(options: Parameters<typeof testCollector>[0] = {}): HandOverCollector {
  const collectorKey = generateInstallationKeyPair();
  return { ...testCollector({ signingKey: collectorKey, ...options }), collectorKey };
}

const signerOf = (who: Installation, madeAt: Date) => ({ key: who.key, installationId: who.installationId, now: madeAt, nonce: freshNonce() });

async function withChain(who: Installation, madeAt: Date, withKeyChain: boolean) {
  if (!withKeyChain) return null;
  return rightsRequest({ ...signerOf(who, madeAt), action: { kind: 'present-key-chain', chain: who.chain } });
}

export async function reportFile(who: Installation, report: Report, madeAt: Date, options: { withKeyChain?: boolean } = {}): Promise<string> {
  const request = await reportRequest({ ...signerOf(who, madeAt), reportText: bytesOf(report), reportId: report.reportId });
  return serializeHandOver(createHandOver({ request, keyChainRequest: await withChain(who, madeAt, options.withKeyChain ?? false), createdAt: madeAt }));
}

export async function correctionFile(who: Installation, report: Report, supersedes: string, madeAt: Date): Promise<string> {
  const request = await correctionRequest({ ...signerOf(who, madeAt), reportText: bytesOf(report), reportId: report.reportId, supersedes });
  return serializeHandOver(createHandOver({ request, createdAt: madeAt }));
}

export async function rightsFile(who: Installation, action: RightsAction, madeAt: Date, options: { withKeyChain?: boolean } = {}): Promise<string> {
  const request = await rightsRequest({ ...signerOf(who, madeAt), action });
  return serializeHandOver(createHandOver({ request, keyChainRequest: await withChain(who, madeAt, options.withKeyChain ?? false), createdAt: madeAt }));
}

/** POSTs a file's text to the upload endpoint as the upload page does. */
export const upload = (c: TestCollector, text: string, query = '') =>
  c.app.inject({ method: 'POST', url: `/upload${query}`, headers: { 'content-type': 'application/json' }, payload: text });

/** The upload's answer, parsed by its published schema: a test fails here if the shape drifts. */
export function answerOf(res: { statusCode: number; body: string }): UploadAnswer {
  if (res.statusCode >= 300) throw new Error(`upload refused (${res.statusCode}): ${res.body}`);
  return uploadAnswerSchema.parse(JSON.parse(res.body));
}

export const errorOf = (res: { body: string }): { code: string; message: string; issues?: Array<{ path: string; message: string }> } =>
  (JSON.parse(res.body) as { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } }).error;
