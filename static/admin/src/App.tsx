import { useEffect, useState } from 'react';
import type { ContextOutput } from '../../../shared/api/resolvers';
import type { ClientResult } from './api/client';
import { useClient } from './api/client-context';
import { ErrorMessage } from './components/ErrorMessage';
import { Loading } from './components/Loading';
import { NotAdminRefusal } from './components/NotAdminRefusal';
import { productName } from './copy/product-name';

export function App() {
  const client = useClient();
  const [context, setContext] = useState<ClientResult<ContextOutput> | null>(null);

  useEffect(() => {
    let live = true;
    void client.getContext({}).then((result) => live && setContext(result));
    return () => {
      live = false;
    };
  }, [client]);

  if (!context) return <Loading label="Loading Usage Reporting" />;
  if (!context.ok) {
    if (context.error.code === 'NOT_ADMIN') return <NotAdminRefusal />;
    return <ErrorMessage error={context.error} />;
  }
  if (!context.data.isAdmin) return <NotAdminRefusal />;
  return (
    <main className="page">
      <h1>Usage Reporting</h1>
      <p data-testid="context-summary">
        {productName(context.data.product)} site administrator · app version {context.data.appVersion}
      </p>
    </main>
  );
}
