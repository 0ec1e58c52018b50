import type { Request } from '@forge/resolver';
import { ForgeKvsError } from '@forge/kvs';
import { fail, type Envelope } from '@usage-reporting/core/api';
import { checkProductAdmin, productFromInstallContext } from '@usage-reporting/forge';
import type { z } from 'zod';
import { ssoResolverContract, type SsoResolverName, type SsoResolverOutput } from '../contract/resolvers';

type ParsedInput<N extends SsoResolverName> = z.output<(typeof ssoResolverContract)[N]['input']>;

/** A handler of the app's own: runs only for an admin, on input its contract already parsed. */
export type SsoHandler<N extends SsoResolverName> = (input: ParsedInput<N>) => Promise<Envelope<SsoResolverOutput<N>>>;

/** TypeScript widens `ssoResolverContract[N]` for a generic N; this one lookup of our own constant keeps N. */
function schemasOf<N extends SsoResolverName>(name: N): { input: z.ZodType<ParsedInput<N>, unknown>; output: z.ZodType<SsoResolverOutput<N>, unknown> } {
  return ssoResolverContract[name] as unknown as { input: z.ZodType<ParsedInput<N>, unknown>; output: z.ZodType<SsoResolverOutput<N>, unknown> };
}

/**
 * The one wrapper every resolver of the app goes through: refuse anyone who is not an admin of the
 * product before reading the payload, parse the payload with the contract, run, check the answer
 * against the contract, and turn anything unexpected into an error value the page can show.
 */
export function defineSsoResolver<N extends SsoResolverName>(name: N, handler: SsoHandler<N>) {
  const contract = schemasOf(name);
  return async (req: Request<unknown>): Promise<Envelope<SsoResolverOutput<N>>> => {
    try {
      // The toolkit's own checks: the app and the toolkit's resolvers refuse the same callers.
      const detected = productFromInstallContext(req.context.installContext);
      if (!detected.ok) return internal(name, detected.reason);
      const product = detected.product;
      if (typeof req.context.accountId !== 'string' || req.context.accountId === '') return fail('NOT_ADMIN', 'Single sign-on settings need a signed-in site administrator.');
      const admin = await checkProductAdmin(product);
      if (!admin.ok) return internal(name, admin.reason);
      if (!admin.isAdmin) return fail('NOT_ADMIN', `Only ${product === 'jira' ? 'Jira' : 'Confluence'} administrators can change single sign-on.`);

      const input = contract.input.safeParse(req.payload);
      // Issue paths and codes only: a rejected payload may hold a certificate or a client id.
      if (!input.success) return fail('INVALID_INPUT', `${name}: ${input.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'} ${i.code.replace(/_/g, ' ')}`).join('; ')}`);

      const result = await handler(input.data);
      if (!result.ok) return result;
      const output = contract.output.safeParse(result.data);
      return output.success ? { ok: true, data: output.data } : internal(name, 'the answer did not match the contract');
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (error instanceof ForgeKvsError) {
        console.error(`[sso ${name}] STORAGE: ${detail}`);
        return fail('STORAGE', 'The single sign-on settings could not be read or saved just now; nothing you cannot see was changed. Try again in a moment.');
      }
      return internal(name, detail);
    }
  };
}

function internal(name: string, detail: string): Envelope<never> {
  console.error(`[sso ${name}] INTERNAL: ${detail}`);
  return fail('INTERNAL', 'Something went wrong in the single sign-on app. Please try again; if it keeps happening, contact the vendor.');
}
