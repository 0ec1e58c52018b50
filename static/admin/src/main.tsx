// First: zod's CSP-safe setting must precede every schema (see the module).
import './zod-jitless';
import 'virtual:atlaskit-tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/report.css';
import './styles/layout.css';
import './styles/history.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bridgeTransport } from './api/bridge-transport';
import { createClient } from './api/client';
import { ClientProvider } from './api/client-context';
import { App } from './App';
import { enableTheme } from './theme/enable-theme';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

void enableTheme();
createRoot(container).render(
  <StrictMode>
    <ClientProvider client={createClient(bridgeTransport)}>
      <App />
    </ClientProvider>
  </StrictMode>
);
