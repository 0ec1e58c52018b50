import type { ReactNode } from 'react';
import { UsageReportingAdminPage } from '@usage-reporting/admin-ui';
import { LoginSettingsSection } from './sections/LoginSettingsSection';
import { ProvidersSection } from './sections/ProvidersSection';

export interface Tab {
  id: string;
  label: string;
  render: () => ReactNode;
}

/**
 * The page's sections, in order. Usage reporting is the toolkit's whole page, as any vendor mounts it:
 * it calls the toolkit's resolvers, which src/index.ts registers on the same Resolver as the app's.
 */
export const tabs: readonly Tab[] = [
  { id: 'providers', label: 'Identity providers', render: () => <ProvidersSection /> },
  { id: 'login', label: 'Login settings', render: () => <LoginSettingsSection /> },
  { id: 'usage-reporting', label: 'Usage reporting', render: () => <UsageReportingAdminPage /> }
];
