import { useCallback, useState } from 'react';
import type { AdminPageOutput, RightsRequestInput } from '@usage-reporting/core/api';
import { allPurposes, type Purpose } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { VendorDeletionStatus } from '../../components/VendorDeletionStatus.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';
import { downloadFile } from '../../lib/download-file.js';
import { DocumentAction } from '../data/DocumentAction.js';
import { AnswerBox } from './AnswerBox.js';

/**
 * The admin's rights over what the vendor holds, in manual delivery: each request is a signed file to
 * hand over like a report, and the vendor's signed answer is pasted back and verified here.
 */
export function ManualVendorRequests({ page, refresh, refreshing }: { page: AdminPageOutput; refresh: () => Promise<void>; refreshing: boolean }) {
  const client = useClient();
  const { t, rich, formatDateTime } = useI18n();
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
      <h3 id="vendor-title">{t('data.vendor.heading')}</h3>
      <p>{t('manualRights.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void make({ kind: 'export' })}>
          {t('manualRights.export')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void make({ kind: 'delete' })}>
          {t('manualRights.delete')}
        </button>
      </div>
      <fieldset>
        <legend>{t('data.vendor.restrict.legend')}</legend>
        {allPurposes.map((purpose) => (
          <p className="choice" key={purpose}>
            <input
              type="checkbox"
              id={`vendor-restrict-${purpose}`}
              checked={restricted.includes(purpose)}
              onChange={(e) => setRestricted(e.target.checked ? [...restricted, purpose] : restricted.filter((p) => p !== purpose))}
            />
            <label htmlFor={`vendor-restrict-${purpose}`}>{t(`purpose.${purpose}.label`)}</label>
          </p>
        ))}
        <button type="button" className="button" disabled={busy} onClick={() => void make({ kind: 'restrict', restrictedPurposes: allPurposes.filter((p) => restricted.includes(p)) })}>
          {t('manualRights.restrict')}
        </button>
      </fieldset>
      {prepare.state.status === 'failed' && <ErrorMessage error={prepare.state.error} title={t('manualRights.failed')} />}
      {prepare.state.status === 'done' && (
        <p className="notice notice-success" role="status" data-testid="rights-file">
          {rich('manualRights.saved', { fileName: <code>{prepare.state.data.fileName}</code> })}
        </p>
      )}
      {page.delivery.rightsRequests.length > 0 && (
        <ul className="rights-requests" data-testid="rights-requests">
          {page.delivery.rightsRequests.map((r) => (
            <li key={r.kind} data-kind={r.kind} data-answered={r.answeredAt ? 'true' : 'false'}>
              {r.answeredAt && r.collectorKeyFingerprint
                ? rich(r.fileName ? 'manualRights.status.handedOverAnswered' : 'manualRights.status.requestedAnswered', {
                    kind: t(`manualRights.kind.${r.kind}`),
                    requested: formatDateTime(r.requestedAt),
                    answered: formatDateTime(r.answeredAt),
                    fingerprint: <code>{r.collectorKeyFingerprint}</code>
                  })
                : t(r.fileName ? 'manualRights.status.handedOverWaiting' : 'manualRights.status.requestedWaiting', {
                    kind: t(`manualRights.kind.${r.kind}`),
                    requested: formatDateTime(r.requestedAt)
                  })}
            </li>
          ))}
        </ul>
      )}
      {page.vendorDeletion && <VendorDeletionStatus deletion={page.vendorDeletion} onCheck={() => void refresh()} checking={refreshing} />}
      {page.delivery.vendorExport && (
        <DocumentAction
          label={t('manualRights.vendorCopy.button')}
          busyLabel={t('manualRights.vendorCopy.busy')}
          doneText={t('manualRights.vendorCopy.done')}
          fetchDocument={fetchKept}
        />
      )}
      <AnswerBox onAccepted={refresh} label={t('manualRights.answerLabel')} />
    </section>
  );
}
