import { z } from 'zod';

/**
 * Zod must never evaluate code in the admin page. Forge's Content-Security-Policy has no
 * 'unsafe-eval', and zod 4 decides at each `z.object()` whether its JIT may use `new Function`,
 * probing with one. The probe's refusal is caught, yet it is still a CSP violation, reported to
 * Forge on every page load. Jitless, zod skips the probe and parses as fast as this page needs.
 *
 * It takes effect only for schemas built after it runs, and the shared schemas are built as their
 * modules load: so main.tsx imports this module first, ahead of everything that imports zod.
 */
z.config({ jitless: true });
