import { generateInstallationKeyPair, installationIdOf } from '@usage-reporting/core/node';
import { randomUUID } from 'node:crypto';
import { metricCatalog } from '@usage-reporting/core';
import { defaultSettings, initialConsent } from '@usage-reporting/core';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { buildReport } from '@usage-reporting/core/node';
import { deliver, queueReport } from '../src/engine/deliver';
import type { EngineDeps } from '../src/engine/deps';
import { toolkitMeterEvents } from '../src/engine/meter';
import type { ReportRecord } from '../src/store/records';
import { loadReport, loadReports, saveConsent, saveReport } from '../src/store/repositories';
import type { ReportTransport } from '../src/transport/report-transport';
import { testCollectorKey, verifiedReceipt } from './collector-answers';

let platform: SimPlatform;
beforeEach(() => {
  platform = createReferencePlatform();
});
afterEach(() => platform.close());

const consent = { ...initialConsent, mode: 'per-case' as const, acceptedFormat: 2, revision: 1 };
const now = new Date('2026-11-29T09:00:00.000Z');

/** A queued report, and deps whose transport records what it was asked to send. */
function setup(siteIdentifiers: string[]) {
  const built = buildReport(
    { facts: { app: { version: '1.0.0', environment: 'production', licence: 'none' }, product: 'jira', counts: { projects: 3 }, usage: {} }, period: { from: '2026-11-01', to: '2026-11-29' }, siteHosts: [] },
    defaultSettings,
    consent,
    now,
    { reportId: randomUUID(), installationId: installationIdOf(generateInstallationKeyPair().publicKey) }
  );
  if (!built.ok) throw new Error(built.message);
  const record: ReportRecord = {
    reportId: built.built.report.reportId, trigger: 'per-case', createdAt: now.toISOString(), sentAt: null, status: 'pending',
    digest: built.built.digest, size: built.built.size, attempts: 0, lastError: null, receipt: null, period: built.built.report.period, text: built.built.text
  };
  const sent: string[] = [];
  const signer = testCollectorKey();
  const transport: ReportTransport = {
    async send(text, reportId) {
      sent.push(text);
      const receipt = { receiptId: randomUUID(), reportId, receivedAt: now.toISOString(), digest: record.digest, duplicate: false };
      return { kind: 'sent', receipt, answer: await verifiedReceipt(signer, { ...receipt, installationId: randomUUID() }) };
    }
  };
  const deps: EngineDeps = {
    catalog: metricCatalog,
    delivery: { mode: 'direct' },
    collectorKey: () => ({ ok: true, publicKey: signer.publicKey, fingerprint: signer.fingerprint }),
    meterEvents: toolkitMeterEvents,
    vendorFacts: () => Promise.resolve(undefined),
    now: () => now,
    transport,
    rights: () => {
      throw new Error('not used by deliver');
    },
    readSite: () => {
      throw new Error('not used by deliver');
    },
    siteIdentifiers: () => siteIdentifiers
  };
  return { record, deps, sent };
}

const run = <T>(fn: () => Promise<T>) => platform.runAsInvocation({ functionKey: 'scheduled' }, fn);

describe('deliver', () => {
  test('transmits the stored text as it is and records the receipt', async () => {
    const { record, deps, sent } = setup([]);
    const result = await run(async () => {
      await saveConsent(consent);
      await queueReport(record, [], now);
      return deliver(deps, record.reportId);
    });
    expect(sent).toEqual([record.text]);
    expect(result).toMatchObject({ status: 'sent', attempts: 1, sentAt: now.toISOString() });
  });

  test('a withdrawal that marks the record cancelled just after the transmission cannot hide that the report left', async () => {
    const { record, deps, sent } = setup([]);
    const { history, single } = await run(async () => {
      await saveConsent(consent);
      await queueReport(record, [], now);
      await deliver(deps, record.reportId);
      // The withdrawal read the record while it was still pending and writes its stale copy last.
      await saveReport({ ...record, status: 'cancelled', lastError: 'Consent was withdrawn.' });
      return { history: await loadReports(), single: await loadReport(record.reportId) };
    });
    expect(sent).toHaveLength(1);
    for (const shown of [history[0], single]) {
      expect(shown).toMatchObject({ reportId: record.reportId, status: 'sent', lastError: null, sentAt: now.toISOString() });
      expect(shown?.receipt?.reportId).toBe(record.reportId);
    }
  });

  test('scans the stored bytes again right before transmitting: a hit cancels the report, naming the field only', async () => {
    // 'monthly' stands in for a site identifier that turned up in the bytes after they were built.
    const { record, deps, sent } = setup(['monthly']);
    const result = await run(async () => {
      await saveConsent(consent);
      await queueReport(record, [], now);
      return deliver(deps, record.reportId);
    });
    expect(sent).toEqual([]);
    expect(result).toMatchObject({ status: 'cancelled' });
    expect(result?.lastError).toContain('$["fields"]["config.cadence"] (looks like site-host)');
  });
});
