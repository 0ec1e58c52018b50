import { Batches, type Settled } from '../src/store/postgres/batches';

/**
 * The PostgreSQL store's group commit (store/postgres/batches.ts), without a server: what arrives
 * while a batch is out gathers into the next, each caller gets its own outcome and only once the
 * batch has answered, and close() can wait for all of it.
 */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A run whose batches the test answers by hand, one at a time. */
function manualRun() {
  const batches: Array<{ items: number[]; answer: ReturnType<typeof deferred<Array<Settled<string>>>> }> = [];
  const run = (items: number[]) => {
    const answer = deferred<Array<Settled<string>>>();
    batches.push({ items, answer });
    return answer.promise;
  };
  const ok = (items: number[]): Array<Settled<string>> => items.map((i) => ({ ok: true, value: `done ${i}` }));
  return { batches, run, ok };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Batches', () => {
  it('gathers what arrives while a batch is out into the next one, in order', async () => {
    const { batches, run, ok } = manualRun();
    const b = new Batches(run, { maxBatch: 100, maxInFlight: 1 });
    const first = b.submit(1);
    await turn();
    const later = [2, 3, 4].map((i) => b.submit(i));
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[1]]);

    batches[0]?.answer.resolve(ok([1]));
    await expect(first).resolves.toBe('done 1');
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[1], [2, 3, 4]]);
    batches[1]?.answer.resolve(ok([2, 3, 4]));
    await expect(Promise.all(later)).resolves.toEqual(['done 2', 'done 3', 'done 4']);
  });

  it('settles no caller before its batch has answered, and each with its own outcome', async () => {
    const { batches, run } = manualRun();
    const b = new Batches(run, { maxBatch: 100, maxInFlight: 1 });
    const settled: string[] = [];
    const calls = [1, 2, 3].map((i) => b.submit(i).then((v) => settled.push(v), (e: unknown) => settled.push(`failed ${String(e)}`)));
    await turn();
    await turn();
    expect(settled).toEqual([]);

    batches[0]?.answer.resolve([{ ok: true, value: 'one' }, { ok: false, error: 'two is bad' }, { ok: true, value: 'three' }]);
    await Promise.all(calls);
    expect(settled).toEqual(['one', 'failed two is bad', 'three']);
  });

  it('fails every caller of a batch whose run threw, and the next batch still goes', async () => {
    const { batches, run, ok } = manualRun();
    const b = new Batches(run, { maxBatch: 100, maxInFlight: 1 });
    const doomed = [1, 2].map((i) => b.submit(i));
    await turn();
    const next = b.submit(3);
    batches[0]?.answer.reject(new Error('connection lost'));
    await expect(Promise.allSettled(doomed)).resolves.toEqual([
      { status: 'rejected', reason: new Error('connection lost') },
      { status: 'rejected', reason: new Error('connection lost') }
    ]);
    await turn();
    batches[1]?.answer.resolve(ok([3]));
    await expect(next).resolves.toBe('done 3');
  });

  it('holds at most maxInFlight batches out and at most maxBatch items in one', async () => {
    const { batches, run, ok } = manualRun();
    const b = new Batches(run, { maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5, 6].map((i) => b.submit(i));
    await turn();
    expect(batches.map((x) => x.items)).toEqual([
      [1, 2],
      [3, 4]
    ]);
    batches[0]?.answer.resolve(ok([1, 2]));
    await turn();
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[1, 2], [3, 4], [5, 6]]);
    batches[1]?.answer.resolve(ok([3, 4]));
    batches[2]?.answer.resolve(ok([5, 6]));
    await expect(Promise.all(all)).resolves.toHaveLength(6);
  });

  it('drain() sends what waits and returns only once every batch has answered', async () => {
    const { batches, run, ok } = manualRun();
    const b = new Batches(run, { maxBatch: 100, maxInFlight: 1 });
    const waiting = [1, 2].map((i) => b.submit(i));
    let drained = false;
    const draining = b.drain().then(() => (drained = true));
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[1, 2]]);
    expect(drained).toBe(false);
    batches[0]?.answer.resolve(ok([1, 2]));
    await draining;
    await expect(Promise.all(waiting)).resolves.toEqual(['done 1', 'done 2']);
  });
});
