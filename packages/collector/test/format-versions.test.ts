import fc from 'fast-check';
import { validateReport } from '../src/http/validate-report';
import { bucketLabels } from '@usage-reporting/core';
import { metricCatalog } from '@usage-reporting/core';
import type { FieldValue, MetricEntry } from '@usage-reporting/core';
import { allPurposes, type Purpose } from '@usage-reporting/core';
import { formatName } from '@usage-reporting/core';
import { makeReport } from './support';

const valueArb = (entry: MetricEntry): fc.Arbitrary<FieldValue> => {
  switch (entry.valueType.kind) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...entry.valueType.values);
    case 'count':
      return fc.nat();
    case 'bucket':
      return fc.constantFrom(...bucketLabels);
  }
};

const versions = Array.from({ length: metricCatalog.formatVersion }, (_, i) => i + 1);

/** Any report an app at format `version` could have produced: any subset of that format's fields its purposes cover. */
const reportOfSomeFormat = fc
  .record({
    version: fc.constantFrom(...versions),
    purposes: fc.subarray([...allPurposes], { minLength: 1 }),
    picks: fc.array(fc.tuple(fc.constantFrom(...metricCatalog.entries), fc.boolean()), { maxLength: metricCatalog.entries.length * 2 })
  })
  .chain(({ version, purposes, picks }) => {
    const entries = [...new Map(picks.filter(([e, keep]) => keep && e.since <= version && purposes.includes(e.purpose)).map(([e]) => [e.key, e])).values()];
    return fc
      .tuple(...entries.map(valueArb))
      .map((values) => ({ version, purposes: purposes as Purpose[], fields: Object.fromEntries(entries.map((e, i) => [e.key, values[i] as FieldValue])) }));
  });

describe('every format version the app has produced', () => {
  it(`stays accepted: any report of formats ${versions.join(', ')} passes ingest validation`, () => {
    fc.assert(
      fc.property(reportOfSomeFormat, ({ version, purposes, fields }) => {
        const report = makeReport({ format: formatName(version), purposes, fields });
        expect(validateReport(JSON.parse(JSON.stringify(report)), metricCatalog)).toEqual({ ok: true, report });
      }),
      { numRuns: 300 }
    );
  });
});
