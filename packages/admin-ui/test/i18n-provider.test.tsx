/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { readHostLocale, useHostLocale } from '../src/i18n/host-locale';
import { I18nProvider, useI18n } from '../src/i18n/I18nProvider';
import { de } from '../src/i18n/messages/de';

function Receipt({ id, at }: { id: string; at: string }) {
  const { rich, formatDateTime } = useI18n();
  return <p data-testid="receipt">{rich('historyEntry.receipt', { receipt: <code>{id}</code>, time: formatDateTime(at) })}</p>;
}

function Heading() {
  const { t, locale } = useI18n();
  return <h1 data-locale={locale}>{t('preview.heading')}</h1>;
}

describe('I18nProvider and useI18n', () => {
  test('without a provider, a part speaks English as it always did', () => {
    render(<Heading />);
    expect(screen.getByRole('heading').textContent).toBe('The report that would be sent now');
    expect(screen.getByRole('heading').dataset.locale).toBe('en-GB');
  });

  test("below a provider, the part speaks the provider's language, once its words have loaded, never English first", async () => {
    render(
      <I18nProvider locale="de_DE" fallback={<p>…</p>}>
        <Heading />
      </I18nProvider>
    );
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByText('…')).toBeDefined();
    expect((await screen.findByRole('heading')).textContent).toBe('Der Bericht, der jetzt gesendet würde');
    expect(screen.getByRole('heading').dataset.locale).toBe('de-DE');
  });

  test('given the catalog, the provider speaks it at once', () => {
    render(
      <I18nProvider locale="de_DE" languages={{ de }}>
        <Heading />
      </I18nProvider>
    );
    expect(screen.getByRole('heading').textContent).toBe('Der Bericht, der jetzt gesendet würde');
  });

  test('rich puts markup where the language puts the placeholder', async () => {
    const { rerender } = render(<Receipt id="rcpt-1" at="2026-11-29T09:00:00.000Z" />);
    expect(screen.getByTestId('receipt').innerHTML).toBe('Receipt <code>rcpt-1</code>, received by the vendor 29 Nov 2026, 09:00 UTC.');
    rerender(
      <I18nProvider locale="ja-JP">
        <Receipt id="rcpt-1" at="2026-11-29T09:00:00.000Z" />
      </I18nProvider>
    );
    expect((await screen.findByTestId('receipt')).innerHTML).toBe('受領証 <code>rcpt-1</code>、ベンダーの受信日時: 2026年11月29日 9:00 UTC。');
  });
});

describe('the host locale', () => {
  afterEach(() => jest.restoreAllMocks());
  const bridgeWith = (context: unknown) => async () => ({ view: { getContext: async () => context } }) as never;

  test("is read from the Forge context: the admin's locale and time zone", async () => {
    await expect(readHostLocale(bridgeWith({ locale: 'ja-JP', timezone: 'Asia/Tokyo', moduleKey: 'admin' }))).resolves.toEqual({ locale: 'ja-JP', timeZone: 'Asia/Tokyo' });
    await expect(readHostLocale(bridgeWith({ locale: '', timezone: 7 }))).resolves.toEqual({ locale: null, timeZone: null });
  });

  test('outside Forge the page is in English, and says why in the console', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const outside = async () => {
      throw new Error('Unable to establish a connection with the Custom UI bridge.');
    };
    await expect(readHostLocale(outside)).resolves.toEqual({ locale: null, timeZone: null });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the page is in English'), expect.any(Error));
  });

  test('useHostLocale waits for the host, or is ready at once when disabled', async () => {
    const load = bridgeWith({ locale: 'de-DE', timezone: 'Europe/Berlin' });
    const { result } = renderHook(() => useHostLocale(true, load));
    expect(result.current).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current).toEqual({ status: 'ready', host: { locale: 'de-DE', timeZone: 'Europe/Berlin' } }));
    expect(renderHook(() => useHostLocale(false, load)).result.current).toEqual({ status: 'ready', host: { locale: null, timeZone: null } });
  });
});
