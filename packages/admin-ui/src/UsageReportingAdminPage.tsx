import { useEffect, useState } from 'react';
import { App } from './App.js';
import { bridgeTransport } from './api/bridge-transport.js';
import { createClient, type AdminClient } from './api/client.js';
import { ClientProvider } from './api/client-context.js';
import { enableTheme } from './theme/enable-theme.js';

export interface UsageReportingAdminPageProps {
  /** How the page reaches the backend. Default: the app's resolvers over the Forge bridge. */
  client?: AdminClient;
  /** Ask the Forge host for the product's light or dark theme on mount. Default true. */
  followHostTheme?: boolean;
}

/**
 * The whole admin page, for a vendor's own Custom UI: it loads its data from the resolvers,
 * explains, previews, asks, and offers settings, history and the admin's data rights.
 */
export function UsageReportingAdminPage({ client, followHostTheme = true }: UsageReportingAdminPageProps) {
  // Created once: a new client each render would restart the page's loading effect. Creating it
  // loads nothing; the bridge is loaded by the first call.
  const [bridgeClient] = useState(() => createClient(bridgeTransport));
  useEffect(() => {
    if (followHostTheme) void enableTheme();
  }, [followHostTheme]);
  return (
    <ClientProvider client={client ?? bridgeClient}>
      <App />
    </ClientProvider>
  );
}
