import { useCallback, useState, type FormEvent } from 'react';
import type { AdminPageOutput } from '@usage-reporting/core/api';
import { allPurposes, type Purpose } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { SupportDetails } from '../../components/SupportDetails.js';
import { VendorDeletionStatus } from '../../components/VendorDeletionStatus.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';
import { DocumentAction } from './DocumentAction.js';
import { VendorDeletionDialog } from './VendorDeletionDialog.js';

/** The admin's rights over what the vendor already holds: a copy, deletion, and limits on its use. */
export function VendorRequests({ page, refresh, refreshing }: { page: AdminPageOutput; refresh: () => Promise<void>; refreshing: boolean }) {
  const client = useClient();
  const { t } = useI18n();
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
      <h3 id="vendor-title">{t('data.vendor.heading')}</h3>
      <DocumentAction
        label={t('data.vendor.export.button')}
        busyLabel={t('data.vendor.export.busy')}
        doneText={t('data.vendor.export.done')}
        fetchDocument={fetchVendorExport}
      />
      <div className="document-action">
        <button type="button" className="button" disabled={deletion.state.status === 'running' || confirming} onClick={() => setConfirming(true)}>
          {t('data.vendor.delete.button')}
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
  const { t, formatDateTime } = useI18n();
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
      <h4 id="vendor-restrict-title">{t('data.vendor.restrict.heading')}</h4>
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
      </fieldset>
      {current && (
        <p role="status" className="subtle" data-testid="vendor-restriction" data-status={current.status}>
          {current.status === 'acknowledged' && current.acknowledgedAt
            ? t('data.vendor.restrict.confirmed', { time: formatDateTime(current.acknowledgedAt) })
            : t('data.vendor.restrict.waiting', { time: formatDateTime(current.requestedAt) })}
        </p>
      )}
      {current?.lastError && <SupportDetails text={current.lastError} />}
      {save.state.status === 'failed' && <ErrorMessage error={save.state.error} title={t('data.vendor.restrict.failed')} />}
      <button type="submit" className="button" disabled={save.state.status === 'running'}>
        {t('data.vendor.restrict.save')}
      </button>
    </form>
  );
}
