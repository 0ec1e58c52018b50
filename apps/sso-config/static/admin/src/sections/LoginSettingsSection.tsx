import { useCallback, useState, type FormEvent } from 'react';
import { loginSettingsSchema, type LoginSettings } from '../../../../src/contract/login-settings';
import { callSso } from '../api/client';
import { useResource } from '../api/useResource';

/** How people sign in, whichever provider vouches for them. */
export function LoginSettingsSection() {
  const load = useCallback(() => callSso('getLoginSettings', {}), []);
  const [settings, reload] = useResource(load);
  const [message, setMessage] = useState<string | null>(null);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginSettingsSchema.safeParse({
      mfaEnforced: form.get('mfa') === 'on',
      twoStepEnforced: form.get('twoStep') === 'on',
      sessionLengthHours: Number(form.get('sessionLengthHours')),
      breakGlassAccountIds: String(form.get('breakGlass') ?? '').split(/\s+/).filter(Boolean)
    });
    if (!parsed.success) return setMessage(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const result = await callSso('saveLoginSettings', { settings: parsed.data });
    setMessage(result.ok ? 'Saved.' : result.error.message);
    reload();
  };

  return (
    <section aria-labelledby="login-heading">
      <h2 id="login-heading">Login settings</h2>
      {settings.state === 'loading' && <p>Loading login settings…</p>}
      {settings.state === 'error' && <p role="alert">{settings.message}</p>}
      {settings.state === 'ready' && <SettingsForm key={JSON.stringify(settings.data.settings)} settings={settings.data.settings} onSubmit={save} />}
      {message && <p role="status">{message}</p>}
    </section>
  );
}

function SettingsForm({ settings, onSubmit }: { settings: LoginSettings; onSubmit: (event: FormEvent<HTMLFormElement>) => void }) {
  return (
    <form onSubmit={onSubmit} aria-label="Login settings">
      <label><input name="mfa" type="checkbox" defaultChecked={settings.mfaEnforced} /> Require multi-factor authentication at the provider</label>
      <label><input name="twoStep" type="checkbox" defaultChecked={settings.twoStepEnforced} /> Ask for a one-time code after the provider (2-step)</label>
      <label>Session length (hours, 1 to 720) <input name="sessionLengthHours" type="number" min={1} max={720} defaultValue={settings.sessionLengthHours} /></label>
      <label>Break-glass account ids (one per line) <textarea name="breakGlass" rows={3} defaultValue={settings.breakGlassAccountIds.join('\n')} /></label>
      <button type="submit">Save login settings</button>
    </form>
  );
}
