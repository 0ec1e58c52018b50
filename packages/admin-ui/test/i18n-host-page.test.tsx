/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { render, screen } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import { UsageReportingAdminPage } from '../src/index';
import { adminPage, fakeBackend } from './page-fixtures';

/** The Forge host as the page sees it inside a frame: view.getContext() says who the admin is and their locale. */
let hostContext: Promise<Record<string, unknown>>;
const mockGetContext = jest.fn(() => hostContext);
jest.mock('@forge/bridge', () => ({
  view: {
    getContext: () => mockGetContext(),
    theme: { enable: async () => undefined }
  }
}));

describe('the language the Forge host reports', () => {
  beforeEach(() => mockGetContext.mockClear());

  it('is the page’s language, and nothing English shows while the host is asked', async () => {
    let answer: (context: Record<string, unknown>) => void = () => undefined;
    hostContext = new Promise((resolve) => (answer = resolve));
    const { client, calls } = fakeBackend({ loadAdminPage: () => ok(adminPage()) });
    render(<UsageReportingAdminPage client={client} followHostTheme={false} />);
    // The data loads meanwhile; the page waits for the words without showing any.
    await screen.findByRole('status');
    expect(calls.map((c) => c.name)).toEqual(['loadAdminPage']);
    expect(document.body.textContent).toBe('');

    expect(mockGetContext).toHaveBeenCalledTimes(1);
    answer({ locale: 'ja_JP', timezone: 'Asia/Tokyo', moduleKey: 'admin-page' });
    expect(await screen.findByRole('heading', { name: 'このアプリが共有する内容とその理由' })).toBeDefined();
    expect(screen.getByRole('main').getAttribute('lang')).toBe('ja-JP');
    // Times stay in UTC, as the page has always shown them, and say so.
    expect(screen.getByText('2026年11月29日 10:00 UTC に作成されました。このプレビューは 2026年11月29日 10:30 UTC まで有効です。')).toBeDefined();
  });

  it('is overridden by a locale the vendor passes, without asking the host', async () => {
    const { client } = fakeBackend({ loadAdminPage: () => ok(adminPage()) });
    render(<UsageReportingAdminPage client={client} followHostTheme={false} locale="de-DE" />);
    expect(await screen.findByRole('heading', { name: 'Was diese App weitergeben würde und warum' })).toBeDefined();
    expect(mockGetContext).not.toHaveBeenCalled();
  });

  it('is English when the host names no locale', async () => {
    hostContext = Promise.resolve({ moduleKey: 'admin-page' });
    const { client } = fakeBackend({ loadAdminPage: () => ok(adminPage()) });
    render(<UsageReportingAdminPage client={client} followHostTheme={false} />);
    expect(await screen.findByRole('heading', { name: 'What this app would share, and why' })).toBeDefined();
    expect(screen.getByRole('main').getAttribute('lang')).toBe('en-GB');
  });
});
