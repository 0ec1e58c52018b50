import { initialConsent, type ConsentState } from '@usage-reporting/core';
import { retryDelayMs, nextAttemptAt, isAttemptDue } from '../src/core/backoff';
import { selectExpired } from '../src/core/retention';
import { isReportDue, lastAutomaticDay, nextAutomaticAt, reportPeriod } from '../src/core/schedule';

const automatic = (cadence: ConsentState['cadence']): ConsentState => ({ ...initialConsent, mode: 'automatic', cadence, acceptedFormat: 2 });
const at = (iso: string) => new Date(iso);

describe('when an automatic report is due', () => {
  test('only in automatic mode', () => {
    for (const mode of ['not-asked', 'per-case', 'off'] as const) expect(isReportDue({ ...automatic('weekly'), mode }, null, at('2026-11-29T00:00:00Z'))).toBe(false);
  });

  test('the first one at once, on the first run after choosing automatic', () => {
    expect(isReportDue(automatic('monthly'), null, at('2026-11-29T23:59:00Z'))).toBe(true);
    expect(nextAutomaticAt(automatic('monthly'), null, at('2026-11-29T10:00:00Z'))).toBe('2026-11-29T10:00:00.000Z');
  });

  test('weekly: seven calendar days after the last one', () => {
    expect(isReportDue(automatic('weekly'), '2026-11-29', at('2026-12-05T23:59:59Z'))).toBe(false);
    expect(isReportDue(automatic('weekly'), '2026-11-29', at('2026-12-06T00:00:00Z'))).toBe(true);
    expect(nextAutomaticAt(automatic('weekly'), '2026-11-29', at('2026-11-30T10:00:00Z'))).toBe('2026-12-06T00:00:00.000Z');
  });

  test('monthly: the same day next month, or the month’s last day when it is shorter', () => {
    expect(isReportDue(automatic('monthly'), '2027-01-31', at('2027-02-27T12:00:00Z'))).toBe(false);
    expect(isReportDue(automatic('monthly'), '2027-01-31', at('2027-02-28T00:00:00Z'))).toBe(true);
  });

  test('an overdue report is shown as due now, not in the past', () => {
    expect(nextAutomaticAt(automatic('weekly'), '2026-11-01', at('2026-11-29T10:00:00Z'))).toBe('2026-11-29T10:00:00.000Z');
    expect(nextAutomaticAt({ ...automatic('weekly'), mode: 'per-case' }, null, at('2026-11-29T10:00:00Z'))).toBeNull();
  });

  test('the schedule counts from the last automatic report that left or is leaving; cancelled and rejected ones never left', () => {
    const r = (trigger: string, status: string, createdAt: string) => ({ trigger, status, createdAt });
    expect(
      lastAutomaticDay([
        r('automatic', 'sent', '2026-11-01T05:00:00.000Z'),
        r('automatic', 'pending', '2026-11-08T05:00:00.000Z'),
        r('automatic', 'rejected', '2026-11-15T05:00:00.000Z'),
        r('automatic', 'cancelled', '2026-11-16T05:00:00.000Z'),
        r('per-case', 'sent', '2026-11-20T05:00:00.000Z')
      ])
    ).toBe('2026-11-08');
    expect(lastAutomaticDay([])).toBeNull();
  });
});

describe('the period a report covers', () => {
  test('from where the last report ended (or the install day) up to today, half-open', () => {
    expect(reportPeriod(null, '2026-11-01', at('2026-11-29T10:00:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-29' });
    expect(reportPeriod('2026-11-22', '2026-11-01', at('2026-11-29T10:00:00Z'))).toEqual({ from: '2026-11-22', to: '2026-11-29' });
  });

  test('never inverted, even if the last report ended after today (a clock that went back)', () => {
    expect(reportPeriod('2026-12-01', '2026-11-01', at('2026-11-29T10:00:00Z'))).toEqual({ from: '2026-11-29', to: '2026-11-29' });
  });
});

describe('retry backoff', () => {
  test('doubles from 15 minutes and is capped at a day', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(retryDelayMs).map((ms) => ms / 60_000)).toEqual([15, 30, 60, 120, 240, 480, 960, 1440]);
    expect(retryDelayMs(0)).toBe(0);
  });

  test('an attempt is due once its time has come', () => {
    const next = nextAttemptAt(1, at('2026-11-29T10:00:00Z'));
    expect(next).toBe('2026-11-29T10:15:00.000Z');
    expect(isAttemptDue(next, at('2026-11-29T10:14:59Z'))).toBe(false);
    expect(isAttemptDue(next, at('2026-11-29T10:15:00Z'))).toBe(true);
  });
});

describe('retention', () => {
  test('selects reports created before the retention window', () => {
    const entries = [
      { reportId: 'a', createdAt: '2024-11-28T09:00:00.000Z' },
      { reportId: 'b', createdAt: '2024-11-30T09:00:00.000Z' },
      { reportId: 'c', createdAt: '2026-11-01T09:00:00.000Z' }
    ];
    expect(selectExpired(entries, 730, at('2026-11-29T09:00:00Z')).map((e) => e.reportId)).toEqual(['a']);
    expect(selectExpired(entries, 30, at('2026-11-29T09:00:00Z')).map((e) => e.reportId)).toEqual(['a', 'b']);
  });
});
