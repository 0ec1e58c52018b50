/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, screen, within } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import { canonicalJson } from '@usage-reporting/core';
import { sha256Hex } from '@usage-reporting/core/node';
import { maxVendorDeletionAttempts } from '@usage-reporting/core';
import { adminPage, historyEntry, previewOf, report } from './page-fixtures';
import { renderApp } from './render-app';

const fingerprint = 'SHA256:S91Xe3FVWJfU/HpJHUXewBkxyFGtGEUGp1oBux3eO1A';

describe('who signs the report', () => {
  it('the preview’s exact bytes show the site’s key fingerprint under the digest, with what it means', async () => {
    const r = report();
    renderApp({ loadAdminPage: () => ok(adminPage({ preview: { ...previewOf(r), signingKeyFingerprint: fingerprint } })) });
    fireEvent.click(await screen.findByRole('tab', { name: 'Exact bytes' }));
    expect(screen.getByTestId('exact-bytes').textContent).toBe(canonicalJson(r));
    expect(screen.getByTestId('signing-key-fingerprint').textContent).toBe(fingerprint);
    expect(screen.getByTestId('signing').textContent).toContain("nobody else can send or ask for data in this site's name");
    // Before sending there is no signature yet: it is made at the moment the bytes leave.
    expect(screen.queryByTestId('signature-headers')).toBeNull();
  });

  it('a sent report in history shows the signature headers that travelled beside its bytes', async () => {
    const r = report();
    const text = canonicalJson(r);
    const signature = {
      keyFingerprint: fingerprint,
      signatureInput: 'ur=("@method" "@path" "ur-installation" "content-digest");created=1796224991;keyid="k";alg="ed25519";nonce="n"',
      signature: 'ur=:c2lnbmF0dXJl:',
      contentDigest: `sha-256=:${Buffer.from(sha256Hex(text), 'hex').toString('base64')}:`
    };
    const entry = historyEntry(r, { trigger: 'automatic' });
    const sent = { ...entry, receipt: entry.receipt && { ...entry.receipt, signature } };
    renderApp({
      loadAdminPage: () => ok(adminPage({ history: [sent] })),
      getHistory: () => ok({ entries: [sent], purgedReports: 0 }),
      getHistoryEntry: () => ok({ entry: sent, text, previousText: null, previousReportId: null })
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
    fireEvent.click(screen.getAllByRole('button', { name: /Show the report of/ })[0]!);
    const detail = await screen.findByTestId('history-entry');
    fireEvent.click(await within(detail).findByRole('tab', { name: 'Exact bytes' }));
    expect(within(detail).getByTestId('exact-bytes').textContent).toBe(text);
    const headers = within(detail).getByTestId('signature-headers');
    expect(headers.textContent).toContain(signature.signatureInput);
    expect(headers.textContent).toContain(signature.signature);
    expect(headers.textContent).toContain(signature.contentDigest);
    expect(within(detail).getByTestId('signing-key-fingerprint').textContent).toBe(fingerprint);
  });
});

describe('a vendor deletion that never succeeded', () => {
  it('says plainly that the app stopped trying, that the data may still be held, and what to do', async () => {
    renderApp({
      loadAdminPage: () =>
        ok(
          adminPage({
            vendorDeletion: {
              status: 'failed',
              requestedAt: '2026-11-20T09:00:00.000Z',
              attempts: maxVendorDeletionAttempts,
              nextAttemptAt: '2026-11-28T09:00:00.000Z',
              lastError: 'collector answered 503',
              acknowledgement: null
            }
          })
        )
    });
    const notice = await screen.findByTestId('vendor-deletion');
    expect(notice.dataset.status).toBe('failed');
    expect(notice.textContent).toContain(`tried ${maxVendorDeletionAttempts} times`);
    expect(notice.textContent).toContain('may still be held by the vendor');
    expect(notice.textContent).toContain('Ask the vendor to delete this site’s data');
  });
});
