import { collectorAnswerSigner, generateInstallationKeyPair, type CollectorAnswerSigner } from '@usage-reporting/core/node';
import type { VerifiedAnswer } from '@usage-reporting/core/api';

/**
 * A collector signing key of the test's own, for suites that script the collector's answers instead
 * of running it: they sign receipts as the collector would, and configure the app with its public key.
 */
export function testCollectorKey(): CollectorAnswerSigner {
  return collectorAnswerSigner(generateInstallationKeyPair());
}

/** A receipt signed by `signer`, as verified by the app: what a scripted transport returns with 'sent'. */
export async function verifiedReceipt(
  signer: CollectorAnswerSigner,
  r: { receiptId: string; reportId: string; installationId: string; digest: string; receivedAt: string }
): Promise<VerifiedAnswer> {
  const answer = await signer.sign({ kind: 'report-receipt', ...r, supersedes: null });
  return { answer, collectorKeyFingerprint: signer.fingerprint, verifiedAt: r.receivedAt };
}
