import { z } from 'zod';
import { productSchema } from './product';

/**
 * The resolver contract: every resolver's name, input schema and output schema.
 * src/ registers a handler for each entry; static/ calls them through one typed client.
 * Adding a resolver means adding an entry here, and the type checker then demands both sides.
 */
export const emptyInput = z.object({}).strict();

export const contextOutput = z.object({
  product: productSchema,
  isAdmin: z.boolean(),
  appVersion: z.string()
});
export type ContextOutput = z.infer<typeof contextOutput>;

export const resolverContract = {
  getContext: { input: emptyInput, output: contextOutput }
} as const;

export type ResolverContract = typeof resolverContract;
export type ResolverName = keyof ResolverContract;
export type ResolverInput<N extends ResolverName> = z.input<ResolverContract[N]['input']>;
export type ResolverOutput<N extends ResolverName> = z.infer<ResolverContract[N]['output']>;
export const resolverNames = Object.keys(resolverContract) as ResolverName[];
