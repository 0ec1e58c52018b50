import type { ResolverName } from '@usage-reporting/core/api';
import { getContext } from '../context/get-context';
import { previewCorrection, retractReport, sendCorrection } from './corrections';
import { acceptFormat, getLedger, setConsent, setRestrictions, withdraw } from './consent';
import { eraseData, exportData, requestVendorDeletion, requestVendorExport, restrictVendorProcessing } from './data-rights';
import type { ResolverHandler } from './define';
import { getHistory } from './get-history';
import { getHistoryEntry } from './get-history-entry';
import { loadAdminPage } from './load-admin-page';
import { preview } from './preview';
import { sendReport } from './send-report';
import { setRetention } from './set-retention';

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
  exportData,
  eraseData,
  requestVendorExport,
  requestVendorDeletion,
  restrictVendorProcessing,
  previewCorrection,
  sendCorrection,
  retractReport
};

/** Every registered resolver name, for the entry point and for tests that enumerate them all. */
export const registeredResolverNames = Object.keys(resolverRegistry) as ResolverName[];
