import { z } from 'zod';

/**
 * What a resolver tells the admin, as a code and typed parameters, never as a sentence: the page
 * words each code in the admin's language (admin-ui's `explainNotice`, the catalog's `notice.*`
 * messages), so the backend need not know the language. A parameter is data shown inside the
 * translated sentence as it came: a number, or words the app cannot translate (the transport's
 * description of what went wrong, which quotes the collector's HTTP status and error code).
 */
const notice = <const C extends string, const P extends z.ZodRawShape>(code: C, params: P) =>
  z.strictObject({ code: z.literal(code), params: z.strictObject(params) });

/** The transport's own description of a failure (stored with the report as its `lastError`); null when it gave none. */
const detail = z.string().nullable();
const count = z.number().int().nonnegative();

/** How a per-case send or a correction ended, beside its `outcome`. */
export const sendNoticeSchema = z.discriminatedUnion('code', [
  notice('send.sent', {}),
  /** The collector answered, but its signed receipt did not verify: the report may have arrived, so it stays queued. */
  notice('send.receiptUnverified', { detail: z.string() }),
  notice('send.unreachable', { detail }),
  notice('send.refused', { detail }),
  /** Sharing changed (a withdrawal, say) while the report waited to leave. */
  notice('send.cancelled', { detail })
]);
export type SendNotice = z.infer<typeof sendNoticeSchema>;

/** A report signed as a file for the admin to hand over (manual delivery). */
export const handOverNoticeSchema = notice('handOver.ready', {});
export type HandOverNotice = z.infer<typeof handOverNoticeSchema>;

/** The vendor's acknowledgement of a retraction: how many copies it deleted (the report and those it had replaced). */
export const retractNoticeSchema = notice('retract.deleted', { deletedReports: count });
export type RetractNotice = z.infer<typeof retractNoticeSchema>;

/** The collector's answer the admin brought back (manual delivery), verified and recorded. */
export const answerNoticeSchema = z.discriminatedUnion('code', [
  notice('answer.receiptVerified', {}),
  notice('answer.deletionAcknowledged', { deletedReports: count }),
  notice('answer.restrictionAcknowledged', {}),
  /** `kept`: small enough to keep on the site for a later download; otherwise the admin downloads it now or never. */
  notice('answer.exportVerified', { kept: z.boolean() })
]);
export type AnswerNotice = z.infer<typeof answerNoticeSchema>;

/**
 * Why a refused call was refused, where the admin can act on it (a failed call's `error.notice`, beside
 * its code and its English `message` for support). First the answers the admin brings back by hand:
 * each says what the answer is about that this site did not ask for, and nothing was recorded.
 */
export const refusalNoticeSchema = z.discriminatedUnion('code', [
  notice('answer.refused.retraction', {}),
  notice('answer.refused.receiptNotHandedOver', {}),
  notice('answer.refused.receiptOtherBytes', {}),
  notice('answer.refused.receiptOtherCorrection', {}),
  notice('answer.refused.noDeletionWaiting', {}),
  notice('answer.refused.earlierDeletion', {}),
  notice('answer.refused.noRestrictionAsked', {}),
  notice('answer.refused.otherPurposes', {}),
  notice('answer.refused.earlierRestriction', {}),
  notice('answer.refused.noExportRequest', {}),
  notice('answer.refused.earlierExport', {})
]);
export type RefusalNotice = z.infer<typeof refusalNoticeSchema>;
export type RefusalCode = RefusalNotice['code'];
/** A refusal without parameters, by its code. */
export const refusal = (code: RefusalCode): RefusalNotice => ({ code, params: {} });

/** Every notice a resolver can answer with. */
export const noticeSchema = z.union([sendNoticeSchema, handOverNoticeSchema, retractNoticeSchema, answerNoticeSchema, refusalNoticeSchema]);
export type Notice = z.infer<typeof noticeSchema>;
export type NoticeCode = Notice['code'];

/** Every code, for checks that each one is worded in every language the page ships. */
export const noticeCodes: readonly NoticeCode[] = [
  ...sendNoticeSchema.options.map((o) => o.shape.code.value),
  handOverNoticeSchema.shape.code.value,
  retractNoticeSchema.shape.code.value,
  ...answerNoticeSchema.options.map((o) => o.shape.code.value),
  ...refusalNoticeSchema.options.map((o) => o.shape.code.value)
];
