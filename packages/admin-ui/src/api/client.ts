import { z } from 'zod';
import { envelopeSchema, resolverFunctionKey, type ErrorCode, type RefusalNotice } from '@usage-reporting/core/api';
import {
  resolverContract,
  resolverNames,
  type ResolverInput,
  type ResolverName,
  type ResolverOutput
} from '@usage-reporting/core/api';

/**
 * The one way the page talks to the backend. Method names, inputs and outputs come from the
 * shared resolver contract; every response is parsed against it, so a malformed or missing
 * answer becomes an error value the page can explain, never an exception in a component.
 */

/** Failures the page can meet before a resolver's own envelope is in hand. */
export type ClientOnlyErrorCode = 'UNREACHABLE' | 'BAD_RESPONSE';
export type ClientErrorCode = ErrorCode | ClientOnlyErrorCode;
export interface ClientError {
  code: ClientErrorCode;
  /** English, for the vendor's support (the "Details for support" line). */
  message: string;
  /** Why the backend refused, where the admin can act on it: worded in the admin's language (copy/notice-copy.ts). */
  notice?: RefusalNotice;
}
export type ClientResult<T> = { ok: true; data: T } | { ok: false; error: ClientError };

/** How a call leaves the page: `invoke` from @forge/bridge in production, anything with its shape in tests. */
export type Transport = (functionKey: string, payload: unknown) => Promise<unknown>;

export type AdminClient = {
  [N in ResolverName]: (input: ResolverInput<N>) => Promise<ClientResult<ResolverOutput<N>>>;
};

/**
 * The Forge function key the backend registers a resolver under (`usageReporting.<name>`, the same
 * function the backend defines with). Every call leaves through it.
 */
export { resolverFunctionKey };

export function createClient(transport: Transport): AdminClient {
  const methods: Partial<Record<ResolverName, (input: unknown) => Promise<ClientResult<unknown>>>> = {};
  for (const name of resolverNames) {
    methods[name] = (input) => call(transport, name, input);
  }
  // Every name of the contract was filled in by the loop above; the mapped type cannot see that.
  return methods as AdminClient;
}

/** Each resolver's envelope schema, built on its first call: zod builds a schema far slower than it parses one. */
type EnvelopeSchema = ReturnType<typeof envelopeSchema<z.ZodType>>;
const envelopes = new Map<ResolverName, EnvelopeSchema>();
function envelopeOf(name: ResolverName): EnvelopeSchema {
  const known = envelopes.get(name);
  if (known) return known;
  const built = envelopeSchema(resolverContract[name].output);
  envelopes.set(name, built);
  return built;
}

async function call(transport: Transport, name: ResolverName, input: unknown): Promise<ClientResult<unknown>> {
  const { input: inputSchema } = resolverContract[name];
  const payload = inputSchema.safeParse(input);
  if (!payload.success) {
    return failure('INVALID_INPUT', `The page built a request for ${name} that the contract rejects: ${z.prettifyError(payload.error)}`);
  }
  let raw: unknown;
  try {
    raw = await transport(resolverFunctionKey(name), payload.data);
  } catch (error) {
    return failure('UNREACHABLE', `The app's backend could not be reached (${describe(error)}).`);
  }
  const envelope = envelopeOf(name).safeParse(raw);
  if (!envelope.success) {
    return failure('BAD_RESPONSE', `The backend's answer to ${name} was not in the expected shape: ${z.prettifyError(envelope.error)}`);
  }
  return envelope.data;
}

function failure(code: ClientErrorCode, message: string): ClientResult<never> {
  return { ok: false, error: { code, message } };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.trim();
  return String(error);
}
