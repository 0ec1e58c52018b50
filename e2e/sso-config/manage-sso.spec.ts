import type { FrameLocator } from '@playwright/test';
import { expect, test, type Product } from './fixtures';

/** The app's own page: identity providers and login settings, kept by the app's resolvers in its KVS. */
const products: Product[] = ['jira', 'confluence'];

async function addSamlProvider(app: FrameLocator, name: string, domain: string): Promise<void> {
  const form = app.getByRole('form', { name: 'Add an identity provider' });
  await form.getByLabel('Protocol').selectOption('saml');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Domains (comma-separated)').fill(domain);
  await form.getByLabel('Entity id').fill(`https://idp.${domain}/metadata`);
  await form.getByLabel('Sign-in URL').fill(`https://idp.${domain}/sso`);
  await form.getByLabel('Signing certificate (PEM)').fill('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ29ycG9yYXRlU0FNTA==\n-----END CERTIFICATE-----\n');
  await form.getByRole('button', { name: 'Add provider' }).click();
}

for (const product of products) {
  test.describe(`${product}: an admin`, () => {
    test('adds a SAML and an OIDC provider, switches one off and removes the other; a reload shows what was stored', async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product });
      const providers = app.getByRole('region', { name: 'Identity providers' });
      await expect(providers.getByText('No identity provider yet')).toBeVisible();

      await addSamlProvider(app, 'Corporate SAML', 'corp.example.com');
      const saml = providers.getByRole('listitem').filter({ hasText: 'Corporate SAML' });
      await expect(saml).toContainText('(SAML) for corp.example.com');

      const form = app.getByRole('form', { name: 'Add an identity provider' });
      await form.getByLabel('Protocol').selectOption('oidc');
      await form.getByLabel('Name').fill('Contractors OIDC');
      await form.getByLabel('Domains (comma-separated)').fill('contractors.example.com, partners.example.com');
      await form.getByLabel('Issuer URL').fill('https://login.contractors.example.com/oauth2/default');
      await form.getByLabel('Client id').fill('contractors-portal');
      await form.getByLabel('Create accounts on first sign-in (just-in-time provisioning)').check();
      await form.getByRole('button', { name: 'Add provider' }).click();
      const oidc = providers.getByRole('listitem').filter({ hasText: 'Contractors OIDC' });
      await expect(oidc).toContainText('(OIDC) for contractors.example.com, partners.example.com, creates accounts on first sign-in');

      // The box shows the stored state, so it changes once the app has saved it (uncheck() expects it at once).
      await saml.getByLabel('Enabled').click();
      await expect(saml.getByLabel('Enabled')).not.toBeChecked();
      await oidc.getByRole('button', { name: 'Remove' }).click();
      await expect(oidc).toHaveCount(0);

      await forge.actAs('admin'); // reloads the app: what shows now came back from the KVS
      await expect(providers.getByRole('listitem')).toHaveCount(1);
      await expect(saml).toContainText('(SAML) for corp.example.com');
      await expect(saml.getByLabel('Enabled')).not.toBeChecked();
    });

    test('is told which field is wrong before anything is sent', async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product });
      const form = app.getByRole('form', { name: 'Add an identity provider' });
      await form.getByLabel('Protocol').selectOption('oidc');
      await form.getByLabel('Name').fill('No domain');
      await form.getByLabel('Domains (comma-separated)').fill(' , ');
      await form.getByLabel('Issuer URL').fill('https://login.example.com/');
      await form.getByLabel('Client id').fill('portal');
      const invocationsBefore = (await forge.counters()).invocations.resolver ?? 0;
      await form.getByRole('button', { name: 'Add provider' }).click();
      await expect(form.getByRole('alert')).toContainText('domains');
      expect((await forge.counters()).invocations.resolver ?? 0).toBe(invocationsBefore);
    });

    test('changes the login settings, and a reload shows them saved', async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product });
      await app.getByRole('tab', { name: 'Login settings' }).click();
      const settings = app.getByRole('form', { name: 'Login settings' });
      await expect(settings.getByLabel('Require multi-factor authentication at the provider')).not.toBeChecked();

      await settings.getByLabel('Require multi-factor authentication at the provider').check();
      await settings.getByLabel('Session length (hours, 1 to 720)').fill('12');
      await settings.getByLabel('Break-glass account ids (one per line)').fill('712020:break-glass-one\n712020:break-glass-two');
      await settings.getByRole('button', { name: 'Save login settings' }).click();
      await expect(app.getByRole('region', { name: 'Login settings' }).getByRole('status')).toHaveText('Saved.');

      await forge.actAs('admin');
      await app.getByRole('tab', { name: 'Login settings' }).click();
      await expect(settings.getByLabel('Require multi-factor authentication at the provider')).toBeChecked();
      await expect(settings.getByLabel('Ask for a one-time code after the provider (2-step)')).not.toBeChecked();
      await expect(settings.getByLabel('Session length (hours, 1 to 720)')).toHaveValue('12');
      await expect(settings.getByLabel('Break-glass account ids (one per line)')).toHaveValue('712020:break-glass-one\n712020:break-glass-two');
    });
  });
}
