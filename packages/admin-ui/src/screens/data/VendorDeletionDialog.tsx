import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { ActionState } from '../../hooks/useAction.js';

/**
 * The confirmation before asking the vendor to delete: what goes, what stays and why, and what
 * happens if the vendor cannot be reached. One click used to send the request at once.
 * What stays matches the collector's acknowledgement (packages/collector/src/http/rights.ts `retained`).
 */
export function VendorDeletionDialog({ state, onConfirm, onCancel }: { state: ActionState<unknown>; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog
      title="Ask the vendor to delete this site’s data?"
      confirmLabel="Ask the vendor to delete"
      danger
      busy={state.status === 'running'}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>The vendor’s collector deletes every report this site has sent. This cannot be undone.</p>
      <p>It keeps only what holds no report content: this site’s public signing keys, so it can still prove who it is; the
        limits you set on the vendor’s use of data; the acknowledgement of this deletion; and daily totals that name no site
        and hide any count of too few sites, recomputed without this site where they are still recent.</p>
      <p>Nothing changes on this site: your consent, settings and history stay as they are. Reports keep being sent if
        consent allows it; to stop them, withdraw consent.</p>
      <p>If the vendor cannot be reached now, the request is tried again every day, and this page shows where it stands.</p>
      {state.status === 'failed' && <ErrorMessage error={state.error} title="The deletion request was not made" />}
    </ConfirmDialog>
  );
}
