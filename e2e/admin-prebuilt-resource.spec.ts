import { expect, test } from './fixtures/forge';
import { collectorReports, matrix } from './admin-helpers';

/**
 * @usage-reporting/admin-ui's prebuilt Custom UI resource (packages/admin-ui/dist/resource), which a
 * vendor without React names in a manifest `resource`: framed by the bridge host under Forge's
 * Content-Security-Policy, it runs the whole page against the app's backend, and the fixture fails
 * the test on any CSP violation in the frame.
 */
test.use({ appUnderTest: 'prebuilt-resource' });

for (const { product, theme } of matrix.filter((m) => m.theme === 'light')) {
  test(`${product}: the prebuilt page previews and sends the exact bytes, with no CSP violation`, async ({ forge, runner }) => {
    const app = await forge.open({ as: 'admin', product, theme });
    await expect(app.getByRole('heading', { name: 'The report that would be sent now' })).toBeVisible();
    await app.getByRole('tab', { name: 'Exact bytes' }).click();
    const shownBytes = (await app.getByTestId('exact-bytes').textContent()) ?? '';
    expect(shownBytes).toContain(`"site.product":"${product}"`);

    await app.getByRole('button', { name: 'Send this report' }).click();
    await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
    expect(collectorReports(runner).map((r) => r.bytes)).toEqual([shownBytes]);
  });
}

test('a member is refused by the prebuilt page too', async ({ forge }) => {
  const app = await forge.open({ as: 'member', product: 'jira', theme: 'light' });
  await expect(app.getByRole('heading', { name: 'The report that would be sent now' })).toHaveCount(0);
  await expect(app.getByText(/administrator/i).first()).toBeVisible();
});
