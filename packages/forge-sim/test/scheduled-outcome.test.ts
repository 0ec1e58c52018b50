import { describeScheduledRun } from '../src/host/scheduled-outcome';

/** The line the product page shows after "Run scheduled trigger now", from what the trigger returned. */
const quiet = {
  outbox: { attempted: 0, sent: 0, stillQueued: 0, settledOtherwise: 0, errors: [] as string[] },
  retention: { purged: 0 },
  rights: {
    keyRotation: { ok: true, value: 'not due' },
    vendorDeletion: { ok: true, value: 'none' },
    vendorRestriction: { ok: true, value: 'none' },
    personalData: { ok: true, value: { kind: 'not-due', lastAt: '2026-12-01T00:00:00.000Z' } }
  } as Record<string, unknown>
};
const reportId = '6b1f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const run = (automatic: unknown, rest: Partial<typeof quiet> = {}) => ({ ok: true, run: { ...quiet, automatic, ...rest } });

describe("the toolkit's daily job, in words", () => {
  test.each([
    [{ kind: 'queued', reportId, status: 'sent' }, `automatic report sent (report ${reportId})`],
    [{ kind: 'queued', reportId, status: 'pending' }, `automatic report built but not delivered yet; it waits in the outbox (report ${reportId})`],
    [{ kind: 'ready-to-hand-over', reportId, status: 'pending' }, `automatic report prepared, ready for the admin to hand over (report ${reportId})`],
    [{ kind: 'not-due', reason: 'the cadence has not come round yet' }, 'nothing due: no automatic report (the cadence has not come round yet)'],
    [{ kind: 'blocked', code: 'PRIVACY_BLOCKED', message: 'a field is not allowed' }, 'the automatic report was not built: PRIVACY_BLOCKED: a field is not allowed'],
    [{ error: 'KvsError: Simulated KVS failure on /api/v1/get' }, 'the automatic report failed: KvsError: Simulated KVS failure on /api/v1/get']
  ])('automatic %j: %s, and nothing about the quiet steps', (automatic, words) => {
    expect(describeScheduledRun(run(automatic))).toBe(words);
  });

  test('the other steps are named only when they did something or failed', () => {
    const busy = run(
      { kind: 'not-due', reason: "sharing is 'per-case'" },
      {
        outbox: { attempted: 2, sent: 1, stillQueued: 1, settledOtherwise: 0, errors: ['r1: connect ECONNREFUSED'] },
        retention: { purged: 3 },
        rights: { ...quiet.rights, vendorDeletion: { ok: true, value: 'acknowledged' }, personalData: { ok: false, error: 'Error: stargate down' } }
      }
    );
    expect(describeScheduledRun(busy)).toBe(
      "nothing due: no automatic report (sharing is 'per-case'); retried 2 queued report(s): 1 sent, 1 still queued; outbox error: r1: connect ECONNREFUSED; " +
        '3 report(s) past retention deleted; vendor deletion request: acknowledged; personal data reporting cycle failed: Error: stargate down'
    );
  });

  test('a job that could not run says why', () => {
    expect(describeScheduledRun({ ok: false, reason: 'no installContext' })).toBe("the app's daily job did not run: no installContext");
  });
});

describe('any other trigger', () => {
  test('its return value is shown whole, however long', () => {
    const long = { done: 'x'.repeat(2000) };
    expect(describeScheduledRun(long)).toBe(`the trigger returned ${JSON.stringify(long)}`);
    expect(describeScheduledRun(undefined)).toBe('the trigger returned nothing');
  });

  test('a part of a shape this page does not know is shown as JSON, the rest in words', () => {
    expect(describeScheduledRun(run({ kind: 'something-new' }))).toBe('automatic report: {"kind":"something-new"}');
  });
});
