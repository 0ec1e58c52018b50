/**
 * Group commit for a store behind a network connection: what callers submit while a batch is at the
 * server gathers into the next one, so under load batches grow by themselves and at rest a lone call
 * waits no longer than one turn of the event loop. The SQLite store's GroupCommit (../group-commit.ts)
 * is the synchronous twin; this one awaits each batch, holding at most `maxInFlight` at once.
 *
 * Why: on PostgreSQL every statement costs a round trip, a parse and plan, a wake-up of the server
 * process, and every autocommitted write a commit. Per report that overhead was most of the server's
 * CPU and a fifth of the collector's (docs/COLLECTOR.md, "PostgreSQL ingest"); per batch it is shared.
 *
 * What it promises: `run` answers one outcome per item, in order, and a caller's promise settles only
 * with that outcome, so it never settles before `run` has finished with its item. If `run` throws, every
 * item of that batch fails with its error. What an outcome means (committed or not) is `run`'s promise.
 */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

/** A promise's outcome as a value, never a rejection. */
export const settledOf = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error })
  );

interface Waiting<I, O> {
  item: I;
  resolve: (outcome: O) => void;
  reject: (error: unknown) => void;
}

export class Batches<I, O> {
  private pending: Array<Waiting<I, O>> = [];
  private scheduled = false;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly run: (items: I[]) => Promise<Array<Settled<O>>>,
    private readonly options: { maxBatch: number; maxInFlight: number }
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Sends whatever is waiting and waits until every batch sent has answered (the store's close). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.inFlight.size > 0) {
      this.flush();
      await Promise.race(this.inFlight);
    }
  }

  private schedule(): void {
    if (this.scheduled || this.pending.length === 0 || this.inFlight.size >= this.options.maxInFlight) return;
    this.scheduled = true;
    // setImmediate, not a microtask: it runs after the poll phase has delivered every request that
    // arrived in this turn, so they all reach the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.pending.length > 0 && this.inFlight.size < this.options.maxInFlight) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      const sent = this.send(batch).finally(() => {
        this.inFlight.delete(sent);
        this.schedule();
      });
      this.inFlight.add(sent);
    }
  }

  private async send(batch: Array<Waiting<I, O>>): Promise<void> {
    let outcomes: Array<Settled<O>>;
    try {
      outcomes = await this.run(batch.map((w) => w.item));
      if (outcomes.length !== batch.length) throw new Error(`a batch of ${batch.length} was answered with ${outcomes.length} outcomes`);
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => {
      const o = outcomes[i] as Settled<O>;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }
}
