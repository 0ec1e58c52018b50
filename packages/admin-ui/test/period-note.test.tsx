/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { render, screen } from '@testing-library/react';
import { ClientProvider } from '../src/api/client-context';
import { ReportTab } from '../src/screens/ReportTab';
import { adminPage, fakeBackend, historyEntry, previewOf, report } from './page-fixtures';

/**
 * A report covers whole days [from, to). The day counting starts, that period is empty and every usage
 * count is zero: the report screen says why.
 */
function showReport(page: ReturnType<typeof adminPage>) {
  render(
    <ClientProvider client={fakeBackend({}).client}>
      <ReportTab page={page} refresh={() => Promise.resolve()} />
    </ClientProvider>
  );
}

const emptyPeriod = report({ period: { from: '2026-11-29', to: '2026-11-29' }, fields: { 'site.product': 'jira', 'usage.adminPageOpened': 0 }, withheld: [] });

it('on the first day, says counting started today and the usage counts start at zero', () => {
  showReport(adminPage({ preview: previewOf(emptyPeriod) }));
  expect(screen.getByTestId('period-note').textContent).toBe(
    'Usage counting started today (29 November 2026). A report counts whole days up to the day before it is made, so this first report covers no full day yet and its usage counts are zero. Today’s usage goes into the next report.'
  );
});

it('after a report left today, says this one covers no full day yet', () => {
  const sentToday = report({ period: { from: '2026-11-01', to: '2026-11-29' } });
  showReport(adminPage({ preview: previewOf(emptyPeriod), history: [historyEntry(sentToday)] }));
  expect(screen.getByTestId('period-note').textContent).toMatch(/^The last report already covered every day up to today/);
});

it('says nothing when the report covers whole days', () => {
  showReport(adminPage({ preview: previewOf(report()) }));
  expect(screen.queryByTestId('period-note')).toBeNull();
});
