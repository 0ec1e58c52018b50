/**
 * Time-budgeted slices for a long job that shares the event loop with ingest (the retention pass).
 *
 * The job calls `checkpoint()` after each small piece of work (a page read, a page parsed, a day
 * written). Once the current slice has run for `budgetMs`, the checkpoint yields with setImmediate,
 * so every request that arrived meanwhile is served before the job goes on. A request therefore
 * waits at most the budget plus one piece, however big the job; and small pieces do not each pay a
 * yield, which would stretch a refold of a million rows for nothing.
 *
 * `longestStepMs` is what the job held the loop for at most: the figure the bench reports.
 */
export interface SliceOptions {
  /** Work between two yields. Default 10 ms: well under the 50 ms a refold may hold ingest up. */
  budgetMs?: number;
  /** Milliseconds, monotonic; tests inject one they move by hand. */
  clock?: () => number;
  /** How the job lets the loop run; tests count the calls. */
  yieldToLoop?: () => Promise<void>;
  /** Aborted: the job must stop (it lost its maintenance turn); the next checkpoint throws its reason. */
  lost?: AbortSignal;
}

export const defaultSliceBudgetMs = 10;

const setImmediateYield = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Slices {
  private readonly budgetMs: number;
  private readonly clock: () => number;
  private readonly yieldToLoop: () => Promise<void>;
  private readonly lost: AbortSignal | undefined;
  private sliceStarted: number;
  private longest = 0;

  constructor(options: SliceOptions = {}) {
    this.budgetMs = options.budgetMs ?? defaultSliceBudgetMs;
    if (!(this.budgetMs > 0)) throw new RangeError('a slice budget must be a positive number of milliseconds');
    this.clock = options.clock ?? (() => performance.now());
    this.yieldToLoop = options.yieldToLoop ?? setImmediateYield;
    this.lost = options.lost;
    this.sliceStarted = this.clock();
  }

  /** Yields if the slice has used its budget; otherwise goes straight on. */
  async checkpoint(): Promise<void> {
    if (this.due()) await this.yieldNow();
    else this.lost?.throwIfAborted();
  }

  /**
   * Whether the slice has used its budget: for a loop over many tiny pieces (a row each), which calls
   * `yieldNow` only when due, rather than pay an await per piece.
   */
  due(): boolean {
    return this.clock() - this.sliceStarted >= this.budgetMs;
  }

  /** Ends the slice and yields whatever it used (between two transactions that must not share a slice). */
  async yieldNow(): Promise<void> {
    this.endSlice();
    await this.yieldToLoop();
    this.lost?.throwIfAborted();
    this.sliceStarted = this.clock();
  }

  /** The longest slice so far, the current one included. */
  get longestStepMs(): number {
    return Math.max(this.longest, this.clock() - this.sliceStarted);
  }

  private endSlice(): void {
    this.longest = Math.max(this.longest, this.clock() - this.sliceStarted);
  }
}
