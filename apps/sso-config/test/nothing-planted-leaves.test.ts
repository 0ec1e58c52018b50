import { attemptFor, oidcProvider } from './support/fixtures';
import { plantedEmails, plantedIn, plantedOidc, plantedSaml, plantedSettings, plantedValues } from './support/planted';
import { buildSsoBundleIfStale, BUILD_TIMEOUT_MS } from './support/fresh-bundle';
import { createSsoWorld, DAY, type SsoWorld } from './support/world';

/**
 * The adversarial suite: the app's configuration and its sign-ins are full of identifiers and
 * secrets (support/planted.ts). Everything the usage reporting produces is gathered (the preview,
 * every byte sent to the collector, the history, the ledger, both exports, what the collector
 * stores and aggregates) and none of it may hold a planted value, whole or in part.
 */
let w: SsoWorld;
beforeAll(buildSsoBundleIfStale, BUILD_TIMEOUT_MS);
beforeEach(async () => {
  w = await createSsoWorld();
});
afterEach(async () => {
  await w.close();
});

/** A site set up with the planted configuration, where planted people have signed in. */
async function plantedSite(): Promise<void> {
  await w.platform.runLifecycleInstalled();
  const saml = await w.ssoMust('addProvider', { settings: plantedSaml });
  const oidc = await w.ssoMust('addProvider', { settings: plantedOidc });
  await w.ssoMust('saveLoginSettings', { settings: plantedSettings });
  const now = new Date();
  const [jane, contractor] = plantedEmails as [string, string];
  await w.ssoMust('testSignIn', { attempt: attemptFor(saml.provider.id, plantedSaml, jane, now) });
  await w.ssoMust('testSignIn', { attempt: attemptFor(saml.provider.id, plantedSaml, jane, now, { mfaPassed: false }) });
  await w.ssoMust('testSignIn', { attempt: attemptFor(oidc.provider.id, plantedOidc, contractor, now, { accountExists: false }) });
  // An assertion naming another issuer: a set-up mistake, counted as configError.
  await w.ssoMust('testSignIn', { attempt: attemptFor(oidc.provider.id, oidcProvider, contractor, now) });
  // The sign-ins count in the next report's period, which ends before today.
  w.advance(DAY);
}

test('the search finds planted values where they are meant to be: in the app’s own storage', async () => {
  await plantedSite();
  const found = plantedIn(JSON.stringify(await w.ssoStorage()));
  // The emails were only in sign-in attempts; everything else is stored configuration.
  expect(found).toEqual({ values: plantedValues.filter((v) => !plantedEmails.includes(v)), marker: true });
});

test('no planted value reaches the preview, the hand-over files, the history, the exports or the collector', async () => {
  await plantedSite();
  const outputs: Record<string, string> = {};

  const page = await w.toolkitMust('loadAdminPage');
  outputs.adminPage = JSON.stringify(page);
  await w.toolkitMust('setConsent', { mode: 'per-case' });
  const draft = await w.toolkitMust('preview');
  outputs.preview = draft.text;
  const handed = await w.toolkitMust('handOverReport', { draftId: draft.draftId, digest: draft.digest });
  outputs.handOverFile = handed.text;
  const acknowledged = await w.toolkitMust('acceptCollectorAnswer', { text: (await w.handOver(handed.text)).answerText ?? '' });
  outputs.sendResult = JSON.stringify(acknowledged);
  expect(acknowledged.entry).toMatchObject({ status: 'sent' });

  await w.toolkitMust('setConsent', { mode: 'automatic', cadence: 'weekly' });
  w.advance(DAY);
  outputs.scheduledRun = JSON.stringify(await w.scheduled());
  // The daily job prepared the automatic report; the admin downloads and carries it.
  const ready = (await w.toolkitMust('getHistory')).entries.find((e) => e.trigger === 'automatic');
  const automaticFile = await w.toolkitMust('downloadHandOver', { reportId: ready?.reportId ?? '' });
  outputs.automaticFile = automaticFile.text;
  await w.toolkitMust('acceptCollectorAnswer', { text: (await w.handOver(automaticFile.text)).answerText ?? '' });

  const history = await w.toolkitMust('getHistory');
  outputs.history = JSON.stringify(history);
  for (const entry of history.entries) outputs[`historyEntry ${entry.trigger}`] = JSON.stringify(await w.toolkitMust('getHistoryEntry', { reportId: entry.reportId }));
  outputs.ledger = JSON.stringify(await w.toolkitMust('getLedger'));
  outputs.siteExport = (await w.toolkitMust('exportData')).json;
  outputs.vendorExport = (await w.rightsByHand({ kind: 'export' })).document?.json ?? '';

  const installationId: string = JSON.parse(draft.text).installationId;
  const stored = await w.received(installationId);
  outputs.collectorReports = JSON.stringify(stored);
  await w.collector.runRetention();
  outputs.collectorAggregates = JSON.stringify(await w.store.aggregates());
  outputs.collectorRequests = JSON.stringify(w.requests);

  // The outputs are the real thing: both reports arrived, carrying the configuration as summaries.
  expect(history.entries.map((e) => [e.trigger, e.status])).toEqual([['automatic', 'sent'], ['per-case', 'sent']]);
  expect(stored).toHaveLength(2);
  expect(JSON.parse(draft.text).fields).toMatchObject({
    'sso.identityProviders': '1-10',
    'sso.enabledProtocols': 'samlAndOidc',
    'sso.jitProvisioning': true,
    'sso.mfaEnforced': true,
    'sso.twoStepEnforced': true,
    'sso.sessionLength': 'upTo24h',
    'sso.breakGlassConfigured': true,
    'sso.logins': '1-10',
    'sso.loginErrors.mfaRejected': '1-10',
    'sso.loginErrors.unknownUser': '1-10',
    'sso.loginErrors.configError': '1-10',
    'sso.loginErrors.expiredAssertion': '0'
  });
  expect(Object.keys(outputs)).toEqual([
    'adminPage', 'preview', 'handOverFile', 'sendResult', 'scheduledRun', 'automaticFile', 'history', 'historyEntry automatic', 'historyEntry per-case',
    'ledger', 'siteExport', 'vendorExport', 'collectorReports', 'collectorAggregates', 'collectorRequests'
  ]);

  const leaks = Object.entries(outputs)
    .map(([where, text]) => ({ where, ...plantedIn(text) }))
    .filter((found) => found.marker || found.values.length > 0);
  expect(leaks).toEqual([]);
});
