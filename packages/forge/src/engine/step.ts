/** The outcome of one independent part of the daily run, kept for the run's summary. */
export type Step<T> = { ok: true; value: T } | { ok: false; error: string };

/** Runs one step; a failure is logged and recorded, and the caller's next step still runs. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<Step<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(`[scheduled] ${name} failed: ${message}`);
    return { ok: false, error: message };
  }
}
