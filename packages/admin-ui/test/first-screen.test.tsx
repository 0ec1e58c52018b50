/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, render, screen } from '@testing-library/react';
import { fail, ok, resolverFunctionKey } from '@usage-reporting/core/api';
import { createClient, type Transport } from '../src/api/client';
import { withStartedCall, type StartedCall } from '../src/api/started-call';
import { adminPage } from './page-fixtures';

/** The Forge bridge inside a frame: each invoke answered from a queue, the host's context from a promise. */
const mockInvoke = jest.fn<Promise<unknown>, [string, unknown]>();
const mockGetContext = jest.fn<Promise<unknown>, []>();
jest.mock('@forge/bridge', () => ({
  invoke: (functionKey: string, payload: unknown) => mockInvoke(functionKey, payload),
  view: { getContext: () => mockGetContext(), theme: { enable: async () => undefined } }
}));

/** first-screen.ts starts its calls as it loads: each test loads it afresh, after setting the answers. */
async function loadFirstScreen() {
  let loaded: typeof import('../src/first-screen') | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<typeof import('../src/first-screen')>('../src/first-screen');
  });
  if (!loaded) throw new Error('first-screen.ts did not load');
  return loaded;
}

const started = (answer: unknown): StartedCall => ({ functionKey: resolverFunctionKey('loadAdminPage'), payload: {}, answer: Promise.resolve(answer) });

describe('the first screen’s calls, started before the page evaluates', () => {
  beforeEach(() => {
    mockInvoke.mockReset();
    mockGetContext.mockReset();
  });

  it('asks for the admin page and the host’s context as the module loads, by the contract’s function key', async () => {
    const page = ok(adminPage());
    mockInvoke.mockResolvedValue(page);
    mockGetContext.mockResolvedValue({ locale: 'en-US' });
    const { firstScreen, FIRST_SCREEN_FUNCTION_KEY } = await loadFirstScreen();
    expect(FIRST_SCREEN_FUNCTION_KEY).toBe(resolverFunctionKey('loadAdminPage'));
    expect(mockInvoke.mock.calls).toEqual([[resolverFunctionKey('loadAdminPage'), {}]]);
    expect(mockGetContext).toHaveBeenCalledTimes(1);
    await expect(firstScreen.adminPage.answer).resolves.toBe(page);
  });

  it('shows the started answers without asking again, in the host’s language, and asks anew to try again', async () => {
    mockInvoke.mockResolvedValueOnce(fail('STORAGE', 'The app’s storage did not answer.'));
    mockGetContext.mockResolvedValue({ locale: 'de-DE' });
    const { firstScreen } = await loadFirstScreen();
    const { UsageReportingAdminPage } = await import('../src/index');
    render(<UsageReportingAdminPage firstScreen={firstScreen} followHostTheme={false} />);

    expect(await screen.findByRole('button', { name: 'Erneut versuchen' })).toBeDefined();
    expect(mockInvoke).toHaveBeenCalledTimes(1);
    expect(mockGetContext).toHaveBeenCalledTimes(1);

    // A second look is a new question: the started answer is never shown twice.
    mockInvoke.mockResolvedValueOnce(ok(adminPage()));
    fireEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByRole('heading', { name: 'Was diese App weitergeben würde und warum' })).toBeDefined();
    expect(mockInvoke.mock.calls).toEqual([
      [resolverFunctionKey('loadAdminPage'), {}],
      [resolverFunctionKey('loadAdminPage'), {}]
    ]);
  });
});

describe('a transport with a call already started', () => {
  const recording = () => {
    const calls: { functionKey: string; payload: unknown }[] = [];
    const transport: Transport = async (functionKey, payload) => {
      calls.push({ functionKey, payload });
      return ok(adminPage({ outboxSize: 7 }));
    };
    return { calls, transport };
  };

  it('answers the first matching call with the started answer, parsed like any other, and the next one by asking', async () => {
    const { calls, transport } = recording();
    const client = createClient(withStartedCall(transport, started(ok(adminPage({ outboxSize: 1 })))));
    expect(await client.loadAdminPage({})).toMatchObject({ ok: true, data: { outboxSize: 1 } });
    expect(calls).toEqual([]);
    expect(await client.loadAdminPage({})).toMatchObject({ ok: true, data: { outboxSize: 7 } });
    expect(calls).toEqual([{ functionKey: resolverFunctionKey('loadAdminPage'), payload: {} }]);
  });

  it('holds a started answer to the page’s contract: a malformed one is a bad response, not data', async () => {
    const client = createClient(withStartedCall(recording().transport, started({ ok: true, data: { outboxSize: 'many' } })));
    expect(await client.loadAdminPage({})).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
  });

  it('leaves the started answer to its own resolver and payload', async () => {
    const { calls, transport } = recording();
    const page = ok(adminPage({ outboxSize: 1 }));
    const sent = withStartedCall(transport, { ...started(page), payload: { section: 'history' } });
    await sent(resolverFunctionKey('loadAdminPage'), {});
    await sent(resolverFunctionKey('getContext'), { section: 'history' });
    expect(calls.map((c) => c.functionKey)).toEqual([resolverFunctionKey('loadAdminPage'), resolverFunctionKey('getContext')]);
    await expect(sent(resolverFunctionKey('loadAdminPage'), { section: 'history' })).resolves.toBe(page);
  });
});
