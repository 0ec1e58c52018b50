import { TestEnvironment } from 'jest-environment-jsdom';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';

/**
 * jsdom for the page's component tests, plus the few platform pieces a real browser has and jsdom
 * lacks: fetch (the repository-wide jest setup binds it), TextEncoder and Web Crypto (the page
 * checks digests with crypto.subtle). Each comes from Node's own implementation, not a stand-in.
 */
export default class PageEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const g = this.global as unknown as Record<string, unknown>;
    g.fetch = globalThis.fetch;
    g.TextEncoder = globalThis.TextEncoder;
    g.TextDecoder = globalThis.TextDecoder;
    Object.defineProperty(g, 'crypto', { configurable: true, value: globalThis.crypto });
    // jsdom has no user-agent stylesheet: every element's display reads as '', which accessible-name
    // code takes for a block and separates with a space. Browsers draw <wbr> inline, so a field name
    // with break points ("site.<wbr>projects", components/FieldName.tsx) is named "site.projects" there.
    const document = this.dom?.window.document;
    const userAgentStyle = document?.createElement('style');
    if (document && userAgentStyle) {
      userAgentStyle.textContent = 'wbr { display: inline; }';
      document.head.append(userAgentStyle);
    }
  }
}
