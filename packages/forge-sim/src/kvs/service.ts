import type { KvsService, SimHttpResponse } from '../runtime/ports.js';
import { batchDelete, batchGet, batchSet } from './batch.js';
import { failures, toHttp } from './errors.js';
import { queryKeys } from './query.js';
import { deleteOne, getOne, setOne, type KvsContext, type OperationResult } from './single.js';
import type { KvsStore } from './store.js';
import { transact } from './transaction.js';

type Operation = (ctx: KvsContext, body: unknown) => Promise<OperationResult>;

/** The REST paths @forge/kvs 1.6 calls (storage-api.js), all POST with a JSON body. */
const routes: Record<string, Operation> = {
  '/api/v1/get': (ctx, body) => getOne(ctx, 'kvs', body),
  '/api/v1/set': (ctx, body) => setOne(ctx, 'kvs', body),
  '/api/v1/delete': (ctx, body) => deleteOne(ctx, 'kvs', body),
  '/api/v1/query': queryKeys,
  '/api/v1/secret/get': (ctx, body) => getOne(ctx, 'secret', body),
  '/api/v1/secret/set': (ctx, body) => setOne(ctx, 'secret', body),
  '/api/v1/secret/delete': (ctx, body) => deleteOne(ctx, 'secret', body),
  '/api/v1/entity/get': (ctx, body) => getOne(ctx, 'entity', body),
  '/api/v1/entity/set': (ctx, body) => setOne(ctx, 'entity', body),
  '/api/v1/entity/delete': (ctx, body) => deleteOne(ctx, 'entity', body),
  // Entity queries need the manifest's indexes; the app does not use them, so say so plainly.
  '/api/v1/entity/query': async () => failures.notSimulated('Custom entity query (/api/v1/entity/query)'),
  '/api/v1/batch/set': batchSet,
  '/api/v1/batch/get': batchGet,
  '/api/v1/batch/delete': batchDelete,
  '/api/v1/transaction': transact
};

export interface KvsServiceOptions {
  store: KvsStore;
  /** The platform clock, injectable so TTL expiry can be tested without waiting. */
  now?: () => number;
}

/**
 * The simulated Forge KVS. Requests run one at a time: the real service makes a conditional write
 * (FAIL_IF_EXISTS, a transaction's conditions) atomic, and serializing is the simplest way to match.
 */
export function createKvsService(options: KvsServiceOptions): KvsService {
  const ctx: KvsContext = { store: options.store, now: options.now ?? Date.now };
  let queue: Promise<unknown> = Promise.resolve();

  async function run(path: string, body: unknown): Promise<SimHttpResponse> {
    const operation = routes[path.split('?')[0] ?? path];
    let result: OperationResult;
    try {
      result = operation ? await operation(ctx, body) : failures.notFoundPath(path);
    } catch (error) {
      // A store failure (disk full, unreadable data file) reaches the app as the real service's 500,
      // which @forge/kvs raises as INTERNAL_SERVER_ERROR; the cause stays in the message for debugging.
      result = failures.internal(error instanceof Error ? error.message : String(error));
    }
    if (!result.ok) return toHttp(result.failure);
    return result.value === undefined ? { status: 204 } : { status: 200, body: result.value };
  }

  return {
    handle(path, body) {
      const next = queue.then(() => run(path, body));
      queue = next;
      return next;
    }
  };
}
