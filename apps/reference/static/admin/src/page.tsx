// The admin page, mounted by main.tsx once the first screen's calls are on their way. First, zod's
// CSP-safe setting, ahead of every module that builds a schema.
import '@usage-reporting/admin-ui/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UsageReportingAdminPage } from '@usage-reporting/admin-ui';
import type { FirstScreen } from '@usage-reporting/admin-ui/first-screen';

export function mountPage(firstScreen: FirstScreen): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <UsageReportingAdminPage firstScreen={firstScreen} />
    </StrictMode>
  );
}
