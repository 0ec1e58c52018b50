import { z } from 'zod';
import { productSchema } from '../api/product.js';
import { meterEventSchema } from './meter-events.js';
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
  /** Metered events in the report's period, per event. */
  usage: z.partialRecord(meterEventSchema, z.number().int().nonnegative())
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

export interface CollectContext {
  facts: SiteFacts;
  config: ConfigFacts;
}
