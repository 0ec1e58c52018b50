import type { CorrectionReceipt, DeletionAcknowledgement, InstallationExport, Receipt, Restrictions, RetractionAcknowledgement } from '@usage-reporting/core/collector-api';
import type { CollectorAnswerSigner } from '@usage-reporting/core/node';
import type { StoredReport } from '../store/store.js';

/**
 * The collector's answers as its routes send them: the fields they always had, plus `signedAnswer`,
 * the same facts signed with the collector's key (core's answer-payloads.ts). One function per answer,
 * so ingest, corrections, rights and the hand-over replay cannot sign the same fact two ways: a receipt
 * given again (a duplicate, an uploaded file seen before) is signed from the stored report alone and
 * so comes out byte for byte as it did the first time.
 */

export async function signedReceipt(signer: CollectorAnswerSigner, r: StoredReport, duplicate: boolean): Promise<Receipt> {
  const { receiptId, reportId, receivedAt, digest } = r;
  const signedAnswer = await signer.sign({ kind: 'report-receipt', receiptId, reportId, installationId: r.installationId, digest, receivedAt, supersedes: null });
  return { receiptId, reportId, receivedAt, digest, duplicate, signedAnswer };
}

export async function signedCorrectionReceipt(signer: CollectorAnswerSigner, r: StoredReport, supersedes: string, duplicate: boolean): Promise<CorrectionReceipt> {
  const { receiptId, reportId, receivedAt, digest } = r;
  const signedAnswer = await signer.sign({ kind: 'report-receipt', receiptId, reportId, installationId: r.installationId, digest, receivedAt, supersedes });
  return { receiptId, reportId, receivedAt, digest, duplicate, supersedes, signedAnswer };
}

// Fields are picked one by one, never spread: a store record with a column more must not change what is signed.

export async function signedDeletion(signer: CollectorAnswerSigner, ack: Omit<DeletionAcknowledgement, 'signedAnswer'>): Promise<DeletionAcknowledgement> {
  const { acknowledgementId, installationId, deletedReports, acknowledgedAt, retained } = ack;
  const fact = { acknowledgementId, installationId, deletedReports, acknowledgedAt, retained };
  return { ...fact, signedAnswer: await signer.sign({ kind: 'deletion-acknowledgement', ...fact }) };
}

export async function signedRetraction(signer: CollectorAnswerSigner, ack: Omit<RetractionAcknowledgement, 'signedAnswer'>): Promise<RetractionAcknowledgement> {
  const { acknowledgementId, installationId, reportId, retractedAt, deletedReports } = ack;
  const fact = { acknowledgementId, installationId, reportId, retractedAt, deletedReports };
  return { ...fact, signedAnswer: await signer.sign({ kind: 'retraction-acknowledgement', ...fact }) };
}

export async function signedRestrictions(signer: CollectorAnswerSigner, set: { installationId: string; restrictedPurposes: Restrictions['restrictedPurposes']; updatedAt: string }): Promise<Restrictions> {
  const { installationId, restrictedPurposes, updatedAt } = set;
  return { installationId, restrictedPurposes, updatedAt, signedAnswer: await signer.sign({ kind: 'restriction-acknowledgement', installationId, restrictedPurposes, updatedAt }) };
}

export async function signedExport(signer: CollectorAnswerSigner, document: Omit<InstallationExport, 'signedAnswer'>): Promise<InstallationExport> {
  const signedAnswer = await signer.sign({ kind: 'installation-export', installationId: document.installationId, exportedAt: document.exportedAt, export: document });
  return { ...document, signedAnswer };
}
