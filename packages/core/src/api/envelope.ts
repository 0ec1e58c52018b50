import { z } from 'zod';
import { refusalNoticeSchema, type RefusalNotice } from './notices.js';

/**
 * The one response shape every resolver returns. The UI never sees a thrown error:
 * failures arrive as values with a stable code the page can explain in plain words.
 */
export const errorCodes = [
  'NOT_ADMIN',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'CONSENT_REQUIRED',
  'DIGEST_MISMATCH',
  'DRAFT_EXPIRED',
  'RESTRICTIONS_CHANGED',
  'PRIVACY_BLOCKED',
  'TOO_LARGE',
  'TRANSPORT',
  /** A collector answer that does not verify against the configured collector key, or is not about what this site handed over. */
  'ANSWER_NOT_VERIFIED',
  'STORAGE',
  'INTERNAL'
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * `message`: the backend's English, for logs and the vendor's support. `notice`: where the admin can act
 * on the refusal, why, as a code the page words in the admin's language (notices.ts).
 */
export const resolverErrorSchema = z.object({ code: errorCodeSchema, message: z.string(), notice: refusalNoticeSchema.optional() });
export type ResolverError = z.infer<typeof resolverErrorSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

export const envelopeSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: resolverErrorSchema })
  ]);

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, notice?: RefusalNotice): Envelope<never> => ({
  ok: false,
  error: notice === undefined ? { code, message } : { code, message, notice }
});
