import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The dashboard's one credential: a token the vendor sets in the environment. A browser sends it as
 * the password of HTTP Basic auth (any user name), a script as `Authorization: Bearer <token>`.
 * There is no loopback exemption: a reverse proxy on the same host makes every request look local.
 */
export const dashboardTokenVariable = 'COLLECTOR_DASHBOARD_TOKEN';
export const dashboardRealm = 'Usage Reporting collector dashboard';
export const minTokenLength = 16;

// Visible ASCII only: the token travels in a header and as a URL password, where spaces and
// non-ASCII are mangled; 16 characters or more so it cannot be guessed over the network.
export const dashboardTokenSchema = z
  .string()
  .min(minTokenLength, `the dashboard token must be at least ${minTokenLength} characters (e.g. openssl rand -base64 24)`)
  .max(512, 'the dashboard token must be at most 512 characters')
  .regex(/^[\x21-\x7e]+$/, 'the dashboard token must be visible ASCII characters, without spaces');

export const dashboardOffMessage =
  `The dashboard is off: no credential is configured. Set ${dashboardTokenVariable} to a secret of at least ` +
  `${minTokenLength} characters and restart the collector, for example\n\n` +
  `  ${dashboardTokenVariable}="$(openssl rand -base64 24)" npm run collector\n\n` +
  `Then open /dashboard with that token as the password (any user name), or send it as "Authorization: Bearer <token>".\n`;

/** The token the request presents, from either scheme; undefined when it presents none we read. */
export function presentedToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const [scheme, ...rest] = authorization.trim().split(/\s+/);
  const param = rest.join(' ');
  if (scheme === undefined || param === '') return undefined;
  if (scheme.toLowerCase() === 'bearer') return param;
  if (scheme.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(param, 'base64').toString('utf8');
  // user-id ":" password (RFC 7617); the user name may be anything, it is not a second secret.
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/**
 * Compares digests rather than the strings so the time taken says nothing about where they differ,
 * nor about the configured token's length.
 */
export function tokenMatches(presented: string | undefined, configured: string): boolean {
  if (presented === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(configured));
}
