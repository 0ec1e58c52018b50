/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { render, screen } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import { shippedLanguages } from '../src/i18n/i18n';
import { loadLanguages, shippedLanguageFor } from '../src/i18n/load-languages';
import { defineMessages, type Messages } from '../src/i18n/messages/define';
import { de } from '../src/i18n/messages/de';
import { ja } from '../src/i18n/messages/ja';
import { UsageReportingAdminPage } from '../src/UsageReportingAdminPage';
import { adminPage, fakeBackend } from './page-fixtures';

/**
 * German and Japanese are chunks of their own in a bundle: an admin's page loads the words of the
 * admin's language only, English never, and shows no words before they are there.
 */
describe('the shipped language a locale needs', () => {
  const fr = { 'app.title': 'Rapports d’utilisation' } as unknown as Messages;

  test('is the one its language is spoken in, unless the vendor gives that language', () => {
    expect(shippedLanguageFor('de-AT')).toBe('de');
    expect(shippedLanguageFor('ja_JP')).toBe('ja');
    expect(shippedLanguageFor('de-DE', { de })).toBeNull();
    // A vendor's regional catalog serves its region; the rest of German is still the shipped one.
    expect(shippedLanguageFor('de-CH', { 'de-CH': de })).toBeNull();
    expect(shippedLanguageFor('de-DE', { 'de-CH': de })).toBe('de');
  });

  test('is none for English, a language not shipped, or no locale', () => {
    expect(shippedLanguageFor('en-US')).toBeNull();
    expect(shippedLanguageFor('pt-BR')).toBeNull();
    expect(shippedLanguageFor('fr-FR', { fr })).toBeNull();
    expect(shippedLanguageFor(null)).toBeNull();
  });

  test('is loaded beside the languages given, which are returned as they are when nothing is needed', async () => {
    await expect(loadLanguages('ja-JP')).resolves.toEqual({ ja });
    await expect(loadLanguages('de-DE', { fr })).resolves.toEqual({ fr, de });
    const given = { fr };
    await expect(loadLanguages('en-GB', given)).resolves.toBe(given);
    const custom = { de: defineMessages({ ...de, 'app.title': 'Nutzungsberichte' }) };
    await expect(loadLanguages('de-DE', custom)).resolves.toBe(custom);
  });
});

describe('the page', () => {
  afterEach(() => jest.restoreAllMocks());

  const loadsOf = () => ({ de: jest.spyOn(shippedLanguages, 'de'), ja: jest.spyOn(shippedLanguages, 'ja') });
  const renderPage = (locale: string) =>
    render(<UsageReportingAdminPage client={fakeBackend({ loadAdminPage: () => ok(adminPage()) }).client} followHostTheme={false} locale={locale} />);

  test("loads the admin's language only", async () => {
    const loads = loadsOf();
    renderPage('ja-JP');
    expect(await screen.findByRole('heading', { name: 'このアプリが共有する内容とその理由' })).toBeDefined();
    expect(loads.ja).toHaveBeenCalled();
    expect(loads.de).not.toHaveBeenCalled();
  });

  test('in English loads no other language', async () => {
    const loads = loadsOf();
    renderPage('en-US');
    expect(await screen.findByRole('heading', { name: 'What this app would share, and why' })).toBeDefined();
    expect(loads.de).not.toHaveBeenCalled();
    expect(loads.ja).not.toHaveBeenCalled();
  });

  test('is in English, and says why in the console, when its language does not load', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    loadsOf().de.mockRejectedValue(new Error('the chunk did not arrive'));
    renderPage('de-DE');
    expect(await screen.findByRole('heading', { name: 'What this app would share, and why' })).toBeDefined();
    expect(screen.getByRole('main').getAttribute('lang')).toBe('en-GB');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('words in de did not load'), expect.any(Error));
  });
});
