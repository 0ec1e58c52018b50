import fc from 'fast-check';
import { foldDay, populationField, suppress, type DayReport } from '../src/aggregate/fold-day';
import { metricCatalog } from '@usage-reporting/core';
import { purposeSchema, type Purpose } from '@usage-reporting/core';
import type { Report } from '@usage-reporting/core';
import { collectorOn, makeInstallation, makeReport, newInstallationId, rights, sendReport } from './support';
import { storeEngines } from './support/engines';

const day = '2026-11-29';
const engines = storeEngines();
const licences = ['active', 'evaluation', 'inactive', 'none'] as const;

function dayReports(licenceCounts: Partial<Record<(typeof licences)[number], number>>): DayReport[] {
  return Object.entries(licenceCounts).flatMap(([licence, n]) =>
    Array.from({ length: n ?? 0 }, () => {
      const report = makeReport({ fields: { 'app.licence': licence, 'site.product': 'jira' } });
      return { installationId: report.installationId, receivedAt: `${day}T08:00:00.000Z`, report };
    })
  );
}

const licenceCells = (reports: DayReport[], k = 5) =>
  Object.fromEntries(
    foldDay({ day, reports, restrictions: new Map(), catalog: metricCatalog, k })
      .filter((c) => c.field === 'app.licence')
      .map((c) => [JSON.parse(c.value), c.installations])
  );

describe('k-suppression of daily aggregates', () => {
  it('publishes every cell that has at least k installations', () => {
    expect(licenceCells(dayReports({ active: 7, evaluation: 5 }))).toEqual({ active: 7, evaluation: 5 });
  });

  it('suppresses a cell of fewer than k installations, and the cell that would reveal it by subtraction', () => {
    // 11 reporting: 7 active + 4 evaluation. Publishing "active: 7" next to "11 reporting" reveals the 4.
    expect(licenceCells(dayReports({ active: 7, evaluation: 4 }))).toEqual({});
  });

  it('suppresses just enough to keep every hidden group at k or more', () => {
    // 3 inactive alone would be derivable; hiding the next smallest (5 evaluation) makes the hidden group 8.
    expect(licenceCells(dayReports({ active: 6, evaluation: 5, inactive: 3 }))).toEqual({ active: 6 });
  });

  it('publishes nothing for a day with fewer than k installations', () => {
    expect(foldDay({ day, reports: dayReports({ active: 4 }), restrictions: new Map(), catalog: metricCatalog, k: 5 })).toEqual([]);
  });

  it('honours a larger k', () => {
    expect(licenceCells(dayReports({ active: 9, evaluation: 10 }), 10)).toEqual({});
    expect(licenceCells(dayReports({ active: 10, evaluation: 10 }), 10)).toEqual({ active: 10, evaluation: 10 });
  });

  it('counts an installation once per day, by its latest report', () => {
    const reports = dayReports({ active: 5 });
    const chatty = reports[0];
    if (!chatty) throw new Error('no report');
    // Earlier the same day it said 'evaluation' twice; only its latest report ('active') counts.
    for (const hour of ['06', '07']) {
      const earlier = makeReport({ installationId: chatty.installationId, fields: { 'app.licence': 'evaluation' } });
      reports.push({ installationId: chatty.installationId, receivedAt: `${day}T${hour}:00:00.000Z`, report: earlier });
    }
    const cells = foldDay({ day, reports, restrictions: new Map(), catalog: metricCatalog, k: 2 });
    expect(cells.find((c) => c.purpose === 'product-improvement' && c.field === populationField)?.installations).toBe(5);
    expect(cells.filter((c) => c.field === 'app.licence').map((c) => [c.value, c.installations])).toEqual([['"active"', 5]]);
  });
});

describe('purpose restrictions in aggregation', () => {
  it("leaves a restricted purpose's fields and population without the installation, other purposes unchanged", () => {
    const reports = dayReports({ active: 6 });
    const restricted = reports[0]?.installationId ?? '';
    const restrictions = new Map<string, Purpose[]>([[restricted, ['product-improvement']]]);
    const cells = foldDay({ day, reports, restrictions, catalog: metricCatalog, k: 5 });
    const count = (purpose: Purpose, field: string) => cells.find((c) => c.purpose === purpose && c.field === field)?.installations;

    expect(count('product-improvement', populationField)).toBe(5);
    expect(count('product-improvement', 'app.licence')).toBe(5);
    expect(count('troubleshooting', populationField)).toBe(6);
  });

  it.each(engines)('applies a restriction made through the rights API to days still within retention, on $name', async (engine) => {
    const c = await collectorOn(engine);
    try {
      const installations = Array.from({ length: 6 }, makeInstallation);
      for (const who of installations) {
        await sendReport(c, makeReport({ installationId: who.installationId }));
      }
      await c.runRetention();
      const licence = async () => (await c.store.aggregates()).find((a) => a.field === 'app.licence')?.installations;
      expect(await licence()).toBe(6);

      const first = installations[0];
      if (!first) throw new Error('no installation');
      expect((await rights(c, first, { kind: 'restrict', restrictedPurposes: ['product-improvement'] })).res.statusCode).toBe(200);
      await c.runRetention();
      expect(await licence()).toBe(5);

      const second = installations[1];
      if (!second) throw new Error('no installation');
      await rights(c, second, { kind: 'restrict', restrictedPurposes: ['product-improvement'] });
      await c.runRetention();
      expect(await licence()).toBeUndefined();
    } finally {
      await c.close();
    }
  });
});

