import { useCallback, useEffect, useMemo } from 'react';
import type { AccountName } from '@usage-reporting/core/api';
import type { LedgerEntry } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';

/** The consent ledger: who changed what the app may share, and when. Loaded when this section opens. */
export function LedgerTable({ revision }: { revision: string }) {
  const client = useClient();
  const { t, formatDateTime } = useI18n();
  const ledger = useAction(useCallback(() => client.getLedger({}), [client]));
  // A second call beside the ledger's, so a product that does not answer for names never hides the ledger.
  const names = useAction(useCallback(() => client.getLedgerNames({}), [client]));
  const { start } = ledger;
  const { start: startNames } = names;
  useEffect(() => {
    void start(undefined);
    void startNames(undefined);
  }, [start, startNames, revision]);
  const nameOf = useMemo(() => {
    const byId = new Map(names.state.status === 'done' ? names.state.data.accounts.map((a) => [a.accountId, a] as const) : []);
    return (accountId: string) => byId.get(accountId);
  }, [names.state]);

  return (
    <section aria-labelledby="ledger-title">
      <h3 id="ledger-title">{t('ledger.heading')}</h3>
      {ledger.state.status === 'running' && <Loading label={t('ledger.loading')} />}
      {ledger.state.status === 'failed' && <ErrorMessage error={ledger.state.error} title={t('ledger.failed')} />}
      {ledger.state.status === 'done' &&
        (ledger.state.data.entries.length === 0 ? (
          <p className="subtle">{t('ledger.empty')}</p>
        ) : (
          <>
            <p className="subtle" data-testid="ledger-names-note">
              {t(names.state.status === 'failed' ? 'ledger.names.failed' : 'ledger.names.note')}
            </p>
            <table className="data-table ledger-table" data-testid="ledger">
              <caption>{t('ledger.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ledger.column.when')}</th>
                  <th scope="col">{t('ledger.column.who')}</th>
                  <th scope="col">{t('ledger.column.what')}</th>
                  <th scope="col">{t('ledger.column.details')}</th>
                </tr>
              </thead>
              <tbody>
                {[...ledger.state.data.entries].sort((a, b) => b.at.localeCompare(a.at)).map((entry) => (
                  <tr key={entry.id} data-action={entry.action}>
                    <th scope="row" data-label={t('ledger.column.when')}>
                      {formatDateTime(entry.at)}
                    </th>
                    <td data-label={t('ledger.column.who')}>{entry.accountId ? (
                        <LedgerWho accountId={entry.accountId} name={nameOf(entry.accountId)} />
                      ) : (
                        // The erase note is written with no account id on purpose; other null ids are closed accounts.
                        <span className="subtle">{t(entry.action === 'erase-site-data' ? 'ledger.who.notRecorded' : 'ledger.who.closedAccount')}</span>
                      )}</td>
                    <td data-label={t('ledger.column.what')}>{t(`ledger.action.${entry.action}`)}</td>
                    <td data-label={t('ledger.column.details')}>
                      <LedgerChanges entry={entry} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
    </section>
  );
}

/**
 * The name the product gave for an account, with its id (what the ledger stores) beneath; the id
 * alone while names load or when they could not be looked up.
 */
function LedgerWho({ accountId, name }: { accountId: string; name: AccountName | undefined }) {
  const { t } = useI18n();
  const id = <code className="ledger-account-id">{accountId}</code>;
  if (!name) return id;
  const label =
    name.status === 'closed' ? t('ledger.who.closedAccount')
    : name.status === 'unknown' || name.displayName === null ? t('ledger.who.unknownAccount')
    : name.status === 'inactive' ? t('ledger.who.inactiveAccount', { name: name.displayName })
    : name.displayName;
  return (
    <span className="ledger-who" data-account-status={name.status}>
      <span className="ledger-who-name">{label}</span> <small className="subtle">{id}</small>
    </span>
  );
}

function LedgerChanges({ entry }: { entry: LedgerEntry }) {
  const { t, rich } = useI18n();
  const show = (value: unknown): string => showValue(value, t('ledger.none'));
  if (entry.changes.length === 0 && !entry.digest) return <span className="subtle">{t('ledger.format', { version: entry.formatVersion })}</span>;
  return (
    <ul className="ledger-changes">
      {entry.changes.map((change) => (
        <li key={change.path}>
          <code>{change.path}</code>: {show(change.from)} → {show(change.to)}
        </li>
      ))}
      {entry.digest && (
        <li>{rich('ledger.digest', { digest: <code className="digest-short">{entry.digest.slice(0, 16)}…</code> })}</li>
      )}
    </ul>
  );
}

/** A recorded value as it was stored: paths and values are the app's identifiers, so only "none" is words. */
function showValue(value: unknown, none: string): string {
  if (value === null || value === undefined) return none;
  if (Array.isArray(value)) return value.length === 0 ? none : value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
