import { z } from 'zod';
import { ed25519SignatureSchema, keyFingerprintSchema } from './fingerprint.js';

/**
 * An answer the collector signs with its own Ed25519 key, so it proves something to the app without
 * the app having talked to the collector: the ingest receipt, the deletion, restriction and retraction
 * acknowledgements, and the export document. The same signed answer travels in both delivery modes:
 * in the body of a direct HTTP answer (`signedAnswer`), and as the file the collector's upload page or
 * CLI hands back for the admin to paste into the app (manual mode).
 *
 * The payload is canonical JSON text (sorted keys, no whitespace), carried as a string so the exact
 * signed bytes survive any re-serialisation of the file around it. It names its own `kind` and the
 * fingerprint of the key that signed it (answer-payloads.ts), so neither can be swapped afterwards.
 * The signature covers this text (one line, then the payload; no trailing newline):
 *   usage-reporting/collector-answer/v1
 *   <payload>
 * The first line keeps a signature made for an answer from meaning anything else the key might sign.
 */
export const collectorAnswerFormat = 'usage-reporting/collector-answer';
export const collectorAnswerVersion = 1;
export const collectorAnswerStatementTag = 'usage-reporting/collector-answer/v1';

export const collectorAnswerKinds = ['report-receipt', 'deletion-acknowledgement', 'restriction-acknowledgement', 'retraction-acknowledgement', 'installation-export'] as const;
export const collectorAnswerKindSchema = z.enum(collectorAnswerKinds);
export type CollectorAnswerKind = z.infer<typeof collectorAnswerKindSchema>;

export const signedCollectorAnswerSchema = z.strictObject({
  format: z.literal(collectorAnswerFormat),
  version: z.literal(collectorAnswerVersion),
  kind: collectorAnswerKindSchema,
  /** Fingerprint of the collector key that signed: says which configured key to check with. */
  keyFingerprint: keyFingerprintSchema,
  /** Canonical JSON of the answer (answer-payloads.ts), exactly as signed. */
  payload: z.string().min(2),
  /** Ed25519 signature by the collector key over the statement above, base64url. */
  signature: ed25519SignatureSchema
});
export type SignedCollectorAnswer = z.infer<typeof signedCollectorAnswerSchema>;

/** The exact text the collector signs and the app verifies. */
export const collectorAnswerStatement = (payload: string): string => `${collectorAnswerStatementTag}\n${payload}`;

/** The answer as a file: indented, so an admin who opens it sees what it is; one trailing newline. */
export const serializeCollectorAnswer = (answer: SignedCollectorAnswer): string => `${JSON.stringify(answer, null, 2)}\n`;
