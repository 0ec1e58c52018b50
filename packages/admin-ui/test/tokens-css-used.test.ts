import { tokensCss, tokensUsed } from '../scripts/tokens-css.cjs';

/**
 * src/tokens.css keeps only the token variables the sources read (scripts/tokens-css.cjs); the
 * committed file is compared with the generator in tokens-css.test.ts, so a style that starts or
 * stops reading a token fails there until `npm run tokens` is run.
 */
const defined = (css: string) => new Set([...css.matchAll(/^\s*(--ds-[a-z0-9-]+)\s*:/gm)].map((m) => m[1]));

describe('the token themes, cut to the variables the sources read', () => {
  it('define exactly the variables asked for, in every theme that has them', () => {
    const used = new Set(['--ds-text', '--ds-space-100']);
    const css = tokensCss(used);
    expect(defined(css)).toEqual(used);
    // A colour is defined for light and for dark; a space only in the spacing theme.
    expect(css.match(/^\s*--ds-text:/gm)).toHaveLength(2);
    expect(css.match(/^\s*--ds-space-100:/gm)).toHaveLength(1);
  });

  it('keep every theme selector and its colour scheme', () => {
    const css = tokensCss(new Set());
    expect(defined(css).size).toBe(0);
    for (const selector of ['[data-color-mode="light"][data-theme~="light:light"]', '[data-color-mode="dark"][data-theme~="dark:dark"]', '[data-theme~="spacing:spacing"]']) {
      expect(css).toContain(selector);
    }
    expect(css).toContain('color-scheme: light;');
    expect(css).toContain('color-scheme: dark;');
  });

  it("find the variables in the package's own styles, and not in tokens.css itself", () => {
    const used = tokensUsed();
    expect(used.has('--ds-text')).toBe(true);
    // tokens.css defines far more than the page reads; scanning it would keep them all.
    expect(used.size).toBeLessThan(300);
    expect([...used].every((name) => /^--ds-[a-z0-9-]+$/.test(name))).toBe(true);
  });
});
