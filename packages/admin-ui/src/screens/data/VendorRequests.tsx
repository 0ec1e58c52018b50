import { useCallback, useState, type FormEvent } from 'react';
import type { AdminPageOutput } from '@usage-reporting/core/api';
import { allPurposes, type Purpose } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatTime } from '../../components/PreviewPanel.js';
import { SupportDetails } from '../../components/SupportDetails.js';
import { VendorDeletionStatus } from '../../components/VendorDeletionStatus.js';
import { purposeLabel } from '../../copy/labels.js';
import { useAction } from '../../hooks/useAction.js';
import { DocumentAction } from './DocumentAction.js';
import { VendorDeletionDialog } from './VendorDeletionDialog.js';

/** The admin's rights over what the vendor already holds: a copy, deletion, and limits on its use. */
export function VendorRequests({ page, refresh, refreshing }: { page: AdminPageOutput; refresh: () => Promise<void>; refreshing: boolean }) {
  const client = useClient();
  const fetchVendorExport = useCallback(() => client.requestVendorExport({}), [client]);
  const deletion = useAction(useCallback(() => client.requestVendorDeletion({}), [client]));
  const [confirming, setConfirming] = useState(false);
  const requestDeletion = async () => {
    const result = await deletion.start(undefined);
    if (!result.ok) return;
    setConfirming(false);
    await refresh();
  };

  return (
    <section aria-labelledby="vendor-title">
      <h3 id="vendor-title">Data the vendor holds</h3>
      <DocumentAction
        label="Download the vendor’s copy"
        busyLabel="Asking the vendor for its copy"
        doneText="The vendor’s copy of this site’s data was downloaded."
        fetchDocument={fetchVendorExport}
      />
      <div className="document-action">
        <button type="button" className="button" disabled={deletion.state.status === 'running' || confirming} onClick={() => setConfirming(true)}>
          Ask the vendor to delete this site’s data
        </button>
      </div>
      {confirming && <VendorDeletionDialog state={deletion.state} onConfirm={() => void requestDeletion()} onCancel={() => setConfirming(false)} />}
      {page.vendorDeletion && <VendorDeletionStatus deletion={page.vendorDeletion} onCheck={() => void refresh()} checking={refreshing} />}
      <VendorRestrictionForm key={page.vendorRestriction?.requestedAt ?? 'none'} page={page} refresh={refresh} />
    </section>
  );
}

function VendorRestrictionForm({ page, refresh }: { page: AdminPageOutput; refresh: () => Promise<void> }) {
  const client = useClient();
  const current = page.vendorRestriction;
  const [restricted, setRestricted] = useState<Purpose[]>(current?.restrictedPurposes ?? []);
  const save = useAction(useCallback((purposes: Purpose[]) => client.restrictVendorProcessing({ restrictedPurposes: purposes }), [client]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.start(allPurposes.filter((p) => restricted.includes(p)));
    if (result.ok) await refresh();
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="vendor-restrict-title">
      <h4 id="vendor-restrict-title">Limit what the vendor may do with data already sent</h4>
      <fieldset>
        <legend>The vendor may no longer use this site’s data for</legend>
        {allPurposes.map((purpose) => (
          <p className="choice" key={purpose}>
            <input
              type="checkbox"
              id={`vendor-restrict-${purpose}`}
              checked={restricted.includes(purpose)}
              onChange={(e) => setRestricted(e.target.checked ? [...restricted, purpose] : restricted.filter((p) => p !== purpose))}
            />
            <label htmlFor={`vendor-restrict-${purpose}`}>{purposeLabel[purpose]}</label>
          </p>
        ))}
      </fieldset>
      {current && (
        <p role="status" className="subtle" data-testid="vendor-restriction" data-status={current.status}>
          {current.status === 'acknowledged' && current.acknowledgedAt
            ? `The vendor confirmed this limit ${formatTime(current.acknowledgedAt)}.`
            : `Requested ${formatTime(current.requestedAt)}; waiting for the vendor to confirm.`}

        </p>
      )}
      {current?.lastError && <SupportDetails text={current.lastError} />}
      {save.state.status === 'failed' && <ErrorMessage error={save.state.error} title="The limit was not requested" />}
      <button type="submit" className="button" disabled={save.state.status === 'running'}>
        Save limits
      </button>
    </form>
  );
}
