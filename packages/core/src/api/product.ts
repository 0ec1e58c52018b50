import { z } from 'zod';

export const productSchema = z.enum(['jira', 'confluence']);
export type Product = z.infer<typeof productSchema>;
