/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import { appliesTo, initialConsent, metricCatalog } from '@usage-reporting/core';
import { ClientProvider } from '../src/api/client-context';
import { SettingsTab } from '../src/screens/SettingsTab';
import { adminPage, fakeBackend, fields } from './page-fixtures';

/**
 * The backend lists the fields the installation's product can send (loadAdminPage); the settings show
 * those, say so, and count what is shared over them alone.
 */
const jiraFields = fields.filter((f) => appliesTo(metricCatalog.byKey.get(f.key)!, 'jira'));

it('lists the product’s fields, says that only they are listed, and counts a stored restriction of another product’s field as nothing', () => {
  // Restricted before the page listed fields by product: a Confluence field, and one Jira field.
  const consent = { ...initialConsent, mode: 'per-case' as const, acceptedFormat: 2, revision: 1, restrictions: { ...initialConsent.restrictions, fields: ['site.spaces', 'site.projects'] } };
  const { client } = fakeBackend({ setRestrictions: () => ok({ consent, newFields: [], nextAutomaticAt: null }) });
  render(
    <ClientProvider client={client}>
      <SettingsTab page={adminPage({ consent, fields: jiraFields })} refresh={() => Promise.resolve()} onWithdraw={() => undefined} refreshing={false} />
    </ClientProvider>
  );
  const form = screen.getByTestId('restrictions-form');
  expect(within(form).getByTestId('product-fields-note').textContent).toBe('Only the fields a Jira site can send are listed.');
  const listed = within(form).getAllByRole('checkbox').map((box) => box.id).filter((id) => id.startsWith('field-'));
  expect(listed).toEqual(jiraFields.map((f) => `field-${f.key}`));
  expect(listed).not.toContain('field-site.spaces');
  const summary = form.querySelector('summary')!;
  expect(summary.textContent).toContain(`${jiraFields.length - 1} of ${jiraFields.length}`);
  fireEvent.click(within(form).getByLabelText(/site\.projects/));
  expect(summary.textContent).toContain(`${jiraFields.length} of ${jiraFields.length}`);
});
