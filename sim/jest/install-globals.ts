import { installForgeGlobals } from '../runtime/globals';

installForgeGlobals();
