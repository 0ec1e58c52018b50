import { z } from 'zod';
import { categorySchema, purposeSchema } from '../catalog/vocabulary.js';
import { consentStateSchema, restrictionsSchema, settingsSchema, catalogKeySchema } from '../report/consent.js';
import { ledgerEntrySchema } from '../report/ledger.js';
import { vendorDeletionSchema, storedReceiptSchema } from '../report/records.js';
import {
  acceptAnswerInput,
  acceptAnswerOutput,
  deliveryViewSchema,
  downloadHandOverInput,
  handOverReportOutput,
  historyEntrySchema,
  rightsRequestInput,
  rightsRequestOutput
} from './delivery.js';
import { retractNoticeSchema, sendNoticeSchema } from './notices.js';
import { productSchema } from './product.js';

/**
 * The resolver contract: every resolver's name, input schema and output schema.
 * src/ registers a handler for each entry; static/ calls them through one typed client.
 * Adding a resolver means adding an entry here, and the type checker then demands both sides.
 */
export const emptyInput = z.object({}).strict();

const digestSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const contextOutput = z.object({
  product: productSchema,
  isAdmin: z.boolean(),
  appVersion: z.string()
});
export type ContextOutput = z.infer<typeof contextOutput>;

/** What the page shows about one catalog field; descriptions come from the backend's catalog. */
export const fieldInfoSchema = z.strictObject({
  key: catalogKeySchema,
  category: categorySchema,
  purpose: purposeSchema,
  description: z.string(),
  since: z.number().int().positive(),
  valueKind: z.enum(['boolean', 'enum', 'count', 'bucket']),
  /**
   * The catalog's own translations of the description (and an enum's value labels), by BCP 47 tag:
   * the page picks the admin's language itself (describeEntry), so the backend need not know it.
   */
  translations: z.record(z.string(), z.strictObject({ description: z.string(), valueLabels: z.record(z.string(), z.string()).optional() })).optional()
});
export type FieldInfo = z.infer<typeof fieldInfoSchema>;

/** A frozen draft: exactly the bytes a per-case send would transmit, and their SHA-256. */
export const previewOutput = z.strictObject({
  draftId: z.uuid(),
  reportId: z.uuid(),
  /** The canonical JSON, exactly as it would go on the wire. */
  text: z.string(),
  digest: digestSchema,
  size: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /**
   * SHA256 fingerprint of this site's signing key. Every report and rights request is signed with it
   * (in HTTP headers, beside the bytes above), so nobody else can send or ask for data in this site's name.
   */
  signingKeyFingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/)
});
export type PreviewOutput = z.infer<typeof previewOutput>;

export const vendorRestrictionSchema = z.strictObject({
  restrictedPurposes: z.array(purposeSchema),
  status: z.enum(['pending', 'acknowledged']),
  requestedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable()
});
export type VendorRestriction = z.infer<typeof vendorRestrictionSchema>;

/** Everything the first screen needs, in one round trip. */
export const adminPageOutput = z.strictObject({
  context: contextOutput,
  consent: consentStateSchema,
  settings: settingsSchema,
  /** The format version this app version produces. */
  formatVersion: z.number().int().positive(),
  fields: z.array(fieldInfoSchema),
  /** Fields added by formats newer than consent.acceptedFormat (empty before the first consent). */
  newFields: z.array(fieldInfoSchema),
  preview: previewOutput,
  /** Most recent first. */
  history: z.array(historyEntrySchema),
  /** Reports queued for (re)transmission. */
  outboxSize: z.number().int().nonnegative(),
  vendorDeletion: vendorDeletionSchema.nullable(),
  vendorRestriction: vendorRestrictionSchema.nullable(),
  /** When the next automatic report is due (mode automatic only). */
  nextAutomaticAt: z.iso.datetime().nullable(),
  /** How reports and rights requests reach the vendor (delivery.ts): the page shows "Send" or "Hand over" by it. */
  delivery: deliveryViewSchema
});
export type AdminPageOutput = z.infer<typeof adminPageOutput>;

