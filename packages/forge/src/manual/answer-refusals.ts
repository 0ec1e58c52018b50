import { fail, refusal, type Envelope, type RefusalCode } from '@usage-reporting/core/api';

/**
 * The English of each refusal of a collector answer, for logs and the vendor's support (the error's
 * `message`); the admin reads the same refusal in their own language from its notice code.
 */
const english: Record<RefusalCode, string> = {
  'answer.refused.retraction': 'This acknowledges a retraction, and this site hands over no retractions.',
  'answer.refused.receiptNotHandedOver': 'The receipt is for a report this site did not hand over.',
  'answer.refused.receiptOtherBytes': 'The receipt is for other bytes than the report this site handed over.',
  'answer.refused.receiptOtherCorrection': 'The receipt is for a correction this site did not hand over.',
  'answer.refused.noDeletionWaiting': 'No deletion request from this site is waiting for an answer: make a deletion request file first.',
  'answer.refused.earlierDeletion': 'This acknowledgement answers an earlier deletion request, not the one waiting now: hand over the latest request file.',
  'answer.refused.noRestrictionAsked': 'This site has not asked the vendor to restrict anything.',
  'answer.refused.otherPurposes': 'The acknowledgement confirms another set of purposes than this site last asked for: hand over the latest request file.',
  'answer.refused.earlierRestriction': 'This acknowledgement answers an earlier restriction request, not the one waiting now: hand over the latest request file.',
  'answer.refused.noExportRequest': 'This site has not handed over an export request.',
  'answer.refused.earlierExport': 'This export answers an earlier request, not the one this site handed over last.'
};

/** A genuine answer this site cannot use: nothing is recorded, and the admin is told why. */
export const refuseAnswer = (code: RefusalCode): Envelope<never> => fail('ANSWER_NOT_VERIFIED', `${english[code]} Nothing was recorded.`, refusal(code));

/** An answer that did not verify (its signature, its key, what it is about): the check's own words, for support. */
export const unverifiedAnswer = (message: string): Envelope<never> => fail('ANSWER_NOT_VERIFIED', `${message} Nothing was recorded.`);
