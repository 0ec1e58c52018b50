import type { ReactNode } from 'react';
import { LoginSettingsSection } from './sections/LoginSettingsSection';
import { ProvidersSection } from './sections/ProvidersSection';

export interface Tab {
  id: string;
  label: string;
  render: () => ReactNode;
}

/**
 * The page's sections, in order. The usage-reporting section is one more entry here at integration:
 * `{ id: 'usage-reporting', label: 'Usage reporting', render: () => <UsageReportingAdminPage /> }`
 * with its import from @usage-reporting/admin-ui.
 */
export const tabs: readonly Tab[] = [
  { id: 'providers', label: 'Identity providers', render: () => <ProvidersSection /> },
  { id: 'login', label: 'Login settings', render: () => <LoginSettingsSection /> }
];
