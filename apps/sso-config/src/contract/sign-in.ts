import { z } from 'zod';

/**
 * A sign-in attempt as the provider's assertion (SAML) or ID token (OIDC) describes it, already
 * checked for a valid signature by the protocol layer. The admin page's "Test sign-in" sends one to
 * check a provider's set-up; a real assertion consumer endpoint would hand the same shape to the same
 * evaluation (login/evaluate-sign-in.ts).
 */
export const signInAttemptSchema = z.strictObject({
  providerId: z.uuid(),
  /** The issuer the assertion names: it must be the provider's entity id or issuer URL. */
  issuer: z.string().min(1).max(1024),
  /** The person's email as the provider asserts it. */
  subjectEmail: z.email().max(320),
  /** Whether the site already has an account for this person. */
  accountExists: z.boolean(),
  /** Whether the provider reports a passed multi-factor check. */
  mfaPassed: z.boolean(),
  /** The assertion's NotOnOrAfter (SAML) or `exp` (OIDC). */
  notOnOrAfter: z.iso.datetime()
});
export type SignInAttempt = z.infer<typeof signInAttemptSchema>;

/**
 * Why a sign-in failed, as a closed set: the categories an admin can act on, and the only thing
 * about a failure that is ever counted. Never the person, the provider or the assertion's contents.
 */
export const signInFailures = ['expiredAssertion', 'unknownUser', 'mfaRejected', 'configError'] as const;
export const signInFailureSchema = z.enum(signInFailures);
export type SignInFailure = z.infer<typeof signInFailureSchema>;

export const signInOutcomeSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), provisioned: z.boolean() }),
  z.strictObject({ ok: z.literal(false), failure: signInFailureSchema })
]);
export type SignInOutcome = z.infer<typeof signInOutcomeSchema>;
