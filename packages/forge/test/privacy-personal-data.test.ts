import { privacy } from '@forge/api';
import { accountsToReport } from '../src/privacy/accounts';
import { createWorld, DAY, type World } from './engine-support';
import { resolverFunctionKey } from '@usage-reporting/core/api';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

const otherAdmin = '712020:0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';

async function twoAdminsChangeConsent(): Promise<void> {
  w.platform.users.set(otherAdmin, { admin: true });
  await w.must('setConsent', { mode: 'per-case' });
  w.advance(60_000);
  const raw = await w.platform.invokeResolver(resolverFunctionKey('setConsent'), { mode: 'automatic', cadence: 'weekly' }, { accountId: otherAdmin });
  expect(raw).toMatchObject({ ok: true });
}

describe('the personal data reporting cycle, run by the daily trigger', () => {
  test("a closed account's ledger entries lose their account id; everything else in them, and other admins' entries, stay", async () => {
    await twoAdminsChangeConsent();
    const before = (await w.must('getLedger')).entries;
    w.platform.site.personalData.close(otherAdmin);

    await w.scheduled();

    const after = (await w.must('getLedger')).entries;
    expect(w.platform.site.personalData.requests).toBe(1);
    expect(after).toEqual(before.map((e) => (e.accountId === otherAdmin ? { ...e, accountId: null } : e)));
    expect(after.filter((e) => e.accountId === w.admin)).toHaveLength(1);
    expect(JSON.stringify(after)).not.toContain(otherAdmin);
  });

  test('runs once a week, not on every daily run', async () => {
    await twoAdminsChangeConsent();
    await w.scheduled();
    w.advance(DAY);
    await w.scheduled();
    expect(w.platform.site.personalData.requests).toBe(1);
    w.advance(7 * DAY);
    await w.scheduled();
    expect(w.platform.site.personalData.requests).toBe(2);
  });

  test('with no account ids stored it asks Atlassian nothing', async () => {
    await w.scheduled();
    expect(w.platform.site.personalData.requests).toBe(0);
  });

  test('a failing report-accounts call leaves the ledger as it was, says so in the run, and is retried on the next run', async () => {
    await twoAdminsChangeConsent();
    w.platform.site.personalData.close(otherAdmin);
    const before = (await w.must('getLedger')).entries;
    w.platform.site.personalData.failNext(503);

    const run = (await w.scheduled()) as { run: { rights: { personalData: unknown } } };
    expect(run.run.rights.personalData).toEqual({ ok: true, value: { kind: 'failed', reason: 'Atlassian answered 503' } });
    expect((await w.must('getLedger')).entries).toEqual(before);

    w.advance(DAY);
    await w.scheduled();
    expect(w.platform.site.personalData.requests).toBe(2);
    expect((await w.must('getLedger')).entries.some((e) => e.accountId === otherAdmin)).toBe(false);
  });
});

describe("the simulated report-accounts API, through @forge/api's privacy.reportPersonalData", () => {
  const report = (accounts: Array<{ accountId: string; updatedAt: string }>) =>
    w.platform.runAsInvocation({ functionKey: 'scheduled' }, () => privacy.reportPersonalData(accounts));
  const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ accountId: `712020:acc-${i}`, updatedAt: '2026-01-01T00:00:00.000Z' }));

  test('answers only accounts that need action; none needing any is an empty answer', async () => {
    expect(await report(ids(3))).toEqual([]);
    w.platform.site.personalData.close('712020:acc-1');
    w.platform.site.personalData.update('712020:acc-2', new Date('2026-02-01T00:00:00.000Z'));
    expect(await report(ids(3))).toEqual([
      { accountId: '712020:acc-1', status: 'closed' },
      { accountId: '712020:acc-2', status: 'updated' }
    ]);
  });

  test('more than 90 accounts go in requests of at most 90, as the SDK splits them', async () => {
    w.platform.site.personalData.close('712020:acc-120');
    expect(await report(ids(130))).toEqual([{ accountId: '712020:acc-120', status: 'closed' }]);
    expect(w.platform.site.personalData.requests).toBe(2);
  });

  test('a failure reaches the app as a rejected promise carrying the status', async () => {
    w.platform.site.personalData.failNext(500);
    await expect(report(ids(1))).rejects.toMatchObject({ status: 500 });
  });
});

describe('accountsToReport', () => {
  test('each account once, with its latest entry time', () => {
    const entry = (accountId: string | null, at: string) => ({ id: at, at, accountId, action: 'set-consent' as const, changes: [], formatVersion: 1 });
    expect(
      accountsToReport([entry('a', '2026-01-02T00:00:00.000Z'), entry('b', '2026-01-01T00:00:00.000Z'), entry('a', '2026-01-03T00:00:00.000Z'), entry(null, '2026-01-04T00:00:00.000Z')])
    ).toEqual([
      { accountId: 'a', updatedAt: '2026-01-03T00:00:00.000Z' },
      { accountId: 'b', updatedAt: '2026-01-01T00:00:00.000Z' }
    ]);
  });
});
