import { z } from 'zod';
import { rightsRequestKindSchema, verifiedAnswerSchema, type RightsRequestKind, type RightsRequestView, type VerifiedAnswer } from '@usage-reporting/core/api';
import { keys } from '../store/keys.js';
import { readOrThrow, write } from '../store/kvs-store.js';

/**
 * What manual delivery keeps beside the report records: each hand-over file exactly as first made (a
 * second download gives the same bytes, so the digest the admin compares never moves), the last
 * request of each rights kind with the collector's verified answer, and the vendor's export.
 */
export const handOverFileSchema = z.strictObject({ fileName: z.string(), text: z.string() });
export type HandOverFile = z.infer<typeof handOverFileSchema>;

export const loadHandOverFile = (reportId: string): Promise<HandOverFile | undefined> => readOrThrow(keys.handOver(reportId), handOverFileSchema);

export const rightsRequestRecordSchema = z.strictObject({
  kind: rightsRequestKindSchema,
  requestedAt: z.iso.datetime(),
  /** The request file (manual delivery); null for a request sent over HTTPS. */
  fileName: z.string().nullable(),
  text: z.string().nullable(),
  /** A restriction request: the complete set asked for, which the acknowledgement must confirm. */
  restrictedPurposes: z.array(z.string()).nullable(),
  answeredAt: z.iso.datetime().nullable(),
  collectorKeyFingerprint: z.string().nullable(),
  /** The verified answer; null for an export too large to keep twice (the document is kept, vendorExport). */
  answer: verifiedAnswerSchema.nullable()
});
export type RightsRequestRecord = z.infer<typeof rightsRequestRecordSchema>;

export const loadRightsRequest = (kind: RightsRequestKind): Promise<RightsRequestRecord | undefined> => readOrThrow(keys.rightsRequest(kind), rightsRequestRecordSchema);
export const saveRightsRequest = (record: RightsRequestRecord): Promise<void> => write(keys.rightsRequest(record.kind), record);

/** Records a verified answer to a rights request sent over HTTPS (direct delivery), for the page to show. */
export async function recordDirectAnswer(kind: RightsRequestKind, answer: VerifiedAnswer, now: Date): Promise<void> {
  await saveRightsRequest({
    kind,
    requestedAt: now.toISOString(),
    fileName: null,
    text: null,
    restrictedPurposes: null,
    answeredAt: now.toISOString(),
    collectorKeyFingerprint: answer.collectorKeyFingerprint,
    answer
  });
}

export async function loadRightsRequestViews(): Promise<RightsRequestView[]> {
  const views: RightsRequestView[] = [];
  for (const kind of rightsRequestKindSchema.options) {
    const r = await loadRightsRequest(kind);
    if (r) views.push(toRightsView(r));
  }
  return views;
}

export const toRightsView = (r: RightsRequestRecord): RightsRequestView => ({
  kind: r.kind,
  requestedAt: r.requestedAt,
  fileName: r.fileName,
  answeredAt: r.answeredAt,
  collectorKeyFingerprint: r.collectorKeyFingerprint,
  answer: r.answer
});

export const vendorExportSchema = z.strictObject({ exportedAt: z.iso.datetime(), receivedAt: z.iso.datetime(), fileName: z.string(), json: z.string() });
export type StoredVendorExport = z.infer<typeof vendorExportSchema>;
export const loadVendorExport = (): Promise<StoredVendorExport | undefined> => readOrThrow(keys.vendorExport, vendorExportSchema);

/** KVS values hold 240 KiB; an export larger than this is handed to the admin but not kept. */
export const maxKeptExportBytes = 200 * 1024;
