import { appliesTo, metricCatalog } from '@usage-reporting/core';
import { noRestrictions } from '@usage-reporting/core';
import { addMonths } from '@usage-reporting/core';
import { createWorld, DAY, type World } from './engine-support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

const ledger = async () => (await w.must('getLedger')).entries;

describe('setConsent', () => {
  test('the first consent accepts the current format and is recorded with who, when, what and the format', async () => {
    const out = await w.must('setConsent', { mode: 'per-case' });
    expect(out.consent).toMatchObject({ mode: 'per-case', acceptedFormat: metricCatalog.formatVersion, revision: 1, changedAt: new Date().toISOString() });
    expect(out.newFields).toEqual([]);
    expect(out.nextAutomaticAt).toBeNull();
    expect(await ledger()).toEqual([
      {
        id: expect.any(String),
        at: new Date().toISOString(),
        accountId: w.admin,
        action: 'set-consent',
        changes: [
          { path: 'mode', from: 'not-asked', to: 'per-case' },
          { path: 'acceptedFormat', from: 0, to: metricCatalog.formatVersion }
        ],
        formatVersion: metricCatalog.formatVersion
      }
    ]);
  });

  test('choosing the same thing twice changes nothing and records nothing more', async () => {
    await w.must('setConsent', { mode: 'automatic', cadence: 'weekly' });
    const again = await w.must('setConsent', { mode: 'automatic', cadence: 'weekly' });
    expect(again.consent.revision).toBe(1);
    expect(await ledger()).toHaveLength(1);
  });

  test('automatic says when the next report is due: at once before the first, then on the cadence', async () => {
    const first = await w.must('setConsent', { mode: 'automatic', cadence: 'weekly' });
    expect(first.nextAutomaticAt).toBe(new Date().toISOString());
    await w.scheduled();
    const today = new Date().toISOString().slice(0, 10);
    const after = await w.must('setConsent', { mode: 'automatic', cadence: 'monthly' });
    expect(after.nextAutomaticAt).toBe(`${addMonths(today, 1)}T00:00:00.000Z`);
    const weekly = await w.must('setConsent', { mode: 'automatic', cadence: 'weekly' });
    expect(weekly.nextAutomaticAt).toBe(new Date(Date.parse(`${today}T00:00:00.000Z`) + 7 * DAY).toISOString());
  });

  test("'off' (Don't send) stops sharing, clears the outbox and is recorded as the admin's choice", async () => {
    await w.must('setConsent', { mode: 'per-case' });
    const draft = await w.must('preview');
    w.platform.faults.failEgress({ status: 503 });
    const queued = await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
    expect(queued.outcome).toBe('queued');

    w.advance(1000);
    const off = await w.must('setConsent', { mode: 'off' });
    expect(off.consent.mode).toBe('off');
    const [entry] = (await w.must('getHistory')).entries;
    expect(entry).toMatchObject({ reportId: draft.reportId, status: 'cancelled' });
    expect((await ledger()).at(-1)).toMatchObject({ action: 'set-consent', changes: [{ path: 'mode', from: 'per-case', to: 'off' }] });

    await w.scheduled();
    expect(await w.received()).toEqual([]);
  });
});

describe('acceptFormat', () => {
  test('a consent left by an older app version lists the new fields until the admin accepts them', async () => {
    await w.consent.storeAsLeftBy({ mode: 'automatic', cadence: 'weekly', acceptedFormat: 1, restrictions: noRestrictions, revision: 3, changedAt: null });
    const before = await w.must('setConsent', { mode: 'automatic', cadence: 'weekly' });
    // Only what this Jira site can send: blog posts, new in the same format, are Confluence's.
    const newer = metricCatalog.entries.filter((e) => e.since > 1 && appliesTo(e, 'jira')).map((e) => e.key);
    expect(newer).toEqual(['site.customFields']);
    expect(before.newFields.map((f) => f.key)).toEqual(newer);

    const accepted = await w.must('acceptFormat', { version: metricCatalog.formatVersion });
    expect(accepted.consent.acceptedFormat).toBe(metricCatalog.formatVersion);
    expect(accepted.newFields).toEqual([]);
    expect((await ledger()).at(-1)).toMatchObject({
      action: 'accept-format',
      changes: [{ path: 'acceptedFormat', from: 1, to: metricCatalog.formatVersion }],
      formatVersion: metricCatalog.formatVersion
    });
  });

  test('a version beyond what this app produces is capped at the current format; accepting again records nothing', async () => {
    await w.consent.storeAsLeftBy({ mode: 'per-case', cadence: 'monthly', acceptedFormat: 1, restrictions: noRestrictions, revision: 1, changedAt: null });
    const out = await w.must('acceptFormat', { version: 99 });
    expect(out.consent.acceptedFormat).toBe(metricCatalog.formatVersion);
    await w.must('acceptFormat', { version: 99 });
    expect(await ledger()).toHaveLength(1);
  });
});

describe('setRestrictions', () => {
  test('restrictions are normalised, recorded, and the next preview withholds what they exclude', async () => {
    await w.must('setConsent', { mode: 'per-case' });
    const usageField = metricCatalog.entries.find((e) => e.category === 'usage');
    const configField = metricCatalog.entries.find((e) => e.category === 'configuration');
    if (!usageField || !configField) throw new Error('the catalog needs a usage and a configuration field');
    w.advance(1000);
    const out = await w.must('setRestrictions', {
      restrictions: { categories: ['usage', 'usage'], fields: [configField.key], purposes: ['troubleshooting', 'product-improvement'] }
    });
    expect(out.consent.restrictions).toEqual({ categories: ['usage'], fields: [configField.key], purposes: ['product-improvement', 'troubleshooting'] });
    expect((await ledger()).at(-1)).toMatchObject({
      action: 'set-restrictions',
      changes: [
        { path: 'restrictions.categories', from: [], to: ['usage'] },
        { path: 'restrictions.fields', from: [], to: [configField.key] }
      ]
    });
    const draft = await w.must('preview');
    const fields = Object.keys((JSON.parse(draft.text) as { fields: Record<string, unknown> }).fields);
    expect(fields).not.toContain(configField.key);
    expect(fields.filter((k) => metricCatalog.byKey.get(k)?.category === 'usage')).toEqual([]);
  });

  test('narrowing restrictions cancels a queued report they no longer cover instead of sending it', async () => {
    await w.must('setConsent', { mode: 'per-case' });
    const draft = await w.must('preview');
    w.platform.faults.failEgress({ status: 500 });
    expect((await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest })).outcome).toBe('queued');
    await w.must('setRestrictions', { restrictions: { categories: ['configuration'], fields: [], purposes: ['product-improvement', 'troubleshooting'] } });
    w.advance(DAY);
    await w.scheduled();
    expect(await w.received()).toEqual([]);
    expect((await w.must('getHistory')).entries[0]).toMatchObject({ status: 'cancelled' });
  });
});
