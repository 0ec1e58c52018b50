import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tokensCss, TOKENS_CSS_PATH } from '../scripts/tokens-css.cjs';

describe('the token themes the package ships (src/tokens.css)', () => {
  it('are exactly what the installed @atlaskit/tokens generates: after upgrading it, run `npm run tokens` in packages/admin-ui', () => {
    expect(readFileSync(TOKENS_CSS_PATH, 'utf8')).toBe(tokensCss());
  });

  it("define the light and dark colours and every token variable the page's styles read", () => {
    const css = tokensCss();
    for (const selector of ['[data-color-mode="light"][data-theme~="light:light"]', '[data-color-mode="dark"][data-theme~="dark:dark"]', '[data-theme~="spacing:spacing"]', '[data-theme~="typography:typography"]', '[data-theme~="shape:shape"]']) {
      expect(css).toContain(selector);
    }
    const stylesDir = path.join(__dirname, '../src/styles');
    const used = readdirSync(stylesDir).flatMap((file) => [...readFileSync(path.join(stylesDir, file), 'utf8').matchAll(/var\((--ds-[a-z0-9-]+)/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(20);
    expect([...new Set(used)].filter((variable) => !css.includes(`${variable}:`))).toEqual([]);
  });
});
