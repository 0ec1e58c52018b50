import { resolverContract, resolverNames } from '@usage-reporting/core/api';
import { createClient, resolverFunctionKey, type AdminClient, type Transport } from '../src/api/client';

/** A transport that records what was sent and answers with a fixed value (or throws it). */
function recordingTransport(answer: () => unknown) {
  const calls: { functionKey: string; payload: unknown }[] = [];
  const transport: Transport = async (functionKey, payload) => {
    calls.push({ functionKey, payload });
    return answer();
  };
  return { calls, transport };
}

const context = { product: 'jira', isAdmin: true, appVersion: '1.0.0' } as const;

describe('the admin page client', () => {
  it('has one method per resolver in the shared contract', () => {
    const client = createClient(recordingTransport(() => null).transport);
    expect(Object.keys(client).sort()).toEqual([...resolverNames].sort());
  });

  it('calls the resolver by its contract name and returns the parsed data', async () => {
    const { calls, transport } = recordingTransport(() => ({ ok: true, data: context }));
    const result = await createClient(transport).getContext({});
    expect(calls).toEqual([{ functionKey: 'usageReporting.getContext', payload: {} }]);
    expect(result).toEqual({ ok: true, data: context });
  });

  it('names every call by the one function that maps a resolver to its Forge function key', async () => {
    // Every resolver that takes no input can be called without a test-specific payload.
    const noInput = resolverNames.filter((name) => resolverContract[name].input.safeParse({}).success);
    expect(noInput.length).toBeGreaterThan(3);
    const { calls, transport } = recordingTransport(() => null);
    const untyped = createClient(transport) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of noInput) await untyped[name]?.({});
    expect(calls.map((c) => c.functionKey)).toEqual(noInput.map(resolverFunctionKey));
  });

  it('passes a resolver error envelope through as an error value', async () => {
    const { transport } = recordingTransport(() => ({ ok: false, error: { code: 'NOT_ADMIN', message: 'Only site admins.' } }));
    const result = await createClient(transport).getContext({});
    expect(result).toEqual({ ok: false, error: { code: 'NOT_ADMIN', message: 'Only site admins.' } });
  });

  it.each([
    ['no answer at all', undefined],
    ['data without the envelope', context],
    ['an envelope whose data breaks the output schema', { ok: true, data: { ...context, product: 'bitbucket' } }],
    ['an error with a code outside the contract', { ok: false, error: { code: 'TEAPOT', message: 'short and stout' } }]
  ])('turns a malformed answer (%s) into a BAD_RESPONSE error value', async (_label, answer) => {
    const { transport } = recordingTransport(() => answer);
    const result = await createClient(transport).getContext({});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_RESPONSE');
      expect(result.error.message).toContain('getContext');
    }
  });

  it('turns a failed bridge call into an UNREACHABLE error value', async () => {
    const { transport } = recordingTransport(() => {
      throw new Error('Resolver calls are rate limited at 500req/25s');
    });
    const result = await createClient(transport).getContext({});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNREACHABLE', message: "The app's backend could not be reached (Resolver calls are rate limited at 500req/25s)." }
    });
  });

  it('refuses input the contract rejects without calling the backend', async () => {
    const { calls, transport } = recordingTransport(() => ({ ok: true, data: context }));
    // A caller outside the type checker (or a future bug) could send extra keys; the strict schema says no.
    // Method syntax is checked bivariantly, so this view of the client accepts what plain JavaScript could pass.
    const untyped: { getContext(input: unknown): ReturnType<AdminClient['getContext']> } = createClient(transport);
    const result = await untyped.getContext({ unexpected: true });
    expect(calls).toEqual([]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
  });
});
