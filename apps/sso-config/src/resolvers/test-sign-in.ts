import { fail, ok } from '@usage-reporting/core/api';
import { signIn, type Meter } from '../login/sign-in';
import type { SsoHandler } from './define';

/** "Test sign-in" on the admin page: runs the real sign-in flow, which counts it like any sign-in. */
export const testSignInHandler = (meter: Meter, now: () => Date): SsoHandler<'testSignIn'> => async ({ attempt }) => {
  const result = await signIn(attempt, meter, now());
  if (!result.ok) {
    console.error(`[sso testSignIn] ${result.reason}`);
    return fail('STORAGE', 'The saved login settings could not be read, so no sign-in can be decided. Save them again to replace them.');
  }
  return ok({ outcome: result.outcome });
};
