import { fail, ok } from '@usage-reporting/core/api';
import { readLoginSettings, saveLoginSettings } from '../store/login-settings-store';
import type { SsoHandler } from './define';

export const getLoginSettingsHandler = (): SsoHandler<'getLoginSettings'> => async () => {
  const read = await readLoginSettings();
  if (!read.ok) {
    console.error(`[sso getLoginSettings] ${read.reason}`);
    return fail('STORAGE', 'The saved login settings could not be read. Save them again to replace them.');
  }
  return ok({ settings: read.settings });
};

export const saveLoginSettingsHandler = (): SsoHandler<'saveLoginSettings'> => async ({ settings }) => {
  await saveLoginSettings(settings);
  return ok({ settings });
};
