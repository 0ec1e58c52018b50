import { useState } from 'react';
import type { AdminPageOutput, EraseOutput, WithdrawOutput } from '@usage-reporting/core/api';
import { allowsSending } from '@usage-reporting/core';
import type { ClientError } from '../api/client.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { NewFieldsBanner } from '../components/NewFieldsBanner.js';
import { Tabs } from '../components/Tabs.js';
import { VendorDeletionStatus } from '../components/VendorDeletionStatus.js';
import { WithdrawDialog } from '../components/WithdrawDialog.js';
import { useI18n } from '../i18n/index.js';
import { HistoryTab } from './HistoryTab.js';
import { ReportTab } from './ReportTab.js';
import { SettingsTab } from './SettingsTab.js';
import { YourDataTab } from './YourDataTab.js';

type Section = 'report' | 'settings' | 'history' | 'data';
const sectionKeys: readonly Section[] = ['report', 'settings', 'history', 'data'];

type Outcome = { kind: 'withdrawn'; result: WithdrawOutput } | { kind: 'erased'; result: EraseOutput };

/** The admin page: status and the always-visible way to withdraw, then the four sections. */
export function AdminPage({ page, refreshing, refreshError, refresh }: {
  page: AdminPageOutput;
  refreshing: boolean;
  refreshError: ClientError | null;
  refresh: () => Promise<void>;
}) {
  const { t, rich, locale } = useI18n();
  const sections = sectionKeys.map((key) => ({ key, label: t(`page.sections.${key}`) }));
  const [section, setSection] = useState<Section>('report');
  const [withdrawing, setWithdrawing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { consent, context } = page;
  const sharing = allowsSending(consent.mode);

  const finish = async (next: Outcome) => {
    setWithdrawing(false);
    setOutcome(next);
    await refresh();
  };

  return (
    // lang: a screen reader reads German words as German.
    <main className="page" lang={locale} data-mode={consent.mode} aria-busy={refreshing}>
      <header className="page-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="subtle" data-testid="context-summary">
            {rich('page.summary', {
              product: t(`product.${context.product}`),
              version: context.appVersion,
              mode: <strong data-testid="mode-label">{t(`mode.${consent.mode}.label`)}</strong>
            })}
          </p>
        </div>
        {sharing && (
          <button type="button" className="button button-danger" onClick={() => setWithdrawing(true)}>
            {t('page.withdraw')}
          </button>
        )}
      </header>
      {withdrawing && <WithdrawDialog onCancel={() => setWithdrawing(false)} onDone={(result) => void finish({ kind: 'withdrawn', result })} />}
      {refreshError && <ErrorMessage error={refreshError} title={t('page.refreshFailed')} />}
      {outcome && <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />}
      {(page.vendorDeletion?.status === 'pending' || page.vendorDeletion?.status === 'failed') && section !== 'settings' && section !== 'data' && (
        <VendorDeletionStatus deletion={page.vendorDeletion} onCheck={() => void refresh()} checking={refreshing} />
      )}
      {sharing && page.newFields.length > 0 && <NewFieldsBanner fields={page.newFields} formatVersion={page.formatVersion} refresh={refresh} />}
      <Tabs id="section" label={t('page.sections.label')} tabs={sections} selected={section} onSelect={setSection}>
        {section === 'report' && <ReportTab page={page} refresh={refresh} />}
        {section === 'settings' && <SettingsTab page={page} refresh={refresh} refreshing={refreshing} onWithdraw={() => setWithdrawing(true)} />}
        {section === 'history' && <HistoryTab page={page} refresh={refresh} />}
        {section === 'data' && (
          <YourDataTab page={page} refresh={refresh} refreshing={refreshing} onErased={(result) => void finish({ kind: 'erased', result })} />
        )}
      </Tabs>
    </main>
  );
}

function OutcomeNotice({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const { t, formatDateTime } = useI18n();
  const text =
    outcome.kind === 'withdrawn'
      ? [
          outcome.result.cancelledReports > 0
            ? t('page.outcome.withdrawnCancelled', { count: outcome.result.cancelledReports })
            : t('page.outcome.withdrawn'),
          ...(outcome.result.vendorDeletion ? [t('page.outcome.vendorDeletionRequested')] : [])
        ].join(' ')
      : t('page.outcome.erased', { count: outcome.result.erasedKeys, time: formatDateTime(outcome.result.erasedAt) });
  return (
    <div className="notice notice-success outcome" role="status" data-testid={`outcome-${outcome.kind}`}>
      <p>{text}</p>
      <button type="button" className="button button-subtle" onClick={onDismiss}>
        {t('page.outcome.dismiss')}
      </button>
    </div>
  );
}
