import { useCallback, useState } from 'react';
import type { AdminPageOutput, RightsRequestInput, RightsRequestKind } from '@usage-reporting/core/api';
import { allPurposes, type Purpose } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatTime } from '../../components/PreviewPanel.js';
import { VendorDeletionStatus } from '../../components/VendorDeletionStatus.js';
import { purposeLabel } from '../../copy/labels.js';
import { useAction } from '../../hooks/useAction.js';
import { downloadFile } from '../../lib/download-file.js';
import { DocumentAction } from '../data/DocumentAction.js';
import { AnswerBox } from './AnswerBox.js';

const kindWords: Record<RightsRequestKind, string> = {
  export: 'Copy of the vendor’s data',
  delete: 'Deletion at the vendor',
  restrict: 'Limits on the vendor’s use'
};

/**
 * The admin's rights over what the vendor holds, in manual delivery: each request is a signed file to
 * hand over like a report, and the vendor's signed answer is pasted back and verified here.
 */
export function ManualVendorRequests({ page, refresh, refreshing }: { page: AdminPageOutput; refresh: () => Promise<void>; refreshing: boolean }) {
  const client = useClient();
  const [restricted, setRestricted] = useState<Purpose[]>(page.vendorRestriction?.restrictedPurposes ?? []);
  const prepare = useAction(useCallback((input: RightsRequestInput) => client.prepareRightsRequest(input), [client]));
  const fetchKept = useCallback(() => client.getVendorExport({}), [client]);
  const make = async (input: RightsRequestInput) => {
    const result = await prepare.start(input);
    if (result.ok) downloadFile(result.data.fileName, result.data.text, 'application/json');
    await refresh();
  };
  const busy = prepare.state.status === 'running';

  return (
    <section aria-labelledby="vendor-title" data-testid="vendor-requests-manual">
      <h3 id="vendor-title">Data the vendor holds</h3>
      <p>Each request below saves a signed request file. Hand it to the vendor like a report, then paste the vendor’s signed answer here.</p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void make({ kind: 'export' })}>
          Make an export request file
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void make({ kind: 'delete' })}>
          Make a deletion request file
        </button>
      </div>
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
        <button type="button" className="button" disabled={busy} onClick={() => void make({ kind: 'restrict', restrictedPurposes: allPurposes.filter((p) => restricted.includes(p)) })}>
          Make a restriction request file
        </button>
      </fieldset>
      {prepare.state.status === 'failed' && <ErrorMessage error={prepare.state.error} title="The request file was not made" />}
      {prepare.state.status === 'done' && (
        <p className="notice notice-success" role="status" data-testid="rights-file">
          Saved as <code>{prepare.state.data.fileName}</code>. Hand it to the vendor, then paste the answer below.
        </p>
      )}
      {page.delivery.rightsRequests.length > 0 && (
        <ul className="rights-requests" data-testid="rights-requests">
          {page.delivery.rightsRequests.map((r) => (
            <li key={r.kind} data-kind={r.kind} data-answered={r.answeredAt ? 'true' : 'false'}>
              {kindWords[r.kind]}: {r.fileName ? `handed over ${formatTime(r.requestedAt)}` : `requested ${formatTime(r.requestedAt)}`}
              {r.answeredAt && r.collectorKeyFingerprint ? (
                <>
                  ; acknowledged by the vendor {formatTime(r.answeredAt)} (collector key <code>{r.collectorKeyFingerprint}</code>)
                </>
              ) : (
                '; waiting for the vendor’s answer'
              )}
            </li>
          ))}
        </ul>
      )}
      {page.vendorDeletion && <VendorDeletionStatus deletion={page.vendorDeletion} onCheck={() => void refresh()} checking={refreshing} />}
      {page.delivery.vendorExport && (
        <DocumentAction label="Download the vendor’s copy again" busyLabel="Reading the kept copy" doneText="The vendor’s copy was downloaded." fetchDocument={fetchKept} />
      )}
      <AnswerBox onAccepted={refresh} label="Paste the vendor’s answer to a request" />
    </section>
  );
}
