/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { render, screen, within } from '@testing-library/react';
import { ReportDiffView } from '../src/components/ReportDiffView';
import { diffReports } from '../src/lib/report-diff';
import { report } from './page-fixtures';

const before = report({
  format: 'usage-report/1',
  fields: { 'app.versionMajor': 1, 'site.projects': '11-50', 'usage.adminPageOpened': 4, 'app.environment': 'production' },
  withheld: []
});
const after = report({
  format: 'usage-report/2',
  fields: { 'app.versionMajor': 2, 'site.projects': '11-50', 'app.environment': 'production', 'site.customFields': '1-10' },
  withheld: [{ key: 'usage.adminPageOpened', reason: 'restricted-category' }]
});

describe('the readable diff between two sent reports', () => {
  it('classifies every field as added, removed, changed or unchanged', () => {
    const diff = diffReports(before, after);
    expect(diff.fields).toEqual([
      { kind: 'unchanged', key: 'app.environment', value: 'production' },
      { kind: 'changed', key: 'app.versionMajor', before: 1, after: 2 },
      { kind: 'added', key: 'site.customFields', after: '1-10' },
      { kind: 'unchanged', key: 'site.projects', value: '11-50' },
      { kind: 'removed', key: 'usage.adminPageOpened', before: 4, withheldBecause: 'restricted-category' }
    ]);
    expect(diff.format).toEqual({ before: 'usage-report/1', after: 'usage-report/2' });
    expect(diff.identical).toBe(false);
  });

  it('says in words what changed, why a field disappeared, and how many stayed the same', () => {
    render(<ReportDiffView previous={before} current={after} />);
    const list = screen.getByRole('list', { name: 'Changed fields' });
    const line = (key: string) => {
      const item = within(list).getAllByRole('listitem').find((li) => li.dataset.field === key);
      if (!item) throw new Error(`no diff line for ${key}`);
      return item.textContent;
    };
    expect(line('app.versionMajor')).toBe('Changed app.versionMajor: 1 → 2');
    expect(line('site.customFields')).toBe('Added site.customFields: 1-10');
    expect(line('usage.adminPageOpened')).toBe('Removed usage.adminPageOpened (was 4): withheld, you excluded this category');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByText('2 other fields are unchanged.')).toBeDefined();
    expect(screen.getByText(/Report format changed from/).textContent).toBe('Report format changed from usage-report/1 to usage-report/2.');
  });

  it('reports a narrowed purpose list', () => {
    const narrowed = { ...after, purposes: ['troubleshooting' as const] };
    expect(diffReports(after, narrowed).purposes).toEqual({ before: ['product-improvement', 'troubleshooting'], after: ['troubleshooting'] });
    render(<ReportDiffView previous={after} current={narrowed} />);
    expect(screen.getByText(/Allowed purposes changed/).textContent).toBe(
      'Allowed purposes changed from product improvement and troubleshooting to troubleshooting.'
    );
  });

  it('says when nothing changed', () => {
    const same = { ...before, reportId: after.reportId, generatedAt: '2026-12-01T00:00:00.000Z' };
    expect(diffReports(before, same).identical).toBe(true);
    render(<ReportDiffView previous={before} current={same} />);
    expect(screen.getByTestId('diff-identical').textContent).toBe('Every field has the same value as in the previous report.');
  });

  it('says there is nothing to compare for the first report', () => {
    render(<ReportDiffView previous={null} current={after} />);
    expect(screen.getByText(/first report sent from this site/)).toBeDefined();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('treats a removed field that is not withheld as simply removed', () => {
    const dropped = { ...after, fields: { 'app.versionMajor': 2 }, withheld: [] };
    const diff = diffReports(after, dropped);
    expect(diff.fields.filter((f) => f.kind === 'removed').map((f) => f.key)).toEqual(['app.environment', 'site.customFields', 'site.projects']);
    render(<ReportDiffView previous={after} current={dropped} />);
    const item = screen.getAllByRole('listitem').find((li) => li.dataset.field === 'site.projects');
    expect(item?.textContent).toBe('Removed site.projects (was 11-50)');
  });
});
