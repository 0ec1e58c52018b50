import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/**
 * Loads dashboard pages over HTTP from a worker thread. The collector runs on the bench's main
 * thread; a client there would put its own work (reading a 150 KB page) on the loop being measured.
 * The worker has its own loop and heap, so what the main loop sees is the collector's work alone.
 */
export const pageLoadPlanSchema = z.strictObject({
  base: z.url(),
  authorization: z.string().min(1),
  /** Paths requested in this order, `concurrency` at a time. */
  paths: z.array(z.string().startsWith('/')).min(1),
  concurrency: z.number().int().min(1).max(64)
});
export type PageLoadPlan = z.infer<typeof pageLoadPlanSchema>;

const pageTimingSchema = z.strictObject({ path: z.string(), status: z.number().int(), ms: z.number(), bytes: z.number().int() });
export type PageTiming = z.infer<typeof pageTimingSchema>;

// Plain JavaScript: an eval'd worker is not compiled by tsx.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, authorization, paths, concurrency } = workerData;
const timings = [];
let next = 0;
async function lane() {
  while (next < paths.length) {
    const path = paths[next++];
    const started = performance.now();
    const res = await fetch(base + path, { headers: { authorization } });
    const body = await res.text();
    timings.push({ path, status: res.status, ms: performance.now() - started, bytes: body.length });
  }
}
Promise.all(Array.from({ length: concurrency }, lane)).then(() => parentPort.postMessage(timings));
`;

export function loadPages(plan: PageLoadPlan): Promise<PageTiming[]> {
  const workerData = pageLoadPlanSchema.parse(plan);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData });
    worker.once('message', (message: unknown) => {
      const parsed = z.array(pageTimingSchema).safeParse(message);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`the page-load worker sent no timings: ${parsed.error.message}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the page-load worker exited with ${code}`));
    });
  });
}
