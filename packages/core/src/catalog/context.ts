import { z } from 'zod';
import { productSchema } from '../api/product.js';
import { meterNameSchema } from './meter-events.js';
import {
  cadenceSchema,
  consentModeSchema,
  environmentSchema,
  licenceStateSchema,
  siteCountSchema
} from './vocabulary.js';

/**
 * What collect functions read: a snapshot the backend gathers once per report (the ports, as data).
 * Keeping it data, not SDK clients, keeps the catalog importable by static/ and collector/ and keeps
 * report building pure: the same snapshot always yields the same report.
 */
export const siteFactsSchema = z.object({
  app: z.object({
    version: z.string().max(64),
    environment: environmentSchema,
    licence: licenceStateSchema
  }),
  product: productSchema,
  /** Only the counts this product has; a count the site would not give is absent, not zero. */
  counts: z.partialRecord(siteCountSchema, z.number().int().nonnegative()),
  /** Metered events in the report's period, per event name (the toolkit's and the app's own). */
  usage: z.record(meterNameSchema, z.number().int().nonnegative())
});
export type SiteFacts = z.infer<typeof siteFactsSchema>;

/** The app's own configuration as the catalog sees it. */
export const configFactsSchema = z.object({
  mode: consentModeSchema,
  cadence: cadenceSchema,
  restrictionsActive: z.boolean(),
  purposesNarrowed: z.boolean(),
  retentionDays: z.number().int().positive()
});
export type ConfigFacts = z.infer<typeof configFactsSchema>;

/**
 * What a catalog entry's collect function reads. `facts` and `config` are gathered by the toolkit on
 * any site; `vendor` is what the app's own fact reader returned (its own configuration, as data),
 * typed by the app: a catalog made with `metricHelpers<MyFacts>()` reads `ctx.vendor` as MyFacts.
 */
export interface CollectContext<V = unknown> {
  facts: SiteFacts;
  config: ConfigFacts;
  vendor: V;
}
