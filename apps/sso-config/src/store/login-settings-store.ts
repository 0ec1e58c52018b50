import { kvs } from '@forge/kvs';
import { defaultLoginSettings, loginSettingsSchema, type LoginSettings } from '../contract/login-settings';
import { ssoKeys } from './keys';

export type SettingsRead = { ok: true; settings: LoginSettings } | { ok: false; reason: string };

/** The site's login settings; the defaults until an admin saves some. */
export async function readLoginSettings(): Promise<SettingsRead> {
  const raw = await kvs.get<unknown>(ssoKeys.loginSettings);
  if (raw === undefined) return { ok: true, settings: defaultLoginSettings };
  const parsed = loginSettingsSchema.safeParse(raw);
  // Falling back to the defaults here would silently switch MFA enforcement off: report it instead.
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, reason: `stored login settings at '${ssoKeys.loginSettings}' do not match their schema` };
}

export const saveLoginSettings = (settings: LoginSettings): Promise<void> => kvs.set(ssoKeys.loginSettings, settings);
