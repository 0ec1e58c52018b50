import { useCallback } from 'react';
import type { AdminPageOutput, EraseOutput } from '@usage-reporting/core/api';
import { useClient } from '../api/client-context.js';
import { useI18n } from '../i18n/index.js';
import { DocumentAction } from './data/DocumentAction.js';
import { EraseSection } from './data/EraseSection.js';
import { LedgerTable } from './data/LedgerTable.js';
import { VendorRequests } from './data/VendorRequests.js';
import { ManualVendorRequests } from './manual/ManualVendorRequests.js';

/** The admin's data rights on this site and at the vendor, and the record of every consent change. */
export function YourDataTab({ page, refresh, refreshing, onErased }: {
  page: AdminPageOutput;
  refresh: () => Promise<void>;
  refreshing: boolean;
  onErased: (result: EraseOutput) => void;
}) {
  const client = useClient();
  const { t } = useI18n();
  const fetchExport = useCallback(() => client.exportData({}), [client]);
  const ledgerVersion = `${page.consent.revision}:${page.history.length}:${page.vendorDeletion?.status ?? '-'}:${page.settings.retentionDays}`;
  return (
    <div className="data-tab">
      <section aria-labelledby="export-title">
        <h3 id="export-title">{t('data.export.heading')}</h3>
        <p>{t('data.export.text')}</p>
        <DocumentAction label={t('data.export.button')} busyLabel={t('data.export.busy')} doneText={t('data.export.done')} fetchDocument={fetchExport} />
      </section>
      {page.delivery.mode === 'manual' ? (
        <ManualVendorRequests page={page} refresh={refresh} refreshing={refreshing} />
      ) : (
        <VendorRequests page={page} refresh={refresh} refreshing={refreshing} />
      )}
      <EraseSection onErased={onErased} />
      <LedgerTable revision={ledgerVersion} />
    </div>
  );
}
