import { z } from 'zod';

/**
 * COLLECTOR_DATABASE_URL: a PostgreSQL URL as libpq and node-postgres read it. Checked at start-up so a
 * typo stops the collector with the variable named, instead of a connection error later. No message
 * quotes the value: it may hold a password.
 */
const example = 'e.g. postgres://collector:secret@db.internal:5432/collector';

export const databaseUrlSchema = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // user:password@ and then no host is no URL to WHATWG, though it is one to libpq: say what is missing.
    const hostless = /^postgres(ql)?:\/\/[^/]*@\//.test(value);
    ctx.addIssue({ code: 'custom', message: hostless ? `names no host (${example})` : `is not a URL; expected postgres://user:password@host:port/database (${example})` });
    return;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    ctx.addIssue({ code: 'custom', message: `must start with postgres:// or postgresql:// (${example}); unset it to keep the SQLite file COLLECTOR_DB` });
    return;
  }
  // A Unix socket is named by ?host=/path, with the URL's own host left empty (postgres:///db?host=/run/postgresql).
  if (url.hostname === '' && !url.searchParams.get('host')) {
    ctx.addIssue({ code: 'custom', message: `names no host (${example})` });
  }
});

/** The URL for a log line: everything but the password. */
export function redactedDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password !== '') url.password = '*****';
  if (url.searchParams.has('password')) url.searchParams.set('password', '*****');
  return url.toString();
}
