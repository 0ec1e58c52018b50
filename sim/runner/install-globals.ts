import { installForgeGlobals } from '../runtime/globals';

// Imported first by main.ts: @forge/api captures the global fetch when it loads.
installForgeGlobals();
