import type { FastifyInstance } from 'fastify';
import {
  collectorAnswerPayloadSchema,
  collectorErrorBodySchema,
  idempotencyKeyHeader,
  parseHandOver,
  signedCollectorAnswerSchema,
  type CollectorAnswerPayload,
  type HandOver,
  type HandOverKind,
  type HandOverRequest,
  type SignedCollectorAnswer
} from '@usage-reporting/core/collector-api';
import { sha256Hex } from '@usage-reporting/core/node';
import { signedCorrectionReceipt, signedReceipt, signedRetraction } from '../receipts/answers.js';
import type { CollectorContext } from './context.js';
import { failure, statusOf, type Failure } from './errors.js';
import { handOverHeader } from './hand-over-policy.js';

/**
 * Delivers one hand-over file (core's hand-over.ts): its request goes through the collector's own
 * routes, by `inject`, exactly as if the installation had sent it (signature, key, replay, rate
 * limits, schema, privacy guard, storage, the signed answer), with one difference the routes are told
 * of (hand-over-policy.ts): the signature may be as old as a file may be. The upload page and the CLI
 * both deliver through here, so neither can accept what the other refuses.
 */
export type HandOverOutcome =
  | { ok: true; status: number; kind: HandOverKind; outcome: 'accepted' | 'already-held'; answer: SignedCollectorAnswer; payload: CollectorAnswerPayload }
  | { ok: false; status: number; failure: Failure; retryAfterSeconds?: number };

interface Answer {
  status: number;
  json: unknown;
  retryAfter: string | undefined;
}

export async function deliverHandOver(app: FastifyInstance, ctx: CollectorContext, text: string, from: { ip: string }): Promise<HandOverOutcome> {
  const parsed = parseHandOver(text);
  if (!parsed.ok) {
    const code = parsed.problem === 'wrong-kind' || parsed.problem === 'collector-answer' ? 'HAND_OVER_WRONG_KIND' : 'HAND_OVER_UNREADABLE';
    return refused(failure(code, parsed.message));
  }
  const handOver = parsed.handOver;
  const replay = async (r: HandOverRequest): Promise<Answer> => {
    const res = await app.inject({
      method: r.method,
      url: r.path,
      headers: { ...r.headers, [handOverHeader]: ctx.handOver.token },
      remoteAddress: from.ip,
      ...(r.body === '' ? {} : { payload: r.body })
    });
    const retryAfter = res.headers['retry-after'];
    return { status: res.statusCode, json: safeJson(res.body), retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined };
  };

  let answer = await replay(handOver.request);
  // What the app does when the collector does not know its key (packages/forge transport/signed-request.ts):
  // present the chain, then the same request once more. Its nonce was not spent: the key was refused first.
  if (handOver.keyChain !== null && codeOf(answer) === 'UNAUTHENTICATED') {
    const chain = await replay(handOver.keyChain);
    if (chain.status !== 200) return refusalOf(codeOf(chain) === 'KEY_CHAIN_CONFLICT' ? chain : answer, ctx);
    answer = await replay(handOver.request);
  }
  if (answer.status === 200 || answer.status === 201) return accepted(handOver, answer);
  // The signature held and the key spoke for the installation, then the nonce was found: this file came before.
  if (codeOf(answer) === 'SIGNATURE_REPLAYED') return answerAgain(ctx, handOver);
  return refusalOf(answer, ctx);
}

function accepted(handOver: HandOver, answer: Answer): HandOverOutcome {
  const body = answer.json;
  const signed = signedCollectorAnswerSchema.safeParse(typeof body === 'object' && body !== null ? Reflect.get(body, 'signedAnswer') : undefined);
  const payload = signed.success ? collectorAnswerPayloadSchema.safeParse(safeJson(signed.data.payload)) : null;
  // Every route a file reaches signs its answer; one that did not is the collector's bug, not the file's.
  if (!signed.success || !payload?.success) return refused(failure('INTERNAL', 'The collector accepted the file but could not sign its answer; upload it again later.'));
  const duplicate = typeof body === 'object' && body !== null && Reflect.get(body, 'duplicate') === true;
  return { ok: true, status: answer.status, kind: handOver.kind, outcome: duplicate ? 'already-held' : 'accepted', answer: signed.data, payload: payload.data };
}

