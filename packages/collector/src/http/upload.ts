import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  collectorAnswerFileName,
  maxHandOverFileBytes,
  routePatterns,
  serializeCollectorAnswer,
  type UploadAnswer
} from '@usage-reporting/core/collector-api';
import type { CollectorContext } from './context.js';
import { failure, sendFailure } from './errors.js';
import { isJsonContentType, rawBody } from './context.js';
import { deliverHandOver } from './hand-over.js';
import { renderUploadPage } from './upload-page.js';
import { uploadScript } from './upload-script.js';
import { uploadStyle } from './upload-style.js';

/**
 * The upload page (manual delivery mode): GET /upload serves it, POST /upload takes one hand-over file
 * (core's upload.ts) and delivers it like a direct send (hand-over.ts). The page is public: the file's
 * own signature is the credential, as a direct request's is.
 */
const pageHeaders = {
  // default-src 'self' covers the page's script, its style sheet and its one fetch; nothing inline runs.
  'content-security-policy': "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer'
};

const querySchema = z.object({ as: z.literal('file').optional() });

export function registerUpload(app: FastifyInstance, ctx: CollectorContext): void {
  const page = renderUploadPage({ collectorKeyFingerprint: ctx.answerSigner.fingerprint, handOverDays: Math.round(ctx.handOver.windowMs / 86_400_000) });
  const asset = (reply: FastifyReply, type: string, body: string) => reply.type(type).headers({ ...pageHeaders, 'cache-control': 'no-cache' }).send(body);
  app.get(routePatterns.upload, async (_request, reply) => asset(reply, 'text/html; charset=utf-8', page));
  app.get(routePatterns.uploadScript, async (_request, reply) => asset(reply, 'text/javascript; charset=utf-8', uploadScript));
  app.get(routePatterns.uploadStyle, async (_request, reply) => asset(reply, 'text/css; charset=utf-8', uploadStyle));

  app.post(routePatterns.upload, { bodyLimit: maxHandOverFileBytes }, async (request, reply) => {
    if (!isJsonContentType(request.headers['content-type'])) {
      return sendFailure(reply, failure('UNSUPPORTED_MEDIA_TYPE', "Send the file's content as the body, with content-type application/json."));
    }
    const delivered = await deliverHandOver(app, ctx, rawBody(request.body), { ip: request.ip });
    if (!delivered.ok) {
      const { code } = delivered.failure;
      // A file that does not even read proves nothing: it spends the address's budget for unauthenticated
      // traffic, as a bad signature does inside the route the file reached.
      if (code === 'HAND_OVER_UNREADABLE' || code === 'HAND_OVER_WRONG_KIND') {
        const take = ctx.unauthenticatedLimiter.take(request.ip);
        if (!take.ok) {
          reply.header('retry-after', String(take.retryAfterSeconds));
          return sendFailure(reply, failure('RATE_LIMITED', 'Too many unreadable files from this address; retry later.'));
        }
      }
      if (delivered.retryAfterSeconds !== undefined) reply.header('retry-after', String(delivered.retryAfterSeconds));
      return sendFailure(reply, delivered.failure);
    }
    const answerText = serializeCollectorAnswer(delivered.answer);
    const fileName = collectorAnswerFileName(delivered.payload);
    reply.code(delivered.status).header('cache-control', 'no-store');
    if (querySchema.safeParse(request.query).data?.as === 'file') {
      return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(answerText);
    }
    return reply.send({ kind: delivered.kind, outcome: delivered.outcome, answer: delivered.answer, answerText, fileName } satisfies UploadAnswer);
  });
}
