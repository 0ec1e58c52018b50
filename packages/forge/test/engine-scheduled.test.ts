import { parseReport } from '@usage-reporting/core';
import { COLLECTOR_ORIGIN, createWorld, DAY, HOUR, type World } from './engine-support';

let w: World;
afterEach(async () => {
  await w.close();
});

const egressCount = () => w.platform.counters.snapshot().egress[COLLECTOR_ORIGIN] ?? 0;

describe('automatic sending via the scheduled trigger', () => {
  beforeEach(async () => {
    w = await createWorld();
  });

  test('the first report goes on the first run after choosing automatic, stored in history byte for byte', async () => {
    await w.consent.set('automatic', 'weekly');
    const before = Date.now();
    const due = Date.parse((await w.must('loadAdminPage')).nextAutomaticAt ?? '');
    expect(due).toBeGreaterThanOrEqual(before);
    expect(due).toBeLessThanOrEqual(Date.now());

    await w.scheduled();

    const received = await w.received();
    expect(received).toHaveLength(1);
    const history = await w.must('getHistory');
    expect(history.entries).toEqual([expect.objectContaining({ trigger: 'automatic', status: 'sent', digest: received[0]?.digest })]);
    const entry = await w.must('getHistoryEntry', { reportId: history.entries[0]?.reportId });
    expect(entry.text).toBe(received[0]?.bytes);
  });

  test('weekly: nothing more the same week, the next report seven days later, periods back to back', async () => {
    await w.consent.set('automatic', 'weekly');
    await w.scheduled();
    w.advance(DAY);
    await w.scheduled();
    expect(await w.received()).toHaveLength(1);
    expect((await w.must('loadAdminPage')).nextAutomaticAt).toBe('2026-12-06T00:00:00.000Z');

    w.advance(6 * DAY);
    await w.scheduled();
    const periods = (await w.received()).map((r) => {
      const parsed = parseReport(JSON.parse(r.bytes));
      if (!parsed.ok) throw new Error(parsed.issues.join('; '));
      return parsed.value.period;
    });
    expect(periods).toEqual([
      { from: '2026-11-29', to: '2026-11-29' },
      { from: '2026-11-29', to: '2026-12-06' }
    ]);
  });

  test('two overlapping trigger runs build one automatic report', async () => {
    await w.consent.set('automatic', 'monthly');
    await Promise.all([w.scheduled(), w.scheduled()]);
    expect(await w.received()).toHaveLength(1);
    expect((await w.must('getHistory')).entries).toHaveLength(1);
  });

  test('the trigger answers with outcomes and counts, never report bytes', async () => {
    await w.consent.set('automatic', 'weekly');
    const result = await w.scheduled();
    const [stored] = await w.received();
    expect(result).toMatchObject({
      ok: true,
      run: { outbox: { attempted: 0 }, automatic: { kind: 'queued', reportId: stored?.reportId, status: 'sent' }, retention: { purged: 0 } }
    });
    expect(JSON.stringify(result)).not.toContain(stored?.digest ?? '-');
    expect(JSON.stringify(result)).not.toContain('"fields"');
  });

  test('per-case and off never send on the trigger', async () => {
    await w.scheduled();
    await w.consent.set('per-case');
    await w.scheduled();
    await w.consent.set('off');
    await w.scheduled();
    expect(egressCount()).toBe(0);
  });
});

