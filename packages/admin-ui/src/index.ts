/**
 * @usage-reporting/admin-ui: the admin page of consent-first usage reporting, as React components
 * for a vendor's own Forge Custom UI. Import the CSS beside it: '@usage-reporting/admin-ui/tokens.css'
 * (the Atlassian token themes) and '@usage-reporting/admin-ui/styles.css' (the page).
 */
// First, ahead of every module that builds a zod schema (see the module for why).
import './zod-jitless.js';

/** The whole page: loads its data, explains, previews, asks, and offers every section. */
export { UsageReportingAdminPage, type UsageReportingAdminPageProps } from './UsageReportingAdminPage.js';

/** The parts, for a vendor who lays out the page itself. Each needs a <ClientProvider> above it. */
export { AdminPage } from './screens/AdminPage.js';
export { ReportTab as ReportSection } from './screens/ReportTab.js';
export { PreviewPanel } from './components/PreviewPanel.js';
export { ChoicePanel, type Choice } from './components/ChoicePanel.js';
export { SettingsTab as SettingsSection } from './screens/SettingsTab.js';
export { HistoryTab as HistorySection } from './screens/HistoryTab.js';
export { YourDataTab as YourDataSection } from './screens/YourDataTab.js';
export { WithdrawDialog } from './components/WithdrawDialog.js';
export { useAdminPage, type PageLoad } from './page/useAdminPage.js';

/** The backend, reached through one typed client over any transport (the Forge bridge in production). */
export {
  createClient,
  resolverFunctionKey,
  type AdminClient,
  type ClientError,
  type ClientErrorCode,
  type ClientOnlyErrorCode,
  type ClientResult,
  type Transport
} from './api/client.js';
export { ClientProvider, useClient } from './api/client-context.js';
export { bridgeTransport } from './api/bridge-transport.js';
export { enableTheme } from './theme/enable-theme.js';

/** The page's words in the admin's language: the catalog, the provider and hook, locale and formats. */
export * from './i18n/index.js';
