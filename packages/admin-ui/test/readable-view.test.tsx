/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { render, screen, within } from '@testing-library/react';
import { ReadableReportTable } from '../src/components/ReadableReportTable';
import { readableRows } from '../src/lib/readable-rows';
import { parseReportText } from '../src/lib/parse-report-text';
import { canonicalJson } from '@usage-reporting/core';
import { fields, report } from './page-fixtures';

function rowOf(key: string): HTMLElement {
  const cell = screen.getByText(key, { selector: 'code' });
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${key}`);
  return row;
}

describe('the readable view of a report', () => {
  const sample = report({
    fields: { 'app.versionMajor': 3, 'app.environment': 'production', 'site.projects': '11-50', 'config.restrictionsActive': true },
    withheld: [
      { key: 'usage.adminPageOpened', reason: 'restricted-category' },
      { key: 'site.customFields', reason: 'format-not-accepted' },
      { key: 'app.licence', reason: 'restricted-purpose' },
      { key: 'site.issues', reason: 'restricted-field' }
    ]
  });

  it('lists every sent field with its description, category, purpose and value', () => {
    render(<ReadableReportTable report={sample} fields={fields} caption="Preview" />);
    const row = rowOf('site.projects');
    expect(row).toHaveProperty('dataset.kind', 'sent');
    const described = fields.find((f) => f.key === 'site.projects')?.description ?? 'missing';
    expect(within(row).getByText(described)).toBeDefined();
    expect(within(row).getByText('Configuration')).toBeDefined();
    expect(within(row).getByText('Product improvement')).toBeDefined();
    expect(within(row).getByText('11-50')).toBeDefined();
    expect(within(rowOf('config.restrictionsActive')).getByText('Yes')).toBeDefined();
    expect(within(rowOf('app.versionMajor')).getByText('3')).toBeDefined();
  });

  it.each([
    ['usage.adminPageOpened', 'You excluded this category'],
    ['site.customFields', 'New field you have not accepted yet'],
    ['app.licence', 'You excluded this purpose'],
    ['site.issues', 'You excluded this field']
  ])('shows withheld field %s as withheld, with the reason "%s"', (key, reason) => {
    render(<ReadableReportTable report={sample} fields={fields} caption="Preview" />);
    const row = rowOf(key);
    expect(row).toHaveProperty('dataset.kind', 'withheld');
    expect(within(row).getByText(reason)).toBeDefined();
    expect(within(row).queryByText('Unknown')).toBeNull();
  });

  it('has one row per field in the bytes, sent and withheld, and nothing else', () => {
    render(<ReadableReportTable report={sample} fields={fields} caption="Preview" />);
    const bodyRows = screen.getAllByRole('row').slice(1);
    expect(bodyRows.map((r) => r.dataset.field)).toEqual(
      ['app.environment', 'app.licence', 'app.versionMajor', 'config.restrictionsActive', 'site.customFields', 'site.issues', 'site.projects', 'usage.adminPageOpened']
    );
  });

  it('keeps a field the page has no description for, saying so, rather than hiding what is sent', () => {
    const rows = readableRows(sample, fields.filter((f) => f.key !== 'site.projects'));
    expect(rows.find((r) => r.key === 'site.projects')).toEqual({ kind: 'sent', key: 'site.projects', field: null, value: '11-50' });
    render(<ReadableReportTable report={sample} fields={fields.filter((f) => f.key !== 'site.projects')} caption="Preview" />);
    expect(within(rowOf('site.projects')).getByText('Not described by this version of the app.')).toBeDefined();
  });

  it('reads the table from the exact bytes, and refuses bytes that are not a report', () => {
    const parsed = parseReportText(canonicalJson(sample));
    expect(parsed).toEqual({ ok: true, report: sample });
    expect(parseReportText('{"fields":')).toMatchObject({ ok: false, problem: expect.stringContaining('not valid JSON') });
    const extra = parseReportText(canonicalJson({ ...sample, fields: { ...sample.fields, 'user.email': 'a@b.c' } }));
    expect(extra.ok).toBe(false);
  });
});
