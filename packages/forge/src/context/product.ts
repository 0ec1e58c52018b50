import { z } from 'zod';
import { productSchema, type Product } from '@usage-reporting/core/api';

/**
 * Which product the app is running in, read from the invocation's install context
 * (`ari:cloud:jira::site/<cloudId>`). Resolver calls, scheduled triggers and lifecycle events all
 * carry it, so one function serves every entry point.
 */
const installContextSchema = z.string().regex(/^ari:cloud:[a-z-]+::site\/[^/]+$/);

export type ProductDetection = { ok: true; product: Product } | { ok: false; reason: string };

export function productFromInstallContext(installContext: unknown): ProductDetection {
  const parsed = installContextSchema.safeParse(installContext);
  if (!parsed.success) {
    return { ok: false, reason: `install context is not a site ARI (received ${typeof installContext})` };
  }
  const name = parsed.data.slice('ari:cloud:'.length, parsed.data.indexOf('::'));
  const product = productSchema.safeParse(name);
  return product.success ? { ok: true, product: product.data } : { ok: false, reason: `the app does not support product '${name}'` };
}

/** For trigger handlers: Forge passes `{ installContext, ... }` as the second argument. */
export function productFromFunctionContext(context: unknown): ProductDetection {
  const parsed = z.object({ installContext: z.unknown() }).safeParse(context);
  return productFromInstallContext(parsed.success ? parsed.data.installContext : undefined);
}
