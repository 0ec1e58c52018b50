import type { Cadence, Category, ConsentMode, Purpose } from '../../../../shared/catalog/vocabulary';
import type { WithheldReason } from '../../../../shared/report/schema';

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
  off: "Don't send"
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
