import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { initialConsent, noRestrictions } from '@usage-reporting/core';
import { parseReport, type Report } from '@usage-reporting/core';
import { createWorld, DAY, type World } from './engine-support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

function reportOf(text: string): Report {
  const parsed = parseReport(JSON.parse(text));
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  return parsed.value;
}

const usageKeys = ['usage.adminPageOpened', 'usage.consentChanges', 'usage.dataExports', 'usage.reportsPreviewed', 'usage.reportsSent'];

describe('what a preview withholds', () => {
  test('before the first consent the preview shows the current format in full: what consenting would share', async () => {
    const report = reportOf((await w.must('preview')).text);
    expect(report.format).toBe('usage-report/2');
    expect(report.fields).toMatchObject({ 'site.product': 'jira', 'site.customFields': expect.any(String), 'config.consentMode': 'not-asked' });
    expect(report.withheld).toEqual([]);
  });

  test('an installation that accepted format 1 gets the format-2 fields withheld until it accepts format 2', async () => {
    await w.consent.storeAsLeftBy({ ...initialConsent, mode: 'automatic', cadence: 'weekly', acceptedFormat: 1, revision: 1, changedAt: '2026-01-05T10:00:00.000Z' });
    const page = await w.must('loadAdminPage');
    expect(page.formatVersion).toBe(2);
    // The page lists what a Jira site can send: blog posts are Confluence's.
    expect(page.newFields.map((f) => f.key)).toEqual(['site.customFields']);
    const before = reportOf(page.preview.text);
    expect(Object.keys(before.fields)).not.toContain('site.customFields');
    // Blog posts are a Confluence count: a Jira site has no value to withhold.
    expect(before.withheld).toEqual([{ key: 'site.customFields', reason: 'format-not-accepted' }]);
    expect(before.format).toBe('usage-report/1');

    // Automatic reports keep going without the new fields.
    await w.scheduled();
    const [first] = await w.received();
    expect(Object.keys(reportOf(first?.bytes ?? '').fields)).not.toContain('site.customFields');

    await w.consent.accept(2);
    const after = reportOf((await w.must('preview')).text);
    expect(Object.keys(after.fields)).toContain('site.customFields');
    expect(after.format).toBe('usage-report/2');
    expect(after.withheld).toEqual([]);
    expect((await w.must('loadAdminPage')).newFields).toEqual([]);
  });

  test('an excluded category and a narrowed purpose are withheld, named, and the report declares only the purposes left', async () => {
    await w.consent.set('per-case');
    await w.consent.restrict({ categories: ['usage'], fields: ['site.issues'], purposes: ['troubleshooting'] });
    const draft = await w.must('preview');
    const report = reportOf(draft.text);
    expect(report.purposes).toEqual(['troubleshooting']);
    expect(Object.keys(report.fields).sort()).toEqual(['app.environment', 'app.versionMajor', 'app.versionMinor', 'config.cadence', 'config.consentMode', 'config.purposesNarrowed', 'config.restrictionsActive']);
    const reasons = Object.fromEntries(report.withheld.map((x) => [x.key, x.reason]));
    for (const key of usageKeys) expect(reasons[key]).toBe('restricted-category');
    expect(reasons['site.issues']).toBe('restricted-field');
    expect(reasons['site.projects']).toBe('restricted-purpose');

    // The collector checks every field against the declared purposes: the narrowed report is accepted.
    expect(await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest })).toMatchObject({ outcome: 'sent' });
    expect((await w.received()).map((r) => r.bytes)).toEqual([draft.text]);
  });

  test('lifting the restrictions brings the fields back', async () => {
    await w.consent.set('per-case');
    await w.consent.restrict({ categories: ['usage'], fields: [], purposes: ['troubleshooting'] });
    await w.consent.restrict(noRestrictions);
    const report = reportOf((await w.must('preview')).text);
    expect(report.withheld).toEqual([]);
    expect(report.purposes).toEqual(['product-improvement', 'troubleshooting']);
  });
});

