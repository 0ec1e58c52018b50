/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { render, screen, waitFor } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import { UsageReportingAdminPage } from '../src/index';
import { adminPage, fakeBackend } from './page-fixtures';

/**
 * The package as a vendor imports it: the front door must load outside a Forge frame (a vendor's own
 * unit tests, server-side rendering), where @forge/bridge throws as soon as it is imported.
 */
const html = document.documentElement;
let warn: jest.SpyInstance;

beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
  html.removeAttribute('data-theme');
  html.removeAttribute('data-color-mode');
});

describe('the whole page, from the package entry point', () => {
  it('renders over the client the vendor hands in, with one call to load it', async () => {
    const { client, calls } = fakeBackend({ loadAdminPage: () => ok(adminPage()) });
    render(<UsageReportingAdminPage client={client} followHostTheme={false} />);
    await screen.findByRole('heading', { name: 'What this app would share, and why' });
    expect(screen.getByRole('heading', { level: 1, name: 'Usage Reporting' })).toBeDefined();
    expect(calls.map((c) => c.name)).toEqual(['loadAdminPage']);
    expect(html.hasAttribute('data-color-mode')).toBe(false);
  });

  it('sets up the token themes itself, and stays light when the host cannot theme it', async () => {
    const { client } = fakeBackend({ loadAdminPage: () => ok(adminPage()) });
    render(<UsageReportingAdminPage client={client} />);
    await screen.findByRole('heading', { name: 'What this app would share, and why' });
    expect(html.getAttribute('data-theme')).toBe('light:light dark:dark spacing:spacing typography:typography shape:shape');
    expect(html.getAttribute('data-color-mode')).toBe('light');
    // Outside Forge the bridge cannot load; the page says so once per attempt and carries on.
    await waitFor(() => expect(warn).toHaveBeenCalledWith('Usage Reporting: the host did not enable theming', expect.any(Error)));
  });
});
