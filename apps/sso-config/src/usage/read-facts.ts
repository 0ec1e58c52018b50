import { readLoginSettings } from '../store/login-settings-store';
import { listProviders } from '../store/providers-store';
import type { SsoFacts } from './facts';
import { summariseConfig } from './summarise-config';

/**
 * The toolkit's readFacts: called inside the invocation that builds a report (preview, the daily job).
 * A stored provider that no longer parses is left out of the counts. Unreadable login settings are
 * an error: reporting the defaults instead would tell the vendor MFA is off when it may not be.
 */
export async function readSsoFacts(): Promise<SsoFacts> {
  const [{ providers }, settings] = await Promise.all([listProviders(), readLoginSettings()]);
  if (!settings.ok) throw new Error(settings.reason);
  return summariseConfig(providers, settings.settings);
}
