import type { Cadence, Category, ConsentMode, Purpose } from '@usage-reporting/core';
import type { WithheldReason } from '@usage-reporting/core';
import type { LedgerAction } from '@usage-reporting/core';

/** The words the page uses for the catalog's and the consent state's closed vocabularies. */
export const categoryLabel: Record<Category, string> = {
  configuration: 'Configuration',
  usage: 'Usage'
};

export const categoryExplanation: Record<Category, string> = {
  configuration: 'How the app and the site are set up, such as the app version and the rough size of the site.',
  usage: 'How often the app is used, such as how many times this page was opened.'
};

export const purposeLabel: Record<Purpose, string> = {
  'product-improvement': 'Product improvement',
  troubleshooting: 'Troubleshooting'
};

export const purposeExplanation: Record<Purpose, string> = {
  'product-improvement': 'To decide what to build and improve next.',
  troubleshooting: 'To find and fix problems with particular versions or set-ups.'
};

export const modeLabel: Record<ConsentMode, string> = {
  'not-asked': 'Not decided yet',
  'per-case': 'Ask me each time',
  automatic: 'Send automatically',
  off: 'Don’t send'
};

export const cadenceLabel: Record<Cadence, string> = {
  weekly: 'Weekly',
  monthly: 'Monthly'
};

export const withheldReasonLabel: Record<WithheldReason, string> = {
  'restricted-category': 'You excluded this category',
  'restricted-field': 'You excluded this field',
  'restricted-purpose': 'You excluded this purpose',
  'format-not-accepted': 'New field you have not accepted yet'
};

export const describeWithheldReason = (reason: WithheldReason): string => withheldReasonLabel[reason];

export const ledgerActionLabel: Record<LedgerAction, string> = {
  'set-consent': 'Changed how reports are sent',
  'accept-format': 'Accepted new report fields',
  'set-restrictions': 'Changed what may be shared',
  withdraw: 'Withdrew consent',
  'send-per-case': 'Sent a report after reviewing it',
  'request-vendor-deletion': 'Asked the vendor to delete sent data',
  'request-vendor-export': 'Asked the vendor for its copy of the data',
  'restrict-vendor-processing': 'Restricted how the vendor may use the data',
  'set-retention': 'Changed how long history is kept',
  'erase-site-data': 'Erased the app’s data on this site',
  'correct-report': 'Sent a correction of an earlier report',
  'retract-report': 'Asked the vendor to retract a report'
};
