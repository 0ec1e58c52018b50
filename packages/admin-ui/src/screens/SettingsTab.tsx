import { useState } from 'react';
import type { AdminPageOutput } from '@usage-reporting/core/api';
import { allowsSending } from '@usage-reporting/core';
import { VendorDeletionStatus } from '../components/VendorDeletionStatus.js';
import { useI18n } from '../i18n/index.js';
import { ModeForm } from './settings/ModeForm.js';
import { RestrictionsForm } from './settings/RestrictionsForm.js';
import { RetentionForm } from './settings/RetentionForm.js';

type SettingsForm = 'mode' | 'restrictions' | 'retention';

/** Sharing mode and cadence, restrictions, retention, and the way out: withdraw. */
export function SettingsTab({ page, refresh, onWithdraw, refreshing }: {
  page: AdminPageOutput;
  refresh: () => Promise<void>;
  onWithdraw: () => void;
  refreshing: boolean;
}) {
  const { t } = useI18n();
  const { consent } = page;
  // Lives here, not in the forms: a saved form starts afresh from the new state and would lose it.
  const [saved, setSaved] = useState<{ form: SettingsForm; message: string } | null>(null);
  const savedBy = (form: SettingsForm) => (message: string) => setSaved({ form, message });
  const notice = (form: SettingsForm) =>
    saved?.form === form && (
      <p role="status" className="notice notice-success" data-testid={`saved-${form}`}>
        {saved.message}
      </p>
    );
  return (
    <div className="settings-tab">
      {/* Keyed by revision: after any saved change the forms start again from what the backend holds. */}
      <ModeForm key={`mode-${consent.revision}`} consent={consent} refresh={refresh} onSaved={savedBy('mode')} />
      {notice('mode')}
      <RestrictionsForm
        key={`restrictions-${consent.revision}`}
        restrictions={consent.restrictions}
        fields={page.fields}
        product={page.context.product}
        refresh={refresh}
        onSaved={savedBy('restrictions')}
      />
      {notice('restrictions')}
      <RetentionForm key={`retention-${page.settings.retentionDays}`} settings={page.settings} refresh={refresh} onSaved={savedBy('retention')} />
      {notice('retention')}
      <section aria-labelledby="withdraw-title">
        <h3 id="withdraw-title">{t('settings.withdraw.heading')}</h3>
        {allowsSending(consent.mode) ? (
          <>
            <p>{t('settings.withdraw.text')}</p>
            <button type="button" className="button button-danger" onClick={onWithdraw}>
              {t('settings.withdraw.button')}
            </button>
          </>
        ) : (
          <p className="subtle">{t('settings.withdraw.nothing')}</p>
        )}
        {page.vendorDeletion && <VendorDeletionStatus deletion={page.vendorDeletion} onCheck={() => void refresh()} checking={refreshing} />}
      </section>
    </div>
  );
}
