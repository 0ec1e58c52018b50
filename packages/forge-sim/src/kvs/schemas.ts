import { z } from 'zod';

/**
 * Request bodies exactly as @forge/kvs 1.6 sends them (interfaces/kvs-api.d.ts). Anything else is a
 * BAD_REQUEST, as it would be from the real service.
 */
export const metadataFieldSchema = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
export type MetadataField = z.infer<typeof metadataFieldSchema>;

export const ttlSchema = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS'])
});
export type Ttl = z.infer<typeof ttlSchema>;

const getOptionsSchema = z.object({ metadataFields: z.array(metadataFieldSchema).optional() }).optional();

export const setOptionsSchema = z
  .object({
    ttl: ttlSchema.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: z.array(metadataFieldSchema).optional()
  })
  .refine((o) => o.returnValue === undefined || o.keyPolicy === 'OVERRIDE', {
    message: 'returnValue is only allowed with keyPolicy OVERRIDE'
  })
  .optional();
export type SetOptions = z.infer<typeof setOptionsSchema>;

const entityNameSchema = z.string().optional();

export const getRequestSchema = z.object({ key: z.string(), entityName: entityNameSchema, options: getOptionsSchema });
export const setRequestSchema = z.object({ key: z.string(), entityName: entityNameSchema, value: z.json(), options: setOptionsSchema });
export const deleteRequestSchema = z.object({ key: z.string(), entityName: entityNameSchema });

export const queryRequestSchema = z.object({
  limit: z.number().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.string(), condition: z.string(), values: z.array(z.unknown()) })).optional(),
  options: getOptionsSchema
});

export const batchSetRequestSchema = z.array(
  z.object({ key: z.string(), entityName: entityNameSchema, value: z.json(), options: z.object({ ttl: ttlSchema.optional() }).optional() })
);
export const batchGetRequestSchema = z.array(z.object({ key: z.string(), entityName: entityNameSchema, options: getOptionsSchema }));
export const batchDeleteRequestSchema = z.array(z.object({ key: z.string(), entityName: entityNameSchema }));

/** A FilterBuilder condition: `{ property, condition, values }` (conditions.js). */
export const filterSchema = z.object({
  property: z.string(),
  condition: z.enum([
    'BEGINS_WITH', 'BETWEEN', 'CONTAINS', 'NOT_CONTAINS', 'EQUAL_TO', 'NOT_EQUAL_TO',
    'EXISTS', 'NOT_EXISTS', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO'
  ]),
  values: z.array(z.union([z.string(), z.number(), z.boolean()]))
});
export type Filter = z.infer<typeof filterSchema>;

/** `{ and: [...] }` or `{ or: [...] }` (utils/transaction-request-builder.js). */
export const conditionsSchema = z.object({ and: z.array(filterSchema).optional(), or: z.array(filterSchema).optional() });
export type Conditions = z.infer<typeof conditionsSchema>;

export const transactionRequestSchema = z.object({
  set: z
    .array(z.object({ key: z.string(), value: z.json(), entityName: entityNameSchema, conditions: conditionsSchema.optional(), options: z.object({ ttl: ttlSchema.optional() }).optional() }))
    .optional(),
  delete: z.array(z.object({ key: z.string(), entityName: entityNameSchema, conditions: conditionsSchema.optional() })).optional(),
  check: z.array(z.object({ key: z.string(), entityName: z.string(), conditions: conditionsSchema })).optional()
});
export type TransactionRequest = z.infer<typeof transactionRequestSchema>;
