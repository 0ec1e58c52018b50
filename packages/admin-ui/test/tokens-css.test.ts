import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tokensCss, TOKENS_CSS_PATH } from '../scripts/tokens-css.cjs';

const stylesDir = path.join(__dirname, '../src/styles');
const styleFiles = readdirSync(stylesDir).filter((file) => file.endsWith('.css'));
const styles = styleFiles.map((file) => ({ file, css: readFileSync(path.join(stylesDir, file), 'utf8') }));

describe('the token themes the package ships (src/tokens.css)', () => {
  it('are exactly what the installed @atlaskit/tokens generates: after upgrading it, run `npm run tokens` in packages/admin-ui', () => {
    expect(readFileSync(TOKENS_CSS_PATH, 'utf8')).toBe(tokensCss());
  });

  it("define the light and dark colours and every token variable the page's styles read", () => {
    const css = tokensCss();
    for (const selector of ['[data-color-mode="light"][data-theme~="light:light"]', '[data-color-mode="dark"][data-theme~="dark:dark"]', '[data-theme~="spacing:spacing"]', '[data-theme~="typography:typography"]', '[data-theme~="shape:shape"]']) {
      expect(css).toContain(selector);
    }
    const used = styles.flatMap(({ css: style }) => [...style.matchAll(/var\((--ds-[a-z0-9-]+)/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(20);
    expect([...new Set(used)].filter((variable) => !css.includes(`${variable}:`))).toEqual([]);
  });
});

describe("the page's own styles (src/styles/*.css)", () => {
  it('write no colour of their own: every colour is a token, so light and dark both follow the host', () => {
    const colours = styles.flatMap(({ file, css }) =>
      [...stripComments(css).matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|oklch|lab)\(|(?<![\w-])(?:white|black|gr[ae]y|red|green|blue|yellow|orange)(?![\w-])/gi)].map(
        (m) => `${file}: ${m[0]}`
      )
    );
    expect(colours).toEqual([]);
  });

  it('are all imported by src/styles.css, the one stylesheet a vendor imports', () => {
    const entry = readFileSync(path.join(__dirname, '../src/styles.css'), 'utf8');
    const imported = [...entry.matchAll(/@import '\.\/styles\/([a-z-]+\.css)';/g)].map((m) => m[1]);
    expect([...imported].sort()).toEqual([...styleFiles].sort());
  });
});

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}
