// The prebuilt Custom UI resource: the package's own build (dist/), mounted as the whole page. A
// vendor whose Custom UI is not React points a manifest resource at dist/resource and writes no UI
// code. Built by scripts/build.mjs after dist/, so the resource runs exactly what the package exports.
import '../dist/zod-jitless.js';
import '../dist/tokens.css';
import '../dist/styles.css';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UsageReportingAdminPage } from '../dist/index.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(createElement(StrictMode, null, createElement(UsageReportingAdminPage)));
