import { collectorErrorBodySchema } from '@usage-reporting/core/collector-api';
import { correctionReceiptSchema, retractionAcknowledgementSchema } from '@usage-reporting/core/collector-api';
import { idempotencyKeyHeader } from '@usage-reporting/core/collector-api';
import { installationPaths } from '@usage-reporting/core/collector-api';
import { deletionAcknowledgementSchema, installationExportSchema } from '@usage-reporting/core/collector-api';
import type { Report } from '@usage-reporting/core';
import {
  bytesOf,
  makeInstallation,
  makeReport,
  rights,
  sendCorrection,
  sendReport,
  signedInjectAs,
  uuid4,
  collectorOn,
  type CollectorUnderTest,
  type EngineCollector,
  type Installation
} from './support';
import { storeEngines } from './support/engines';

const codeOf = (body: unknown) => collectorErrorBodySchema.parse(body).error.code;
/** Everything the store holds, table by table. */
const snapshot = async (c: EngineCollector, tables = ['reports', 'corrections', 'retractions', 'nonces', 'deletions', 'dirty_days', 'aggregates']) =>
  JSON.stringify(await Promise.all(tables.map((t) => c.tables.rows(t))));
const exportOf = async (c: CollectorUnderTest, who: Installation) => installationExportSchema.parse((await rights(c, who, { kind: 'export' })).res.json());
const licenceCells = async (c: CollectorUnderTest, day: string) =>
  Object.fromEntries((await c.store.aggregatesOnDay(day)).filter((x) => x.field === 'app.licence').map((x) => [JSON.parse(x.value) as string, x.installations]));
/** The same report's account of its period, told again: a new id, the same period and installation. */
const correctionOf = (r: Report, fields: Report['fields'] = { ...r.fields, 'app.licence': 'evaluation' }): Report => makeReport({ installationId: r.installationId, period: r.period, fields });

