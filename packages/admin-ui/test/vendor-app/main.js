/* global document */
// A vendor's own Custom UI entry, written as the package README says: plain JavaScript, no JSX,
// so that Vite and webpack alike build it with no loader or plugin of ours.
import '@usage-reporting/admin-ui/zod-jitless';
import '@usage-reporting/admin-ui/tokens.css';
import '@usage-reporting/admin-ui/styles.css';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UsageReportingAdminPage } from '@usage-reporting/admin-ui';

createRoot(document.getElementById('root')).render(createElement(StrictMode, null, createElement(UsageReportingAdminPage)));