describe('the outbox', () => {
  beforeEach(async () => {
    // A short function time limit keeps the transport's timeout (limit minus 3 s) short.
    w = await createWorld({ functionTimeoutMs: 5_000 });
    await w.consent.set('per-case');
  });

  test.each([
    ['a 503', () => w.platform.faults.failEgress({ status: 503 })],
    ['a timeout', () => w.platform.faults.timeoutEgress()]
  ])('after %s the report is queued, retried after the backoff, and stored once', async (_what, fault) => {
    const draft = await w.must('preview');
    fault();
    const sent = await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
    expect(sent).toMatchObject({ outcome: 'queued', entry: { status: 'pending', attempts: 1 } });
    // The page words the code; the transport's own description of the failure travels as its data.
    expect(sent.notice).toEqual({ code: 'send.unreachable', params: { detail: sent.entry.lastError } });
    expect(sent.entry.lastError).toMatch(/503|did not answer in time/);
    expect((await w.must('loadAdminPage')).outboxSize).toBe(1);

    // Backoff: the first retry waits 15 minutes.
    await w.scheduled();
    expect(egressCount()).toBe(1);
    w.advance(16 * 60_000);
    await w.scheduled();

    expect((await w.received()).map((r) => r.bytes)).toEqual([draft.text]);
    const page = await w.must('loadAdminPage');
    expect(page.outboxSize).toBe(0);
    expect(page.history[0]).toMatchObject({ reportId: draft.reportId, status: 'sent', attempts: 2, lastError: null });
  }, 20_000);

  test('a function that dies after the collector stored the report: the retry gets the original receipt, one report stored', async () => {
    const draft = await w.must('preview');
    w.platform.faults.killInvocation({ afterEgressDelivered: true });
    await expect(w.call('sendReport', { draftId: draft.draftId, digest: draft.digest })).rejects.toThrow(/killed/);
    expect(await w.received()).toHaveLength(1);
    expect((await w.must('getHistory')).entries[0]).toMatchObject({ status: 'pending' });

    await w.scheduled();

    const received = await w.received();
    expect(received.map((r) => r.bytes)).toEqual([draft.text]);
    const entry = (await w.must('getHistory')).entries[0];
    expect(entry).toMatchObject({ status: 'sent', receipt: { receiptId: received[0]?.receiptId, duplicate: true } });
    expect(egressCount()).toBe(2);
  });

  test('a function that dies right after queueing, before transmitting: the daily run sends it', async () => {
    const draft = await w.must('preview');
    // preview wrote its draft; the send's writes are: the claim, then the queue transaction.
    w.platform.faults.killInvocation({ afterKvsWrites: 2 });
    await expect(w.call('sendReport', { draftId: draft.draftId, digest: draft.digest })).rejects.toThrow(/killed/);
    expect(egressCount()).toBe(0);
    await w.scheduled();
    expect((await w.received()).map((r) => r.bytes)).toEqual([draft.text]);
  });

  test.each([
    ['the receipt', 3],
    ['the receipt and the sent record', 4]
  ])('a function that dies after recording %s, before clearing the outbox: the next run only clears it', async (_, writes) => {
    const draft = await w.must('preview');
    // The send's writes: the claim, the queue transaction, the receipt, the sent record (the outbox delete would be next).
    w.platform.faults.killInvocation({ afterKvsWrites: writes });
    await expect(w.call('sendReport', { draftId: draft.draftId, digest: draft.digest })).rejects.toThrow(/killed/);
    expect((await w.must('loadAdminPage')).outboxSize).toBe(1);
    await w.scheduled();
    expect(egressCount()).toBe(1);
    const page = await w.must('loadAdminPage');
    expect(page.outboxSize).toBe(0);
    expect(page.history[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('with the collector out of reach the report waits in the outbox, then goes once it is back', async () => {
    // The collector is plain backend egress (no analytics category): the site's analytics switch does not apply; an outage does.
    const address = w.collector.app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    w.platform.egress.retarget(COLLECTOR_ORIGIN, undefined);
    const draft = await w.must('preview');
    expect(await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest })).toMatchObject({ outcome: 'queued' });
    expect(await w.received()).toEqual([]);
    w.platform.egress.retarget(COLLECTOR_ORIGIN, `http://127.0.0.1:${port}`);
    w.advance(HOUR);
    await w.scheduled();
    expect((await w.received()).map((r) => r.bytes)).toEqual([draft.text]);
  });

  test('a run that meets a collector that times out stops retrying in time, and is not killed', async () => {
    for (let i = 0; i < 2; i++) {
      const draft = await w.must('preview');
      w.platform.faults.failEgress({ status: 503 });
      await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
    }
    w.advance(16 * 60_000);
    w.platform.faults.timeoutEgress({ times: 5 });
    // The function limit is 5 s and one timed-out attempt takes 2 s: the second is left for the next run.
    expect(await w.scheduled()).toMatchObject({ ok: true, run: { outbox: { attempted: 1, stillQueued: 2 } } });
    expect(egressCount()).toBe(3);
    w.platform.faults.clear();
    w.advance(HOUR);
    await w.scheduled();
    expect(await w.received()).toHaveLength(2);
  }, 20_000);

  test('a rejected report is settled, never retried', async () => {
    const draft = await w.must('preview');
    w.platform.faults.failEgress({ status: 400 });
    expect(await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest })).toMatchObject({
      outcome: 'rejected',
      notice: { code: 'send.refused', params: { detail: expect.stringContaining('400') } },
      entry: { status: 'rejected' }
    });
    w.advance(DAY);
    await w.scheduled();
    expect(egressCount()).toBe(1);
  });

  test('a queued report is cancelled, not sent, once sharing is off', async () => {
    const draft = await w.must('preview');
    w.platform.faults.failEgress({ status: 500 });
    await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
    await w.consent.set('off');
    w.advance(HOUR);
    await w.scheduled();
    expect(egressCount()).toBe(1);
    expect((await w.must('getHistory')).entries[0]).toMatchObject({ status: 'cancelled' });
  });
});

describe('retention', () => {
  beforeEach(async () => {
    w = await createWorld();
    await w.consent.set('per-case');
  });

  test('reports older than the retention are purged by the daily run; only their count remains', async () => {
    const first = await w.must('preview');
    await w.must('sendReport', { draftId: first.draftId, digest: first.digest });
    w.advance(20 * DAY);
    const second = await w.must('preview');
    await w.must('sendReport', { draftId: second.draftId, digest: second.digest });
    expect(await w.must('setRetention', { retentionDays: 30 })).toEqual({ settings: { retentionDays: 30 } });

    w.advance(11 * DAY);
    await w.scheduled();

    const history = await w.must('getHistory');
    expect(history.entries.map((e) => e.reportId)).toEqual([second.reportId]);
    expect(history.purgedReports).toBe(1);
    expect(await w.call('getHistoryEntry', { reportId: first.reportId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('retention is capped at two years and must be at least 30 days', async () => {
    expect(await w.call('setRetention', { retentionDays: 731 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await w.call('setRetention', { retentionDays: 29 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
