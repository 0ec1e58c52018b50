import { z } from 'zod';

/** Words the catalog, the consent state and the report share. */
export const categorySchema = z.enum(['configuration', 'usage']);
export type Category = z.infer<typeof categorySchema>;

export const purposeSchema = z.enum(['product-improvement', 'troubleshooting']);
export type Purpose = z.infer<typeof purposeSchema>;
export const allPurposes: readonly Purpose[] = purposeSchema.options;

export const consentModes = ['not-asked', 'per-case', 'automatic', 'off'] as const;
export const consentModeSchema = z.enum(consentModes);
export type ConsentMode = z.infer<typeof consentModeSchema>;

export const cadences = ['weekly', 'monthly'] as const;
export const cadenceSchema = z.enum(cadences);
export type Cadence = z.infer<typeof cadenceSchema>;

export const environments = ['production', 'staging', 'development'] as const;
export const environmentSchema = z.enum(environments);
export type Environment = z.infer<typeof environmentSchema>;

export const licenceStates = ['active', 'evaluation', 'inactive', 'none'] as const;
export const licenceStateSchema = z.enum(licenceStates);
export type LicenceState = z.infer<typeof licenceStateSchema>;

/** Site-scale counts the app can read at a cost that does not grow with the site (count or `total` endpoints). */
export const siteCountSchema = z.enum(['projects', 'issueTypes', 'issues', 'customFields', 'spaces', 'pages', 'blogposts']);
export type SiteCount = z.infer<typeof siteCountSchema>;
