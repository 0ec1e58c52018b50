import { keys } from '../store/keys.js';
import { claim, write } from '../store/kvs-store.js';
import { ensureInstallation } from '../store/repositories.js';
import { productFromFunctionContext } from './product.js';

/**
 * Minimal work for the trigger entry points until the report pipeline takes them over: record when
 * the app was installed and when the daily trigger last ran, both as plain timestamps (no user ids).
 */
export const INSTALLATION_KEY = keys.installedRecord;
export const LAST_SCHEDULED_RUN_KEY = 'schedule:lastRun';

export interface InstallationRecord {
  installedAt: string;
  product: string;
}

export async function recordInstallation(_event: unknown, context: unknown): Promise<void> {
  const product = productFromFunctionContext(context);
  const record: InstallationRecord = { installedAt: new Date().toISOString(), product: product.ok ? product.product : 'unknown' };
  // Forge may deliver the installed event more than once; the first install time is the true one.
  await claim(INSTALLATION_KEY, record);
  // The signing key pair is made at install, so the installation's id exists before anything is sent.
  await ensureInstallation(new Date());
}

export async function recordScheduledRun(_event: unknown, context: unknown): Promise<void> {
  const product = productFromFunctionContext(context);
  await write(LAST_SCHEDULED_RUN_KEY, { at: new Date().toISOString(), product: product.ok ? product.product : 'unknown' });
}
