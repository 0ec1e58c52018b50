import type { Product } from '@usage-reporting/core/api';
import type { ActingUser } from './platform-port.js';

/**
 * The product page around the app: its controls and an empty slot where host-page.ts (the script)
 * creates the iframe once its bridge listener is in place, so no bridge call can arrive unheard.
 * No inline script or style: the page's own CSP allows only same-origin files.
 */
export interface HostPageOptions {
  frameOrigin: string;
  /** Path (on the frame origin) of each product's admin page resource, e.g. `/admin/index.html`. */
  resourcePaths: Record<Product, string>;
  appTitle: string;
  /** `locale`: the acting user's, as view.getContext() reports it (a well-formed BCP 47 tag). */
  initial: { product: Product; as: ActingUser; theme: 'light' | 'dark'; locale: string };
  /**
   * The egress switches' current state (they live on the server, not in the URL), and which to offer:
   * the collector's when one runs alongside, the analytics one when the app declares analytics egress.
   */
  network: { analyticsEgress: boolean; collectorReachable: boolean; hasCollector: boolean; hasAnalyticsEgress: boolean };
}

/** The languages the Language control offers; a URL may name any other tag, which is then offered too. */
export const hostLocales: readonly (readonly [tag: string, label: string])[] = [
  ['en-US', 'English (US)'],
  ['en-GB', 'English (UK)'],
  ['de-DE', 'Deutsch'],
  ['ja-JP', '日本語'],
  ['fr-FR', 'Français']
];

export function hostPageCsp(frameOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    `frame-src ${frameOrigin}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ');
}

export function renderHostPage(options: HostPageOptions): string {
  const { initial, network } = options;
  const option = (value: string, label: string, selected: string) =>
    `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const locales = hostLocales.some(([tag]) => tag === initial.locale) ? hostLocales : [...hostLocales, [initial.locale, initial.locale] as const];
  return `<!doctype html>
<html lang="en" data-color-mode="${initial.theme}" data-product="${initial.product}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.appTitle)} · simulated Forge host</title>
<link rel="stylesheet" href="/__host/host.css">
<script src="/__host/host.js" defer></script>
</head>
<body data-frame-origin="${escapeHtml(options.frameOrigin)}" data-resource-jira="${escapeHtml(options.resourcePaths.jira)}" data-resource-confluence="${escapeHtml(options.resourcePaths.confluence)}" data-app-title="${escapeHtml(options.appTitle)}">
<header class="product-bar">
  <div class="product-title"><span class="product-logo" aria-hidden="true"></span><span id="product-name">${initial.product === 'jira' ? 'Jira' : 'Confluence'}</span>
    <span class="breadcrumb">Settings › Apps › ${escapeHtml(options.appTitle)}</span></div>
  <form class="controls" aria-label="Simulation controls">
    <label>Acting as <select id="acting-user">${option('admin', 'Site admin', initial.as)}${option('member', 'Non-admin user', initial.as)}</select></label>
    <label>Product <select id="product">${option('jira', 'Jira', initial.product)}${option('confluence', 'Confluence', initial.product)}</select></label>
    <label>Theme <select id="theme">${option('light', 'Light', initial.theme)}${option('dark', 'Dark', initial.theme)}</select></label>
    <label>Language <select id="locale">${locales.map(([tag, label]) => option(tag, label, initial.locale)).join('')}</select></label>
    <button type="button" id="run-scheduled">Run scheduled trigger now</button>
    <label class="inline-check"><input type="checkbox" id="reload-after-trigger" checked>Reload the app after the run</label>
  </form>
  ${networkSwitches(network, option)}
  <p id="scheduled-result" class="scheduled-result" role="status" aria-live="polite"></p>
</header>
<main id="app-container" class="app-container"></main>
</body>
</html>
`;
}

/** The second row of controls, or nothing when the app has no switch that would change anything. */
function networkSwitches(network: HostPageOptions['network'], option: (value: string, label: string, selected: string) => string): string {
  const analytics = network.analyticsEgress ? 'allowed' : 'blocked';
  const collector = network.collectorReachable ? 'up' : 'down';
  const switches = [
    network.hasAnalyticsEgress
      ? `<label>Analytics egress <select id="analytics-egress">${option('allowed', 'Allowed', analytics)}${option('blocked', 'Blocked by the site admin', analytics)}</select></label>`
      : '',
    network.hasCollector ? `<label>Collector <select id="collector-reachable">${option('up', 'Reachable', collector)}${option('down', 'Down', collector)}</select></label>` : ''
  ].filter(Boolean);
  return switches.length === 0 ? '' : `<form class="controls network" aria-label="Network switches">
    ${switches.join('\n    ')}
  </form>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
