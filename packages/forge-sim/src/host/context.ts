import type { FullContext } from '@forge/bridge';

/**
 * What `view.getContext()` returns inside the iframe: the platform's Custom UI context (the one
 * resolvers also receive) plus what only the product page knows, its theme. As on Forge, the
 * backend never trusts this object: resolvers learn the caller from the invocation context.
 */
export function pageContext(platformContext: object, colorMode: 'light' | 'dark'): object {
  const theme: FullContext['theme'] = { colorMode, light: 'light', dark: 'dark', spacing: 'spacing' };
  return { ...platformContext, theme, surfaceColor: null };
}
