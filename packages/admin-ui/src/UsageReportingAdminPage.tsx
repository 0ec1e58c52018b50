import { useEffect, useState } from 'react';
import { App } from './App.js';
import { bridgeTransport } from './api/bridge-transport.js';
import { createClient, type AdminClient } from './api/client.js';
import { ClientProvider } from './api/client-context.js';
import { withStartedCall } from './api/started-call.js';
import type { FirstScreen } from './first-screen.js';
import { I18nProvider, useHostLocale, useLanguages, type Messages } from './i18n/index.js';
import { enableTheme } from './theme/enable-theme.js';

export interface UsageReportingAdminPageProps {
  /** How the page reaches the backend. Default: the app's resolvers over the Forge bridge. */
  client?: AdminClient;
  /** Ask the Forge host for the product's light or dark theme on mount. Default true. */
  followHostTheme?: boolean;
  /**
   * The admin's locale (`de-DE`, `ja-JP`). Default: the one the Forge host reports
   * (view.getContext().locale); English when it reports none or one the page does not speak.
   */
  locale?: string;
  /**
   * More languages, or replacements for shipped ones, by BCP 47 tag: `{ fr, 'pt-BR': ptBR }`, each
   * made with defineMessages. Pass a module constant: a new object each render rebuilds the words.
   */
  languages?: Readonly<Record<string, Messages>>;
  /** The IANA time zone times are shown in. Default UTC, named beside every time. */
  timeZone?: string;
  /**
   * The first screen's calls, already on their way: `firstScreen` from '@usage-reporting/admin-ui/first-screen',
   * imported first in the Custom UI's entry. The page takes their answers instead of asking again (the
   * data only with the default client). Default: the page asks when it mounts.
   */
  firstScreen?: FirstScreen;
}

/**
 * The whole admin page, for a vendor's own Custom UI: it loads its data from the resolvers,
 * explains, previews, asks, and offers settings, history and the admin's data rights, in the
 * admin's language.
 */
export function UsageReportingAdminPage({ client, followHostTheme = true, locale, languages, timeZone, firstScreen }: UsageReportingAdminPageProps) {
  // Created once: a new client each render would restart the page's loading effect. Creating it
  // loads nothing; the bridge is loaded by the first call that was not started already.
  const [bridgeClient] = useState(() => createClient(firstScreen ? withStartedCall(bridgeTransport, firstScreen.adminPage) : bridgeTransport));
  useEffect(() => {
    if (followHostTheme) void enableTheme();
  }, [followHostTheme]);
  // Asked only when the vendor names no locale; the page's data loads meanwhile (App starts at once).
  const host = useHostLocale(locale === undefined, undefined, firstScreen?.hostContext);
  const wanted = locale ?? (host.status === 'ready' ? host.host.locale : null);
  // Then the words of the admin's language: German and Japanese are chunks of their own, fetched
  // only by the admins who read them. Until both are known the page shows no words at all.
  const words = useLanguages(wanted, languages);
  const ready = host.status === 'ready' && words.status === 'ready';
  return (
    <ClientProvider client={client ?? bridgeClient}>
      {/* Given the loaded catalog, the provider has nothing left to load: App stays mounted throughout. */}
      <I18nProvider locale={ready ? wanted : null} languages={words.status === 'ready' ? words.languages : languages} timeZone={timeZone}>
        <App wordless={!ready} />
      </I18nProvider>
    </ClientProvider>
  );
}
