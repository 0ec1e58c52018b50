import type { VerifiedAnswer } from '@usage-reporting/core/api';
import { verifyCollectorAnswer, type CollectorPublicKey, type ExpectedAnswer } from '@usage-reporting/core/node';
import type { CollectorAnswerPayload } from '@usage-reporting/core/collector-api';

export type AnswerCheck = { ok: true; verified: VerifiedAnswer; payload: CollectorAnswerPayload } | { ok: false; message: string };

/**
 * Checks a collector answer (object or file text) against the configured collector key and what it
 * must be about. What the app records of it is the signed answer itself, so the proof stays checkable.
 */
export function checkAnswer(answer: unknown, key: CollectorPublicKey, expected: ExpectedAnswer, now: Date): AnswerCheck {
  if (!key.ok) return { ok: false, message: `The collector's answer cannot be verified: ${key.message}.` };
  if (answer === undefined) return { ok: false, message: "The collector's answer carries no signature, so it proves nothing." };
  const result = verifyCollectorAnswer(answer, key.publicKey, expected);
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, verified: { answer: result.answer, collectorKeyFingerprint: key.fingerprint, verifiedAt: now.toISOString() }, payload: result.payload };
}
