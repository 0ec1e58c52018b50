// The Atlassian design-token themes the page's styles read (var(--ds-…)), as one real CSS file:
// src/tokens.css, shipped in the package. A vendor's Vite or webpack build, and the prebuilt
// resource, get plain CSS; no build plugin of ours is needed to produce it. Forge's CSP allows a
// stylesheet file, not a <style> tag, and the host sets only the `data-color-mode` attribute, so
// the variables themselves must ship with the page.
//
// Only the variables the package's own sources read are kept: the themes define about a thousand,
// the page reads under a hundred, and every page load would download and parse the rest (about
// 5 KB gzipped). Every selector and non-variable declaration (color-scheme) stays.
//
//   node scripts/tokens-css.cjs    rewrites src/tokens.css from the installed @atlaskit/tokens
//                                  and the variables src/ reads now
//
// test/tokens-css.test.ts fails when the committed file no longer matches what this generates: after
// upgrading @atlaskit/tokens, or when a style starts or stops reading a token.
const { readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const SRC_DIR = join(__dirname, '../src');
const TOKENS_CSS_PATH = join(SRC_DIR, 'tokens.css');
const THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

/** Every `--ds-…` name the package's sources (CSS, TS, TSX; not tokens.css itself) mention. */
function tokensUsed(dir = SRC_DIR) {
  const used = new Set();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const name of tokensUsed(file)) used.add(name);
    } else if (/\.(css|tsx?)$/.test(entry.name) && file !== TOKENS_CSS_PATH) {
      for (const [name] of readFileSync(file, 'utf8').matchAll(/--ds-[a-z0-9-]+/g)) used.add(name);
    }
  }
  return used;
}

/** The theme with its variable declarations (one a line in @atlaskit/tokens' output) cut to `used`. */
function keepUsed(css, used) {
  return css
    .split('\n')
    .filter((line) => {
      const variable = /^\s*(--ds-[a-z0-9-]+)\s*:/.exec(line);
      return !variable || used.has(variable[1]);
    })
    .join('\n');
}

function tokensCss(used = tokensUsed()) {
  const { version } = require('@atlaskit/tokens/package.json');
  const themes = THEMES.map((theme) => {
    const css = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`).default;
    if (typeof css !== 'string') throw new Error(`@atlaskit/tokens ${version}: theme ${theme} is not a CSS string`);
    return keepUsed(css.trim(), used);
  });
  const header = `/* Generated from @atlaskit/tokens ${version} (${THEMES.join(', ')}) by scripts/tokens-css.cjs, keeping the ${used.size} variables src/ reads: do not edit. */`;
  return `${[header, ...themes].join('\n\n')}\n`;
}

module.exports = { tokensCss, tokensUsed, TOKENS_CSS_PATH };

if (require.main === module) {
  writeFileSync(TOKENS_CSS_PATH, tokensCss());
  console.log(`tokens-css: wrote ${TOKENS_CSS_PATH}`);
}
