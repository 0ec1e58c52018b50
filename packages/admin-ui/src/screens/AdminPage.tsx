import { useState } from 'react';
import type { AdminPageOutput, EraseOutput, WithdrawOutput } from '@usage-reporting/core/api';
import { allowsSending } from '@usage-reporting/core';
import type { ClientError } from '../api/client.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { NewFieldsBanner } from '../components/NewFieldsBanner.js';
import { formatTime } from '../components/PreviewPanel.js';
import { Tabs } from '../components/Tabs.js';
import { VendorDeletionStatus } from '../components/VendorDeletionStatus.js';
import { WithdrawDialog } from '../components/WithdrawDialog.js';
import { modeLabel } from '../copy/labels.js';
import { productName } from '../copy/product-name.js';
import { HistoryTab } from './HistoryTab.js';
import { ReportTab } from './ReportTab.js';
import { SettingsTab } from './SettingsTab.js';
import { YourDataTab } from './YourDataTab.js';

type Section = 'report' | 'settings' | 'history' | 'data';
const sections = [
  { key: 'report', label: 'Report' },
  { key: 'settings', label: 'Settings' },
  { key: 'history', label: 'History' },
  { key: 'data', label: 'Your data' }
] as const;

type Outcome = { kind: 'withdrawn'; result: WithdrawOutput } | { kind: 'erased'; result: EraseOutput };

/** The admin page: status and the always-visible way to withdraw, then the four sections. */
export function AdminPage({ page, refreshing, refreshError, refresh }: {
  page: AdminPageOutput;
  refreshing: boolean;
  refreshError: ClientError | null;
  refresh: () => Promise<void>;
}) {
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
    <main className="page" data-mode={consent.mode} aria-busy={refreshing}>
      <header className="page-header">
        <div>
          <h1>Usage Reporting</h1>
          <p className="subtle" data-testid="context-summary">
            {productName(context.product)} · app version {context.appVersion} · Sharing: <strong data-testid="mode-label">{modeLabel[consent.mode]}</strong>
          </p>
        </div>
        {sharing && (
          <button type="button" className="button button-danger" onClick={() => setWithdrawing(true)}>
            Withdraw consent
          </button>
        )}
      </header>
      {withdrawing && <WithdrawDialog onCancel={() => setWithdrawing(false)} onDone={(result) => void finish({ kind: 'withdrawn', result })} />}
      {refreshError && <ErrorMessage error={refreshError} title="The page could not be brought up to date" />}
      {outcome && <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />}
      {(page.vendorDeletion?.status === 'pending' || page.vendorDeletion?.status === 'failed') && section !== 'settings' && section !== 'data' && (
        <VendorDeletionStatus deletion={page.vendorDeletion} onCheck={() => void refresh()} checking={refreshing} />
      )}
      {sharing && page.newFields.length > 0 && <NewFieldsBanner fields={page.newFields} formatVersion={page.formatVersion} refresh={refresh} />}
      <Tabs id="section" label="Usage Reporting sections" tabs={sections} selected={section} onSelect={setSection}>
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
  const text =
    outcome.kind === 'withdrawn'
      ? `Consent withdrawn. No more reports will be sent${
          outcome.result.cancelledReports > 0
            ? `; ${outcome.result.cancelledReports === 1 ? '1 waiting report was' : `${outcome.result.cancelledReports} waiting reports were`} cancelled`
            : ''
        }.${outcome.result.vendorDeletion ? ' The vendor has been asked to delete the data already sent.' : ''}`
      : `Everything the app stored on this site was erased (${outcome.result.erasedKeys} items, ${formatTime(outcome.result.erasedAt)}).`;
  return (
    <div className="notice notice-success outcome" role="status" data-testid={`outcome-${outcome.kind}`}>
      <p>{text}</p>
      <button type="button" className="button button-subtle" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
