import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dashboardTokenSchema } from '@usage-reporting/collector';

/**
 * The local collector's dashboard token. Kept in the data folder, so a bookmarked dashboard link
 * keeps working across restarts; `npm start -- --reset` deletes the folder and with it the token.
 * Readable by the owner only: it is the vendor's credential, even on a laptop.
 */
const FILE = 'dashboard-token';

export async function localDashboardToken(dataDir: string): Promise<string> {
  const file = path.join(dataDir, FILE);
  const held = await readFile(file, 'utf8').then(
    (text) => dashboardTokenSchema.safeParse(text.trim()),
    (error: unknown) => {
      // Not `instanceof Error`: errors from node:fs come from another realm under jest.
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return undefined;
      throw error;
    }
  );
  if (held?.success) return held.data;
  // base64url: safe as the password part of a URL without escaping.
  const token = randomBytes(24).toString('base64url');
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/** A link a browser opens without a prompt: Chromium and Firefox send typed userinfo as Basic credentials. */
export const dashboardLink = (collectorUrl: string, token: string): string => {
  const url = new URL('/dashboard', collectorUrl);
  url.username = 'vendor';
  url.password = token;
  return url.toString();
};
