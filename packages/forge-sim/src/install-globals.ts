import { installForgeGlobals } from './runtime/globals.js';

/**
 * Installs the Forge runtime globals the SDKs read. Import it before anything loads @forge/api,
 * which captures the global fetch when it loads: jest's setupFiles, the runner's first import, a
 * script that drives the platform (`import '@usage-reporting/forge-sim/install-globals'`).
 */
installForgeGlobals();
