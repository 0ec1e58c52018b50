/**
 * The token themes' CSS as the installed @atlaskit/tokens generates it, with its one-line header,
 * keeping only the variables in `used` (by default, those src/ reads) and every selector.
 */
export function tokensCss(used?: ReadonlySet<string>): string;
/** Every `--ds-…` variable name the package's sources mention (CSS, TS, TSX; not tokens.css). */
export function tokensUsed(): Set<string>;
/** src/tokens.css, the committed copy that ships in the package. */
export const TOKENS_CSS_PATH: string;
