import { createContext, useContext, type ReactNode } from 'react';
import type { AdminClient } from './client.js';

const ClientContext = createContext<AdminClient | null>(null);

/** Components reach the backend through this one client; tests hand in a client over a fake transport. */
export function ClientProvider({ client, children }: { client: AdminClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): AdminClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientProvider> above it');
  return client;
}
