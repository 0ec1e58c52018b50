// First, zod's CSP-safe setting, ahead of every module that builds a schema.
import './zod-jitless';
// The toolkit page's Atlassian token themes and its styles, which the whole page then shares.
import '@usage-reporting/admin-ui/tokens.css';
import '@usage-reporting/admin-ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { tabs } from './tabs';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App tabs={tabs} />
  </StrictMode>
);