export const sendReportInput = z.strictObject({ draftId: z.uuid(), digest: digestSchema });
export const sendReportOutput = z.strictObject({
  reportId: z.uuid(),
  /** sent: the collector stored it; queued: retryable failure, the outbox will retry; rejected: the collector refused it. */
  outcome: z.enum(['sent', 'queued', 'rejected']),
  receipt: storedReceiptSchema.nullable(),
  /** What to tell the admin, as a code and parameters the page words in the admin's language (notices.ts). */
  notice: sendNoticeSchema,
  entry: historyEntrySchema
});
export type SendReportOutput = z.infer<typeof sendReportOutput>;

/** "Send this report" = per-case; "send automatically" = automatic + cadence; "Don't send" = off. */
export const setConsentInput = z.strictObject({
  mode: z.enum(['per-case', 'automatic', 'off']),
  cadence: z.enum(['weekly', 'monthly']).optional()
});
export const consentOutput = z.strictObject({
  consent: consentStateSchema,
  newFields: z.array(fieldInfoSchema),
  nextAutomaticAt: z.iso.datetime().nullable()
});
export type ConsentOutput = z.infer<typeof consentOutput>;

export const acceptFormatInput = z.strictObject({ version: z.number().int().positive() });
export const setRestrictionsInput = z.strictObject({ restrictions: restrictionsSchema });
export const setRetentionInput = settingsSchema;
export const settingsOutput = z.strictObject({ settings: settingsSchema });

export const withdrawInput = z.strictObject({ alsoRequestVendorDeletion: z.boolean() });
export const withdrawOutput = z.strictObject({
  consent: consentStateSchema,
  /** Reports that were waiting in the outbox and will now never leave. */
  cancelledReports: z.number().int().nonnegative(),
  vendorDeletion: vendorDeletionSchema.nullable()
});
export type WithdrawOutput = z.infer<typeof withdrawOutput>;

export const historyOutput = z.strictObject({
  entries: z.array(historyEntrySchema),
  /** Reports purged from history by retention (only counts remain). */
  purgedReports: z.number().int().nonnegative()
});
export type HistoryOutput = z.infer<typeof historyOutput>;

export const historyEntryInput = z.strictObject({ reportId: z.uuid() });
export const historyEntryOutput = z.strictObject({
  entry: historyEntrySchema,
  /** The exact bytes that left (or were queued to leave). */
  text: z.string(),
  /** The previous report's bytes, for the readable diff; null for the first report. */
  previousText: z.string().nullable(),
  previousReportId: z.uuid().nullable()
});
export type HistoryEntryOutput = z.infer<typeof historyEntryOutput>;

export const ledgerOutput = z.strictObject({ entries: z.array(ledgerEntrySchema) });
export type LedgerOutput = z.infer<typeof ledgerOutput>;

/**
 * An account in the consent ledger as the product shows it to the admin looking (asked as that admin):
 * for the page only, never stored, reported or sent. `unknown`: the product did not answer for it.
 */
export const accountNameSchema = z.strictObject({
  accountId: z.string(),
  status: z.enum(['active', 'inactive', 'closed', 'unknown']),
  displayName: z.string().nullable()
});
export type AccountName = z.infer<typeof accountNameSchema>;
export const ledgerNamesOutput = z.strictObject({ accounts: z.array(accountNameSchema) });
export type LedgerNamesOutput = z.infer<typeof ledgerNamesOutput>;

/** A JSON document for download, as text so the file holds exactly what the backend produced. */
export const documentOutput = z.strictObject({ fileName: z.string(), json: z.string() });
export type DocumentOutput = z.infer<typeof documentOutput>;

/** Erasing everything on the site is destructive: the page must send the confirmation word. */
export const eraseInput = z.strictObject({ confirm: z.literal('ERASE') });
export const eraseOutput = z.strictObject({ erasedKeys: z.number().int().nonnegative(), erasedAt: z.iso.datetime() });
export type EraseOutput = z.infer<typeof eraseOutput>;

export const vendorDeletionOutput = z.strictObject({ vendorDeletion: vendorDeletionSchema });
export type VendorDeletionOutput = z.infer<typeof vendorDeletionOutput>;

/** The complete set of purposes the vendor may no longer use this installation's data for; [] lifts all. */
export const restrictVendorInput = z.strictObject({ restrictedPurposes: z.array(purposeSchema).max(2) });
export const vendorRestrictionOutput = z.strictObject({ vendorRestriction: vendorRestrictionSchema });

