import type { ReportTransport } from './report-transport.js';
import type { RightsClient } from './rights-client.js';

/**
 * The transports of a manual-delivery app: it declares no egress, so nothing may try. Every path that
 * would send (a retry, a withdrawal's deletion request, a correction) is routed to a file instead
 * before it gets here; reaching these is a bug, answered as a refusal that leaves nothing half done.
 */
const reason = 'this app delivers by hand-over files (manual delivery): it never connects to the collector';

export const noEgressTransport: ReportTransport = {
  send: () => Promise.resolve({ kind: 'rejected', reason })
};

export const noEgressRights: RightsClient = {
  deleteData: () => Promise.resolve({ kind: 'rejected', reason }),
  exportData: () => Promise.resolve({ kind: 'rejected', reason }),
  restrict: () => Promise.resolve({ kind: 'rejected', reason }),
  retract: () => Promise.resolve({ kind: 'rejected', reason })
};
