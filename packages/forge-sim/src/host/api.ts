import { z } from 'zod';
import { productSchema, type Product } from '@usage-reporting/core/api';
import { pageContext } from './context.js';
import type { ActingUser, HostPlatform } from './platform-port.js';
import { describeScheduledRun } from './scheduled-outcome.js';

/**
 * The host page's backend calls, each parsed from unknown input. Resolver failures come back the
 * way Forge's bridge reports them to `invoke`: a rejection whose message starts with Forge's own
 * "There was an error invoking the function - ".
 */
export interface ApiResponse {
  status: number;
  body: unknown;
}

const actingUserSchema = z.enum(['admin', 'member']);
/** A BCP 47 tag as Forge reports a user's locale (`de-DE`, `ja-JP`); anything Intl cannot read is refused. */
export const hostLocaleSchema = z
  .string()
  .max(35)
  .refine((tag) => isLocaleTag(tag), { message: 'not a BCP 47 language tag, such as de-DE' });

export function isLocaleTag(tag: string): boolean {
  try {
    return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
const invokeSchema = z.object({
  functionKey: z.string().min(1),
  payload: z.record(z.string(), z.unknown()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  product: productSchema,
  as: actingUserSchema,
  locale: hostLocaleSchema.optional()
});
const contextQuerySchema = z.object({ product: productSchema, as: actingUserSchema, theme: z.enum(['light', 'dark']), locale: hostLocaleSchema.optional() });
const scheduledSchema = z.object({ product: productSchema });

export function accountIdOf(platform: HostPlatform, user: ActingUser): string {
  return user === 'admin' ? platform.users.admin : platform.users.member;
}

export async function invokeApi(platform: HostPlatform, input: unknown): Promise<ApiResponse> {
  const parsed = invokeSchema.safeParse(input);
  if (!parsed.success) return { status: 400, body: { ok: false, message: `Malformed invoke request: ${z.prettifyError(parsed.error)}` } };
  const { functionKey, payload, metadata, product, as, locale } = parsed.data;
  try {
    const value = await platform.invokeResolver(functionKey, payload ?? {}, { accountId: accountIdOf(platform, as), product, locale });
    // With metadata, @forge/bridge expects the body wrapped ({ body, metadata }); rate-limit figures are not simulated.
    return { status: 200, body: { ok: true, value: metadata ? { body: value ?? null, metadata: {} } : value ?? null } };
  } catch (error) {
    return { status: 200, body: { ok: false, message: `There was an error invoking the function - ${describe(error)}` } };
  }
}

export function contextApi(platform: HostPlatform, query: URLSearchParams): ApiResponse {
  const parsed = contextQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) return { status: 400, body: { message: `Malformed context request: ${z.prettifyError(parsed.error)}` } };
  const { product, as, theme, locale } = parsed.data;
  // Each page load belongs to one product's site; the context is that site's admin module.
  platform.site.configure({ product });
  return { status: 200, body: pageContext(platform.uiContext(accountIdOf(platform, as), locale), theme) };
}

export async function scheduledApi(platform: HostPlatform, input: unknown): Promise<ApiResponse> {
  const parsed = scheduledSchema.safeParse(input);
  if (!parsed.success) return { status: 400, body: { ok: false, summary: `Malformed request: ${z.prettifyError(parsed.error)}` } };
  const product: Product = parsed.data.product;
  try {
    const result = await platform.runScheduledTrigger({ product });
    return { status: 200, body: { ok: true, summary: describeScheduledRun(result), result: result ?? null } };
  } catch (error) {
    return { status: 200, body: { ok: false, summary: describe(error) } };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