/** The right to correct: a report that left, named by its id. */
export const reportRefInput = z.strictObject({ reportId: z.uuid() });
/**
 * A correction is previewed like any report (the same exact bytes and digest), for the same period as
 * the report it replaces, with today's settings; `sendCorrection` sends exactly those frozen bytes.
 */
export const correctionPreviewOutput = previewOutput.extend({ supersedes: z.uuid() });
export type CorrectionPreviewOutput = z.infer<typeof correctionPreviewOutput>;
export const retractOutput = z.strictObject({
  /** The retracted report's history entry, now carrying the vendor's acknowledgement. */
  entry: historyEntrySchema,
  /** What to tell the admin (notices.ts): how many copies the vendor deleted. */
  notice: retractNoticeSchema
});
export type RetractOutput = z.infer<typeof retractOutput>;

export const resolverContract = {
  getContext: { input: emptyInput, output: contextOutput },
  loadAdminPage: { input: emptyInput, output: adminPageOutput },
  preview: { input: emptyInput, output: previewOutput },
  sendReport: { input: sendReportInput, output: sendReportOutput },
  setConsent: { input: setConsentInput, output: consentOutput },
  acceptFormat: { input: acceptFormatInput, output: consentOutput },
  setRestrictions: { input: setRestrictionsInput, output: consentOutput },
  setRetention: { input: setRetentionInput, output: settingsOutput },
  withdraw: { input: withdrawInput, output: withdrawOutput },
  getHistory: { input: emptyInput, output: historyOutput },
  getHistoryEntry: { input: historyEntryInput, output: historyEntryOutput },
  getLedger: { input: emptyInput, output: ledgerOutput },
  /** The names of the ledger's accounts, looked up in the product as the admin viewing the page. */
  getLedgerNames: { input: emptyInput, output: ledgerNamesOutput },
  exportData: { input: emptyInput, output: documentOutput },
  eraseData: { input: eraseInput, output: eraseOutput },
  requestVendorExport: { input: emptyInput, output: documentOutput },
  requestVendorDeletion: { input: emptyInput, output: vendorDeletionOutput },
  restrictVendorProcessing: { input: restrictVendorInput, output: vendorRestrictionOutput },
  previewCorrection: { input: reportRefInput, output: correctionPreviewOutput },
  /** outcome 'sent' with the receipt, 'queued' (retried by the outbox), or 'rejected'; entry is the correction's own history entry. */
  sendCorrection: { input: sendReportInput, output: sendReportOutput },
  retractReport: { input: reportRefInput, output: retractOutput },
  /** Manual delivery (delivery.ts): the previewed bytes, signed, as a file for the admin to hand to the vendor. */
  handOverReport: { input: sendReportInput, output: handOverReportOutput },
  /** The same file again (the same bytes), or a report the daily job prepared, handed over now. */
  downloadHandOver: { input: downloadHandOverInput, output: handOverReportOutput },
  /** Manual delivery: an export, deletion or restriction request as a signed file. */
  prepareRightsRequest: { input: rightsRequestInput, output: rightsRequestOutput },
  /** The collector's signed answer (a receipt or acknowledgement) pasted or uploaded by the admin: verified, then recorded. */
  acceptCollectorAnswer: { input: acceptAnswerInput, output: acceptAnswerOutput },
  /** The vendor's export the app verified and kept. */
  getVendorExport: { input: emptyInput, output: documentOutput }
} as const;

export type ResolverContract = typeof resolverContract;
export type ResolverName = keyof ResolverContract;
export type ResolverInput<N extends ResolverName> = z.input<ResolverContract[N]['input']>;
export type ResolverOutput<N extends ResolverName> = z.infer<ResolverContract[N]['output']>;
export const resolverNames = Object.keys(resolverContract) as ResolverName[];

/**
 * The toolkit's resolvers sit in the app's own Resolver beside the app's functions, under one
 * namespace, so neither can shadow the other: the backend defines and the admin page invokes
 * `usageReporting.<name>`, both through this function.
 */
export const resolverNamespace = 'usageReporting';
export const resolverFunctionKey = (name: ResolverName): `${typeof resolverNamespace}.${ResolverName}` => `${resolverNamespace}.${name}`;
