import { metricCatalog } from '@usage-reporting/core';
import type { Request } from '@forge/resolver';
import { ok, type Envelope } from '@usage-reporting/core/api';
import { resolverNames, type ContextOutput } from '@usage-reporting/core/api';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { productionDeps } from '../src/engine/deps';
import { defineResolver, type ResolverHandler } from '../src/resolvers/define';
import { registeredResolverNames, resolverRegistry } from '../src/resolvers/registry';
import { resolverFunctionKey } from '@usage-reporting/core/api';

let platform: SimPlatform;
let errorLog: jest.SpyInstance;
beforeEach(() => {
  platform = createReferencePlatform();
  errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  errorLog.mockRestore();
  platform.close();
});

/** A resolver request as @forge/resolver builds it, run inside an invocation as `accountId`. */
function call<T>(handler: (req: Request<unknown>) => Promise<T>, accountId: string | undefined, payload: unknown = {}): Promise<T> {
  const req: Request<unknown> = {
    payload,
    context: { accountId, installContext: platform.identity.installContext, cloudId: platform.site.cloudId }
  };
  return platform.runAsInvocation({ functionKey: 'resolver', accountId }, () => handler(req));
}

describe('the resolver registry', () => {
  test('registers exactly the contract’s resolvers', () => {
    expect([...registeredResolverNames].sort()).toEqual([...resolverNames].sort());
  });

  test('getContext is the only resolver that answers non-admins', () => {
    const answering = registeredResolverNames.filter((n) => resolverRegistry[n].answersNonAdmins === true);
    expect(answering).toEqual(['getContext']);
  });

  test('a non-admin calling any other resolver is refused with NOT_ADMIN, before input is read or storage touched', async () => {
    const adminOnly = registeredResolverNames.filter((n) => n !== 'getContext');
    for (const name of adminOnly) {
      for (const payload of [{}, { not: 'valid' }, 'garbage']) {
        platform.counters.reset();
        const result = await platform.invokeResolver(resolverFunctionKey(name), payload, { accountId: platform.users.member });
        expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ADMIN' } });
        // The refusal came from asking the product, once; storage was never touched.
        expect(platform.counters.snapshot()).toMatchObject({ kvs: {}, product: { 'GET /rest/api/3/mypermissions': 1 } });
      }
    }
  });
});

describe('defineResolver', () => {
  const deps = productionDeps({ catalog: metricCatalog });
  const contextOk: ResolverHandler<'getContext'>['run'] = async (_input, caller) =>
    ok({ product: caller.product, isAdmin: caller.isAdmin, appVersion: caller.appVersion });

  test('without answersNonAdmins a non-admin is refused and the handler never runs', async () => {
    const run = jest.fn(contextOk);
    const result = await call(defineResolver('getContext', { run }, deps), platform.users.member);
    expect(result).toEqual({ ok: false, error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can use Usage Reporting.' } });
    expect(run).not.toHaveBeenCalled();
  });

  test('a call with no user (no accountId in the context) is refused', async () => {
    const run = jest.fn(contextOk);
    const result = await call(defineResolver('getContext', { answersNonAdmins: true, run }, deps), undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ADMIN' } });
    expect(run).not.toHaveBeenCalled();
  });

  test('an admin passes, and the handler gets the parsed input, the caller and the platform seam', async () => {
    const run = jest.fn(contextOk);
    const result = await call(defineResolver('getContext', { run }, deps), platform.users.admin);
    expect(result).toEqual({ ok: true, data: { product: 'jira', isAdmin: true, appVersion: '1.0.0' } });
    expect(run).toHaveBeenCalledWith({}, { product: 'jira', accountId: platform.users.admin, isAdmin: true, appVersion: '1.0.0' }, deps);
  });

  test('an unexpected throw becomes INTERNAL with a plain message; the detail goes to the log only', async () => {
    const result = await call(
      defineResolver('getContext', {
        run: async () => {
          throw new Error('secret internals: db at 10.0.0.1');
        }
      }, deps),
      platform.users.admin
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('secret internals'));
  });

  test('output that breaks the contract is caught as INTERNAL instead of reaching the page', async () => {
    const broken = async (): Promise<Envelope<ContextOutput>> => ({ ok: true, data: { product: 'bitbucket', isAdmin: true, appVersion: '1' } as unknown as ContextOutput });
    const result = await call(defineResolver('getContext', { run: broken }, deps), platform.users.admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('output did not match the contract'));
  });

  test('a domain failure from the handler passes through unchanged', async () => {
    const result = await call(
      defineResolver('getContext', { run: async () => ({ ok: false, error: { code: 'STORAGE', message: 'Storage is unavailable; try again.' } }) }, deps),
      platform.users.admin
    );
    expect(result).toEqual({ ok: false, error: { code: 'STORAGE', message: 'Storage is unavailable; try again.' } });
  });

  test('a payload that is not an object is INVALID_INPUT saying what arrived', async () => {
    const result = await call(defineResolver('getContext', { run: contextOk }, deps), platform.users.admin, [1, 2, 3]);
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'getContext received an array of 3: (root): invalid type' } });
  });
});
