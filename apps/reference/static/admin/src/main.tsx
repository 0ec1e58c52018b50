// The reference app's Custom UI: the toolkit's whole admin page, mounted as a vendor's own Custom UI
// would mount it. First, zod's CSP-safe setting, ahead of every module that builds a schema.
import '@usage-reporting/admin-ui/zod-jitless';
import '@usage-reporting/admin-ui/tokens.css';
import '@usage-reporting/admin-ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UsageReportingAdminPage } from '@usage-reporting/admin-ui';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <UsageReportingAdminPage />
  </StrictMode>
);
