import { accountsToReport } from '../../src/privacy/accounts';
import { createWorld, DAY, type World } from './engine-support';

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
  const raw = await w.platform.invokeResolver('setConsent', { mode: 'automatic', cadence: 'weekly' }, { accountId: otherAdmin });
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