describe.each(storeEngines())('on $name', (engine) => {
  let c: EngineCollector;
  let alice: Installation;
  beforeEach(async () => {
    c = await collectorOn(engine, { k: 2, rightsRateLimit: { capacity: 1000, perHour: 10_000 }, ingestRateLimit: { capacity: 1000, perHour: 10_000 } });
    alice = makeInstallation();
  });
  afterEach(async () => {
    await c.close();
  });

  async function sent(who: Installation, overrides: Parameters<typeof makeReport>[0] = {}): Promise<Report> {
    const report = makeReport({ installationId: who.installationId, ...overrides });
    expect((await sendReport(c, report)).status).toBe(201);
    return report;
  }

  describe('correcting a report that left', () => {
    it('stores the correction as a new raw report, marks the old one superseded, and the export shows the chain both ways', async () => {
      const original = await sent(alice);
      c.clock.advanceDays(2);
      const correction = correctionOf(original);
      const { status, res } = await sendCorrection(c, alice, correction, original.reportId);

      expect(status).toBe(201);
      const receipt = correctionReceiptSchema.parse(res.json());
      expect(receipt).toMatchObject({ reportId: correction.reportId, supersedes: original.reportId, duplicate: false, receivedAt: c.clock.now().toISOString() });
      expect((await c.store.reportsOf(alice.installationId)).map((r) => r.bytes)).toEqual([bytesOf(original), bytesOf(correction)]);
      const exported = await exportOf(c, alice);
      expect(exported.reports.map((r) => [r.reportId, r.supersedes, r.supersededBy])).toEqual([
        [original.reportId, null, correction.reportId],
        [correction.reportId, original.reportId, null]
      ]);
    });

    it('answers a repeat with the original receipt, and the same id with other bytes with a conflict', async () => {
      const original = await sent(alice);
      const correction = correctionOf(original);
      const first = correctionReceiptSchema.parse((await sendCorrection(c, alice, correction, original.reportId)).res.json());
      c.clock.advanceMs(60_000);

      const repeat = await sendCorrection(c, alice, correction, original.reportId);
      expect(repeat.status).toBe(200);
      expect(correctionReceiptSchema.parse(repeat.res.json())).toEqual({ ...first, duplicate: true });

      const before = await snapshot(c, ['reports', 'corrections']);
      const altered = await sendCorrection(c, alice, { ...correction, fields: { ...correction.fields, 'app.licence': 'inactive' } }, original.reportId);
      expect(altered.status).toBe(409);
      expect(codeOf(altered.res.json())).toBe('IDEMPOTENCY_CONFLICT');
      expect(await snapshot(c, ['reports', 'corrections'])).toBe(before);
    });

    it('refuses to correct a superseded report, but corrects its correction, which then replaces both', async () => {
      const original = await sent(alice);
      const first = correctionOf(original);
      c.clock.advanceMs(60_000);
      await sendCorrection(c, alice, first, original.reportId);

      const again = await sendCorrection(c, alice, correctionOf(original), original.reportId);
      expect(again.status).toBe(409);
      expect(codeOf(again.res.json())).toBe('REPORT_SUPERSEDED');

      const second = correctionOf(first, { ...first.fields, 'app.licence': 'inactive' });
      c.clock.advanceMs(60_000);
      expect((await sendCorrection(c, alice, second, first.reportId)).status).toBe(201);
      const exported = await exportOf(c, alice);
      expect(exported.reports.map((r) => [r.reportId, r.supersededBy])).toEqual([
        [original.reportId, first.reportId],
        [first.reportId, second.reportId],
        [second.reportId, null]
      ]);
    });

    it('refuses a correction that covers another period, and stores nothing', async () => {
      const original = await sent(alice);
      const before = await snapshot(c);
      const elsewhere = makeReport({ installationId: alice.installationId, period: { from: '2026-11-15', to: '2026-11-21' } });
      const { status, res } = await sendCorrection(c, alice, elsewhere, original.reportId);
      expect(status).toBe(400);
      expect(collectorErrorBodySchema.parse(res.json()).error).toMatchObject({ code: 'SCHEMA_VIOLATION', issues: [{ path: 'period' }] });
      expect(await snapshot(c)).toBe(before);
    });

    it('checks the correcting report as ingest checks any report', async () => {
      const original = await sent(alice);
      const path = installationPaths(alice.installationId).correction(original.reportId);
      const correction = correctionOf(original);
      const before = await snapshot(c);

      const spaced = await signedInjectAs(c, alice, 'POST', path, JSON.stringify(correction, null, 1), { [idempotencyKeyHeader]: correction.reportId });
      expect(codeOf(spaced.json())).toBe('NOT_CANONICAL');
      const wrongKey = await signedInjectAs(c, alice, 'POST', path, bytesOf(correction), { [idempotencyKeyHeader]: uuid4() });
      expect(codeOf(wrongKey.json())).toBe('IDEMPOTENCY_KEY_MISMATCH');
      // A withheld key is the one free-form string a report holds: the privacy guard looks at it here too.
      const personal = { ...correction, withheld: [{ key: 'acme.atlassian', reason: 'restricted-field' as const }] };
      const leaked = await signedInjectAs(c, alice, 'POST', path, bytesOf(personal), { [idempotencyKeyHeader]: personal.reportId });
      expect(leaked.statusCode).toBe(422);
      expect(codeOf(leaked.json())).toBe('PRIVACY_VIOLATION');
      const bob = makeInstallation();
      const foreign = makeReport({ installationId: bob.installationId, period: original.period });
      const underAnotherId = await signedInjectAs(c, alice, 'POST', path, bytesOf(foreign), { [idempotencyKeyHeader]: foreign.reportId });
      expect(codeOf(underAnotherId.json())).toBe('FORBIDDEN');
      expect(await snapshot(c)).toBe(before);
    });

    it("counts the correction on the old report's day, in its place, once the retention job refolds that day", async () => {
      const day = c.clock.now().toISOString().slice(0, 10);
      const others = [makeInstallation(), makeInstallation(), makeInstallation()];
      const reports = [await sent(alice, { fields: { 'app.licence': 'active' } })];
      for (const who of others) reports.push(await sent(who, { fields: { 'app.licence': 'active' } }));
      await c.runRetention();
      expect(await licenceCells(c, day)).toEqual({ active: 4 });

      c.clock.advanceDays(1);
      const nextDay = c.clock.now().toISOString().slice(0, 10);
      for (const [i, who] of [alice, others[0] as Installation].entries()) {
        const old = reports[i] as Report;
        expect((await sendCorrection(c, who, correctionOf(old, { 'app.licence': 'evaluation' }), old.reportId)).status).toBe(201);
      }
      await c.runRetention();

      expect(await licenceCells(c, day)).toEqual({ active: 2, evaluation: 2 });
      // Received today, but each stands in for a report of yesterday: today has no population at all.
      expect(await c.store.aggregatesOnDay(nextDay)).toEqual([]);
    });

    it("does not let a correction of a day's earlier report displace the installation's later report that day", async () => {
      const day = c.clock.now().toISOString().slice(0, 10);
      const bob = makeInstallation();
      const morning = await sent(alice, { fields: { 'app.licence': 'evaluation' } });
      await sent(bob, { fields: { 'app.licence': 'active' } });
      c.clock.advanceMs(60 * 60 * 1000);
      await sent(alice, { fields: { 'app.licence': 'active' } });
      c.clock.advanceDays(1);
      await sendCorrection(c, alice, correctionOf(morning, { 'app.licence': 'inactive' }), morning.reportId);
      await c.runRetention();
      // Alice's latest report of that day is still the one she sent last, not the correction received later.
      expect(await licenceCells(c, day)).toEqual({ active: 2 });
    });

    it('deletes a correction with the day it counts on when that day passes retention, though it arrived later', async () => {
      const short = await collectorOn(engine, { retentionDays: 3 });
      try {
        const who = makeInstallation();
        const original = makeReport({ installationId: who.installationId });
        await sendReport(short, original);
        short.clock.advanceDays(2);
        await sendCorrection(short, who, correctionOf(original), original.reportId);
        short.clock.advanceDays(2);
        const outcome = await short.runRetention();
        expect(outcome.deletedReports).toBe(2);
        expect(await short.store.reportsOf(who.installationId)).toEqual([]);
        expect(await short.tables.count('corrections')).toBe(0);
      } finally {
        await short.close();
      }
    });
  });

  describe('retracting a report that left', () => {
    it('deletes the report, acknowledges it, lists it in the export, and answers a repeat with the same acknowledgement', async () => {
      const first = await sent(alice);
      const second = await sent(alice);
      const { res } = await rights(c, alice, { kind: 'retract', reportId: first.reportId });
      expect(res.statusCode).toBe(200);
      const ack = retractionAcknowledgementSchema.parse(res.json());
      expect(ack).toMatchObject({ installationId: alice.installationId, reportId: first.reportId, deletedReports: 1, retractedAt: c.clock.now().toISOString() });
      expect((await c.store.reportsOf(alice.installationId)).map((r) => r.reportId)).toEqual([second.reportId]);

      c.clock.advanceMs(60_000);
      const repeat = await rights(c, alice, { kind: 'retract', reportId: first.reportId });
      expect(repeat.res.statusCode).toBe(200);
      expect(retractionAcknowledgementSchema.parse(repeat.res.json())).toEqual(ack);

      const exported = await exportOf(c, alice);
      expect(exported.reports.map((r) => r.reportId)).toEqual([second.reportId]);
      expect(exported.retractions).toEqual([{ acknowledgementId: ack.acknowledgementId, reportId: first.reportId, retractedAt: ack.retractedAt, deletedReports: 1 }]);
    });

    it('deletes every report of the chain it ends, so no copy of any is held', async () => {
      const original = await sent(alice);
      const first = correctionOf(original);
      await sendCorrection(c, alice, first, original.reportId);
      const second = correctionOf(first, { ...first.fields, 'app.licence': 'inactive' });
      await sendCorrection(c, alice, second, first.reportId);

      const ack = retractionAcknowledgementSchema.parse((await rights(c, alice, { kind: 'retract', reportId: second.reportId })).res.json());
      expect(ack.deletedReports).toBe(3);
      expect(await c.store.reportsOf(alice.installationId)).toEqual([]);
      expect(await c.tables.count('corrections')).toBe(0);
    });

    it('refuses to retract a superseded report: the newest of its chain is the one to retract', async () => {
      const original = await sent(alice);
      await sendCorrection(c, alice, correctionOf(original), original.reportId);
      const before = await snapshot(c, ['reports', 'corrections', 'retractions']);
      const { res } = await rights(c, alice, { kind: 'retract', reportId: original.reportId });
      expect(res.statusCode).toBe(409);
      expect(codeOf(res.json())).toBe('REPORT_SUPERSEDED');
      expect(await snapshot(c, ['reports', 'corrections', 'retractions'])).toBe(before);
    });

    it("leaves the day's aggregates without the retracted report once the retention job refolds it", async () => {
      const day = c.clock.now().toISOString().slice(0, 10);
      const retracted = await sent(alice, { fields: { 'app.licence': 'evaluation' } });
      for (let i = 0; i < 2; i++) await sent(makeInstallation(), { fields: { 'app.licence': 'active' } });
      await c.runRetention();
      expect((await c.store.aggregatesOnDay(day)).find((x) => x.field === '$installations' && x.purpose === 'troubleshooting')?.installations).toBe(3);

      await rights(c, alice, { kind: 'retract', reportId: retracted.reportId });
      await c.runRetention();
      expect(await licenceCells(c, day)).toEqual({ active: 2 });
    });

    it('keeps the retraction records through an erasure of the installation, and says so', async () => {
      const original = await sent(alice);
      const correction = correctionOf(original);
      await sendCorrection(c, alice, correction, original.reportId);
      const other = await sent(alice);
      const ack = retractionAcknowledgementSchema.parse((await rights(c, alice, { kind: 'retract', reportId: other.reportId })).res.json());

      const erased = deletionAcknowledgementSchema.parse((await rights(c, alice, { kind: 'delete' })).res.json());
      expect(erased.deletedReports).toBe(2);
      expect(erased.retained.some((line) => line.includes('retracted'))).toBe(true);
      const exported = await exportOf(c, alice);
      expect(exported.reports).toEqual([]);
      expect(exported.retractions.map((r) => r.acknowledgementId)).toEqual([ack.acknowledgementId]);
      expect(await c.tables.count('corrections')).toBe(0);
    });
  });

  describe('an outsider naming a report', () => {
    let mallory: Installation;
    let victims: Report;
    beforeEach(async () => {
      mallory = makeInstallation();
      victims = await sent(alice);
      await sent(mallory);
    });

    it("gets the same 404 for another installation's report as for one that never existed, and changes nothing", async () => {
      const before = await snapshot(c);
      const named = await sendCorrection(c, mallory, makeReport({ installationId: mallory.installationId, period: victims.period }), victims.reportId);
      const invented = await sendCorrection(c, mallory, makeReport({ installationId: mallory.installationId, period: victims.period }), uuid4());
      expect([named.status, invented.status]).toEqual([404, 404]);
      expect(named.res.json()).toEqual(invented.res.json());
      expect(codeOf(named.res.json())).toBe('REPORT_NOT_FOUND');
      expect(await snapshot(c)).toBe(before);

      // A retraction records its own signer's nonce before it acts (a replay of it must fail too): only that changes.
      const held = ['reports', 'corrections', 'retractions', 'deletions', 'dirty_days', 'aggregates'];
      const beforeRetract = await snapshot(c, held);
      const retractNamed = await rights(c, mallory, { kind: 'retract', reportId: victims.reportId });
      const retractInvented = await rights(c, mallory, { kind: 'retract', reportId: uuid4() });
      expect([retractNamed.res.statusCode, retractInvented.res.statusCode]).toEqual([404, 404]);
      expect(retractNamed.res.json()).toEqual(retractInvented.res.json());
      expect(await snapshot(c, held)).toBe(beforeRetract);
      expect(await exportOf(c, alice)).toMatchObject({ reports: [{ reportId: victims.reportId, supersededBy: null }], retractions: [] });
    });

    it("is refused with 403 on the other installation's path, before anything is read or written", async () => {
      const before = await snapshot(c);
      const paths = installationPaths(alice.installationId);
      const body = makeReport({ installationId: mallory.installationId, period: victims.period });
      const correct = await signedInjectAs(c, mallory, 'POST', paths.correction(victims.reportId), bytesOf(body), { [idempotencyKeyHeader]: body.reportId });
      const retract = await signedInjectAs(c, mallory, 'DELETE', paths.report(victims.reportId));
      expect([correct.statusCode, retract.statusCode]).toEqual([403, 403]);
      expect([codeOf(correct.json()), codeOf(retract.json())]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(await snapshot(c)).toBe(before);
    });

    it('is refused with 401 when unsigned, or signed by a key that does not speak for the installation', async () => {
      const before = await snapshot(c);
      const paths = installationPaths(alice.installationId);
      const body = correctionOf(victims);
      const unsignedCorrect = await c.app.inject({ method: 'POST', url: paths.correction(victims.reportId), payload: bytesOf(body), headers: { 'content-type': 'application/json', [idempotencyKeyHeader]: body.reportId } });
      const unsignedRetract = await c.app.inject({ method: 'DELETE', url: paths.report(victims.reportId) });
      const forgedCorrect = await sendCorrection(c, { ...mallory, installationId: alice.installationId }, body, victims.reportId);
      const forgedRetract = await rights(c, { ...mallory, installationId: alice.installationId }, { kind: 'retract', reportId: victims.reportId });
      expect([unsignedCorrect.statusCode, unsignedRetract.statusCode, forgedCorrect.status, forgedRetract.res.statusCode]).toEqual([401, 401, 401, 401]);
      expect(await snapshot(c)).toBe(before);
    });

    it("cannot retract or correct the owner's report by a replay of the owner's own request", async () => {
      const correction = correctionOf(victims);
      const { req } = await sendCorrection(c, alice, correction, victims.reportId);
      const retraction = await rights(c, alice, { kind: 'retract', reportId: correction.reportId });
      expect(retraction.res.statusCode).toBe(200);
      const before = await snapshot(c);
      const replayed = await c.app.inject({ method: req.method, url: req.path, headers: req.headers, payload: req.body });
      expect(replayed.statusCode).toBe(401);
      expect(codeOf(replayed.json())).toBe('SIGNATURE_REPLAYED');
      expect(await snapshot(c)).toBe(before);
    });
  });
});
