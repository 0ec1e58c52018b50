import { getAppContext } from '@forge/api';
import { ForgeKvsError } from '@forge/kvs';
import type { Request } from '@forge/resolver';
import type { z } from 'zod';
import { fail, type Envelope } from '@usage-reporting/core/api';
import type { Product } from '@usage-reporting/core/api';
import { resolverContract, type ResolverContract, type ResolverName, type ResolverOutput } from '@usage-reporting/core/api';
import { checkProductAdmin } from '../context/admin.js';
import { productFromInstallContext } from '../context/product.js';
import type { EngineDeps } from '../engine/deps.js';
import { StorageError } from '../store/kvs-store.js';

/** What a resolver handler knows about its caller, established by the wrapper before it runs. */
export interface CallerContext {
  product: Product;
  accountId: string;
  isAdmin: boolean;
  appVersion: string;
}

export type ParsedInput<N extends ResolverName> = z.output<ResolverContract[N]['input']>;

/** One contract entry seen through its own name, so input and output types follow N. */
interface ContractSchemas<N extends ResolverName> {
  input: z.ZodType<ParsedInput<N>, unknown>;
  output: z.ZodType<ResolverOutput<N>, unknown>;
}

/**
 * TypeScript cannot relate `resolverContract[N]` to `ParsedInput<N>` for a generic N (the lookup
 * widens to the union of entries), so this one lookup of our own constant states the relation.
 */
function schemasOf<N extends ResolverName>(name: N): ContractSchemas<N> {
  return resolverContract[name] as unknown as ContractSchemas<N>;
}

export interface ResolverHandler<N extends ResolverName> {
  /**
   * Whether non-admins may call this resolver. Only getContext sets it: the page must learn who is
   * looking in order to say "ask your admin". Every other resolver refuses non-admins before
   * reading its input.
   */
  readonly answersNonAdmins?: true;
  /** `deps` is the platform seam, built once where the app is wired (src/index.ts). */
  run(input: ParsedInput<N>, caller: CallerContext, deps: EngineDeps): Promise<Envelope<ResolverOutput<N>>>;
}

/**
 * The one wrapper every resolver goes through: establish the product and caller, refuse
 * non-admins, parse the payload with the contract's schema, run, check the output against the
 * contract, and turn anything unexpected into INTERNAL. The page only ever receives an Envelope.
 */
export function defineResolver<N extends ResolverName>(name: N, handler: ResolverHandler<N>, deps: EngineDeps) {
  const contract = schemasOf(name);
  return async (req: Request<unknown>): Promise<Envelope<ResolverOutput<N>>> => {
    try {
      const product = productFromInstallContext(req.context.installContext);
      if (!product.ok) return internal(name, product.reason);
      const accountId: unknown = req.context.accountId;
      if (typeof accountId !== 'string' || accountId === '') {
        return fail('NOT_ADMIN', 'This action needs a signed-in site administrator.');
      }

      const admin = await checkProductAdmin(product.product);
      if (!admin.ok) return internal(name, admin.reason);
      if (!admin.isAdmin && !handler.answersNonAdmins) {
        return fail('NOT_ADMIN', `Only ${product.product === 'jira' ? 'Jira' : 'Confluence'} administrators can use Usage Reporting.`);
      }

      const input = contract.input.safeParse(req.payload);
      if (!input.success) return fail('INVALID_INPUT', describeInvalidInput(name, req.payload, input.error));

      const caller: CallerContext = { product: product.product, accountId, isAdmin: admin.isAdmin, appVersion: getAppContext().appVersion };
      const result = await handler.run(input.data, caller, deps);
      if (!result.ok) return result;
      // A handler returning something the contract does not describe is our bug, not the page's.
      const output = contract.output.safeParse(result.data);
      if (!output.success) return internal(name, `output did not match the contract: ${summarizeIssues(output.error)}`);
      return { ok: true, data: output.data };
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      // Storage failing is not our bug and usually passes: tell the admin to retry, in plain words.
      if (error instanceof ForgeKvsError || error instanceof StorageError) {
        console.error(`[resolver ${name}] STORAGE: ${detail}`);
        return fail('STORAGE', 'The app could not read or save its data on this site. Nothing was changed that you cannot see; try again in a moment.');
      }
      return internal(name, detail);
    }
  };
}

function internal(name: string, detail: string): Envelope<never> {
  console.error(`[resolver ${name}] INTERNAL: ${detail}`);
  return fail('INTERNAL', 'Something went wrong on our side. Please try again; if it keeps happening, contact the app vendor.');
}

const MAX_MESSAGE = 400;

/** Says what arrived (its type and keys, shortened) and what was wrong, without echoing values. */
export function describeInvalidInput(name: string, received: unknown, error: z.ZodError): string {
  const message = `${name} received ${describeValue(received)}: ${summarizeIssues(error)}`;
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value !== 'object') return `a ${typeof value}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, 8).map((k) => (k.length > 32 ? `${k.slice(0, 31)}…` : k));
  return `an object with keys [${shown.join(', ')}${keys.length > shown.length ? `, +${keys.length - shown.length} more` : ''}]`;
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.').slice(0, 64) : '(root)';
      // Issue codes, not messages: zod messages may quote the offending keys or values.
      return `${where}: ${issue.code === 'unrecognized_keys' ? 'unexpected field' : issue.code.replace(/_/g, ' ')}`;
    })
    .join('; ');
}