/**
 * A file delivered before: a report or correction the collector still holds with these very bytes,
 * and a retraction it recorded, are answered as they were then (the same signed bytes). Other rights
 * requests act once: carrying one out again from an old file could undo what the admin did since.
 */
async function answerAgain(ctx: CollectorContext, handOver: HandOver): Promise<HandOverOutcome> {
  const { installationId, kind, request } = handOver;
  const again = ({ signedAnswer }: { signedAnswer?: SignedCollectorAnswer }): HandOverOutcome => {
    if (!signedAnswer) throw new Error('receipts/answers.ts signs every answer');
    const payload = collectorAnswerPayloadSchema.parse(JSON.parse(signedAnswer.payload));
    return { ok: true, status: 200, kind, outcome: 'already-held', answer: signedAnswer, payload };
  };
  if (kind === 'report' || kind === 'correction') {
    const held = await ctx.store.reportOf(installationId, request.headers[idempotencyKeyHeader] ?? '');
    if (held === null) return refused(failure('SIGNATURE_REPLAYED', 'This file was delivered before, and the report it holds is no longer kept (it was deleted, retracted or is past retention).'));
    const supersedes = kind === 'correction' ? reportIdInPath(request.path) : null;
    if (held.digest !== sha256Hex(request.body) || held.supersedes !== supersedes) {
      return refused(failure('IDEMPOTENCY_CONFLICT', 'This file was delivered before, and the collector holds other content under its report id.'));
    }
    return again(supersedes === null ? await signedReceipt(ctx.answerSigner, held, true) : await signedCorrectionReceipt(ctx.answerSigner, held, supersedes, true));
  }
  if (kind === 'retract') {
    const reportId = reportIdInPath(request.path);
    const record = (await ctx.store.retractionsOf(installationId)).find((r) => r.reportId === reportId);
    if (record) {
      // Signed again only once logged (deletion-log/): the first delivery may have failed on the log's write.
      await ctx.deletionLog?.appendRetraction(record, []);
      return again(await signedRetraction(ctx.answerSigner, record));
    }
  }
  return refused(failure('SIGNATURE_REPLAYED', "This request file was delivered before and carried out then; a request file acts once. To ask again, make a new request on the app's Usage reporting page."));
}

/** The report a correction or retraction path names: /v1/installations/<id>/reports/<reportId>[/correction], as parseHandOver matched it. */
const reportIdInPath = (path: string): string => path.split('/')[5] ?? '';

/** The route's own refusal, reworded where the route speaks of a request and the holder has a file. */
function refusalOf(answer: Answer, ctx: CollectorContext): HandOverOutcome {
  const body = collectorErrorBodySchema.safeParse(answer.json);
  if (!body.success) return refused(failure('INTERNAL', 'The collector failed; upload the file again later.'));
  const { code, message, issues } = body.data.error;
  const days = Math.round(ctx.handOver.windowMs / 86_400_000);
  const worded: Partial<Record<typeof code, string>> = {
    UNAUTHENTICATED:
      "The file's signature does not verify: it was changed after the app made it, it is not this installation's, or it was signed with a key the installation has since replaced. Make a new file on the app's Usage reporting page.",
    SIGNATURE_EXPIRED: `The file was made more than ${days} days ago (or the clock of the site that made it is ahead), and files are taken for ${days} days. Make a new one on the app's Usage reporting page.`,
    KEY_CHAIN_CONFLICT: "The installation's key chain in the file does not continue the one the collector holds: the file is older than the installation's current key. Make a new file on the app's Usage reporting page."
  };
  const retryAfterSeconds = answer.retryAfter === undefined ? undefined : Number(answer.retryAfter);
  return { ...refused(failure(code, worded[code] ?? message, issues)), ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) };
}

const refused = (f: Failure): Extract<HandOverOutcome, { ok: false }> => ({ ok: false, status: statusOf[f.code], failure: f });

const codeOf = (answer: Answer): string | undefined => {
  const body = collectorErrorBodySchema.safeParse(answer.json);
  return body.success ? body.data.error.code : undefined;
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
