import { render } from '@testing-library/react';
import { ClientProvider } from '../src/api/client-context';
import { App } from '../src/App';
import { fakeBackend, type Handlers } from './page-fixtures';

/** The whole admin page over a scripted backend; returns the backend so a test can read the calls made. */
export function renderApp(handlers: Handlers) {
  const backend = fakeBackend(handlers);
  render(
    <ClientProvider client={backend.client}>
      <App />
    </ClientProvider>
  );
  return backend;
}
