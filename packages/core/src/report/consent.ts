import { z } from 'zod';
import {
  cadenceSchema,
  categorySchema,
  consentModeSchema,
  purposeSchema,
  allPurposes,
  type Purpose
} from '../catalog/vocabulary.js';

export const catalogKeySchema = z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/).max(80);

/** What the admin excluded. `purposes` lists the purposes still allowed: narrowing removes from it. */
export const restrictionsSchema = z.strictObject({
  categories: z.array(categorySchema).max(2),
  fields: z.array(catalogKeySchema).max(200),
  purposes: z.array(purposeSchema).min(1).max(2)
});
export type Restrictions = z.infer<typeof restrictionsSchema>;

export const noRestrictions: Restrictions = { categories: [], fields: [], purposes: [...allPurposes] };

/** Sorted and without duplicates, so two equal restrictions compare equal as canonical JSON. */
export function normalizeRestrictions(r: Restrictions): Restrictions {
  const uniqSorted = <T extends string>(xs: readonly T[]) => [...new Set(xs)].sort();
  return {
    categories: uniqSorted(r.categories),
    fields: uniqSorted(r.fields),
    purposes: allPurposes.filter((p: Purpose) => r.purposes.includes(p))
  };
}

export const consentStateSchema = z.strictObject({
  mode: consentModeSchema,
  cadence: cadenceSchema,
  /** The highest report-format version the admin has reviewed and accepted; 0 before the first consent. */
  acceptedFormat: z.number().int().nonnegative(),
  restrictions: restrictionsSchema,
  /** Increases on every change, so a stored draft can tell whether consent moved since it was built. */
  revision: z.number().int().nonnegative(),
  changedAt: z.iso.datetime().nullable()
});
export type ConsentState = z.infer<typeof consentStateSchema>;

export const initialConsent: ConsentState = {
  mode: 'not-asked',
  cadence: 'monthly',
  acceptedFormat: 0,
  restrictions: noRestrictions,
  revision: 0,
  changedAt: null
};

export const settingsSchema = z.strictObject({
  /** How long sent reports stay in history on the site; two years at most. */
  retentionDays: z.number().int().min(30).max(730)
});
export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = { retentionDays: 730 };

/** Modes under which a report may leave the site. */
export const sendingModes = ['per-case', 'automatic'] as const;
export const allowsSending = (mode: ConsentState['mode']): boolean => mode === 'per-case' || mode === 'automatic';
