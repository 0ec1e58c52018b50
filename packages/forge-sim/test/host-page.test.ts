import { hostPageCsp, renderHostPage, type HostPageOptions } from '../src/host/host-page';
import { otherLoopbackOrigin, requestOrigin } from '../src/host/origins';
import { injectBridgeScript } from '../src/host/resource';

const options: HostPageOptions = {
  frameOrigin: 'http://127.0.0.1:3000',
  resourcePaths: { jira: '/admin/index.html', confluence: '/admin/index.html' },
  appTitle: 'Usage Reporting',
  initial: { product: 'jira', as: 'admin', theme: 'light', locale: 'en-US' },
  network: { analyticsEgress: true, collectorReachable: true, hasCollector: true, hasAnalyticsEgress: false }
};

describe('the product page markup', () => {
  test('an app title from the manifest cannot inject markup', () => {
    const html = renderHostPage({ ...options, appTitle: '<img src=x onerror=alert(1)>"' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;');
  });

  test('opens in the state the URL asked for', () => {
    const html = renderHostPage({ ...options, initial: { product: 'confluence', as: 'member', theme: 'dark', locale: 'ja-JP' } });
    expect(html).toContain('<span id="product-name">Confluence</span>');
    expect(html).toContain('<option value="member" selected>Non-admin user</option>');
    expect(html).toContain('<option value="confluence" selected>Confluence</option>');
    expect(html).toContain('<option value="dark" selected>Dark</option>');
    expect(html).toContain('<option value="ja-JP" selected>日本語</option>');
  });

  test('offers the language a URL names even when it is not one of its own, selected', () => {
    const html = renderHostPage({ ...options, initial: { ...options.initial, locale: 'pt-BR' } });
    expect(html).toContain('<label>Language <select id="locale">');
    expect(html).toContain('<option value="pt-BR" selected>pt-BR</option>');
    expect(html).toContain('<option value="de-DE">Deutsch</option>');
  });

  test('has no inline script or style, which its own policy would refuse', () => {
    const html = renderHostPage(options);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
    expect(hostPageCsp(options.frameOrigin)).toContain("script-src 'self'; style-src 'self'");
  });

  test('offers to reload the app after a scheduled run, ticked: a run in the background does not change an open page', () => {
    expect(renderHostPage(options)).toContain('<input type="checkbox" id="reload-after-trigger" checked>Reload the app after the run</label>');
  });

  test('shows the collector switch only when a collector runs alongside', () => {
    expect(renderHostPage(options)).toContain('id="collector-reachable"');
    expect(renderHostPage({ ...options, network: { ...options.network, hasCollector: false } })).not.toContain('id="collector-reachable"');
  });

  test('shows the analytics switch only to an app that declares analytics egress, as it was last set', () => {
    expect(renderHostPage(options)).not.toContain('id="analytics-egress"');
    const declared = renderHostPage({ ...options, network: { ...options.network, hasAnalyticsEgress: true, analyticsEgress: false } });
    expect(declared).toContain('<label>Analytics egress <select id="analytics-egress">');
    expect(declared).toContain('<option value="blocked" selected>Blocked by the site admin</option>');
  });

  test('has no row of network switches when no switch would change anything', () => {
    expect(renderHostPage({ ...options, network: { ...options.network, hasCollector: false } })).not.toContain('Network switches');
  });
});

describe('the two loopback origins', () => {
  test('the app is always framed from the name the page was not opened on', () => {
    expect(otherLoopbackOrigin('http://localhost:3000')).toBe('http://127.0.0.1:3000');
    expect(otherLoopbackOrigin('http://127.0.0.1:3000')).toBe('http://localhost:3000');
  });

  test('only our own names on our own port are answered', () => {
    expect(requestOrigin('localhost:3000', 3000)).toBe('http://localhost:3000');
    expect(requestOrigin('127.0.0.1:3000', 3000)).toBe('http://127.0.0.1:3000');
    expect(requestOrigin('localhost:3001', 3000)).toBeUndefined();
    expect(requestOrigin('evil.localhost:3000', 3000)).toBeUndefined();
    expect(requestOrigin(undefined, 3000)).toBeUndefined();
  });
});

describe("Forge's bridge script in the app document", () => {
  const tag = '<script src="/__forge/bridge.js" data-host-origin="http://localhost:3000"></script>';

  test('goes first in <head>, even when <head> has attributes', () => {
    expect(injectBridgeScript('<html><head lang="en"><script src="a.js"></script></head></html>', 'http://localhost:3000')).toBe(
      `<html><head lang="en">${tag}<script src="a.js"></script></head></html>`
    );
  });

  test('without a <head>, goes before the first script', () => {
    expect(injectBridgeScript('<body><p>x</p><script src="a.js"></script></body>', 'http://localhost:3000')).toBe(
      `<body><p>x</p>${tag}<script src="a.js"></script></body>`
    );
  });

  test('a <header> element is not mistaken for <head>', () => {
    expect(injectBridgeScript('<header>h</header><script src="a.js"></script>', 'http://localhost:3000')).toBe(`<header>h</header>${tag}<script src="a.js"></script>`);
  });
});
