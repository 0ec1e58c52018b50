import { z } from 'zod';
import { handOverKindSchema } from './hand-over.js';
import { signedCollectorAnswerSchema } from './signed-answer.js';

/**
 * POST /upload: one hand-over file (hand-over.ts), its text as the body, content-type application/json.
 * The collector replays the request inside through the route a direct send reaches, and answers with
 * that route's signed answer (signed-answer.ts) in this body: as the object, and as the exact text of
 * the file to hand back, under the name to save it as. A refusal is the collector's error body
 * (errors.ts) with the status the direct route gave, worded for the person holding the file.
 *
 * With `?as=file` the answer file itself is the body (content-disposition: attachment), for curl.
 */
export const uploadAnswerSchema = z.strictObject({
  /** The kind of request the file held. */
  kind: handOverKindSchema,
  /** 'accepted': the request acted now; 'already-held': the collector had it (this file, or the same report sent directly) and answers as it did then. */
  outcome: z.enum(['accepted', 'already-held']),
  answer: signedCollectorAnswerSchema,
  /** serializeCollectorAnswer(answer): the bytes to save or paste into the app. */
  answerText: z.string(),
  /** collectorAnswerFileName of the answer's payload, e.g. usage-report-receipt-<receiptId>.json. */
  fileName: z.string().regex(/^usage-report-[A-Za-z0-9-]+\.json$/)
});
export type UploadAnswer = z.infer<typeof uploadAnswerSchema>;

/** Largest hand-over file the upload takes: two bodies at their limits, escaped inside JSON, with room to spare. */
export const maxHandOverFileBytes = 512 * 1024;
