// The Atlassian design-token themes the page's styles read (var(--ds-…)), as one real CSS file:
// src/tokens.css, shipped in the package. A vendor's Vite or webpack build, and the prebuilt
// resource, get plain CSS; no build plugin of ours is needed to produce it. Forge's CSP allows a
// stylesheet file, not a <style> tag, and the host sets only the `data-color-mode` attribute, so
// the variables themselves must ship with the page.
//
//   node scripts/tokens-css.cjs    rewrites src/tokens.css from the installed @atlaskit/tokens
//
// test/tokens-css.test.ts fails when the committed file no longer matches the installed version.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const TOKENS_CSS_PATH = join(__dirname, '../src/tokens.css');
const THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

function tokensCss() {
  const { version } = require('@atlaskit/tokens/package.json');
  const themes = THEMES.map((theme) => {
    const css = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`).default;
    if (typeof css !== 'string') throw new Error(`@atlaskit/tokens ${version}: theme ${theme} is not a CSS string`);
    return css.trim();
  });
  const header = `/* Generated from @atlaskit/tokens ${version} (${THEMES.join(', ')}) by scripts/tokens-css.cjs: do not edit. */`;
  return `${[header, ...themes].join('\n\n')}\n`;
}

module.exports = { tokensCss, TOKENS_CSS_PATH };

if (require.main === module) {
  writeFileSync(TOKENS_CSS_PATH, tokensCss());
  console.log(`tokens-css: wrote ${TOKENS_CSS_PATH}`);
}
