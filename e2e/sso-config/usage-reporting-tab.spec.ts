import type { FrameLocator } from '@playwright/test';
import { ssoCatalog } from '../../apps/sso-config/src/usage/catalog';
import { plantedIn, plantedOidc, plantedSaml, plantedSettings } from '../../apps/sso-config/test/support/planted';
import { expect, test, type Product } from './fixtures';

/**
 * The toolkit's page as SSO Config's third tab: the preview an admin is asked about is built from this
 * app's catalog, and the configuration it summarises (entered here through the app's own forms, full
 * of identifiers: apps/sso-config/test/support/planted.ts) leaves no trace in its bytes.
 */
const products: Product[] = ['jira', 'confluence'];
const ssoFieldKeys = ssoCatalog.entries.map((e) => e.key).filter((key) => key.startsWith('sso.'));

async function enterPlantedConfiguration(app: FrameLocator): Promise<void> {
  const form = app.getByRole('form', { name: 'Add an identity provider' });
  const providers = app.getByRole('region', { name: 'Identity providers' }).getByRole('listitem');
  await form.getByLabel('Protocol').selectOption('saml');
  await form.getByLabel('Name').fill(plantedSaml.name);
  await form.getByLabel('Domains (comma-separated)').fill(plantedSaml.domains.join(', '));
  await form.getByLabel('Entity id').fill(plantedSaml.entityId);
  await form.getByLabel('Sign-in URL').fill(plantedSaml.ssoUrl);
  await form.getByLabel('Signing certificate (PEM)').fill(plantedSaml.signingCertificate);
  await form.getByLabel('Create accounts on first sign-in (just-in-time provisioning)').check();
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(providers).toHaveCount(1);

  await form.getByLabel('Protocol').selectOption('oidc');
  await form.getByLabel('Name').fill(plantedOidc.name);
  await form.getByLabel('Domains (comma-separated)').fill(plantedOidc.domains.join(', '));
  await form.getByLabel('Issuer URL').fill(plantedOidc.issuerUrl);
  await form.getByLabel('Client id').fill(plantedOidc.clientId);
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(providers).toHaveCount(2);

  await app.getByRole('tab', { name: 'Login settings' }).click();
  const settings = app.getByRole('form', { name: 'Login settings' });
  await settings.getByLabel('Require multi-factor authentication at the provider').check();
  await settings.getByLabel('Ask for a one-time code after the provider (2-step)').check();
  await settings.getByLabel('Session length (hours, 1 to 720)').fill(String(plantedSettings.sessionLengthHours));
  await settings.getByLabel('Break-glass account ids (one per line)').fill(plantedSettings.breakGlassAccountIds.join('\n'));
  await settings.getByRole('button', { name: 'Save login settings' }).click();
  await expect(app.getByRole('region', { name: 'Login settings' }).getByRole('status')).toHaveText('Saved.');
}

for (const product of products) {
  test(`${product}: the preview carries SSO Config's fields, summarised, and none of the configuration's values`, async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product });
    await enterPlantedConfiguration(app);

    await app.getByRole('tab', { name: 'Usage reporting' }).click();
    await expect(app.getByRole('heading', { name: 'The report that would be sent now' })).toBeVisible();
    await app.getByRole('tab', { name: 'Exact bytes' }).click();
    // The page checks the digest of the bytes it shows: these are the bytes a send would sign.
    await expect(app.getByText('(checked in your browser: matches these bytes)')).toBeVisible();
    const bytes = (await app.getByTestId('exact-bytes').textContent()) ?? '';
    const report = JSON.parse(bytes) as { fields: Record<string, unknown> };

    expect(Object.keys(report.fields).filter((key) => key.startsWith('sso.')).sort()).toEqual([...ssoFieldKeys].sort());
    expect(report.fields).toMatchObject({
      'sso.enabledProtocols': 'samlAndOidc',
      'sso.jitProvisioning': true,
      'sso.mfaEnforced': true,
      'sso.twoStepEnforced': true,
      'sso.sessionLength': 'upTo24h',
      'sso.breakGlassConfigured': true
    });
    // Not one planted value, whole or in part (every one carries the marker "planted").
    expect(plantedIn(bytes)).toEqual({ values: [], marker: false });
  });
}

test.describe('the readable view', () => {
  // The page holds no app's catalog: it reads the bytes with any catalog's keys (parseReportOfAnyCatalog).
  test("lists SSO Config's fields as a table", async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira' });
    await app.getByRole('tab', { name: 'Usage reporting' }).click();
    await expect(app.getByRole('heading', { name: 'The report that would be sent now' })).toBeVisible();
    await expect(app.locator('tr[data-field="sso.enabledProtocols"]')).toContainText('none', { timeout: 5_000 });
  });
});
