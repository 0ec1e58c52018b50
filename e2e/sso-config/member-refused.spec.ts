import { expect, test, type Product } from './fixtures';

/** Every resolver behind the page asks the product whether the caller administers it; a member is refused by all. */
const products: Product[] = ['jira', 'confluence'];
const productName: Record<Product, string> = { jira: 'Jira', confluence: 'Confluence' };

for (const product of products) {
  test(`${product}: a member sees none of the set-up, cannot change it, and the usage-reporting tab refuses them too`, async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product });
    const providers = app.getByRole('region', { name: 'Identity providers' });
    const form = app.getByRole('form', { name: 'Add an identity provider' });
    await form.getByLabel('Protocol').selectOption('oidc');
    await form.getByLabel('Name').fill('Corporate OIDC');
    await form.getByLabel('Domains (comma-separated)').fill('corp.example.com');
    await form.getByLabel('Issuer URL').fill('https://login.corp.example.com/oauth2/default');
    await form.getByLabel('Client id').fill('corp-portal-client');
    await form.getByRole('button', { name: 'Add provider' }).click();
    await expect(providers.getByRole('listitem')).toHaveCount(1);

    await forge.actAs('member');
    const refusal = `Only ${productName[product]} administrators can change single sign-on.`;
    await expect(providers.getByRole('alert')).toHaveText(refusal);
    await expect(providers.getByRole('listitem')).toHaveCount(0);
    await expect(app.locator('body')).not.toContainText('corp.example.com');

    // No form to add one either: the list was refused, so the page offers nothing the backend would
    // refuse too (apps/sso-config/test/own-resolvers.test.ts proves addProvider refuses a member).
    await expect(form).toHaveCount(0);

    await app.getByRole('tab', { name: 'Login settings' }).click();
    await expect(app.getByRole('region', { name: 'Login settings' }).getByRole('alert')).toHaveText(refusal);
    await expect(app.getByRole('form', { name: 'Login settings' })).toHaveCount(0);

    await app.getByRole('tab', { name: 'Usage reporting' }).click();
    await expect(app.getByRole('heading', { name: 'Only site administrators can use this page' })).toBeVisible();
    await expect(app.getByTestId('preview')).toHaveCount(0);

    await forge.actAs('admin');
    await expect(providers.getByRole('listitem')).toHaveCount(1);
    await expect(providers.getByRole('listitem')).toContainText('Corporate OIDC');
  });
}
