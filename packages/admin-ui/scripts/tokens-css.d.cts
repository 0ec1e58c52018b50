/** The token themes' CSS as the installed @atlaskit/tokens generates it, with its one-line header. */
export function tokensCss(): string;
/** src/tokens.css, the committed copy that ships in the package. */
export const TOKENS_CSS_PATH: string;