describe('no aggregate row can be traced back to one installation', () => {
  const reportArb = fc.record({
    installationIndex: fc.integer({ min: 0, max: 24 }),
    licence: fc.constantFrom(...licences),
    product: fc.constantFrom('jira', 'confluence'),
    projects: fc.constantFrom('0', '1-10', '11-50', '51-100'),
    major: fc.integer({ min: 1, max: 4 }),
    purposes: fc.constantFrom<Purpose[]>(['product-improvement'], ['troubleshooting'], ['product-improvement', 'troubleshooting']),
    hour: fc.integer({ min: 0, max: 23 })
  });

  it('holds for any day of reports: every row counts k or more installations, no id survives, nothing small is derivable', () => {
    fc.assert(
      fc.property(
        fc.array(reportArb, { maxLength: 80 }),
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom<Purpose>('product-improvement', 'troubleshooting')), { maxLength: 5 }),
        (drafts, k, restrictionDrafts) => {
          const ids = Array.from({ length: 25 }, newInstallationId);
          const reports: DayReport[] = drafts.map((d) => {
            const fields: Report['fields'] = {};
            if (d.purposes.includes('product-improvement')) Object.assign(fields, { 'app.licence': d.licence, 'site.product': d.product, 'site.projects': d.projects });
            if (d.purposes.includes('troubleshooting')) fields['app.versionMajor'] = d.major;
            const report = makeReport({ installationId: ids[d.installationIndex], purposes: d.purposes, fields });
            return { installationId: report.installationId, receivedAt: `${day}T${String(d.hour).padStart(2, '0')}:00:00.000Z`, report };
          });
          const restrictions = new Map<string, Purpose[]>();
          for (const [i, p] of restrictionDrafts) restrictions.set(ids[i] ?? '', [...(restrictions.get(ids[i] ?? '') ?? []), p]);

          const cells = foldDay({ day, reports, restrictions, catalog: metricCatalog, k });
          const text = JSON.stringify(cells);
          for (const r of reports) {
            expect(text).not.toContain(r.installationId);
            expect(text).not.toContain(r.report.reportId);
          }

          // Recompute, independently of foldDay, which installations each row describes.
          const latest = new Map<string, DayReport>();
          for (const r of [...reports].sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.report.reportId < b.report.reportId ? -1 : 1))) {
            latest.set(r.installationId, r);
          }
          const eligible = (purpose: Purpose) =>
            [...latest.values()].filter((r) => r.report.purposes.includes(purpose) && !(restrictions.get(r.installationId) ?? []).includes(purpose));

          for (const cell of cells) {
            expect(Object.keys(cell).sort()).toEqual(['day', 'field', 'installations', 'purpose', 'value']);
            const population = eligible(cell.purpose);
            const described =
              cell.field === populationField
                ? population
                : population.filter((r) => (cell.field === '$format' ? JSON.stringify(r.report.format) : JSON.stringify(r.report.fields[cell.field])) === cell.value);
            expect(cell.installations).toBe(described.length);
            expect(cell.installations).toBeGreaterThanOrEqual(k);
          }
          // What is left out of a published field is either nothing or a group of at least k.
          const published = new Map<string, number>();
          for (const cell of cells) if (cell.field !== populationField) published.set(`${cell.purpose}|${cell.field}`, (published.get(`${cell.purpose}|${cell.field}`) ?? 0) + cell.installations);
          for (const [key, sum] of published) {
            const hidden = eligible(purposeSchema.parse(key.split('|')[0])).length - sum;
            expect(hidden === 0 || hidden >= k).toBe(true);
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  it.each(engines)('keeps no installation id in the aggregates table at all, on $name', async (engine) => {
    const c = await collectorOn(engine);
    try {
      expect(await c.tables.columns('aggregates')).toEqual(['day', 'purpose', 'field', 'value', 'installations']);
    } finally {
      await c.close();
    }
  });

  it('suppress() never leaves a hidden group between 1 and k-1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 8 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 2, max: 10 }), (counts, absent, k) => {
        const byValue = new Map(counts.map((n, i) => [`"v${i}"`, n]));
        const population = counts.reduce((a, b) => a + b, 0) + absent;
        const visible = suppress(byValue, population, k);
        const hidden = population - visible.reduce((s, [, n]) => s + n, 0);
        expect(visible.every(([, n]) => n >= k)).toBe(true);
        // Publishing nothing reveals nothing; publishing anything leaves no small remainder.
        if (visible.length > 0) expect(hidden === 0 || hidden >= k).toBe(true);
      })
    );
  });
});
