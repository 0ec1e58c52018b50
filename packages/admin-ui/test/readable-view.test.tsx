/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ExactBytesView } from '../src/components/ExactBytesView';
import { ReadableReportTable } from '../src/components/ReadableReportTable';
import { I18nProvider } from '../src/i18n/I18nProvider';
import { de } from '../src/i18n/messages/de';
import { ja } from '../src/i18n/messages/ja';
import { indentJson } from '../src/lib/indent-json';
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

  it('lists the fields in the order the exact bytes do, sent and withheld together', () => {
    const both = report({ fields: { 'site.issues': '1-10', 'site.issueTypes': '1-5' }, withheld: [{ key: 'site.issueLinks', reason: 'restricted-field' }] });
    const bytesOrder = Object.keys((JSON.parse(canonicalJson(both)) as { fields: object }).fields);
    expect(bytesOrder).toEqual(['site.issueTypes', 'site.issues']);
    expect(readableRows(both, fields).map((r) => r.key)).toEqual(['site.issueLinks', 'site.issueTypes', 'site.issues']);
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

describe('long field names in the readable view', () => {
  const sample = report({ fields: { 'config.purposesNarrowed': false, 'app.versionMajor': 3 }, withheld: [] });

  it('may wrap after each dot and nowhere else, and still read (and copy) as the name', () => {
    render(<ReadableReportTable report={sample} fields={fields} caption="Preview" />);
    const name = rowOf('config.purposesNarrowed').querySelector('code');
    expect(name?.innerHTML).toBe('config.<wbr>purposesNarrowed');
    expect(name?.textContent).toBe('config.purposesNarrowed');
    expect(screen.getByRole('rowheader', { name: 'config.purposesNarrowed' })).toBeDefined();
  });
});

describe('the readable view in the admin’s language', () => {
  // Given, not loaded: the words at once (the page loads them before it shows any; i18n-load-languages.test.tsx).
  const shipped = { de, ja };

  it('labels columns, values and withheld reasons in German', () => {
    const sample = report({ fields: { 'config.restrictionsActive': true }, withheld: [{ key: 'site.issues', reason: 'restricted-field' }] });
    render(
      <I18nProvider locale="de-DE" languages={shipped}>
        <ReadableReportTable report={sample} fields={fields} caption="Vorschau" />
      </I18nProvider>
    );
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Feld', 'Bedeutung', 'Kategorie', 'Zweck', 'Wert']);
    expect(within(rowOf('config.restrictionsActive')).getByText('Ja')).toBeDefined();
    expect(within(rowOf('site.issues')).getByText('Sie haben dieses Feld ausgeschlossen')).toBeDefined();
  });

  const valueCell = (key: string): HTMLElement => {
    const cell = within(rowOf(key)).getAllByRole('cell').at(-1);
    if (!cell) throw new Error(`no value cell for ${key}`);
    return cell;
  };
  const labelled = report({ fields: { 'app.environment': 'production', 'config.consentMode': 'per-case', 'site.product': 'jira' }, withheld: [] });

  it.each([
    ['de-DE', 'app.environment', 'Produktiv', 'production'],
    ['de-DE', 'config.consentMode', 'Jedes Mal fragen', 'per-case'],
    ['ja-JP', 'app.environment', '本番', 'production'],
    ['ja-JP', 'config.consentMode', '毎回確認する', 'per-case']
  ])('in %s shows the enum value of %s as the catalog labels it, "%s", with the value sent, %s, beside it', (locale, key, label, raw) => {
    render(
      <I18nProvider locale={locale} languages={shipped}>
        <ReadableReportTable report={labelled} fields={fields} caption="Preview" />
      </I18nProvider>
    );
    const cell = valueCell(key);
    expect(within(cell).getByText(label, { selector: 'strong' })).toBeDefined();
    expect(within(cell).getByText(raw, { selector: 'code' })).toBeDefined();
    expect(cell.textContent).toBe(`${label} ${raw}`);
  });

  it('shows the value alone where the catalog has no label for it: in English, and for a value it leaves untranslated', () => {
    const { unmount } = render(<ReadableReportTable report={labelled} fields={fields} caption="Preview" />);
    expect(valueCell('app.environment').textContent).toBe('production');
    expect(valueCell('app.environment').querySelector('code')).toBeNull();
    unmount();
    render(
      <I18nProvider locale="de-DE" languages={shipped}>
        <ReadableReportTable report={labelled} fields={fields} caption="Vorschau" />
      </I18nProvider>
    );
    expect(valueCell('site.product').textContent).toBe('jira');
    expect(valueCell('site.product').querySelector('code')).toBeNull();
  });
});

describe('the exact bytes, raw or formatted', () => {
  const sample = report({ fields: { 'app.versionMajor': 3, 'site.projects': '11-50' }, withheld: [{ key: 'site.issues', reason: 'restricted-field' }] });
  const bytes = canonicalJson(sample);
  const view = <ExactBytesView bytes={bytes} digest="d1g3st" fileName="usage-report.json" />;
  const toggle = () => screen.getByRole('button', { name: 'Formatted' });
  const writeText = jest.fn((_text: string) => Promise.resolve());

  beforeEach(() => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  });
  afterEach(() => {
    // The choice lasts as long as the page; put it back so the next test starts as a fresh page does.
    if (screen.queryByRole('button', { name: 'Formatted', pressed: true })) fireEvent.click(toggle());
    Reflect.deleteProperty(navigator, 'clipboard');
    writeText.mockClear();
  });

  it('start raw, with a toggle that says the digest and the copy are of the raw bytes', () => {
    render(view);
    expect(screen.getByTestId('exact-bytes').textContent).toBe(bytes);
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    const description = document.getElementById(toggle().getAttribute('aria-describedby') ?? 'none');
    expect(description?.textContent).toContain('The digest is computed over the raw bytes');
  });

  it('when formatted, show the same JSON indented, and still copy the raw bytes', async () => {
    render(view);
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByTestId('exact-bytes')).toBeNull();
    const shown = screen.getByTestId('formatted-bytes').textContent ?? '';
    expect(shown).toBe(JSON.stringify(JSON.parse(bytes), null, 2));
    expect(screen.getByTestId('report-digest').textContent).toBe('d1g3st');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy bytes' })));
    expect(writeText).toHaveBeenCalledWith(bytes);
  });

  it('keep the choice while the page is open, when the view is closed and opened again', () => {
    const first = render(view);
    fireEvent.click(toggle());
    first.unmount();
    render(view);
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle());
    expect(screen.getByTestId('exact-bytes').textContent).toBe(bytes);
  });

  it('offer no formatting for text that is not JSON, showing it as it is', () => {
    render(<ExactBytesView bytes='{"fields":' digest="d1g3st" fileName="broken.json" />);
    expect(screen.queryByRole('button', { name: 'Formatted' })).toBeNull();
    expect(screen.getByText('These bytes are not valid JSON, so they can only be shown as they are.')).toBeDefined();
    expect(screen.getByTestId('exact-bytes').textContent).toBe('{"fields":');
  });
});

describe('indentJson', () => {
  const outsideStrings = (text: string) => text.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_all, quoted: string | undefined) => quoted ?? '');

  it('changes only whitespace outside strings, keeping every token as the bytes spell it', () => {
    const text = '{"a":[1.50,2e3,-0],"b":{"c":"x, {y}: [z]","d":"say \\"hi\\" \\\\"},"e":{},"f":[],"g":null}';
    const indented = indentJson(text) ?? 'missing';
    expect(outsideStrings(indented)).toBe(text);
    expect(indented).toBe(
      ['{', '  "a": [', '    1.50,', '    2e3,', '    -0', '  ],', '  "b": {', '    "c": "x, {y}: [z]",', '    "d": "say \\"hi\\" \\\\"', '  },', '  "e": {},', '  "f": [],', '  "g": null', '}'].join('\n')
    );
  });

  it('refuses text that is not JSON', () => {
    expect(indentJson('{"fields":')).toBeNull();
    expect(indentJson('')).toBeNull();
  });
});
