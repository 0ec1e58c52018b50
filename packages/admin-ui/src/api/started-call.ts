import type { Transport } from './client.js';

/** A resolver call already on its way before the page's client existed (first-screen.ts). */
export interface StartedCall {
  functionKey: string;
  payload: Record<string, unknown>;
  /** What the transport would have answered: the raw envelope, parsed by the client like any other. */
  answer: Promise<unknown>;
}

/**
 * `transport`, except that the first call for `started`'s resolver with the same payload takes its
 * answer instead of asking again. Once only: a refresh is a new question and gets a new call, so the
 * page never shows an answer older than its own load.
 */
export function withStartedCall(transport: Transport, started: StartedCall): Transport {
  let waiting: StartedCall | null = started;
  return (functionKey, payload) => {
    if (waiting !== null && functionKey === waiting.functionKey && samePayload(payload, waiting.payload)) {
      const { answer } = waiting;
      waiting = null;
      return answer;
    }
    return transport(functionKey, payload);
  };
}

// Resolver payloads are JSON by contract (they cross postMessage and HTTP), so their text compares them.
const samePayload = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
