import type { ResolverName } from '@usage-reporting/core/api';
import { getContext } from '../context/get-context.js';
import { previewCorrection, retractReport, sendCorrection } from './corrections.js';
import { acceptFormat, getLedger, setConsent, setRestrictions, withdraw } from './consent.js';
import { eraseData, exportData, requestVendorDeletion, requestVendorExport, restrictVendorProcessing } from './data-rights.js';
import type { ResolverHandler } from './define.js';
import { getHistory } from './get-history.js';
import { getHistoryEntry } from './get-history-entry.js';
import { getLedgerNames } from './ledger-names.js';
import { loadAdminPage } from './load-admin-page.js';
import { acceptCollectorAnswer, downloadHandOver, getVendorExport, handOverReport, prepareRightsRequest } from './manual-delivery.js';
import { preview } from './preview.js';
import { sendReport } from './send-report.js';
import { setRetention } from './set-retention.js';

/**
 * One handler per contract entry. A contract entry without a handler (or a handler without an entry)
 * fails the type check here, so the page can never call a resolver the backend does not define.
 */
export type ResolverRegistry = { [N in ResolverName]: ResolverHandler<N> };

export const resolverRegistry: ResolverRegistry = {
  getContext,
  loadAdminPage,
  preview,
  sendReport,
  setRetention,
  getHistory,
  getHistoryEntry,
  setConsent,
  acceptFormat,
  setRestrictions,
  withdraw,
  getLedger,
  getLedgerNames,
  exportData,
  eraseData,
  requestVendorExport,
  requestVendorDeletion,
  restrictVendorProcessing,
  previewCorrection,
  sendCorrection,
  retractReport,
  handOverReport,
  downloadHandOver,
  prepareRightsRequest,
  acceptCollectorAnswer,
  getVendorExport
};

/** Every registered resolver name, for the entry point and for tests that enumerate them all. */
export const registeredResolverNames = Object.keys(resolverRegistry) as ResolverName[];
