/**
 * Group commit: writes submitted during one turn of the event loop share one SQLite transaction.
 *
 * Why: with WAL and synchronous=NORMAL a commit is cheap in fsyncs but not in work. Every commit
 * appends each page it touched to the WAL, and the automatic checkpoint later copies and syncs them,
 * so a report's own commit cost more than everything else ingest does (~0.23 ms of the event loop per
 * report; ~0.12 ms each when eight share one). The pages a batch shares (the tail of the reports
 * table, the received_at index, today's dirty mark) are then written once per batch, not per report.
 *
 * What it keeps: a caller's promise settles only after the transaction holding ITS write committed,
 * so an acknowledged write is exactly as durable as before. Items run in submission order inside the
 * batch, so a repeat of a nonce or a reportId within one batch gets the answer it would get one by
 * one. If the batch throws (one item's statement failed, or the commit did), SQLite rolled all of it
 * back, and each item runs again in its own transaction: one bad item fails alone and the others get
 * their own true outcome.
 */
export class GroupCommit<I, O> {
  private pending: Array<{ item: I; resolve: (outcome: O) => void; reject: (error: unknown) => void }> = [];
  private scheduled = false;

  constructor(
    /** Runs every item in ONE transaction and returns their outcomes in order; throws to roll all back. */
    private readonly inOneTransaction: (items: I[]) => O[],
    /** Runs one item in its own transaction. */
    private readonly alone: (item: I) => O,
    /** A bound on one transaction's length, so one turn's backlog cannot hold the loop for long. */
    private readonly maxBatch = 256
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: it runs after the poll phase has delivered every request
        // that arrived in this turn, so they all reach the batch.
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  /** Commits whatever is waiting now; also called before the store closes. */
  flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    if (batch.length > 1) {
      let outcomes: O[] | null = null;
      try {
        outcomes = this.inOneTransaction(batch.map((b) => b.item));
      } catch {
        // Rolled back as a whole; nothing of it is stored. Each item gets its own answer below.
      }
      if (outcomes) {
        batch.forEach((b, i) => b.resolve(outcomes[i] as O));
        return;
      }
    }
    for (const b of batch) {
      try {
        b.resolve(this.alone(b.item));
      } catch (error) {
        b.reject(error);
      }
    }
  }
}
