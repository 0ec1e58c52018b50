import { useCallback, useEffect } from 'react';
import type { LedgerEntry } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { formatTime } from '../../components/PreviewPanel.js';
import { ledgerActionLabel } from '../../copy/labels.js';
import { useAction } from '../../hooks/useAction.js';

/** The consent ledger: who changed what the app may share, and when. Loaded when this section opens. */
export function LedgerTable({ revision }: { revision: string }) {
  const client = useClient();
  const ledger = useAction(useCallback(() => client.getLedger({}), [client]));
  const { start } = ledger;
  useEffect(() => {
    void start(undefined);
  }, [start, revision]);

  return (
    <section aria-labelledby="ledger-title">
      <h3 id="ledger-title">Consent ledger</h3>
      {ledger.state.status === 'running' && <Loading label="Loading the ledger" />}
      {ledger.state.status === 'failed' && <ErrorMessage error={ledger.state.error} title="The ledger could not be loaded" />}
      {ledger.state.status === 'done' &&
        (ledger.state.data.entries.length === 0 ? (
          <p className="subtle">No changes recorded yet.</p>
        ) : (
          <table className="data-table ledger-table" data-testid="ledger">
            <caption>Every change, most recent first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {[...ledger.state.data.entries].sort((a, b) => b.at.localeCompare(a.at)).map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <th scope="row" data-label="When">
                    {formatTime(entry.at)}
                  </th>
                  <td data-label="Who">{entry.accountId ? (
                      <code>{entry.accountId}</code>
                    ) : (
                      // The erase note is written with no account id on purpose; other null ids are closed accounts.
                      <span className="subtle">{entry.action === 'erase-site-data' ? 'Not recorded' : 'A closed account'}</span>
                    )}</td>
                  <td data-label="What">{ledgerActionLabel[entry.action]}</td>
                  <td data-label="Details">
                    <LedgerChanges entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}

function LedgerChanges({ entry }: { entry: LedgerEntry }) {
  if (entry.changes.length === 0 && !entry.digest) return <span className="subtle">Format {entry.formatVersion}</span>;
  return (
    <ul className="ledger-changes">
      {entry.changes.map((change) => (
        <li key={change.path}>
          <code>{change.path}</code>: {show(change.from)} → {show(change.to)}
        </li>
      ))}
      {entry.digest && (
        <li>
          Report digest <code className="digest-short">{entry.digest.slice(0, 16)}…</code>
        </li>
      )}
    </ul>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
