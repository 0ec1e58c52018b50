import { createKvsService, createMemoryKvsStore } from '../src/kvs/index';

/** The service's HTTP face, for the requests @forge/kvs would never send but a broken caller might. */
describe('simulated KVS service', () => {
  const service = () => createKvsService({ store: createMemoryKvsStore(), now: () => 1_700_000_000_000 });

  it('answers a plain set with 204 and no body, as @forge/kvs expects', async () => {
    await expect(service().handle('/api/v1/set', { key: 'k', value: 1 })).resolves.toEqual({ status: 204 });
  });

  it('answers an unknown path with 404 NOT_FOUND', async () => {
    await expect(service().handle('/api/v1/nope', {})).resolves.toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'No KVS operation at /api/v1/nope' }
    });
  });

  it('answers a malformed body with 400 BAD_REQUEST naming the field', async () => {
    const response = await service().handle('/api/v1/set', { key: 7 });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(/key/) });
  });

  it('refuses returnValue without keyPolicy OVERRIDE, which the SDK types forbid', async () => {
    const response = await service().handle('/api/v1/set', { key: 'k', value: 1, options: { keyPolicy: 'FAIL_IF_EXISTS', returnValue: 'LATEST' } });
    expect(response).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
  });

  it('refuses an entityName on a secret', async () => {
    const response = await service().handle('/api/v1/secret/set', { key: 'k', value: 1, entityName: 'thing' });
    expect(response).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
  });

  it('answers a store failure with 500 INTERNAL_SERVER_ERROR and keeps serving', async () => {
    const store = createMemoryKvsStore();
    let failNext = true;
    const flaky = { ...store, commit: async (writes: Parameters<typeof store.commit>[0]) => {
      if (failNext) {
        failNext = false;
        throw new Error('disk full');
      }
      return store.commit(writes);
    } };
    const kvs = createKvsService({ store: flaky });
    await expect(kvs.handle('/api/v1/set', { key: 'a', value: 1 })).resolves.toEqual({
      status: 500,
      body: { code: 'INTERNAL_SERVER_ERROR', message: 'An internal server error has occurred: disk full' }
    });
    await expect(kvs.handle('/api/v1/set', { key: 'a', value: 2 })).resolves.toEqual({ status: 204 });
    await expect(kvs.handle('/api/v1/get', { key: 'a' })).resolves.toEqual({ status: 200, body: { key: 'a', value: 2 } });
  });
});
