import { z } from 'zod';

/** How the site signs people in, whichever provider vouches for them. */
export const loginSettingsSchema = z.strictObject({
  /** Every sign-in must pass the provider's multi-factor check. */
  mfaEnforced: z.boolean(),
  /** The app asks for a second step of its own (a one-time code) after the provider. */
  twoStepEnforced: z.boolean(),
  /** How long a session lasts before the person signs in again: an hour to thirty days. */
  sessionLengthHours: z.number().int().min(1).max(720),
  /** Accounts that may still sign in with a password when every provider is down. */
  breakGlassAccountIds: z.array(z.string().trim().min(1).max(128)).max(10)
});
export type LoginSettings = z.infer<typeof loginSettingsSchema>;

/** What a site has before an admin saves anything: no enforcement, an eight-hour session. */
export const defaultLoginSettings: LoginSettings = {
  mfaEnforced: false,
  twoStepEnforced: false,
  sessionLengthHours: 8,
  breakGlassAccountIds: []
};
