import type { Notice } from '@usage-reporting/core/api';
import { createI18n, type I18n } from '../i18n/i18n.js';

const english = createI18n();

/**
 * What the backend told the admin, in the admin's language: each notice code has its catalog
 * message (`notice.*`), and the switch covers every code or this does not compile. Parameters are
 * data: counts are formatted for the locale, the transport's own words are shown as they came.
 */
export function explainNotice(notice: Notice, i18n: Pick<I18n, 't'> = english): string {
  const { t } = i18n;
  switch (notice.code) {
    case 'send.sent':
      return t('notice.send.sent');
    case 'send.receiptUnverified':
      return t('notice.send.receiptUnverified', { detail: notice.params.detail });
    case 'send.unreachable':
      return t('notice.send.unreachable', { detail: notice.params.detail ?? t('notice.send.notAttempted') });
    case 'send.refused':
      return t('notice.send.refused', { detail: notice.params.detail ?? t('notice.send.noReason') });
    case 'send.cancelled':
      return t('notice.send.cancelled', { detail: notice.params.detail ?? t('notice.send.sharingChanged') });
    case 'handOver.ready':
      return t('notice.handOver.ready');
    case 'retract.deleted':
      return t('notice.retract.deleted', { count: notice.params.deletedReports });
    case 'answer.receiptVerified':
      return t('notice.answer.receiptVerified');
    case 'answer.deletionAcknowledged':
      return t('notice.answer.deletionAcknowledged', { count: notice.params.deletedReports });
    case 'answer.restrictionAcknowledged':
      return t('notice.answer.restrictionAcknowledged');
    case 'answer.exportVerified':
      return t(notice.params.kept ? 'notice.answer.exportVerified' : 'notice.answer.exportNotKept');
    case 'answer.refused.retraction':
    case 'answer.refused.receiptNotHandedOver':
    case 'answer.refused.receiptOtherBytes':
    case 'answer.refused.receiptOtherCorrection':
    case 'answer.refused.noDeletionWaiting':
    case 'answer.refused.earlierDeletion':
    case 'answer.refused.noRestrictionAsked':
    case 'answer.refused.otherPurposes':
    case 'answer.refused.earlierRestriction':
    case 'answer.refused.noExportRequest':
    case 'answer.refused.earlierExport':
      // Refusals take no parameters: each code is its own message.
      return t(`notice.${notice.code}`);
  }
}
