import { z } from 'zod';

/**
 * Forge's CSP has no 'unsafe-eval', and zod 4 probes `new Function` when it builds a schema unless it
 * is told not to. This must run before any module builds one: main.tsx imports it first.
 */
z.config({ jitless: true });
