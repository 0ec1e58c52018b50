import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { meter, rollUpMeters } from '../src/engine/meter';
import { listPrefix } from '../src/store/kvs-store';

let platform: SimPlatform;
let warn: jest.SpyInstance;
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'], now: new Date('2026-11-29T09:00:00.000Z') });
  platform = createReferencePlatform();
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
  platform.close();
  jest.useRealTimers();
});

const inInvocation = <T>(fn: () => Promise<T>) => platform.runAsInvocation({ functionKey: 'resolver', accountId: platform.users.admin }, fn);
const countsOn = async (day: string) => (await inInvocation(() => rollUpMeters(new Date()))).find((d) => d.day === day)?.counts;

describe("meter('event')", () => {
  test('1000 concurrent calls in 1000 invocations: no count lost, one KVS write each', async () => {
    const results = await Promise.all(Array.from({ length: 1000 }, () => inInvocation(() => meter('report.previewed'))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(platform.counters.snapshot().kvs).toEqual({ '/api/v1/set': 1000 });
    expect(await countsOn('2026-11-29')).toEqual({ 'report.previewed': 1000 });
  });

  test('events roll up per day and event; the day count outlives the raw events, which expire', async () => {
    await inInvocation(() => meter('report.sent'));
    await inInvocation(() => meter('report.sent'));
    await inInvocation(() => meter('consent.changed'));
    jest.setSystemTime(new Date('2026-11-30T09:00:00.000Z'));
    await inInvocation(() => meter('report.sent'));
    expect(await countsOn('2026-11-29')).toEqual({ 'report.sent': 2, 'consent.changed': 1 });

    jest.setSystemTime(new Date('2027-01-10T09:00:00.000Z'));
    const days = await inInvocation(() => rollUpMeters(new Date()));
    expect(days).toEqual([
      { day: '2026-11-29', counts: { 'report.sent': 2, 'consent.changed': 1 } },
      { day: '2026-11-30', counts: { 'report.sent': 1 } }
    ]);
    // The raw events are gone (TTL); only the per-day counts remain.
    const raw = await inInvocation(() => listPrefix('meter:raw:'));
    expect(raw).toEqual([]);
  });

  test('rolling up twice counts nothing twice', async () => {
    await inInvocation(() => meter('data.exported'));
    await countsOn('2026-11-29');
    expect(await countsOn('2026-11-29')).toEqual({ 'data.exported': 1 });
  });

  test('a failed KVS write is returned as a value and never breaks the action that metered', async () => {
    platform.faults.failKvs({ path: '/api/v1/set' });
    expect(await inInvocation(() => meter('report.previewed'))).toEqual({ ok: false, reason: expect.any(String) });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not record report.previewed'));
  });
});

describe('rolling up', () => {
  test('writes a day only when its count changed', async () => {
    await inInvocation(() => meter('report.sent'));
    await countsOn('2026-11-29');
    platform.counters.reset();
    await countsOn('2026-11-29');
    expect(platform.counters.snapshot().kvs['/api/v1/set']).toBeUndefined();
    await inInvocation(() => meter('report.sent'));
    platform.counters.reset();
    expect(await countsOn('2026-11-29')).toEqual({ 'report.sent': 2 });
    expect(platform.counters.snapshot().kvs['/api/v1/set']).toBe(1);
  });
});