describe('reading the site', () => {
  const productCallsForPreview = async (siteSize: number) => {
    await w.close();
    w = await createWorld({ siteSize });
    w.platform.counters.reset();
    const draft = await w.must('preview');
    return { calls: w.platform.counters.snapshot().product, report: reportOf(draft.text) };
  };

  test('costs the same handful of count calls on a 10-project and a 50,000-project site', async () => {
    const small = await productCallsForPreview(10);
    const large = await productCallsForPreview(50_000);
    expect(large.calls).toEqual(small.calls);
    // The admin check, then one count call per Jira scale field.
    expect(Object.values(large.calls).reduce((a, b) => a + b, 0)).toBe(5);
    expect(small.report.fields['site.projects']).toBe('1-10');
    expect(large.report.fields['site.projects']).toBe('10001-50000');
  });

  test('a count the app may not read is left out, never guessed, and the report still builds', async () => {
    await w.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
    const manifestPath = path.join(dir, 'manifest.yml');
    // Only the permission check's granular scope: the admin is still recognised, every count is refused.
    writeFileSync(manifestPath, readFileSync(path.resolve(__dirname, '../../../apps/reference/manifest.yml'), 'utf8').replace('    - read:jira-work\n', '    - read:permission:jira\n'));
    try {
      w = await createWorld({ manifestPath });
      const report = reportOf((await w.must('preview')).text);
      expect(Object.keys(report.fields).filter((k) => k.startsWith('site.'))).toEqual(['site.product']);
      expect(report.fields['app.versionMajor']).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('in Confluence', () => {
  test('the site’s scale is read from Confluence, and the format-2 blog post count is included once accepted', async () => {
    await w.close();
    w = await createWorld({ product: 'confluence', siteSize: 120 });
    await w.consent.storeAsLeftBy({ ...initialConsent, mode: 'per-case', acceptedFormat: 1, revision: 1, changedAt: '2026-01-05T10:00:00.000Z' });
    const before = reportOf((await w.must('preview')).text);
    expect(before.fields).toMatchObject({ 'site.product': 'confluence', 'site.spaces': '101-500', 'site.pages': expect.any(String) });
    expect(before.withheld).toEqual([{ key: 'site.blogposts', reason: 'format-not-accepted' }]);
    expect(Object.keys(before.fields).filter((k) => k.startsWith('site.') && ['site.projects', 'site.issues', 'site.issueTypes'].includes(k))).toEqual([]);
    await w.consent.accept(2);
    expect(Object.keys(reportOf((await w.must('preview')).text).fields)).toContain('site.blogposts');
  });
});

describe('history and its diff', () => {
  test('each entry has its exact bytes and the previous sent report’s bytes; usage is counted per day', async () => {
    await w.consent.set('per-case');
    const first = await w.must('preview');
    await w.must('sendReport', { draftId: first.draftId, digest: first.digest });
    w.advance(DAY);
    const second = await w.must('preview');
    await w.must('sendReport', { draftId: second.draftId, digest: second.digest });

    const history = await w.must('getHistory');
    expect(history.entries.map((e) => e.reportId)).toEqual([second.reportId, first.reportId]);
    const entry = await w.must('getHistoryEntry', { reportId: second.reportId });
    expect(entry).toMatchObject({ text: second.text, previousText: first.text, previousReportId: first.reportId });
    expect(await w.must('getHistoryEntry', { reportId: first.reportId })).toMatchObject({ previousText: null, previousReportId: null });

    // The second report covers the first day: one preview and one send happened then.
    const fields = reportOf(second.text).fields;
    expect(fields['usage.reportsPreviewed']).toBe(1);
    expect(fields['usage.reportsSent']).toBe(1);
    expect(reportOf(second.text).period).toEqual({ from: '2026-11-29', to: '2026-11-30' });
  });

  test('the first report covers the time since the app was installed', async () => {
    await w.platform.runLifecycleInstalled();
    w.advance(10 * DAY);
    expect(reportOf((await w.must('preview')).text).period).toEqual({ from: '2026-11-29', to: '2026-12-09' });
  });

  test('an unknown report id is NOT_FOUND', async () => {
    expect(await w.call('getHistoryEntry', { reportId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('loadAdminPage', () => {
  test('shows the vendor deletion a withdrawal asked for, with the collector’s acknowledgement', async () => {
    await w.consent.set('per-case');
    const draft = await w.must('preview');
    await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
    await w.must('withdraw', { alsoRequestVendorDeletion: true });
    const page = await w.must('loadAdminPage');
    expect(page.consent.mode).toBe('off');
    expect(page.vendorDeletion).toMatchObject({ status: 'acknowledged', acknowledgement: { deletedReports: 1 } });
    expect(await w.received()).toEqual([]);
  });

  test('one call returns consent, settings, the catalog, a frozen preview that can be sent, and the history', async () => {
    const page = await w.must('loadAdminPage');
    expect(page).toMatchObject({
      context: { product: 'jira', isAdmin: true, appVersion: '1.0.0' },
      consent: { mode: 'not-asked', acceptedFormat: 0 },
      settings: { retentionDays: 730 },
      history: [],
      outboxSize: 0,
      vendorDeletion: null,
      vendorRestriction: null,
      nextAutomaticAt: null
    });
    expect(page.fields.map((f) => f.key)).toContain('site.customFields');
    expect(page.fields.find((f) => f.key === 'site.projects')).toMatchObject({ valueKind: 'bucket', category: 'configuration', since: 1 });
    await w.consent.set('per-case');
    expect(await w.must('sendReport', { draftId: page.preview.draftId, digest: page.preview.digest })).toMatchObject({ outcome: 'sent' });
    expect((await w.received()).map((r) => r.bytes)).toEqual([page.preview.text]);
  });
});
