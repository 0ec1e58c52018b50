import { loadBridge } from '../bridge/load-bridge.js';

/** The token themes tokens.css defines, each selected by this attribute on <html>. */
const THEMES = 'light:light dark:dark spacing:spacing typography:typography shape:shape';

/**
 * Ask the host to apply the product's colour mode. The host sets `data-color-mode` on <html>;
 * the token CSS bundled with the page maps that to light or dark variables.
 * If the host refuses, the page stays in the light theme it starts with, which is still usable.
 */
export async function enableTheme(): Promise<void> {
  const html = document.documentElement;
  // A vendor's own index.html need not know the token attributes: the page sets what it relies on.
  if (!html.hasAttribute('data-theme')) html.setAttribute('data-theme', THEMES);
  if (!html.hasAttribute('data-color-mode')) html.setAttribute('data-color-mode', 'light');
  try {
    const { view } = await loadBridge();
    await view.theme.enable();
  } catch (error) {
    // Theming is cosmetic: the page must still load when the host does not support it.
    console.warn('Usage Reporting: the host did not enable theming', error);
  }
}
