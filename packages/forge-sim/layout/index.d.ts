/**
 * The package's directory, for the files it reads at run time (the pinned Forge specs, the bridge host's
 * browser scripts) and the program it starts (the local runner).
 *
 * A CommonJS file outside src/ because the same sources run as CommonJS (jest through @swc/jest, tsx,
 * Playwright's loader) and, built, as ES modules: CommonJS knows its place only by `__dirname`, ES modules
 * only by `import.meta.url`, and neither may appear in the other. Playwright's loader in particular leaves
 * `import.meta` in its CommonJS output, which Node then refuses. A CommonJS file works in both.
 */
export declare const packageRoot: string;
